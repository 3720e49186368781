-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Region" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parentId" INTEGER,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Makassar',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '',
    "isAssessed" BOOLEAN NOT NULL DEFAULT false,
    "isInspektorat" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" TEXT NOT NULL,
    "regionId" INTEGER,
    "office" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "passwordChangedAt" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "userAgent" TEXT,
    "ipAddress" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OneTimeToken" (
    "id" SERIAL NOT NULL,
    "purpose" TEXT NOT NULL,
    "userId" INTEGER,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "OneTimeToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "stream" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" TEXT NOT NULL,
    "actorUserId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "prevHash" TEXT,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" SERIAL NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'email',
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SystemSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" SERIAL NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "accessCodeHash" TEXT,
    "status" TEXT NOT NULL DEFAULT 'received',
    "desk" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "externalRef" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
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
    "duplicateCheckedAt" TIMESTAMP(3),
    "assignedOfficeId" INTEGER,
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextDueAt" TIMESTAMP(3),
    "overdueSince" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "fileCompletedAt" TIMESTAMP(3),
    "routedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "firstAnsweredAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "outcomeSummary" TEXT,
    "reporterNotifiedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "rating" INTEGER,
    "ratingComment" TEXT,
    "ratedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reporter" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nik" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "confidentiality" TEXT NOT NULL DEFAULT 'confidential',

    CONSTRAINT "Reporter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "messageId" INTEGER,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedByKind" TEXT NOT NULL,
    "uploadedById" INTEGER,
    "isInternal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingUpload" (
    "id" SERIAL NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingUpload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintMessage" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "authorKind" TEXT NOT NULL,
    "authorUserId" INTEGER,
    "body" TEXT NOT NULL,
    "isInternal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintMatchProfile" (
    "complaintId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "incidentDate" TEXT NOT NULL,
    "profile" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintMatchProfile_pkey" PRIMARY KEY ("complaintId")
);

-- CreateTable
CREATE TABLE "ComplaintIdentityKey" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,

    CONSTRAINT "ComplaintIdentityKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DuplicateCandidate" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "candidateId" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "verdict" TEXT NOT NULL,
    "reasons" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DuplicateCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DuplicateDecision" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "candidateId" INTEGER,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "decidedById" INTEGER NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reversedAt" TIMESTAMP(3),
    "reversedById" INTEGER,
    "reversalReason" TEXT,

    CONSTRAINT "DuplicateDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintRelation" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "relatedId" INTEGER NOT NULL,
    "decisionId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "ComplaintRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Office" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "superiorTitle" TEXT,
    "superiorName" TEXT,
    "superiorEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FocalPointAppointment" (
    "id" SERIAL NOT NULL,
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
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FocalPointAppointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER,
    "unitKind" TEXT,
    "category" TEXT,
    "topic" TEXT,
    "isAboutInspektorat" BOOLEAN,
    "targetOffice" TEXT NOT NULL,
    "notifyAssistant" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintRoute" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "officeId" INTEGER NOT NULL,
    "ruleId" INTEGER,
    "basis" JSONB NOT NULL,
    "reason" TEXT,
    "routedById" INTEGER,
    "routedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "ComplaintRoute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoordinationLetter" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "officeId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "templateKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentById" INTEGER NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "answerBody" TEXT,
    "answeredById" INTEGER,

    CONSTRAINT "CoordinationLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterTemplate" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LetterTemplate_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Counter" (
    "key" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "StaffNotification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "complaintId" INTEGER,
    "kind" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "link" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "StaffNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlinePolicyVersion" (
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "noticeTime" TEXT NOT NULL DEFAULT '08:00',
    "note" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlinePolicyVersion_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" SERIAL NOT NULL,
    "date" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "regionId" INTEGER,
    "source" TEXT NOT NULL,
    "isConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "remindAt" TIMESTAMP(3),
    "basis" JSONB NOT NULL,
    "pauses" JSONB NOT NULL DEFAULT '[]',
    "pausedAt" TIMESTAMP(3),
    "metAt" TIMESTAMP(3),
    "missedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "escalations" INTEGER NOT NULL DEFAULT 0,
    "nextEscalationAt" TIMESTAMP(3),
    "nextTriggerAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MethodologyVersion" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MethodologyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessorScore" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "points" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "updatedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessorScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintChannel" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isElectronic" BOOLEAN NOT NULL,
    "openedDate" TEXT NOT NULL,
    "publishedDate" TEXT,
    "publishedWhere" TEXT,
    "closedDate" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplaintChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintOfficer" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT,
    "decreeNumber" TEXT,
    "decreeDate" TEXT,
    "appointedFrom" TEXT NOT NULL,
    "appointedUntil" TEXT,
    "trainedDate" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplaintOfficer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintProcedure" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "documentNumber" TEXT,
    "adoptedDate" TEXT,
    "publishedDate" TEXT,
    "url" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplaintProcedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodicReport" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "sentDate" TEXT,
    "note" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeriodicReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectiveAction" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "complaintId" INTEGER,
    "receivedDate" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "followedUpDate" TEXT,
    "note" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CorrectiveAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationEvidence" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "itemKey" TEXT NOT NULL,
    "isDone" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "fileStorageKey" TEXT,
    "fileName" TEXT,
    "fileMediaType" TEXT,
    "fileSizeBytes" INTEGER,
    "updatedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecommendationEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreRun" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "methodologyId" TEXT NOT NULL,
    "methodologyFingerprint" TEXT NOT NULL,
    "periodStartAt" TIMESTAMP(3) NOT NULL,
    "periodEndAt" TIMESTAMP(3) NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "complaintCount" INTEGER NOT NULL,
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "publishedById" INTEGER,

    CONSTRAINT "ScoreRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreRegionResult" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "regionName" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "provisionalScore" DOUBLE PRECISION,
    "category" TEXT,
    "zone" TEXT,
    "rank" INTEGER,
    "unitCount" INTEGER NOT NULL,
    "incompleteUnitCount" INTEGER NOT NULL,
    "dimensions" JSONB NOT NULL,

    CONSTRAINT "ScoreRegionResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreUnitResult" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "unitName" TEXT NOT NULL,
    "unitKind" TEXT NOT NULL,
    "total" DOUBLE PRECISION,
    "category" TEXT,
    "zone" TEXT,
    "dimensions" JSONB NOT NULL,
    "complaintDimension" JSONB,
    "missingDimensionKeys" JSONB NOT NULL,
    "complaintCount" INTEGER NOT NULL,

    CONSTRAINT "ScoreUnitResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreIndicatorResult" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "unitResultId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "valueKind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "points" INTEGER,
    "maxPoints" INTEGER NOT NULL,
    "lostPoints" DOUBLE PRECISION NOT NULL,
    "minimumCases" INTEGER,
    "recordKind" TEXT NOT NULL,
    "numeratorCount" INTEGER NOT NULL,
    "denominatorCount" INTEGER NOT NULL,
    "pendingCount" INTEGER NOT NULL,
    "basis" JSONB NOT NULL,
    "thresholds" JSONB NOT NULL,
    "textParams" JSONB NOT NULL,
    "assumed" BOOLEAN NOT NULL,
    "sourceIds" JSONB NOT NULL,

    CONSTRAINT "ScoreIndicatorResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE INDEX "Unit_regionId_kind_idx" ON "Unit"("regionId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_regionId_name_key" ON "Unit"("regionId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_regionId_idx" ON "User"("role", "regionId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "OneTimeToken_tokenHash_key" ON "OneTimeToken"("tokenHash");

-- CreateIndex
CREATE INDEX "OneTimeToken_userId_purpose_idx" ON "OneTimeToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorUserId_idx" ON "AuditEvent"("actorUserId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_stream_seq_key" ON "AuditEvent"("stream", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_trackingNumber_key" ON "Complaint"("trackingNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_submissionKey_key" ON "Complaint"("submissionKey");

-- CreateIndex
CREATE INDEX "Complaint_regionId_status_idx" ON "Complaint"("regionId", "status");

-- CreateIndex
CREATE INDEX "Complaint_unitId_incidentDate_idx" ON "Complaint"("unitId", "incidentDate");

-- CreateIndex
CREATE INDEX "Complaint_regionId_incidentDate_idx" ON "Complaint"("regionId", "incidentDate");

-- CreateIndex
CREATE INDEX "Complaint_status_receivedAt_idx" ON "Complaint"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "Complaint_desk_receivedAt_idx" ON "Complaint"("desk", "receivedAt");

-- CreateIndex
CREATE INDEX "Complaint_duplicateOfId_idx" ON "Complaint"("duplicateOfId");

-- CreateIndex
CREATE INDEX "Complaint_assignedOfficeId_status_idx" ON "Complaint"("assignedOfficeId", "status");

-- CreateIndex
CREATE INDEX "Complaint_regionId_statusChangedAt_idx" ON "Complaint"("regionId", "statusChangedAt");

-- CreateIndex
CREATE INDEX "Complaint_regionId_nextDueAt_idx" ON "Complaint"("regionId", "nextDueAt");

-- CreateIndex
CREATE INDEX "Complaint_overdueSince_idx" ON "Complaint"("overdueSince");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_channel_externalRef_key" ON "Complaint"("channel", "externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "Reporter_complaintId_key" ON "Reporter"("complaintId");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_complaintId_idx" ON "Attachment"("complaintId");

-- CreateIndex
CREATE UNIQUE INDEX "PendingUpload_storageKey_key" ON "PendingUpload"("storageKey");

-- CreateIndex
CREATE INDEX "PendingUpload_submissionKey_idx" ON "PendingUpload"("submissionKey");

-- CreateIndex
CREATE INDEX "PendingUpload_createdAt_idx" ON "PendingUpload"("createdAt");

-- CreateIndex
CREATE INDEX "ComplaintMessage_complaintId_createdAt_idx" ON "ComplaintMessage"("complaintId", "createdAt");

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
CREATE INDEX "Deadline_nextTriggerAt_idx" ON "Deadline"("nextTriggerAt");

-- CreateIndex
CREATE INDEX "Deadline_complaintId_kind_idx" ON "Deadline"("complaintId", "kind");

-- CreateIndex
CREATE INDEX "Deadline_metAt_dueAt_idx" ON "Deadline"("metAt", "dueAt");

-- CreateIndex
CREATE INDEX "Deadline_metAt_remindAt_idx" ON "Deadline"("metAt", "remindAt");

-- CreateIndex
CREATE INDEX "Deadline_metAt_nextEscalationAt_idx" ON "Deadline"("metAt", "nextEscalationAt");

-- CreateIndex
CREATE UNIQUE INDEX "MethodologyVersion_year_revision_key" ON "MethodologyVersion"("year", "revision");

-- CreateIndex
CREATE INDEX "AssessorScore_year_idx" ON "AssessorScore"("year");

-- CreateIndex
CREATE UNIQUE INDEX "AssessorScore_unitId_year_key" ON "AssessorScore"("unitId", "year");

-- CreateIndex
CREATE INDEX "ComplaintChannel_unitId_idx" ON "ComplaintChannel"("unitId");

-- CreateIndex
CREATE INDEX "ComplaintOfficer_unitId_idx" ON "ComplaintOfficer"("unitId");

-- CreateIndex
CREATE INDEX "ComplaintProcedure_unitId_idx" ON "ComplaintProcedure"("unitId");

-- CreateIndex
CREATE INDEX "PeriodicReport_unitId_dueDate_idx" ON "PeriodicReport"("unitId", "dueDate");

-- CreateIndex
CREATE INDEX "CorrectiveAction_unitId_receivedDate_idx" ON "CorrectiveAction"("unitId", "receivedDate");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationEvidence_regionId_year_itemKey_key" ON "RecommendationEvidence"("regionId", "year", "itemKey");

-- CreateIndex
CREATE INDEX "ScoreRun_year_isCurrent_idx" ON "ScoreRun"("year", "isCurrent");

-- CreateIndex
CREATE INDEX "ScoreRun_year_publishedAt_idx" ON "ScoreRun"("year", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreRegionResult_runId_regionId_key" ON "ScoreRegionResult"("runId", "regionId");

-- CreateIndex
CREATE INDEX "ScoreUnitResult_runId_regionId_idx" ON "ScoreUnitResult"("runId", "regionId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreUnitResult_runId_unitId_key" ON "ScoreUnitResult"("runId", "unitId");

-- CreateIndex
CREATE INDEX "ScoreIndicatorResult_runId_regionId_idx" ON "ScoreIndicatorResult"("runId", "regionId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreIndicatorResult_unitResultId_key_key" ON "ScoreIndicatorResult"("unitResultId", "key");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OneTimeToken" ADD CONSTRAINT "OneTimeToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Complaint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_assignedOfficeId_fkey" FOREIGN KEY ("assignedOfficeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reporter" ADD CONSTRAINT "Reporter_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ComplaintMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintMessage" ADD CONSTRAINT "ComplaintMessage_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintMatchProfile" ADD CONSTRAINT "ComplaintMatchProfile_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintIdentityKey" ADD CONSTRAINT "ComplaintIdentityKey_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateCandidate" ADD CONSTRAINT "DuplicateCandidate_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateCandidate" ADD CONSTRAINT "DuplicateCandidate_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateDecision" ADD CONSTRAINT "DuplicateDecision_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintRelation" ADD CONSTRAINT "ComplaintRelation_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintRelation" ADD CONSTRAINT "ComplaintRelation_relatedId_fkey" FOREIGN KEY ("relatedId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Office" ADD CONSTRAINT "Office_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FocalPointAppointment" ADD CONSTRAINT "FocalPointAppointment_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FocalPointAppointment" ADD CONSTRAINT "FocalPointAppointment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintRoute" ADD CONSTRAINT "ComplaintRoute_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintRoute" ADD CONSTRAINT "ComplaintRoute_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoordinationLetter" ADD CONSTRAINT "CoordinationLetter_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoordinationLetter" ADD CONSTRAINT "CoordinationLetter_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffNotification" ADD CONSTRAINT "StaffNotification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffNotification" ADD CONSTRAINT "StaffNotification_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessorScore" ADD CONSTRAINT "AssessorScore_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintChannel" ADD CONSTRAINT "ComplaintChannel_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintOfficer" ADD CONSTRAINT "ComplaintOfficer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintProcedure" ADD CONSTRAINT "ComplaintProcedure_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodicReport" ADD CONSTRAINT "PeriodicReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectiveAction" ADD CONSTRAINT "CorrectiveAction_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreRegionResult" ADD CONSTRAINT "ScoreRegionResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ScoreRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreUnitResult" ADD CONSTRAINT "ScoreUnitResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ScoreRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreIndicatorResult" ADD CONSTRAINT "ScoreIndicatorResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ScoreRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreIndicatorResult" ADD CONSTRAINT "ScoreIndicatorResult_unitResultId_fkey" FOREIGN KEY ("unitResultId") REFERENCES "ScoreUnitResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;
