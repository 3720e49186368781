import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { config } from "../config.js";
import { logger } from "../logger.js";
import { migrationsDirs, projectRoot } from "../paths.js";
import type * as Migrator from "../../prisma/offline/migrate.mjs";

/**
 * Applies pending migrations the way `prisma migrate deploy` does, with the offline migrator kept
 * in prisma/offline/ (the one place for Prisma workarounds; see its README). Where Prisma's native
 * engines can be downloaded, `npx prisma migrate deploy` does exactly the same.
 */
export async function applyMigrations(url = config.databaseUrl) {
  if (url.startsWith("file:")) fs.mkdirSync(path.dirname(path.resolve(url.slice("file:".length).replace(/\?.*$/, ""))), { recursive: true });
  const migrator = (await import(pathToFileURL(path.join(projectRoot, "prisma", "offline", "migrate.mjs")).href)) as typeof Migrator;
  return migrator.migrate({ url, dir: url.startsWith("file:") ? migrationsDirs.sqlite : migrationsDirs.postgresql, log: (message: string) => logger.info(message) });
}
