-- CreateTable
CREATE TABLE "MethodologyVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AssessorScore" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "points" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "updatedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AssessorScore_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplaintChannel" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isElectronic" BOOLEAN NOT NULL,
    "openedDate" TEXT NOT NULL,
    "publishedDate" TEXT,
    "publishedWhere" TEXT,
    "closedDate" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ComplaintChannel_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplaintOfficer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT,
    "decreeNumber" TEXT,
    "decreeDate" TEXT,
    "appointedFrom" TEXT NOT NULL,
    "appointedUntil" TEXT,
    "trainedDate" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ComplaintOfficer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplaintProcedure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "documentNumber" TEXT,
    "adoptedDate" TEXT,
    "publishedDate" TEXT,
    "url" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ComplaintProcedure_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PeriodicReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "sentDate" TEXT,
    "note" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PeriodicReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CorrectiveAction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "complaintId" INTEGER,
    "receivedDate" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "followedUpDate" TEXT,
    "note" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CorrectiveAction_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecommendationEvidence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ScoreRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "methodologyId" TEXT NOT NULL,
    "methodologyFingerprint" TEXT NOT NULL,
    "periodStartAt" DATETIME NOT NULL,
    "periodEndAt" DATETIME NOT NULL,
    "computedAt" DATETIME NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "complaintCount" INTEGER NOT NULL,
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" DATETIME,
    "publishedById" INTEGER
);

-- CreateTable
CREATE TABLE "ScoreRegionResult" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "regionName" TEXT NOT NULL,
    "score" REAL,
    "provisionalScore" REAL,
    "category" TEXT,
    "zone" TEXT,
    "rank" INTEGER,
    "unitCount" INTEGER NOT NULL,
    "incompleteUnitCount" INTEGER NOT NULL,
    "dimensions" JSONB NOT NULL,
    CONSTRAINT "ScoreRegionResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ScoreRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScoreUnitResult" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "unitName" TEXT NOT NULL,
    "unitKind" TEXT NOT NULL,
    "total" REAL,
    "category" TEXT,
    "zone" TEXT,
    "dimensions" JSONB NOT NULL,
    "complaintDimension" JSONB,
    "missingDimensionKeys" JSONB NOT NULL,
    "complaintCount" INTEGER NOT NULL,
    CONSTRAINT "ScoreUnitResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ScoreRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScoreIndicatorResult" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "unitResultId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "valueKind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "value" REAL,
    "points" INTEGER,
    "maxPoints" INTEGER NOT NULL,
    "lostPoints" REAL NOT NULL,
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
    CONSTRAINT "ScoreIndicatorResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ScoreRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScoreIndicatorResult_unitResultId_fkey" FOREIGN KEY ("unitResultId") REFERENCES "ScoreUnitResult" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
