-- DropIndex
DROP INDEX "Complaint_channel_externalRef_key";

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_channel_regionId_externalRef_key" ON "Complaint"("channel", "regionId", "externalRef");
