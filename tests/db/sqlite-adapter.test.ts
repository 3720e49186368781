import path from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "../../src/config.js";
import { db, transaction } from "../../src/db.js";

describe("the SQLite connection shared by concurrent requests", () => {
  it("does not let a write made during another request's transaction vanish when that transaction rolls back", async () => {
    let releaseTransaction!: () => void;
    const transactionMayEnd = new Promise<void>((resolve) => (releaseTransaction = resolve));
    const failing = transaction(async (tx) => {
      await tx.systemSetting.create({ data: { key: "inside", value: "rolled back" } });
      await transactionMayEnd;
      throw new Error("roll back");
    }).catch((error: Error) => error.message);

    // Another request writes while the transaction is open; it must wait, not join it.
    const outside = db.systemSetting.create({ data: { key: "outside", value: "kept" } });
    releaseTransaction();
    expect(await failing).toBe("roll back");
    await outside;

    expect(await db.systemSetting.findUnique({ where: { key: "inside" } })).toBeNull();
    expect(await db.systemSetting.findUnique({ where: { key: "outside" } })).toMatchObject({ value: "kept" });
  });

  it("runs after-commit hooks only after a successful commit", async () => {
    const ran: string[] = [];
    await transaction(async (tx, afterCommit) => {
      await tx.systemSetting.create({ data: { key: "committed", value: "1" } });
      afterCommit(() => ran.push("committed"));
    });
    await transaction(async (tx, afterCommit) => {
      afterCommit(() => ran.push("rolled back"));
      throw new Error("no");
    }).catch(() => undefined);
    expect(ran).toEqual(["committed"]);
  });

  it("applies the same migrations twice without changing anything", async () => {
    const { applyMigrations } = await import("../../src/db/migrate.js");
    const fresh = `file:${path.join(config.dataDir, "fresh.db")}`;
    expect((await applyMigrations(fresh)).applied.length).toBeGreaterThan(0);
    expect((await applyMigrations(fresh)).applied).toEqual([]);
    const rows = await db.$queryRawUnsafe<Array<{ migration_name: string; finished_at: string | null; applied_steps_count: bigint | number }>>(
      'SELECT migration_name, finished_at, applied_steps_count FROM "_prisma_migrations"',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null && Number(r.applied_steps_count) === 1)).toBe(true);
  });
});
