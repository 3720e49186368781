import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { Express } from "express";
import { waitForIdleQueue } from "../../jobs/queue.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/verify-audit-chain.js";
import { BackupError } from "../../src/backup/backup-error.js";
import { MANIFEST_FILE, manifestSchema, type Manifest } from "../../src/backup/manifest.js";
import { restoreBackup } from "../../src/backup/restore-backup.js";
import { sqliteFile } from "../../src/backup/sqlite-backend.js";
import { addCitizenInformation } from "../../src/complaints/add-citizen-information.js";
import { listPendingUploads, savePendingUploads } from "../../src/complaints/pending-uploads.js";
import { complaintInputSchema } from "../../src/complaints/schemas.js";
import { submitComplaint } from "../../src/complaints/submit-complaint.js";
import { storedFilePath } from "../../src/complaints/uploads.js";
import { config } from "../../src/config.js";
import { db } from "../../src/db.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { parse } from "../../src/http/validate.js";
import { migrationsDirs, projectRoot } from "../../src/paths.js";
import { PDF_MINIMAL, PNG_1PX } from "../fixtures/files.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, type TestBrowser } from "../helpers/app.js";
import { complaintBody } from "../helpers/complaints.js";
import { allRowCounts, databaseFingerprint, uploadedFileKeys } from "../helpers/database-state.js";
import { testDatabaseKind } from "../helpers/test-database.js";

/**
 * The backup-and-restore drill: complaints with evidence files are filed and handled, a backup is
 * made with the real CLI, the database and the upload directory are wiped, the backup is restored
 * with the real CLI, and everything is compared: every table's rows, the key rows, the audit
 * chain, the files byte for byte. This file is the script that proves backups restore:
 *   npx vitest run tests/backup/backup-restore.test.ts                              (SQLite)
 *   TEST_DATABASE=postgresql npx vitest run tests/backup/backup-restore.test.ts     (PostgreSQL)
 */
const run = promisify(execFile);
const backupDir = path.join(config.dataDir, "backups", "drill");
const kind = testDatabaseKind();

/** `npm run cli -- backup …` as a separate process on this test file's database and data directory. */
async function cli(...args: string[]) {
  return cliWith({}, ...args);
}

async function cliWith(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", path.join(projectRoot, "src", "cli.ts"), "backup", ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: config.databaseUrl, DATA_DIR: config.dataDir, NODE_ENV: "test", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Evidence large and random enough that a byte-for-byte comparison means something (content still sniffs as PNG / PDF). */
const photo = () => Buffer.concat([PNG_1PX, crypto.randomBytes(40_000)]);
const letter = () => Buffer.concat([PDF_MINIMAL, Buffer.from(`%${crypto.randomBytes(20_000).toString("base64")}\n`)]);

async function fileComplaintWithEvidence(subject: string, files: Array<{ buffer: Buffer; originalname: string }>) {
  const submissionKey = crypto.randomUUID();
  await savePendingUploads(submissionKey, files);
  const input = parse(complaintInputSchema, complaintBody({ subject, reporter: { email: `${crypto.randomUUID()}@contoh.id` } }));
  const { complaint } = await submitComplaint({ input, channel: "web", submissionKey, files: await listPendingUploads(submissionKey), locale: "id" });
  return complaint;
}

const keyRows = () =>
  db.complaint.findMany({ orderBy: { id: "asc" }, include: { reporter: true, attachments: { orderBy: { id: "asc" } }, messages: { orderBy: { id: "asc" } }, deadlines: { orderBy: { id: "asc" } } } });

/** Every stored file's bytes, by storage key (the upload directory as the application reads it). */
function storedFiles(): Record<string, Buffer> {
  return Object.fromEntries(uploadedFileKeys().map((key) => [key, fs.readFileSync(path.join(config.uploadDir, key))]));
}

/** Forgets the database and the uploads entirely: the state of a new machine about to be restored onto. */
async function wipe() {
  await db.$disconnect();
  if (kind === "sqlite") {
    const file = sqliteFile(config.databaseUrl);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    expect(fs.existsSync(file)).toBe(false);
  } else {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    expect((await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows[0].n).toBe(0);
    await client.end();
  }
  fs.rmSync(config.uploadDir, { recursive: true, force: true });
  expect(uploadedFileKeys()).toEqual([]);
}

const readManifest = (dir: string) => manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), "utf8")));

function copyOfBackup(name: string) {
  const dir = path.join(config.dataDir, "backups", name);
  fs.cpSync(backupDir, dir, { recursive: true });
  return dir;
}

let app: Express;
let assistant: TestBrowser;
let before: {
  counts: Record<string, number>;
  fingerprint: Record<string, string>;
  rows: Awaited<ReturnType<typeof keyRows>>;
  files: Record<string, Buffer>;
  auditEntries: number;
};
let created: Awaited<ReturnType<typeof cli>>;

beforeAll(async () => {
  app = await startTestApp();
  const user = await buildUser({ role: "assistant" });
  assistant = await signIn(app, user.email, DEFAULT_PASSWORD);

  const first = await fileComplaintWithEvidence("KTP elektronik belum dicetak", [
    { buffer: photo(), originalname: "bukti-perekaman.png" },
    { buffer: letter(), originalname: "surat pengantar.pdf" },
  ]);
  const second = await fileComplaintWithEvidence("Pungutan untuk akta kelahiran", [{ buffer: photo(), originalname: "kuitansi.png" }]);
  await fileComplaintWithEvidence("Ijazah ditahan sekolah", []);
  const added = await savePendingUploads(crypto.randomUUID(), [{ buffer: letter(), originalname: "tambahan.pdf" }]);
  await addCitizenInformation(second.id, { body: "Kuitansi kedua terlampir.", files: added });
  // A form abandoned after its file was uploaded: the file is kept for a day and must survive too.
  await savePendingUploads(crypto.randomUUID(), [{ buffer: photo(), originalname: "belum-dikirim.png" }]);
  for (const action of ["start_verification", "verify"]) {
    await assistant.get(`/complaints/${first.trackingNumber}`);
    expect((await assistant.post(`/complaints/${first.trackingNumber}/actions/${action}`, {})).status).toBe(303);
  }

  const audit = await verifyAuditChain();
  expect(audit.isIntact).toBe(true);
  before = { counts: await allRowCounts(), fingerprint: await databaseFingerprint(), rows: await keyRows(), files: storedFiles(), auditEntries: audit.checked };
  expect(before.counts).toMatchObject({ complaint: 3, attachment: 4, pendingUpload: 1 });
  expect(Object.keys(before.files)).toHaveLength(5);
  // The backup is made while the application is running; nothing writes once it is made.
  created = await cli("create", "--out", backupDir);
  await stopTestApp();
}, 120_000);

afterAll(async () => {
  await stopTestApp();
});

describe(`backing up, wiping and restoring the ${kind} database and the uploaded files`, { timeout: 120_000 }, () => {
  it("writes a backup with the database, every uploaded file and a manifest of row counts, checksums, migration and provider", async () => {
    expect(created).toMatchObject({ code: 0, stderr: "" });
    expect(created.stdout).toContain(`Backup written to ${backupDir}: ${kind} database`);

    const manifest = readManifest(backupDir);
    const codeMigrations = fs.readdirSync(migrationsDirs[kind]).filter((name) => fs.existsSync(path.join(migrationsDirs[kind], name, "migration.sql"))).sort();
    expect(manifest.database).toMatchObject({ provider: kind, migration: codeMigrations.at(-1), migrations: codeMigrations });
    expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(120_000);
    for (const model of Object.values(Prisma.ModelName)) {
      expect(manifest.database.tables[model], model).toBe(before.counts[model.charAt(0).toLowerCase() + model.slice(1)]);
    }
    expect(manifest.uploads.fileCount).toBe(5);
    for (const [key, bytes] of Object.entries(before.files)) {
      expect(manifest.files).toContainEqual({ path: `uploads/${key}`, sizeBytes: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex") });
    }
    expect(manifest.files.map((f) => f.path)).toContain(manifest.database.file);
    expect((await cli("verify", "--from", backupDir)).stdout).toContain("is intact");
  });

  it("refuses to restore over a database that holds complaints unless told to with --force", async () => {
    const result = await cli("restore", "--from", backupDir);
    expect(result.code).toBe(73);
    expect(result.stderr).toContain("already holds data; nothing was restored");
    expect(result.stderr).toContain("3 Complaint");
    expect(await databaseFingerprint()).toEqual(before.fingerprint);
  });

  it("refuses a backup whose file was changed, before touching the database or the files", async () => {
    const tampered = copyOfBackup("tampered-upload");
    const victim = readManifest(tampered).files.find((f) => f.path.startsWith("uploads/"))!;
    const bytes = fs.readFileSync(path.join(tampered, victim.path));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    fs.writeFileSync(path.join(tampered, victim.path), bytes);

    const result = await cli("restore", "--from", tampered, "--force");
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(`${victim.path}: checksum does not match the manifest`);
    expect(await databaseFingerprint()).toEqual(before.fingerprint);
    expect(storedFiles()).toEqual(before.files);
  });

  it("refuses a backup with a damaged database file, a missing or an extra file, or a migration newer than the code", async () => {
    const refusal = async (dir: string) => {
      const error = await restoreBackup({ from: dir, force: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      return error as BackupError;
    };

    const damagedDatabase = copyOfBackup("damaged-database");
    const databaseFile = path.join(damagedDatabase, readManifest(damagedDatabase).database.file);
    fs.appendFileSync(databaseFile, "x");
    expect(await refusal(damagedDatabase)).toMatchObject({ code: "invalid_backup", details: [expect.stringMatching(/^database\.\w+: \d+ bytes, the manifest says \d+$/)] });

    const missingAndExtra = copyOfBackup("missing-and-extra");
    const gone = readManifest(missingAndExtra).files.find((f) => f.path.startsWith("uploads/"))!;
    fs.rmSync(path.join(missingAndExtra, gone.path));
    fs.writeFileSync(path.join(missingAndExtra, "uploads", "planted.sh"), "#!/bin/sh\n");
    expect((await refusal(missingAndExtra)).details).toEqual([`${gone.path}: missing`, "uploads/planted.sh: not listed in the manifest"]);

    const fromTheFuture = copyOfBackup("newer-migration");
    const manifest: Manifest = readManifest(fromTheFuture);
    manifest.database.migrations.push("29991231000000_not_written_yet");
    fs.writeFileSync(path.join(fromTheFuture, MANIFEST_FILE), JSON.stringify(manifest));
    const newer = await refusal(fromTheFuture);
    expect(newer.code).toBe("newer_migration");
    expect(newer.message).toContain("29991231000000_not_written_yet");

    const unfinished = copyOfBackup("unfinished");
    fs.rmSync(path.join(unfinished, MANIFEST_FILE));
    expect((await refusal(unfinished)).details).toEqual(["manifest.json is missing (an unfinished or foreign backup)"]);

    expect(await databaseFingerprint()).toEqual(before.fingerprint);
    expect(storedFiles()).toEqual(before.files);
  });

  it("leaves the database as it was when the database copy is broken even though its checksum was made to match", async () => {
    const broken = copyOfBackup("broken-database");
    const manifest = readManifest(broken);
    const file = path.join(broken, manifest.database.file);
    fs.truncateSync(file, fs.statSync(file).size - 3000); // the end only: a PostgreSQL dump keeps its readable table of contents
    const bytes = fs.readFileSync(file);
    manifest.files = manifest.files.map((f) => (f.path === manifest.database.file ? { ...f, sizeBytes: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex") } : f));
    fs.writeFileSync(path.join(broken, MANIFEST_FILE), JSON.stringify(manifest));

    const error = await restoreBackup({ from: broken, force: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    // SQLite: the copy is checked before anything is replaced. PostgreSQL: the restore fails part-way and rolls back.
    expect((error as BackupError).code).toBe(kind === "sqlite" ? "invalid_backup" : "tool_failed");
    expect(await databaseFingerprint()).toEqual(before.fingerprint);
    expect(storedFiles()).toEqual(before.files);
    expect(fs.readdirSync(path.dirname(config.uploadDir)).filter((name) => name.startsWith("uploads."))).toEqual([]);
  });

  it("restores a wiped database and upload directory to the same rows, the same files and an intact audit chain", async () => {
    await wipe();

    const result = await cli("restore", "--from", backupDir);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("row counts match the manifest");

    expect(await allRowCounts()).toEqual(before.counts);
    expect(await databaseFingerprint()).toEqual(before.fingerprint);
    expect(await keyRows()).toEqual(before.rows);
    const audit = await verifyAuditChain();
    expect(audit).toMatchObject({ isIntact: true, checked: before.auditEntries });

    expect(storedFiles()).toEqual(before.files);
    for (const attachment of before.rows.flatMap((c) => c.attachments)) {
      const bytes = fs.readFileSync(storedFilePath(attachment.storageKey));
      expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(attachment.sha256);
    }
  });

  it("leaves a database the application keeps working on, and a forced restore puts the backup back over it", async () => {
    await startTestApp();
    const complaint = await fileComplaintWithEvidence("Keluhan setelah pemulihan", [{ buffer: photo(), originalname: "foto.png" }]);
    expect(complaint.id).toBeGreaterThan(Math.max(...before.rows.map((c) => c.id)));
    expect(await db.attachment.count()).toBe(before.counts.attachment! + 1);
    expect((await verifyAuditChain()).isIntact).toBe(true);
    await waitForIdleQueue();
    await stopTestApp();
    await db.$disconnect();

    // Restored onto a server configured with another SESSION_SECRET: it works, and says what that breaks.
    const again = await cliWith({ SESSION_SECRET: "another-session-secret-another-session-secret" }, "restore", "--from", backupDir, "--force");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/files that were in the upload directory were moved to .*uploads\.replaced-/);
    expect(again.stderr).toContain("Warning: SESSION_SECRET differs from the server that made this backup");
    expect(await allRowCounts()).toEqual(before.counts);
    expect(storedFiles()).toEqual(before.files);
  });
});

describe(`a backup of the ${kind} database made while complaints keep arriving`, { timeout: 180_000 }, () => {
  it("restores to a database whose every attachment has its file and whose audit chain is intact", async () => {
    await startTestApp();
    const liveDir = path.join(config.dataDir, "backups", "while-busy");
    const backup = cli("create", "--out", liveDir);
    let finished = false;
    void backup.finally(() => (finished = true));
    let filed = 0;
    // Bounded: stops when the backup is done, or after 300 complaints whatever happens.
    while (!finished && filed < 300) {
      await fileComplaintWithEvidence(`Keluhan saat pencadangan ${filed}`, [{ buffer: photo(), originalname: "foto.png" }]);
      filed += 1;
    }
    expect(await backup).toMatchObject({ code: 0, stderr: "" });
    expect(filed).toBeGreaterThan(0);
    await waitForIdleQueue();
    await stopTestApp();

    await wipe();
    const restored = await cli("restore", "--from", liveDir);
    expect(restored).toMatchObject({ code: 0, stderr: "" });

    const manifest = readManifest(liveDir);
    expect(await db.complaint.count()).toBe(manifest.database.tables.Complaint);
    const attachments = await db.attachment.findMany({ select: { storageKey: true, sha256: true } });
    expect(attachments.length).toBe(manifest.database.tables.Attachment);
    for (const attachment of attachments) {
      const bytes = fs.readFileSync(storedFilePath(attachment.storageKey));
      expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(attachment.sha256);
    }
    expect((await verifyAuditChain()).isIntact).toBe(true);
  });
});
