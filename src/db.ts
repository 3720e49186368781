import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "./config.js";
import { serializedSqlite } from "./db/sqlite-adapter.js";
import { PrismaClient, type Prisma } from "./generated/prisma/client.js";
import { PrismaClient as PostgresqlPrismaClient } from "./generated/prisma-postgresql/client.js";
import { logger } from "./logger.js";

/** The Prisma client for the configured database; the database is the source of truth. */
export const db = createClient(config.databaseUrl);

export type Db = typeof db;
/** A client usable inside a transaction (what use cases receive when they take part in one). */
export type Tx = Prisma.TransactionClient;
export type AfterCommit = (hook: () => unknown) => void;

/**
 * SQLite (a file: URL) or PostgreSQL, chosen by DATABASE_URL alone. Both clients are generated from
 * the same models (prisma/postgresql/schema.prisma is derived from prisma/schema.prisma), so the
 * PostgreSQL client is used through the SQLite client's type; database-specific SQL lives in
 * src/db/dialect.ts.
 */
function createClient(url: string): PrismaClient {
  if (url.startsWith("file:")) return new PrismaClient({ adapter: serializedSqlite(url) });
  const adapter = new PrismaPg({ connectionString: url, max: config.databasePoolMax, connectionTimeoutMillis: config.databasePoolTimeoutMs });
  return new PostgresqlPrismaClient({ adapter }) as unknown as PrismaClient;
}

/**
 * Runs `work` in one database transaction. Hooks registered with `afterCommit` run only once the
 * transaction has committed (to enqueue jobs: workers must never see uncommitted rows). A hook
 * that fails is logged, not thrown: the change is already durable and the periodic sweeps
 * re-create lost triggers from the database.
 */
export async function transaction<T>(work: (tx: Tx, afterCommit: AfterCommit) => Promise<T>): Promise<T> {
  const hooks: Array<() => unknown> = [];
  const result = await db.$transaction((tx) => work(tx, (hook) => hooks.push(hook)), { timeout: 15_000, maxWait: 15_000 });
  for (const hook of hooks) {
    try {
      await hook();
    } catch (error) {
      logger.error({ err: error }, "after-commit hook failed; the sweep will repair it");
    }
  }
  return result;
}
