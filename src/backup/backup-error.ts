/**
 * Why a backup or a restore stopped, with a stable code (the CLI maps it to an exit status) and
 * the details an operator needs to act: which files, tables or migrations.
 */
export type BackupErrorCode =
  | "out_not_empty"
  | "invalid_backup"
  | "unexpected_file"
  | "provider_mismatch"
  | "newer_migration"
  | "target_not_empty"
  | "tool_missing"
  | "tool_failed"
  | "restore_incomplete";

const SUMMARIES: Record<BackupErrorCode, string> = {
  out_not_empty: "The output directory exists and is not empty",
  invalid_backup: "The backup is damaged or was changed after it was made; nothing was restored",
  unexpected_file: "The upload directory holds something other than plain files",
  provider_mismatch: "The backup is of another kind of database; nothing was restored",
  newer_migration: "The backup comes from a newer version of the application; nothing was restored",
  target_not_empty: "The database or the upload directory already holds data; nothing was restored",
  tool_missing: "A PostgreSQL client tool is missing",
  tool_failed: "A PostgreSQL client tool failed",
  restore_incomplete: "The restored database does not match the backup's manifest",
};

export class BackupError extends Error {
  constructor(
    public readonly code: BackupErrorCode,
    public readonly details: string[] = [],
  ) {
    super(`${SUMMARIES[code]}${details.length ? `:\n${details.map((d) => `  - ${d}`).join("\n")}` : "."}`);
    this.name = "BackupError";
  }
}
