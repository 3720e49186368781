-- Search index of the duplicate check (src/duplicates/search-index-postgresql.ts): one row per
-- complaint holding its stems qualified by Pemda and 32-day incident-date bucket, found through a
-- GIN index (the SQLite history keeps the same tokens in an FTS5 table).
CREATE TABLE "ComplaintSearch" (
    "complaintId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Complaint" ("id") ON DELETE CASCADE,
    "tokens" TEXT[] NOT NULL
);
CREATE INDEX "ComplaintSearch_tokens_idx" ON "ComplaintSearch" USING GIN ("tokens");
