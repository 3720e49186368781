import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { createTestDatabase } from "./test-database.js";

/**
 * Runs before each test file, before the application's modules load: a fresh copy of the seeded
 * template database and a private data directory, so that config.ts (parsed once per file) points
 * there. Test files that need other settings set them before importing the application.
 */
const runDir = inject("runDir");
const dir = path.join(runDir, `file-${crypto.randomBytes(6).toString("hex")}`);
fs.mkdirSync(dir, { recursive: true });

process.env.NODE_ENV = "test";
process.env.DATA_DIR = dir;
process.env.DATABASE_URL = await createTestDatabase(inject("databaseTemplate"), dir, inject("runTag"));
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? "silent";
process.env.BASE_URL = "http://penghubung.test";
process.env.PENGHUBUNG_TEST_REDIS_URL ??= process.env.REDIS_URL || "redis://127.0.0.1:6379";
delete process.env.REDIS_URL;
delete process.env.SMTP_URL;
delete process.env.ADMIN_EMAIL;
delete process.env.ADMIN_PASSWORD;
