// Ask Prisma's own engine (wasm build) what it thinks of a DB: diagnoseMigrationHistory, devDiagnostic, applyMigrations.
import fs from "node:fs";
import { loadSchemaEngine, readMigrationsList, scriptAware } from "./engine.mjs";
import { EXTERNAL_TABLES } from "./external-tables.mjs";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
const url = process.argv[2], schemaPath = "prisma/schema.prisma", dir = "prisma/migrations";
const f = new PrismaBetterSqlite3({ url });
const factory = { provider: "sqlite", adapterName: f.adapterName, connect: () => f.connect(), connectToShadowDb: async () => scriptAware(await f.connectToShadowDb()) };
const engine = await loadSchemaEngine({ datamodels: [[schemaPath, fs.readFileSync(schemaPath, "utf8")]], adapterFactory: factory });
const filters = { externalTables: EXTERNAL_TABLES, externalEnums: [] };
for (const [n, fn] of [
  ["diagnoseMigrationHistory", () => engine.diagnoseMigrationHistory({ migrationsList: readMigrationsList(dir), optInToShadowDatabase: true, filters })],
  ["devDiagnostic", () => engine.devDiagnostic({ migrationsList: readMigrationsList(dir), filters })],
  ["applyMigrations", () => engine.applyMigrations({ migrationsList: readMigrationsList(dir), filters })],
]) { try { console.log(n, JSON.stringify(await fn())); } catch (e) { console.log(n, "ERROR", e.message.split("\n")[0]); } }
