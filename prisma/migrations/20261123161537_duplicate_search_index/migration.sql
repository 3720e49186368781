-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ComplaintIdentityKey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "regionId" INTEGER NOT NULL,
    "incidentDate" TEXT NOT NULL,
    CONSTRAINT "ComplaintIdentityKey_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- No rows to carry over: nothing wrote the identity index before this migration (`npm run cli -- duplicates rebuild` fills it).
DROP TABLE "ComplaintIdentityKey";
ALTER TABLE "new_ComplaintIdentityKey" RENAME TO "ComplaintIdentityKey";
CREATE INDEX "ComplaintIdentityKey_keyHash_regionId_incidentDate_idx" ON "ComplaintIdentityKey"("keyHash", "regionId", "incidentDate");
CREATE INDEX "ComplaintIdentityKey_complaintId_idx" ON "ComplaintIdentityKey"("complaintId");
CREATE TABLE "new_ComplaintMatchProfile" (
    "complaintId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "incidentDate" TEXT NOT NULL,
    "profile" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ComplaintMatchProfile_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ComplaintMatchProfile" ("complaintId", "createdAt", "incidentDate", "profile", "regionId", "unitId") SELECT "complaintId", "createdAt", "incidentDate", "profile", "regionId", "unitId" FROM "ComplaintMatchProfile";
DROP TABLE "ComplaintMatchProfile";
ALTER TABLE "new_ComplaintMatchProfile" RENAME TO "ComplaintMatchProfile";
CREATE INDEX "ComplaintMatchProfile_unitId_incidentDate_idx" ON "ComplaintMatchProfile"("unitId", "incidentDate");
CREATE INDEX "ComplaintMatchProfile_regionId_incidentDate_idx" ON "ComplaintMatchProfile"("regionId", "incidentDate");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Complaint_duplicateCheckedAt_idx" ON "Complaint"("duplicateCheckedAt");

-- Full-text index of the duplicate check (src/duplicates/search-index-sqlite.ts): one row per
-- complaint (rowid = Complaint.id) holding its stems qualified by Pemda and 32-day incident-date
-- bucket. Contentless (only rowids come back) and without positions: the smallest FTS5 index.
-- Listed in prisma/offline/external-tables.mjs so that later migrations leave it alone.
CREATE VIRTUAL TABLE "ComplaintSearch" USING fts5(tokens, content='', contentless_delete=1, detail=none, tokenize='ascii');
