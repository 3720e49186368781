import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * A backup is a directory: the database (`database.sqlite`, a consistent copy of the SQLite file,
 * or `database.pgdump`, pg_dump's custom format), `uploads/` (the evidence files, by storage key)
 * and `manifest.json`, written last, which describes the rest. A directory without a manifest is
 * an unfinished backup and is never restored.
 */
export const MANIFEST_FILE = "manifest.json";
export const UPLOADS_DIR = "uploads";
export const DATABASE_FILES = { sqlite: "database.sqlite", postgresql: "database.pgdump" } as const;
export type DatabaseProvider = keyof typeof DATABASE_FILES;

/** A path inside the backup: the database file, or a file under uploads/ (no "..", no absolute path). */
const backupPath = z
  .string()
  .refine((p) => !path.posix.isAbsolute(p) && !p.split("/").some((part) => part === ".." || part === "." || part === ""), "must be a plain relative path")
  .refine((p) => (Object.values(DATABASE_FILES) as string[]).includes(p) || p.startsWith(`${UPLOADS_DIR}/`), "must be the database file or under uploads/");

export const fileEntrySchema = z.object({
  path: backupPath,
  sizeBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileEntry = z.infer<typeof fileEntrySchema>;

export const manifestSchema = z.object({
  format: z.literal("penghubung-backup"),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  database: z.object({
    provider: z.enum(["sqlite", "postgresql"]),
    file: z.string(),
    /** The last migration applied to the database when it was copied (Prisma's migration folder name). */
    migration: z.string().nullable(),
    /** Every applied migration, oldest first: a restore refuses one the code does not have. */
    migrations: z.array(z.string()),
    /** Rows per table (migration bookkeeping included), counted in the same snapshot as the copy. */
    tables: z.record(z.string(), z.number().int().min(0)),
  }),
  uploads: z.object({ fileCount: z.number().int().min(0), totalBytes: z.number().int().min(0) }),
  /**
   * Check values of the keys the data depends on (access codes are keyed by SESSION_SECRET, the
   * duplicate index by MATCHING_SECRET): a restore can tell the operator the keys differ without
   * the backup revealing them.
   */
  keyChecks: z.object({ session: z.string(), matching: z.string() }),
  /** Every file of the backup but the manifest, with its SHA-256. */
  files: z.array(fileEntrySchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Reads and checks a backup's manifest; null when it is missing, the problems when it is malformed. */
export function readManifest(dir: string): { manifest: Manifest } | { problems: string[] } {
  const file = path.join(dir, MANIFEST_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "is missing (an unfinished or foreign backup)" : `is unreadable: ${(error as Error).message}`;
    return { problems: [`${MANIFEST_FILE} ${reason}`] };
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => `${MANIFEST_FILE}: ${i.path.join(".") || "document"} ${i.message}`) };
  return { manifest: parsed.data };
}

/** Writes the manifest through a temporary file, so that a manifest present is a manifest complete. */
export async function writeManifest(dir: string, manifest: Manifest) {
  const file = path.join(dir, MANIFEST_FILE);
  await fs.promises.writeFile(`${file}.tmp`, `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`, { mode: 0o600 });
  await fs.promises.rename(`${file}.tmp`, file);
}
