import { config } from "../src/config.js";
import { db } from "../src/db.js";
import { logger } from "../src/logger.js";
import { rebuildDeadlineTriggers, rebuildDeadlineTriggersInBackground } from "../src/deadlines/rebuild-deadline-triggers.js";
import { closeSharedRedis } from "../src/redis.js";
import { jobs } from "./registry.js";
import { startQueue, stopQueue } from "./queue.js";

/**
 * Entry point of `npm run worker`: runs the BullMQ workers as a separate process (start as many as
 * needed). Without REDIS_URL jobs run inside the web process instead, so there is nothing to do.
 */
async function main() {
  if (!config.redisUrl) {
    console.error("npm run worker needs REDIS_URL (BullMQ on Redis). Without it, jobs run inside the web process (npm start).");
    process.exit(1);
  }
  await startQueue({ jobs, redisUrl: config.redisUrl, runWorkers: true, onRedisDataLost: () => rebuildDeadlineTriggers() });
  logger.info({ jobs: Object.keys(jobs) }, "worker started");
  // Redis keeps nothing on disk: triggers lost with it come back from the database.
  rebuildDeadlineTriggersInBackground();
  const stop = async () => {
    await stopQueue();
    await closeSharedRedis();
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error) => {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
