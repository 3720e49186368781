import { spawn } from "node:child_process";
import pg from "pg";
import { BackupError } from "./backup-error.js";
import type { DatabaseBackend, TableCounts } from "./database-backend.js";

/**
 * PostgreSQL: `pg_dump --format=custom` for the copy and `pg_restore` for the restore (Debian's
 * postgresql-client, the same major version as the server or newer).
 *
 * The copy: one REPEATABLE READ transaction exports its snapshot, counts the rows in it, and keeps
 * it open while pg_dump reads that same snapshot (--snapshot): the counts in the manifest are
 * exactly those of the dump, however busy the server is.
 *
 * The restore: psql runs, in one transaction, a removal of every table, view, sequence and type
 * of the schema (so that objects of a later migration the backup does not have cannot survive),
 * then pg_restore's script (--clean --if-exists). COMMIT is sent only once pg_restore has finished
 * without error; otherwise psql ends without it and PostgreSQL rolls everything back.
 */
export function postgresqlBackend(url: string): DatabaseBackend {
  const target = libpqTarget(url);
  return {
    provider: "postgresql",

    async copyTo(file) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id;
        const tables = (await countTables(client)) ?? {};
        const migrations = await appliedMigrations(client, tables);
        await runTool("pg_dump", ["--format=custom", "--no-password", `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${target.url}`], target.env);
        await client.query("COMMIT");
        return { tables, migrations };
      } finally {
        await client.end();
      }
    },

    async inspectCopy(file) {
      await runTool("pg_restore", ["--list", file], {}).catch((error: unknown) => {
        throw error instanceof BackupError && error.code === "tool_failed" ? new BackupError("invalid_backup", error.details.slice(1)) : error;
      });
      return null;
    },

    async countRows() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const counts = await countTables(client);
        await client.query("COMMIT");
        return counts;
      } finally {
        await client.end();
      }
    },

    async restoreFrom(file) {
      const psql = startTool("psql", ["--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=1", `--dbname=${target.url}`], target.env, { stdin: true });
      const restore = startTool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--file=-", file], target.env, { stdout: true });
      const psqlError = psql.done.then(() => null, (error: unknown) => error);
      // psql stopped on an error: its exit status says which; pg_restore, left writing to nobody, is stopped.
      psql.child.stdin!.on("error", () => {});
      psql.child.on("close", () => restore.child.exitCode === null && restore.child.kill());
      psql.child.stdin!.write(`BEGIN;\n${DROP_SCHEMA_OBJECTS}\n`);
      restore.child.stdout!.pipe(psql.child.stdin!, { end: false });
      const restoreError = await restore.done.then(() => null, (error: unknown) => error);
      psql.child.stdin!.end(restoreError ? "" : "COMMIT;\n");
      const failure = (await psqlError) ?? restoreError;
      if (failure) throw failure;
    },
  };
}

/** Drops every table, view, sequence and enum/domain type of the current schema, except what an extension owns. */
const DROP_SCHEMA_OBJECTS = `DO $$
DECLARE statement text;
BEGIN
  FOR statement IN
    SELECT format('DROP %s IF EXISTS %I.%I CASCADE', CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, n.nspname, c.relname)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
  LOOP EXECUTE statement; END LOOP;
  FOR statement IN
    SELECT format('DROP TYPE IF EXISTS %I.%I CASCADE', n.nspname, t.typname)
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP EXECUTE statement; END LOOP;
END $$;`;

async function countTables(client: pg.Client): Promise<TableCounts | null> {
  const tables = (await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")).rows.map((r) => r.name);
  if (!tables.length) return null;
  const sql = tables.map((name, i) => `SELECT $${i + 1}::text AS name, count(*)::bigint AS rows FROM ${client.escapeIdentifier(name)}`).join(" UNION ALL ");
  const { rows } = await client.query<{ name: string; rows: string }>(sql, tables);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.rows)]));
}

async function appliedMigrations(client: pg.Client, tables: TableCounts): Promise<string[]> {
  if (!("_prisma_migrations" in tables)) return [];
  const { rows } = await client.query<{ name: string }>('SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name');
  return rows.map((r) => r.name);
}

/** Options of Prisma's connection URLs that libpq (pg_dump, psql) would refuse. */
const PRISMA_ONLY_PARAMS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout", "sslaccept"];

/**
 * The URL for the PostgreSQL client tools: Prisma-only options removed and the password moved
 * to PGPASSWORD, so that it never shows in the process list.
 */
export function libpqTarget(url: string): { url: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  for (const name of PRISMA_ONLY_PARAMS) parsed.searchParams.delete(name);
  return { url: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

function startTool(command: string, args: string[], extraEnv: Record<string, string>, pipes: { stdin?: boolean; stdout?: boolean } = {}) {
  const child = spawn(command, args, {
    // The tools need PATH, locale and any PG* settings of the operator's environment, plus the password.
    // eslint-disable-next-line no-restricted-syntax -- handed on to a child process, not configuration read by the application
    env: { ...process.env, ...extraEnv },
    stdio: [pipes.stdin ? "pipe" : "ignore", pipes.stdout ? "pipe" : "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "ENOENT" ? new BackupError("tool_missing", [`${command} was not found on PATH: install Debian's postgresql-client (the server's major version or newer)`]) : error);
    });
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new BackupError("tool_failed", [`${command} exited with status ${code}`, ...stderr.trim().split("\n").filter(Boolean).slice(-20)]));
    });
  });
  return { child, done };
}

async function runTool(command: string, args: string[], extraEnv: Record<string, string>) {
  await startTool(command, args, extraEnv).done;
}
