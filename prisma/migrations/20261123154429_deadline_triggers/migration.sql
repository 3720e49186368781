-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN "cancelledAt" DATETIME;
ALTER TABLE "Deadline" ADD COLUMN "nextTriggerAt" DATETIME;

-- AlterTable
ALTER TABLE "Holiday" ADD COLUMN "note" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DeadlinePolicyVersion" (
    "version" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rules" JSONB NOT NULL,
    "noticeTime" TEXT NOT NULL DEFAULT '08:00',
    "note" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_DeadlinePolicyVersion" ("createdAt", "createdById", "note", "rules", "version") SELECT "createdAt", "createdById", "note", "rules", "version" FROM "DeadlinePolicyVersion";
DROP TABLE "DeadlinePolicyVersion";
ALTER TABLE "new_DeadlinePolicyVersion" RENAME TO "DeadlinePolicyVersion";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Deadline_nextTriggerAt_idx" ON "Deadline"("nextTriggerAt");
