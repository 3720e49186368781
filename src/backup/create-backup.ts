import fs from "node:fs";
import path from "node:path";
import { config } from "../config.js";
import { keyCheck } from "./backup-rules.js";
import { BackupError } from "./backup-error.js";
import { databaseBackend } from "./database-backend.js";
import { checksumFile, copyFiles } from "./file-checksums.js";
import { DATABASE_FILES, UPLOADS_DIR, writeManifest, type Manifest } from "./manifest.js";

/**
 * Backs up the database and the uploaded files into `outDir` (a new or empty directory), safe
 * while the server runs. The database is copied first and the files after: a file is stored before
 * the row that refers to it, so every file the copied database refers to is already there (files
 * uploaded in between are harmless extras). The manifest is written last.
 */
export async function createBackup(input: { outDir: string; now?: Date; databaseUrl?: string; uploadDir?: string }): Promise<Manifest> {
  const now = input.now ?? new Date();
  const backend = databaseBackend(input.databaseUrl ?? config.databaseUrl);
  const uploadDir = path.resolve(input.uploadDir ?? config.uploadDir);
  const outDir = path.resolve(input.outDir);
  if (outDir === uploadDir || outDir.startsWith(`${uploadDir}${path.sep}`)) throw new BackupError("out_not_empty", [`${outDir} is inside the upload directory it would copy`]);
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new BackupError("out_not_empty", [outDir]);
  await fs.promises.mkdir(outDir, { recursive: true, mode: 0o700 });

  const databaseFile = DATABASE_FILES[backend.provider];
  const { tables, migrations } = await backend.copyTo(path.join(outDir, databaseFile));
  await fs.promises.chmod(path.join(outDir, databaseFile), 0o600);
  const uploads = await copyFiles(uploadDir, path.join(outDir, UPLOADS_DIR), outDir);

  const manifest: Manifest = {
    format: "penghubung-backup",
    formatVersion: 1,
    createdAt: now.toISOString(),
    database: { provider: backend.provider, file: databaseFile, migration: migrations.at(-1) ?? null, migrations, tables },
    keyChecks: { session: keyCheck(config.sessionSecret), matching: keyCheck(config.matchingSecret) },
    uploads: { fileCount: uploads.length, totalBytes: uploads.reduce((sum, f) => sum + f.sizeBytes, 0) },
    files: [{ path: databaseFile, ...(await checksumFile(path.join(outDir, databaseFile))) }, ...uploads],
  };
  await writeManifest(outDir, manifest);
  return manifest;
}
