-- CreateTable
CREATE TABLE "ComplaintMatchProfile" (
    "complaintId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "incidentDate" TEXT NOT NULL,
    "profile" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ComplaintMatchProfile_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplaintIdentityKey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    CONSTRAINT "ComplaintIdentityKey_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DuplicateCandidate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "candidateId" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "verdict" TEXT NOT NULL,
    "reasons" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DuplicateCandidate_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DuplicateCandidate_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DuplicateDecision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "candidateId" INTEGER,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "decidedById" INTEGER NOT NULL,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reversedAt" DATETIME,
    "reversedById" INTEGER,
    "reversalReason" TEXT,
    CONSTRAINT "DuplicateDecision_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplaintRelation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "relatedId" INTEGER NOT NULL,
    "decisionId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    CONSTRAINT "ComplaintRelation_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ComplaintRelation_relatedId_fkey" FOREIGN KEY ("relatedId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Office" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "superiorTitle" TEXT,
    "superiorName" TEXT,
    "superiorEmail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Office_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FocalPointAppointment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "officeId" INTEGER NOT NULL,
    "userId" INTEGER,
    "name" TEXT NOT NULL,
    "position" TEXT,
    "nip" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "role" TEXT NOT NULL DEFAULT 'primary',
    "decreeNumber" TEXT NOT NULL,
    "decreeDate" TEXT NOT NULL,
    "validFrom" TEXT NOT NULL,
    "validUntil" TEXT,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FocalPointAppointment_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FocalPointAppointment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionId" INTEGER,
    "unitKind" TEXT,
    "category" TEXT,
    "topic" TEXT,
    "isAboutInspektorat" BOOLEAN,
    "targetOffice" TEXT NOT NULL,
    "notifyAssistant" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RoutingRule_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplaintRoute" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "officeId" INTEGER NOT NULL,
    "ruleId" INTEGER,
    "basis" JSONB NOT NULL,
    "reason" TEXT,
    "routedById" INTEGER,
    "routedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    CONSTRAINT "ComplaintRoute_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ComplaintRoute_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoordinationLetter" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "officeId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "templateKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentById" INTEGER NOT NULL,
    "answeredAt" DATETIME,
    "answerBody" TEXT,
    "answeredById" INTEGER,
    CONSTRAINT "CoordinationLetter_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoordinationLetter_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LetterTemplate" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Counter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "StaffNotification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "complaintId" INTEGER,
    "kind" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "link" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "StaffNotification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StaffNotification_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeadlinePolicyVersion" (
    "version" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rules" JSONB NOT NULL,
    "note" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "date" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "regionId" INTEGER,
    "source" TEXT NOT NULL,
    "isConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Holiday_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "remindAt" DATETIME,
    "basis" JSONB NOT NULL,
    "pauses" JSONB NOT NULL DEFAULT [],
    "pausedAt" DATETIME,
    "metAt" DATETIME,
    "missedAt" DATETIME,
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "escalations" INTEGER NOT NULL DEFAULT 0,
    "nextEscalationAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Deadline_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Complaint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "trackingNumber" TEXT NOT NULL,
    "accessCodeHash" TEXT,
    "status" TEXT NOT NULL DEFAULT 'received',
    "desk" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "externalRef" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "regionId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "unitName" TEXT,
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "incidentDate" TEXT NOT NULL,
    "category" TEXT,
    "hasPriorComplaint" BOOLEAN NOT NULL DEFAULT false,
    "priorComplaintTo" TEXT,
    "priorComplaintDate" TEXT,
    "priorComplaintResponse" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "submissionKey" TEXT,
    "createdById" INTEGER,
    "duplicateOfId" INTEGER,
    "topic" TEXT NOT NULL DEFAULT 'service',
    "duplicateVerdict" TEXT,
    "duplicateCheckedAt" DATETIME,
    "assignedOfficeId" INTEGER,
    "statusChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verifiedAt" DATETIME,
    "fileCompletedAt" DATETIME,
    "routedAt" DATETIME,
    "acknowledgedAt" DATETIME,
    "firstAnsweredAt" DATETIME,
    "decidedAt" DATETIME,
    "outcome" TEXT,
    "outcomeSummary" TEXT,
    "reporterNotifiedAt" DATETIME,
    "closedAt" DATETIME,
    "rating" INTEGER,
    "ratingComment" TEXT,
    "ratedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Complaint_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Complaint_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Complaint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Complaint_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Complaint" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Complaint_assignedOfficeId_fkey" FOREIGN KEY ("assignedOfficeId") REFERENCES "Office" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Complaint" ("accessCodeHash", "category", "channel", "createdAt", "createdById", "description", "desk", "duplicateOfId", "externalRef", "hasPriorComplaint", "id", "incidentDate", "locale", "priorComplaintDate", "priorComplaintResponse", "priorComplaintTo", "receivedAt", "regionId", "status", "subject", "submissionKey", "trackingNumber", "unitId", "unitName", "updatedAt") SELECT "accessCodeHash", "category", "channel", "createdAt", "createdById", "description", "desk", "duplicateOfId", "externalRef", "hasPriorComplaint", "id", "incidentDate", "locale", "priorComplaintDate", "priorComplaintResponse", "priorComplaintTo", "receivedAt", "regionId", "status", "subject", "submissionKey", "trackingNumber", "unitId", "unitName", "updatedAt" FROM "Complaint";
DROP TABLE "Complaint";
ALTER TABLE "new_Complaint" RENAME TO "Complaint";
CREATE UNIQUE INDEX "Complaint_trackingNumber_key" ON "Complaint"("trackingNumber");
CREATE UNIQUE INDEX "Complaint_submissionKey_key" ON "Complaint"("submissionKey");
CREATE INDEX "Complaint_regionId_status_idx" ON "Complaint"("regionId", "status");
CREATE INDEX "Complaint_unitId_incidentDate_idx" ON "Complaint"("unitId", "incidentDate");
CREATE INDEX "Complaint_regionId_incidentDate_idx" ON "Complaint"("regionId", "incidentDate");
CREATE INDEX "Complaint_status_receivedAt_idx" ON "Complaint"("status", "receivedAt");
CREATE INDEX "Complaint_desk_receivedAt_idx" ON "Complaint"("desk", "receivedAt");
CREATE INDEX "Complaint_duplicateOfId_idx" ON "Complaint"("duplicateOfId");
CREATE INDEX "Complaint_assignedOfficeId_status_idx" ON "Complaint"("assignedOfficeId", "status");
CREATE INDEX "Complaint_regionId_statusChangedAt_idx" ON "Complaint"("regionId", "statusChangedAt");
CREATE UNIQUE INDEX "Complaint_channel_externalRef_key" ON "Complaint"("channel", "externalRef");
CREATE TABLE "new_Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '',
    "isAssessed" BOOLEAN NOT NULL DEFAULT false,
    "isInspektorat" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Unit_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Unit" ("aliases", "createdAt", "id", "isActive", "isAssessed", "kind", "name", "regionId", "updatedAt") SELECT "aliases", "createdAt", "id", "isActive", "isAssessed", "kind", "name", "regionId", "updatedAt" FROM "Unit";
DROP TABLE "Unit";
ALTER TABLE "new_Unit" RENAME TO "Unit";
CREATE INDEX "Unit_regionId_kind_idx" ON "Unit"("regionId", "kind");
CREATE UNIQUE INDEX "Unit_regionId_name_key" ON "Unit"("regionId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ComplaintMatchProfile_unitId_incidentDate_idx" ON "ComplaintMatchProfile"("unitId", "incidentDate");

-- CreateIndex
CREATE INDEX "ComplaintMatchProfile_regionId_incidentDate_idx" ON "ComplaintMatchProfile"("regionId", "incidentDate");

-- CreateIndex
CREATE INDEX "ComplaintIdentityKey_kind_keyHash_idx" ON "ComplaintIdentityKey"("kind", "keyHash");

-- CreateIndex
CREATE INDEX "ComplaintIdentityKey_complaintId_idx" ON "ComplaintIdentityKey"("complaintId");

-- CreateIndex
CREATE INDEX "DuplicateCandidate_candidateId_idx" ON "DuplicateCandidate"("candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "DuplicateCandidate_complaintId_candidateId_key" ON "DuplicateCandidate"("complaintId", "candidateId");

-- CreateIndex
CREATE INDEX "DuplicateDecision_complaintId_idx" ON "DuplicateDecision"("complaintId");

-- CreateIndex
CREATE INDEX "ComplaintRelation_relatedId_idx" ON "ComplaintRelation"("relatedId");

-- CreateIndex
CREATE UNIQUE INDEX "ComplaintRelation_complaintId_relatedId_key" ON "ComplaintRelation"("complaintId", "relatedId");

-- CreateIndex
CREATE UNIQUE INDEX "Office_regionId_kind_key" ON "Office"("regionId", "kind");

-- CreateIndex
CREATE INDEX "FocalPointAppointment_officeId_idx" ON "FocalPointAppointment"("officeId");

-- CreateIndex
CREATE INDEX "FocalPointAppointment_validUntil_idx" ON "FocalPointAppointment"("validUntil");

-- CreateIndex
CREATE INDEX "ComplaintRoute_complaintId_idx" ON "ComplaintRoute"("complaintId");

-- CreateIndex
CREATE INDEX "ComplaintRoute_officeId_idx" ON "ComplaintRoute"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "CoordinationLetter_number_key" ON "CoordinationLetter"("number");

-- CreateIndex
CREATE INDEX "CoordinationLetter_complaintId_idx" ON "CoordinationLetter"("complaintId");

-- CreateIndex
CREATE INDEX "CoordinationLetter_officeId_answeredAt_idx" ON "CoordinationLetter"("officeId", "answeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "StaffNotification_dedupeKey_key" ON "StaffNotification"("dedupeKey");

-- CreateIndex
CREATE INDEX "StaffNotification_userId_readAt_createdAt_idx" ON "StaffNotification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Holiday_date_idx" ON "Holiday"("date");

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_date_kind_regionId_key" ON "Holiday"("date", "kind", "regionId");

-- CreateIndex
CREATE INDEX "Deadline_complaintId_kind_idx" ON "Deadline"("complaintId", "kind");

-- CreateIndex
CREATE INDEX "Deadline_metAt_dueAt_idx" ON "Deadline"("metAt", "dueAt");

-- CreateIndex
CREATE INDEX "Deadline_metAt_remindAt_idx" ON "Deadline"("metAt", "remindAt");

-- CreateIndex
CREATE INDEX "Deadline_metAt_nextEscalationAt_idx" ON "Deadline"("metAt", "nextEscalationAt");
