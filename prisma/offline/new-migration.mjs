#!/usr/bin/env node
// Offline equivalent of `prisma migrate dev --create-only --name <name>`:
// replays prisma/migrations on a throw-away shadow DB, diffs it against schema.prisma with
// Prisma's own schema engine (wasm build) and writes prisma/migrations/<ts>_<name>/migration.sql.
// Usage: node scripts/prisma/new-migration.mjs <name> [--schema prisma/schema.prisma] [--dir prisma/migrations]
//        [--from-schema <previous schema.prisma>]   (diff two schema files instead of replaying migrations)
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { loadSchemaEngine, readMigrationsList, scriptAware, lockfileContent, datasourceProvider } from "./engine.mjs";
import { EXTERNAL_TABLES } from "./external-tables.mjs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : dflt; };
const schemaPath = opt("--schema", "prisma/schema.prisma");
const migrationsDir = opt("--dir", "prisma/migrations");
const fromSchema = opt("--from-schema", null); // e.g. `git show HEAD:prisma/schema.prisma > prev.prisma` (no DB needed)
const name = (args[0] ?? "").replace(/[^A-Za-z0-9_]+/g, "_");
if (!name) { console.error("usage: new-migration.mjs <name>"); process.exit(2); }

const schema = fs.readFileSync(schemaPath, "utf8");
const provider = datasourceProvider(schema);

async function adapterFactory() {
  if (provider === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const mem = new PrismaBetterSqlite3({ url: ":memory:" });
    return { provider: "sqlite", adapterName: mem.adapterName, connect: () => mem.connect(),
      connectToShadowDb: async () => scriptAware(await mem.connectToShadowDb()) };
  }
  if (provider === "postgresql") {
    // Needs a reachable server (like real Prisma's shadow DB). Uses SHADOW_DATABASE_URL if set
    // (must be an empty scratch DB), else creates/drops a temporary DB next to DATABASE_URL.
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is required for postgresql");
    const main = new PrismaPg({ connectionString: url });
    return { provider: "postgres", adapterName: main.adapterName, connect: () => main.connect(),
      async connectToShadowDb() {
        if (process.env.SHADOW_DATABASE_URL) return new PrismaPg({ connectionString: process.env.SHADOW_DATABASE_URL }).connect();
        const admin = await main.connect();
        const db = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
        await admin.executeScript(`CREATE DATABASE "${db}"`);
        const u = new URL(url); u.pathname = `/${db}`;
        const shadow = await new PrismaPg({ connectionString: u.toString() }).connect();
        const dispose = shadow.dispose.bind(shadow);
        shadow.dispose = async () => { await dispose(); await admin.executeScript(`DROP DATABASE IF EXISTS "${db}"`); await admin.dispose(); };
        return shadow;
      } };
  }
  throw new Error(`provider ${provider} not supported by this script`);
}

fs.mkdirSync(migrationsDir, { recursive: true });
const lock = path.join(migrationsDir, "migration_lock.toml");
if (!fs.existsSync(lock)) fs.writeFileSync(lock, lockfileContent(provider));
const engine = await loadSchemaEngine({ datamodels: [[schemaPath, schema]], adapterFactory: await adapterFactory() });
const filters = { externalTables: EXTERNAL_TABLES, externalEnums: [] };
// (engine.createMigration() can't use an external SQLite shadow DB in the wasm build; diff() can)
const list = readMigrationsList(migrationsDir);
const from = fromSchema
  ? { tag: "schemaDatamodel", files: [{ path: fromSchema, content: fs.readFileSync(fromSchema, "utf8") }] }
  : list.migrationDirectories.length === 0 ? { tag: "empty" } : { tag: "migrations", ...list };
const { stdout: script } = await engine.diff({
  from,
  to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
  script: true, exitCode: null, filters,
});
// Prisma's naming: UTC %Y%m%d%H%M%S + "_" + name
const ts = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
if (!script || !/\S/.test(script.replace(/^--.*$/gm, "")) || /^-- This is an empty migration\.\s*$/.test(script.trim())) {
  console.log("No schema changes: no SQLite migration created.");
} else {
  const dir = path.join(migrationsDir, `${ts}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), script);
  console.log(`Created ${path.join(dir, "migration.sql")}`);
}
// PostgreSQL keeps its own history, derived from the same schema (see new-postgresql-migration.mjs).
// Its own process: a second wasm engine in this one would share the first one's module state.
if (schemaPath === "prisma/schema.prisma" && !process.argv.includes("--sqlite-only")) {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "new-postgresql-migration.mjs");
  const result = spawnSync(process.execPath, [script, name, "--timestamp", ts], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
process.exit(0);
