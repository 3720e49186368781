import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BackupError } from "./backup-error.js";
import type { DatabaseBackend, TableCounts } from "./database-backend.js";

/** The database file of a `file:` URL, as the migrator and Prisma's adapter resolve it. */
export function sqliteFile(url: string): string {
  return path.resolve(url.slice("file:".length).replace(/\?.*$/, ""));
}

/**
 * SQLite: the copy is made with `VACUUM INTO` on a separate read-only connection, which reads one
 * snapshot in a single read transaction: consistent while the server keeps writing (WAL mode lets
 * it), and never restarted by those writes as the page-by-page backup API would be. The restore
 * goes through SQLite's backup API into the configured file, under SQLite's own locks, so the
 * file is replaced whole or not at all (and any -wal/-shm files stay coherent).
 */
export function sqliteBackend(url: string): DatabaseBackend {
  const file = sqliteFile(url);
  return {
    provider: "sqlite",

    async copyTo(target) {
      const live = new Database(file, { readonly: true, fileMustExist: true });
      try {
        live.pragma("busy_timeout = 10000");
        live.prepare("VACUUM INTO ?").run(target);
      } finally {
        live.close();
      }
      const copy = new Database(target, { readonly: true, fileMustExist: true });
      try {
        return { tables: countTables(copy) ?? {}, migrations: appliedMigrations(copy) };
      } finally {
        copy.close();
      }
    },

    async inspectCopy(source) {
      const copy = new Database(source, { readonly: true, fileMustExist: true });
      try {
        const problems = copy.pragma("quick_check(20)", { simple: false }) as Array<{ quick_check: string }>;
        if (problems.length !== 1 || problems[0]!.quick_check !== "ok") throw new BackupError("invalid_backup", problems.map((p) => `database: ${p.quick_check}`));
        return countTables(copy) ?? {};
      } catch (error) {
        if (error instanceof BackupError) throw error;
        throw new BackupError("invalid_backup", [`database: ${(error as Error).message}`]);
      } finally {
        copy.close();
      }
    },

    async countRows() {
      if (!fs.existsSync(file)) return null;
      const live = new Database(file, { readonly: true, fileMustExist: true });
      try {
        live.pragma("busy_timeout = 10000");
        return live.transaction(() => countTables(live))();
      } finally {
        live.close();
      }
    },

    async restoreFrom(source) {
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const copy = new Database(source, { readonly: true, fileMustExist: true });
      try {
        await copy.backup(file);
      } finally {
        copy.close();
      }
    },
  };
}

function countTables(sqlite: Database.Database): TableCounts | null {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").pluck().all() as string[];
  if (!tables.length) return null;
  return Object.fromEntries(tables.map((name) => [name, Number(sqlite.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get())]));
}

function appliedMigrations(sqlite: Database.Database): string[] {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  if (!exists) return [];
  return sqlite.prepare('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name').pluck().all() as string[];
}
