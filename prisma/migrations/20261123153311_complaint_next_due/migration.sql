-- AlterTable
ALTER TABLE "Complaint" ADD COLUMN "nextDueAt" DATETIME;
ALTER TABLE "Complaint" ADD COLUMN "overdueSince" DATETIME;

-- CreateIndex
CREATE INDEX "Complaint_regionId_nextDueAt_idx" ON "Complaint"("regionId", "nextDueAt");

-- CreateIndex
CREATE INDEX "Complaint_overdueSince_idx" ON "Complaint"("overdueSince");
