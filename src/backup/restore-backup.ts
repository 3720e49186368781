import fs from "node:fs";
import path from "node:path";
import { config } from "../config.js";
import { applyMigrations } from "../db/migrate.js";
import { migrationsDirs } from "../paths.js";
import { countProblems, fileProblems, keyCheck, keyWarnings, restoreRefusals } from "./backup-rules.js";
import { BackupError } from "./backup-error.js";
import { databaseBackend } from "./database-backend.js";
import { copyFiles } from "./file-checksums.js";
import { UPLOADS_DIR } from "./manifest.js";
import { verifyBackup } from "./verify-backup.js";

/**
 * Restores a backup made by `createBackup` into the configured database and upload directory.
 * Run it with the web and worker processes stopped. Nothing is touched unless the backup is intact
 * (every checksum), of this database provider, no newer than the code's migrations, and the target
 * holds no complaints, accounts, audit entries or files, unless `force`; a SQLite copy must also
 * pass SQLite's quick check and hold the manifest's row counts (a PostgreSQL dump's table of
 * contents is read, its data only by the restore, which rolls back on error). The files are staged and
 * checked beside the upload directory, the database is replaced in one step, its row counts are
 * compared with the manifest, and only then the staged files take the upload directory's place
 * (with `force`, files already there are moved aside, never deleted). Finally the code's pending
 * migrations are applied, so an older backup comes up to the running version. Returns warnings
 * when this server's secrets differ from those of the server that made the backup.
 */
export async function restoreBackup(input: { from: string; force?: boolean; now?: Date; databaseUrl?: string; uploadDir?: string }) {
  const now = input.now ?? new Date();
  const databaseUrl = input.databaseUrl ?? config.databaseUrl;
  const backend = databaseBackend(databaseUrl);
  const uploadDir = path.resolve(input.uploadDir ?? config.uploadDir);
  const from = path.resolve(input.from);

  const manifest = await verifyBackup(from);
  const refusals = restoreRefusals({
    manifest,
    provider: backend.provider,
    codeMigrations: codeMigrations(migrationsDirs[backend.provider]),
    targetTables: await backend.countRows(),
    targetUploadCount: countFiles(uploadDir),
    force: input.force ?? false,
  });
  if (refusals.length) throw new BackupError(refusals[0]!.code, refusals.map((r) => r.detail));
  const databaseFile = path.join(from, manifest.database.file);
  const copyCounts = await backend.inspectCopy(databaseFile);
  if (copyCounts) {
    const mismatches = countProblems(manifest.database.tables, copyCounts);
    if (mismatches.length) throw new BackupError("invalid_backup", mismatches.map((m) => `database copy: ${m}`));
  }

  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const staging = `${uploadDir}.restoring-${stamp}`;
  try {
    const staged = (await copyFiles(path.join(from, UPLOADS_DIR), staging)).map((f) => ({ ...f, path: `${UPLOADS_DIR}/${f.path}` }));
    const copyProblems = fileProblems(manifest.files.filter((f) => f.path.startsWith(`${UPLOADS_DIR}/`)), staged);
    if (copyProblems.length) throw new BackupError("invalid_backup", copyProblems.map((p) => `copied to ${staging}: ${p}`));

    await backend.restoreFrom(databaseFile);
    const mismatches = countProblems(manifest.database.tables, (await backend.countRows()) ?? {});
    if (mismatches.length) throw new BackupError("restore_incomplete", mismatches);
  } catch (error) {
    await fs.promises.rm(staging, { recursive: true, force: true });
    throw error;
  }

  let replacedUploadDir: string | null = null;
  if (countFiles(uploadDir) > 0) {
    replacedUploadDir = `${uploadDir}.replaced-${stamp}`;
    await fs.promises.rename(uploadDir, replacedUploadDir);
  } else {
    await fs.promises.rm(uploadDir, { recursive: true, force: true });
  }
  await fs.promises.rename(staging, uploadDir);

  const migrated = await applyMigrations(databaseUrl);
  const warnings = keyWarnings(manifest.keyChecks, { session: keyCheck(config.sessionSecret), matching: keyCheck(config.matchingSecret) });
  return { manifest, replacedUploadDir, migrationsApplied: migrated.applied as string[], warnings };
}

/** The migrations this version of the code carries (folder names, as Prisma records them). */
function codeMigrations(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql"))).map((d) => d.name);
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => !entry.isDirectory()).length;
}
