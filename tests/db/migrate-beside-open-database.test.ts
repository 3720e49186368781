import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations } from "../../src/db/migrate.js";

describe("starting a process beside another that holds the SQLite database open", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("finds nothing to migrate without waiting for an exclusive lock it cannot get", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "penghubung-migrate-"));
    dirs.push(dir);
    const file = path.join(dir, "penghubung.db");
    await applyMigrations(`file:${file}`);
    // Another web process: the database in WAL mode, open, in the middle of reading.
    const other = new Database(file);
    try {
      other.pragma("journal_mode = WAL");
      other.exec("BEGIN");
      other.prepare(`SELECT COUNT(*) AS n FROM "_prisma_migrations"`).get();

      const started = performance.now();
      await expect(applyMigrations(`file:${file}`)).resolves.toEqual({ applied: [], pending: [] });
      expect(performance.now() - started).toBeLessThan(4_000);
      other.exec("COMMIT");
    } finally {
      other.close();
    }
  });
});
