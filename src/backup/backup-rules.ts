import crypto from "node:crypto";
import type { DatabaseProvider, FileEntry, Manifest } from "./manifest.js";

/**
 * Tables only people fill (complaints, staff accounts, the audit trail). A database whose only rows
 * are the reference data that `seed` writes (Pemda, units, holidays, methodologies) holds nothing
 * a restore could lose, so restoring onto a freshly installed server needs no --force.
 */
export const PEOPLES_TABLES = ["Complaint", "User", "AuditEvent"] as const;

/** True when a database (row counts by table; null when it has no tables yet) holds anything people entered. */
export function hasPeoplesData(tables: Record<string, number> | null): boolean {
  return tables !== null && PEOPLES_TABLES.some((table) => (tables[table] ?? 0) > 0);
}

/**
 * Compares the files a manifest lists with the files found (both with SHA-256 and size) and names
 * every difference: a file missing, changed, or not listed. An empty list means the backup is intact.
 */
export function fileProblems(listed: readonly FileEntry[], found: readonly FileEntry[]): string[] {
  const problems: string[] = [];
  const foundByPath = new Map(found.map((f) => [f.path, f]));
  const listedPaths = new Set<string>();
  for (const entry of listed) {
    if (listedPaths.has(entry.path)) problems.push(`${entry.path}: listed twice in the manifest`);
    listedPaths.add(entry.path);
    const actual = foundByPath.get(entry.path);
    if (!actual) problems.push(`${entry.path}: missing`);
    else if (actual.sizeBytes !== entry.sizeBytes) problems.push(`${entry.path}: ${actual.sizeBytes} bytes, the manifest says ${entry.sizeBytes}`);
    else if (actual.sha256 !== entry.sha256) problems.push(`${entry.path}: checksum does not match the manifest`);
  }
  for (const entry of found) if (!listedPaths.has(entry.path)) problems.push(`${entry.path}: not listed in the manifest`);
  return problems;
}

/** Differences between the row counts a manifest promises and those found (in the copy, or after a restore). */
export function countProblems(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const problems: string[] = [];
  for (const [table, count] of Object.entries(expected)) {
    if (!(table in actual)) problems.push(`table ${table}: missing`);
    else if (actual[table] !== count) problems.push(`table ${table}: ${actual[table]} rows, the manifest says ${count}`);
  }
  return problems;
}

export type RestoreRefusal =
  | { code: "provider_mismatch"; detail: string }
  | { code: "newer_migration"; detail: string }
  | { code: "target_not_empty"; detail: string };

/**
 * Why a verified backup may not be restored here, if at all: another database provider (the two
 * formats do not convert), a migration the code does not know (the backup comes from a newer
 * version: upgrade the code first), or data already present without `force`.
 */
export function restoreRefusals(input: {
  manifest: Pick<Manifest, "database">;
  provider: DatabaseProvider;
  codeMigrations: readonly string[];
  targetTables: Record<string, number> | null;
  targetUploadCount: number;
  force: boolean;
}): RestoreRefusal[] {
  const refusals: RestoreRefusal[] = [];
  const { database } = input.manifest;
  if (database.provider !== input.provider) {
    refusals.push({ code: "provider_mismatch", detail: `the backup is of a ${database.provider} database, this server runs on ${input.provider}` });
  }
  const known = new Set(input.codeMigrations);
  const unknown = database.migrations.filter((name) => !known.has(name));
  if (database.provider === input.provider && unknown.length) {
    refusals.push({ code: "newer_migration", detail: `the backup's database has migrations this version of the code does not have (${unknown.join(", ")}): upgrade the code first` });
  }
  if (!input.force) {
    const present = [
      ...(hasPeoplesData(input.targetTables) ? [`the database holds ${PEOPLES_TABLES.map((t) => `${input.targetTables?.[t] ?? 0} ${t}`).join(", ")} rows`] : []),
      ...(input.targetUploadCount > 0 ? [`the upload directory holds ${input.targetUploadCount} files`] : []),
    ];
    if (present.length) refusals.push({ code: "target_not_empty", detail: `${present.join("; ")}: add --force to replace them` });
  }
  return refusals;
}

/** A short value that tells whether two servers use the same secret, from which the secret cannot be found (HMAC-SHA256, 16 hex digits). */
export function keyCheck(secret: string): string {
  return crypto.createHmac("sha256", secret).update("penghubung:backup-key-check").digest("hex").slice(0, 16);
}

/**
 * What goes wrong after restoring onto a server with other keys: citizens' access codes no longer
 * open their complaints (SESSION_SECRET), the duplicate index no longer matches (MATCHING_SECRET).
 */
export function keyWarnings(backup: { session: string; matching: string }, here: { session: string; matching: string }): string[] {
  const warnings: string[] = [];
  if (backup.session !== here.session) {
    warnings.push("SESSION_SECRET differs from the server that made this backup: the access codes citizens were given no longer open their complaints, and sessions end. Set the same SESSION_SECRET if you still have it.");
  }
  if (backup.matching !== here.matching) {
    warnings.push("MATCHING_SECRET (or the SESSION_SECRET it is derived from) differs: the duplicate index no longer matches. Set the same secret, or run `npm run cli -- duplicates rebuild --all`.");
  }
  return warnings;
}
