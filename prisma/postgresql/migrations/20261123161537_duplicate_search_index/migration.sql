-- DropIndex
DROP INDEX "ComplaintIdentityKey_kind_keyHash_idx";

-- AlterTable
ALTER TABLE "ComplaintMatchProfile" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ComplaintIdentityKey" ADD COLUMN     "incidentDate" TEXT NOT NULL,
ADD COLUMN     "regionId" INTEGER NOT NULL;

-- CreateIndex
CREATE INDEX "Complaint_duplicateCheckedAt_idx" ON "Complaint"("duplicateCheckedAt");

-- CreateIndex
CREATE INDEX "ComplaintIdentityKey_keyHash_regionId_incidentDate_idx" ON "ComplaintIdentityKey"("keyHash", "regionId", "incidentDate");

-- prisma/postgresql/sql/duplicate_search_index.sql
-- Search index of the duplicate check (src/duplicates/search-index-postgresql.ts): one row per
-- complaint holding its stems qualified by Pemda and 32-day incident-date bucket, found through a
-- GIN index (the SQLite history keeps the same tokens in an FTS5 table).
CREATE TABLE "ComplaintSearch" (
    "complaintId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Complaint" ("id") ON DELETE CASCADE,
    "tokens" TEXT[] NOT NULL
);
CREATE INDEX "ComplaintSearch_tokens_idx" ON "ComplaintSearch" USING GIN ("tokens");
