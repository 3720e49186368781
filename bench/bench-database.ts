import crypto from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";

/**
 * The database side of benchmarks that run on SQLite or on PostgreSQL: a throw-away PostgreSQL
 * database per run (created and dropped on the server of BENCH_POSTGRESQL_URL, by default
 * postgresql://postgres@127.0.0.1:5432/postgres), plain queries on either, and bulk loading into
 * PostgreSQL (one `INSERT … SELECT FROM unnest(…)` per few thousand rows: each column sent as one
 * array, so a statement costs one round trip whatever its number of rows).
 */
export type DatabaseKind = "sqlite" | "postgresql";

export const isPostgresqlUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

const adminUrl = () => process.env.BENCH_POSTGRESQL_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${url.replace(/\/\/[^@]*@/, "//…@")} (${(error as Error).message}). Start it, or set BENCH_POSTGRESQL_URL.`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty PostgreSQL database (or a copy of `template`) of its own for one benchmark run; returns its URL and how to drop it. */
export async function createPostgresqlDatabase(template?: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `pgh_bench_${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
  await withClient(adminUrl(), (client) => client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
  return {
    url: urlFor(name),
    name,
    drop: () => withClient(adminUrl(), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** Rows of one query on either database; `$1…` parameters (rewritten to `?` for SQLite). Identifiers must be quoted. */
export async function queryRows<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  if (isPostgresqlUrl(databaseUrl)) return withClient(databaseUrl, async (client) => (await client.query(sql, params)).rows as T[]);
  const sqlite = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(sql.replace(/\$\d+/g, "?")).all(...params.map((p) => (typeof p === "boolean" ? Number(p) : p))) as T[];
  } finally {
    sqlite.close();
  }
}

/** A connection for bulk loading: no wait for the WAL flush on commit (a benchmark fixture needs no durability). */
export async function openPostgresqlLoader(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  return client;
}

const columnTypes = new WeakMap<pg.Client, Map<string, Map<string, string>>>();

/** The SQL type of each column of a table (for the casts of unnest), read once per connection. */
async function typesOf(client: pg.Client, table: string): Promise<Map<string, string>> {
  let byTable = columnTypes.get(client);
  if (!byTable) columnTypes.set(client, (byTable = new Map()));
  let types = byTable.get(table);
  if (!types) {
    const { rows } = await client.query<{ column_name: string; data_type: string; udt_name: string }>(
      `SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
      [table],
    );
    if (rows.length === 0) throw new Error(`table "${table}" not found`);
    types = new Map(rows.map((row) => [row.column_name, row.data_type === "USER-DEFINED" ? row.udt_name : row.data_type]));
    byTable.set(table, types);
  }
  return types;
}

/**
 * Inserts rows (objects keyed by column) into a PostgreSQL table, a few thousand per statement:
 * `INSERT INTO t (a, b) SELECT * FROM unnest($1::type[], $2::type[])`. Values are what the SQLite
 * writer stores (ISO timestamps, 0/1 booleans, JSON text); PostgreSQL casts them to the column types.
 */
export async function insertRowsPostgresql(client: pg.Client, table: string, columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, rowsPerStatement = 5_000): Promise<void> {
  const types = await typesOf(client, table);
  const casts = columns.map((column, i) => {
    const type = types.get(column);
    if (!type) throw new Error(`"${table}"."${column}" does not exist in PostgreSQL`);
    return `$${i + 1}::${type === "timestamp without time zone" ? "timestamp(3)" : type}[]`;
  });
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT * FROM unnest(${casts.join(", ")})`;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    await client.query(
      sql,
      columns.map((column) => chunk.map((row) => normalise(row[column]))),
    );
  }
}

/** Booleans as SQLite keeps them (0/1) are valid PostgreSQL boolean input; undefined is NULL. */
const normalise = (value: unknown) => (value === undefined ? null : value);

/**
 * Drops the secondary indexes of some tables before a bulk load and returns a function that builds
 * them again afterwards (faster than updating each index row by row); primary keys stay.
 */
export async function withoutPostgresqlIndexes(client: pg.Client, tables: readonly string[]): Promise<() => Promise<void>> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.indexname}"`);
  return async () => {
    for (const row of rows) await client.query(row.indexdef);
  };
}
