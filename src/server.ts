import fs from "node:fs";
import type { Server } from "node:http";
import { jobs } from "../jobs/registry.js";
import { startQueue, stopQueue } from "../jobs/queue.js";
import { ensureFirstAdmin } from "./accounts/ensure-first-admin.js";
import { createApp } from "./app.js";
import { seedDeadlineReferenceData } from "./deadlines/seed-deadline-reference-data.js";
import { rebuildDeadlineTriggers, rebuildDeadlineTriggersInBackground } from "./deadlines/rebuild-deadline-triggers.js";
import { config } from "./config.js";
import { db } from "./db.js";
import { applyMigrations } from "./db/migrate.js";
import { logger } from "./logger.js";
import { closeSharedRedis } from "./redis.js";
import { seedReferenceData } from "./regions/seed-reference-data.js";
import { seedRouting } from "./routing/seed-routing.js";
import { seedMethodologies } from "./scoring/seed-methodologies.js";
import { seedLetterTemplates } from "./letters/seed-letter-templates.js";

/**
 * Entry point of `npm start`: prepares the data directory, applies migrations, seeds reference
 * data, starts the queue (in-process without REDIS_URL), makes sure an administrator can get in,
 * and serves the application.
 */
async function main() {
  for (const dir of [config.dataDir, config.uploadDir, config.mailDir]) fs.mkdirSync(dir, { recursive: true });
  await applyMigrations();
  if (config.seedOnStart) {
    const seeded = { ...(await seedReferenceData()), ...(await seedRouting()), ...(await seedLetterTemplates()), ...(await seedDeadlineReferenceData()) };
    if (Object.values(seeded).some((n) => n > 0)) logger.info(seeded, "reference data seeded");
  }
  const mode = await startQueue({ jobs, redisUrl: config.redisUrl, runWorkers: config.runWorkerInWeb, onRedisDataLost: () => rebuildDeadlineTriggers() });
  logger.info({ mode, runsWorkers: config.runWorkerInWeb }, "queue started");
  if (config.runWorkerInWeb) rebuildDeadlineTriggersInBackground();
  // After the queue starts: storing the methodology files also asks for the first results of each year.
  if (config.seedOnStart) await seedMethodologies();

  const admin = await ensureFirstAdmin({ email: config.adminEmail, password: config.adminPassword });
  if (admin.status === "created") logger.info({ email: admin.email }, "first administrator created from ADMIN_EMAIL");
  if (admin.status === "setup_link") {
    // Printed on the console on purpose: whoever started the server creates the first account.
    console.log(`\n  No administrator yet. Open this one-time link to create one (valid 7 days):\n\n    ${admin.url}\n`);
  }

  const server = createApp().listen(config.port, config.host, () => {
    logger.info({ url: config.baseUrl, host: config.host, port: config.port }, "Penghubung is listening");
  });
  installShutdown(server);
}

function installShutdown(server: Server) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    server.close();
    await stopQueue();
    await closeSharedRedis();
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  logger.fatal({ err: error }, "start-up failed");
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
