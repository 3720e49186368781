import { config } from "../config.js";
import type { DatabaseProvider } from "./manifest.js";
import { postgresqlBackend } from "./postgresql-backend.js";
import { sqliteBackend } from "./sqlite-backend.js";

/** Row counts by table name, in one consistent view of the database. */
export type TableCounts = Record<string, number>;

/** What backup and restore need from a database, in its own terms (SQLite file, PostgreSQL tools). */
export interface DatabaseBackend {
  provider: DatabaseProvider;
  /**
   * Writes a consistent copy of the live database to `file` (safe while the server runs) and
   * returns the row counts and the applied migrations of that same snapshot.
   */
  copyTo(file: string): Promise<{ tables: TableCounts; migrations: string[] }>;
  /**
   * Checks that a copy can be read before anything is replaced; returns its row counts when they
   * can be known without restoring it (SQLite), null otherwise (PostgreSQL: only its table of contents).
   */
  inspectCopy(file: string): Promise<TableCounts | null>;
  /** Row counts of the live database; null when it has no tables yet (never migrated). */
  countRows(): Promise<TableCounts | null>;
  /** Replaces the whole live database by the copy in `file`, all or nothing. */
  restoreFrom(file: string): Promise<void>;
}

/** The backend of the configured database (DATABASE_URL). */
export function databaseBackend(url = config.databaseUrl): DatabaseBackend {
  return url.startsWith("file:") ? sqliteBackend(url) : postgresqlBackend(url);
}
