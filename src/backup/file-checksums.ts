import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { BackupError } from "./backup-error.js";
import type { FileEntry } from "./manifest.js";

/** SHA-256 (hex) and size of one file, read as a stream (database dumps can be large). */
export async function checksumFile(file: string): Promise<{ sizeBytes: number; sha256: string }> {
  const hash = crypto.createHash("sha256");
  let sizeBytes = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    sizeBytes += chunk.length;
    hash.update(chunk);
  }
  return { sizeBytes, sha256: hash.digest("hex") };
}

/**
 * Every regular file under `root`, with its checksum, as paths relative to `base` written with
 * "/" (so `uploads/2026/11/ab12...`). Nothing when `root` does not exist. A link or other special
 * entry is refused: a backup holds plain files only, and a restore must never follow a link out.
 */
export async function listFiles(root: string, base = root): Promise<FileEntry[]> {
  if (!fs.existsSync(root)) return [];
  const entries: FileEntry[] = [];
  const walk = async (dir: string) => {
    for (const entry of (await fs.promises.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(base, full).split(path.sep).join("/");
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) entries.push({ path: relative, ...(await checksumFile(full)) });
      else throw new BackupError("invalid_backup", [`${relative}: not a regular file`]);
    }
  };
  await walk(root);
  return entries;
}

/**
 * Copies every file under `from` to the same place under `to` (owner-only access: evidence holds
 * personal data), then returns the copies with their checksums, paths relative to `base`.
 */
export async function copyFiles(from: string, to: string, base = to): Promise<FileEntry[]> {
  const copy = async (source: string, target: string) => {
    await fs.promises.mkdir(target, { recursive: true, mode: 0o700 });
    if (!fs.existsSync(source)) return;
    for (const entry of await fs.promises.readdir(source, { withFileTypes: true })) {
      if (entry.isDirectory()) await copy(path.join(source, entry.name), path.join(target, entry.name));
      else if (entry.isFile()) {
        await fs.promises.copyFile(path.join(source, entry.name), path.join(target, entry.name), fs.constants.COPYFILE_EXCL);
        await fs.promises.chmod(path.join(target, entry.name), 0o600);
      } else throw new BackupError("unexpected_file", [`${path.join(source, entry.name)}: not a regular file or directory`]);
    }
  };
  await copy(from, to);
  return listFiles(to, base);
}
