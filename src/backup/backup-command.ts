import { parseArgs, type ParseArgsConfig } from "node:util";
import { BackupError, type BackupErrorCode } from "./backup-error.js";
import { createBackup } from "./create-backup.js";
import type { Manifest } from "./manifest.js";
import { restoreBackup } from "./restore-backup.js";
import { verifyBackup } from "./verify-backup.js";

/** Exit statuses (sysexits.h): a damaged or unsuitable backup is a data error; existing data is a "cannot create". */
const EXIT = { ok: 0, usage: 64, dataError: 65, unavailable: 69, software: 70, cannotCreate: 73 } as const;
const EXIT_BY_CODE: Record<BackupErrorCode, number> = {
  out_not_empty: EXIT.cannotCreate,
  target_not_empty: EXIT.cannotCreate,
  invalid_backup: EXIT.dataError,
  provider_mismatch: EXIT.dataError,
  newer_migration: EXIT.dataError,
  unexpected_file: EXIT.dataError,
  tool_missing: EXIT.unavailable,
  tool_failed: EXIT.software,
  restore_incomplete: EXIT.software,
};

export const BACKUP_USAGE = `  backup create --out DIR         copy the database and the uploaded files into DIR (new or empty), with a
                                  manifest of row counts and checksums; safe while the server runs
  backup verify --from DIR        check every file of a backup against its manifest
  backup restore --from DIR [--force]
                                  restore a backup into DATABASE_URL and the upload directory (stop the server
                                  and workers first); refuses a damaged backup, one newer than this code, and,
                                  without --force, a database or upload directory that already holds data`;

function options(args: string[], spec: NonNullable<ParseArgsConfig["options"]>) {
  try {
    return parseArgs({ args, options: spec, strict: true }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    console.error(`${(error as Error).message}\n\nUsage:\n${BACKUP_USAGE}`);
    return null;
  }
}

async function reportingErrors(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    return EXIT_BY_CODE[error.code];
  }
}

const describe = (m: Manifest) =>
  `${m.database.provider} database at migration ${m.database.migration ?? "(none)"}, ${m.database.tables.Complaint ?? 0} complaints in ${Object.keys(m.database.tables).length} tables, ${m.uploads.fileCount} uploaded files (${m.uploads.totalBytes} bytes)`;

/** `npm run cli -- backup create --out DIR` */
export async function backupCreateCommand(args: string[]): Promise<number> {
  const values = options(args, { out: { type: "string" } });
  if (!values || typeof values.out !== "string") {
    if (values) console.error(`--out DIR is required.\n\nUsage:\n${BACKUP_USAGE}`);
    return EXIT.usage;
  }
  const out = values.out;
  return reportingErrors(async () => {
    const manifest = await createBackup({ outDir: out });
    console.log(`Backup written to ${out}: ${describe(manifest)}.`);
    return EXIT.ok;
  });
}

/** `npm run cli -- backup verify --from DIR` */
export async function backupVerifyCommand(args: string[]): Promise<number> {
  const values = options(args, { from: { type: "string" } });
  if (!values || typeof values.from !== "string") {
    if (values) console.error(`--from DIR is required.\n\nUsage:\n${BACKUP_USAGE}`);
    return EXIT.usage;
  }
  const from = values.from;
  return reportingErrors(async () => {
    const manifest = await verifyBackup(from);
    console.log(`Backup ${from} is intact (made ${manifest.createdAt}): ${describe(manifest)}.`);
    return EXIT.ok;
  });
}

/** `npm run cli -- backup restore --from DIR [--force]` */
export async function backupRestoreCommand(args: string[]): Promise<number> {
  const values = options(args, { from: { type: "string" }, force: { type: "boolean", default: false } });
  if (!values || typeof values.from !== "string") {
    if (values) console.error(`--from DIR is required.\n\nUsage:\n${BACKUP_USAGE}`);
    return EXIT.usage;
  }
  const from = values.from;
  return reportingErrors(async () => {
    const result = await restoreBackup({ from, force: values.force === true });
    console.log(`Restored ${from} (made ${result.manifest.createdAt}): ${describe(result.manifest)}; row counts match the manifest.`);
    if (result.replacedUploadDir) console.log(`The files that were in the upload directory were moved to ${result.replacedUploadDir}; delete it once you no longer need it.`);
    for (const warning of result.warnings) console.error(`Warning: ${warning}`);
    if (result.migrationsApplied.length) console.log(`Applied the newer migrations of this version: ${result.migrationsApplied.join(", ")}.`);
    return EXIT.ok;
  });
}
