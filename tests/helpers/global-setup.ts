import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTemplateDatabase, dropTestDatabases, type TestDatabaseKind } from "./test-database.js";

declare module "vitest" {
  export interface ProvidedContext {
    runDir: string;
    runTag: string;
    databaseTemplate: { kind: TestDatabaseKind; template: string };
  }
}

/**
 * Builds one migrated and seeded template database before the suite, in a directory (and with a
 * tag) of this run only — several runs may share the machine; every test file then works on its
 * own copy (tests/helpers/setup-env.ts), so files run in parallel without sharing state.
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  const runTag = `${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
  const runDir = path.join(root, "tests", ".tmp", `run-${runTag}`);
  fs.mkdirSync(runDir, { recursive: true });
  const databaseTemplate = await createTemplateDatabase(root, runDir, runTag);
  project.provide("runDir", runDir);
  project.provide("runTag", runTag);
  project.provide("databaseTemplate", databaseTemplate);
  return async () => {
    if (process.env.KEEP_TEST_FILES) return;
    await dropTestDatabases(runTag);
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}
