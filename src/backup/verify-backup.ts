import fs from "node:fs";
import path from "node:path";
import { fileProblems } from "./backup-rules.js";
import { BackupError } from "./backup-error.js";
import { listFiles } from "./file-checksums.js";
import { DATABASE_FILES, MANIFEST_FILE, readManifest, type Manifest } from "./manifest.js";

/**
 * Checks a backup directory against its manifest: every listed file present with its size and
 * SHA-256, nothing unlisted beside them. Throws BackupError("invalid_backup") naming each problem;
 * returns the manifest when the backup is intact. Reads every byte (a restore trusts nothing less).
 */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const from = path.resolve(dir);
  if (!fs.existsSync(from) || !fs.statSync(from).isDirectory()) throw new BackupError("invalid_backup", [`${from} is not a directory`]);
  const read = readManifest(from);
  if ("problems" in read) throw new BackupError("invalid_backup", read.problems);
  const found = (await listFiles(from)).filter((f) => f.path !== MANIFEST_FILE);
  const problems = fileProblems(read.manifest.files, found);
  if (read.manifest.database.file !== DATABASE_FILES[read.manifest.database.provider]) problems.push(`${read.manifest.database.file}: not the database file of a ${read.manifest.database.provider} backup`);
  if (!read.manifest.files.some((f) => f.path === read.manifest.database.file)) problems.push(`${read.manifest.database.file}: the database file is not listed in the manifest`);
  if (problems.length) throw new BackupError("invalid_backup", problems);
  return read.manifest;
}
