import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { createTestDatabase } from "../helpers/test-database.js";
import { startServerProcess, type ServerProcess } from "./server-process.js";

export type { ServerProcess } from "./server-process.js";

/**
 * The real server for one end-to-end test file: a fresh copy of the suite's migrated and seeded
 * template database (tests/helpers/global-setup.ts) in a data directory of its own, the first
 * administrator from ADMIN_EMAIL/ADMIN_PASSWORD, listening on a free port. Stop it in afterAll.
 */
export async function startAppServer(options: { env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const runDir = inject("runDir");
  const dataDir = path.join(runDir, `e2e-${crypto.randomBytes(6).toString("hex")}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseUrl = await createTestDatabase(inject("databaseTemplate"), dataDir, inject("runTag"));
  return startServerProcess({ databaseUrl, dataDir, env: options.env });
}
