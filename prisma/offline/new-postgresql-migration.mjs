#!/usr/bin/env node
// PostgreSQL keeps its own migration history (Prisma cannot share one with SQLite). Its schema is
// derived from prisma/schema.prisma; a migration is the diff between the last derived schema that
// has a migration (prisma/postgresql/schema.prisma, committed) and the newly derived one, computed
// by Prisma's own engine (wasm build). The engine needs a reachable PostgreSQL server to run the
// diff (no data is touched): POSTGRESQL_URL, else DATABASE_URL if it is PostgreSQL, else the local one.
// Usage: node prisma/offline/new-postgresql-migration.mjs <name> [--timestamp yyyymmddHHMMSS]
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadSchemaEngine, lockfileContent } from "./engine.mjs";
import { derivePostgresqlSchema, POSTGRESQL_SCHEMA, SQLITE_SCHEMA } from "./derive-postgresql-schema.mjs";

export const POSTGRESQL_MIGRATIONS = path.join(path.dirname(POSTGRESQL_SCHEMA), "migrations");

/** Extra SQL that Prisma's schema language cannot express, appended to a migration by name. */
function handWrittenSql(name) {
  const file = path.join(path.dirname(POSTGRESQL_SCHEMA), "sql", `${name}.sql`);
  return fs.existsSync(file) ? `\n-- ${path.relative(process.cwd(), file)}\n${fs.readFileSync(file, "utf8")}` : "";
}

export async function newPostgresqlMigration(name, timestamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14)) {
  const previous = fs.existsSync(POSTGRESQL_SCHEMA) ? fs.readFileSync(POSTGRESQL_SCHEMA, "utf8") : null;
  const next = derivePostgresqlSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  const extra = handWrittenSql(name);
  if (previous === next && !extra) return null;
  const url = process.env.POSTGRESQL_URL ?? (/^postgres/.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : "postgresql://postgres@127.0.0.1:5432/postgres");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const adapter = new PrismaPg({ connectionString: url });
  const factory = { provider: "postgres", adapterName: adapter.adapterName, connect: () => adapter.connect(), connectToShadowDb: () => adapter.connect() };
  const engine = await loadSchemaEngine({ datamodels: [["schema.prisma", next]], adapterFactory: factory });
  const { stdout } = await engine.diff({
    from: previous ? { tag: "schemaDatamodel", files: [{ path: "previous.prisma", content: previous }] } : { tag: "empty" },
    to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: next }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const script = (/\S/.test((stdout ?? "").replace(/^--.*$/gm, "")) && !/^-- This is an empty migration\.\s*$/.test((stdout ?? "").trim()) ? stdout : "") + extra;
  fs.mkdirSync(POSTGRESQL_MIGRATIONS, { recursive: true });
  const lock = path.join(POSTGRESQL_MIGRATIONS, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, lockfileContent("postgresql"));
  fs.writeFileSync(POSTGRESQL_SCHEMA, next);
  if (!script.trim()) return null;
  const dir = path.join(POSTGRESQL_MIGRATIONS, `${timestamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), script);
  return path.join(dir, "migration.sql");
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const i = args.indexOf("--timestamp");
  const timestamp = i >= 0 ? args.splice(i, 2)[1] : undefined;
  const name = (args[0] ?? "").replace(/[^A-Za-z0-9_]+/g, "_");
  if (!name) {
    console.error("usage: new-postgresql-migration.mjs <name>");
    process.exit(2);
  }
  const created = await newPostgresqlMigration(name, timestamp);
  console.log(created ? `Created ${created}` : "PostgreSQL schema unchanged: no migration created.");
  process.exit(0);
}
