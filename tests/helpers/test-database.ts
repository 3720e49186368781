import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * The suite runs on SQLite by default and on PostgreSQL with TEST_DATABASE=postgresql (CI runs
 * both). Either way one migrated and seeded template is built per run, and every test file (and
 * every end-to-end server) gets its own copy: a file copy for SQLite, CREATE DATABASE ... TEMPLATE
 * for PostgreSQL.
 */
export type TestDatabaseKind = "sqlite" | "postgresql";

export const testDatabaseKind = (): TestDatabaseKind => (process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite");

const adminUrl = () => process.env.TEST_POSTGRESQL_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function urlFor(database: string) {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${adminUrl()} (${(error as Error).message}). Start it, or set TEST_POSTGRESQL_URL.`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Builds the run's template database; returns what setup-env needs to copy it. */
export async function createTemplateDatabase(root: string, runDir: string, runTag: string) {
  const kind = testDatabaseKind();
  const templateFile = path.join(runDir, "template.db");
  const templateName = `pgh_tpl_${runTag}`;
  const databaseUrl = kind === "sqlite" ? `file:${templateFile}` : urlFor(templateName);
  if (kind === "postgresql") await withAdmin((c) => c.query(`CREATE DATABASE "${templateName}"`));
  execFileSync(process.execPath, ["--import", "tsx", path.join(root, "src", "cli.ts"), "seed"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test", BASE_URL: "http://penghubung.test", DATABASE_URL: databaseUrl, DATA_DIR: path.join(runDir, "template-data"), LOG_LEVEL: "silent" },
    stdio: "pipe",
  });
  // The CLI closed its connection, which folds SQLite's WAL into the main file: a plain copy is complete.
  if (kind === "sqlite") for (const suffix of ["-wal", "-shm"]) fs.rmSync(templateFile + suffix, { force: true });
  return { kind, template: kind === "sqlite" ? templateFile : templateName };
}

/** A fresh copy of the template for one test file or one server; returns its DATABASE_URL. */
export async function createTestDatabase(template: { kind: TestDatabaseKind; template: string }, dir: string, runTag: string): Promise<string> {
  if (template.kind === "sqlite") {
    const file = path.join(dir, "test.db");
    fs.copyFileSync(template.template, file);
    return `file:${file}`;
  }
  const name = `pgh_t_${runTag}_${crypto.randomBytes(5).toString("hex")}`;
  await withAdmin(async (client) => {
    // Copies of one template may not start while another session is connected to it: retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template.template}"`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return urlFor(name);
}

/** Drops the run's template and every copy (PostgreSQL); SQLite files go with the run directory. */
export async function dropTestDatabases(runTag: string) {
  if (testDatabaseKind() !== "postgresql") return;
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`pgh_t_${runTag}_%`, `pgh_tpl_${runTag}`]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  });
}
