#!/usr/bin/env node
// The PostgreSQL schema is derived from prisma/schema.prisma (the one we edit): same models, other
// provider, its own generated client. Prisma cannot share one migration history between SQLite and
// PostgreSQL, so prisma/postgresql/ keeps its own migrations (see new-migration.mjs).
// Usage: node prisma/offline/derive-postgresql-schema.mjs [--check]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SQLITE_SCHEMA = path.join(root, "prisma", "schema.prisma");
export const POSTGRESQL_SCHEMA = path.join(root, "prisma", "postgresql", "schema.prisma");

export function derivePostgresqlSchema(sqliteSchema) {
  const header = "// GENERATED from prisma/schema.prisma by prisma/offline/derive-postgresql-schema.mjs: do not edit.\n// It is the last PostgreSQL schema that has a migration in prisma/postgresql/migrations.\n\n";
  let schema = sqliteSchema
    .replace(/output\s*=\s*"\.\.\/src\/generated\/prisma"/, 'output              = "../../src/generated/prisma-postgresql"')
    .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  if (schema === sqliteSchema) throw new Error("could not rewrite the generator output or the datasource provider");
  return header + schema;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const derived = derivePostgresqlSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  const current = fs.existsSync(POSTGRESQL_SCHEMA) ? fs.readFileSync(POSTGRESQL_SCHEMA, "utf8") : null;
  if (process.argv.includes("--check")) {
    if (current !== derived) {
      console.error("prisma/postgresql/schema.prisma is behind prisma/schema.prisma: run `npm run db:migration:new -- <name>`.");
      process.exit(1);
    }
    process.exit(0);
  }
  fs.mkdirSync(path.dirname(POSTGRESQL_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRESQL_SCHEMA, derived);
}
