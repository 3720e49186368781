import crypto from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { isDatabaseBusy } from "../../src/db/database-busy.js";
import { serializedSqlite } from "../../src/db/sqlite-adapter.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { PrismaClient as PostgresqlPrismaClient } from "../../src/generated/prisma-postgresql/client.js";
import { testDatabaseKind } from "../helpers/test-database.js";

/**
 * isDatabaseBusy decides between 503 (retry later) and 500 (a bug) for database errors. The errors
 * here are real ones, produced by the drivers against this file's own test database.
 */
const databaseUrl = process.env.DATABASE_URL!;
const clients: Array<{ $disconnect(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.allSettled(clients.map((client) => client.$disconnect()));
});

async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the database call to fail");
}

describe.runIf(testDatabaseKind() === "sqlite")("isDatabaseBusy on SQLite", () => {
  const client = new PrismaClient({ adapter: serializedSqlite(databaseUrl, { busyTimeoutMs: 100 }) });
  clients.push(client);

  it("recognises a write refused because another process holds the write lock past the busy timeout", async () => {
    const holder = new Database(databaseUrl.replace(/^file:/, ""));
    holder.exec("BEGIN IMMEDIATE");
    try {
      expect(isDatabaseBusy(await errorOf(() => client.systemSetting.deleteMany({ where: { key: "none" } })))).toBe(true);
      expect(isDatabaseBusy(await errorOf(() => client.$transaction(async (tx) => tx.region.count())))).toBe(true);
      expect(isDatabaseBusy(await errorOf(async () => void holder.exec("BEGIN IMMEDIATE")))).toBe(false); // a misuse, not a busy database
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    const other = new Database(databaseUrl.replace(/^file:/, ""), { timeout: 50 });
    const locker = new Database(databaseUrl.replace(/^file:/, ""));
    locker.exec("BEGIN IMMEDIATE");
    try {
      expect(isDatabaseBusy(await errorOf(async () => void other.exec("BEGIN IMMEDIATE")))).toBe(true);
    } finally {
      locker.exec("ROLLBACK");
      locker.close();
      other.close();
    }
  });

  it("does not take a constraint violation or a missing row for a busy database", async () => {
    const region = await client.region.findFirstOrThrow({ select: { code: true, name: true } });
    const duplicate = await errorOf(() => client.region.create({ data: { code: region.code, name: region.name, kind: "regency" } }));
    expect(duplicate).toMatchObject({ code: "P2002" });
    expect(isDatabaseBusy(duplicate)).toBe(false);
    const missing = await errorOf(() => client.region.findUniqueOrThrow({ where: { code: "99.99" } }));
    expect(missing).toMatchObject({ code: "P2025" });
    expect(isDatabaseBusy(missing)).toBe(false);
  });
});

describe.runIf(testDatabaseKind() === "postgresql")("isDatabaseBusy on PostgreSQL", () => {
  it("recognises a request that waited longer than the pool timeout for a connection", async () => {
    const client = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 1000 }) });
    clients.push(client);
    let release!: () => void;
    let started!: () => void;
    const isHolding = new Promise<void>((resolve) => (started = resolve));
    // The pool's one connection, held by an open transaction.
    const holding = client.$transaction(async (tx) => {
      await tx.region.count();
      started();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await isHolding;
    try {
      expect(isDatabaseBusy(await errorOf(() => client.region.count()))).toBe(true);
      expect(isDatabaseBusy(await errorOf(() => client.$queryRawUnsafe("SELECT 1")))).toBe(true);
    } finally {
      release();
      await holding;
    }
  });

  it("recognises a connection refused because the role is at its connection limit", async () => {
    const role = `pgh_busy_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE ROLE "${role}" LOGIN CONNECTION LIMIT 0`);
    try {
      const url = new URL(databaseUrl);
      url.username = role;
      const client = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 1 }) });
      clients.push(client);
      expect(isDatabaseBusy(await errorOf(() => client.region.count()))).toBe(true);
      await client.$disconnect();
    } finally {
      await admin.query(`DROP ROLE "${role}"`);
      await admin.end();
    }
  });

  it("does not take a constraint violation or a missing database for a busy database", async () => {
    const client = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) });
    clients.push(client);
    const region = await client.region.findFirstOrThrow({ select: { code: true, name: true } });
    const duplicate = await errorOf(() => client.region.create({ data: { code: region.code, name: region.name, kind: "regency" } }));
    expect(duplicate).toMatchObject({ code: "P2002" });
    expect(isDatabaseBusy(duplicate)).toBe(false);
    const url = new URL(databaseUrl);
    url.pathname = `/pgh_missing_${crypto.randomBytes(4).toString("hex")}`;
    const missing = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 1 }) });
    clients.push(missing);
    expect(isDatabaseBusy(await errorOf(() => missing.region.count()))).toBe(false);
  });
});

describe("isDatabaseBusy on anything else", () => {
  it("is false for values that are not database errors", () => {
    for (const value of [null, undefined, "timeout exceeded when trying to connect", 42, new Error("boom"), { code: "P2002" }]) expect(isDatabaseBusy(value)).toBe(false);
  });
});
