import { Redis } from "ioredis";
import { config } from "./config.js";
import { logger } from "./logger.js";

let client: Redis | null = null;

/**
 * A shared Redis connection for short commands (rate limits), or null without REDIS_URL.
 * Commands fail fast while Redis is down instead of queueing up behind a request.
 */
export function sharedRedis(): Redis | null {
  if (!config.redisUrl) return null;
  if (!client) {
    client = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    client.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
  }
  return client;
}

export async function closeSharedRedis() {
  const current = client;
  client = null;
  if (current) await current.quit().catch(() => current.disconnect());
}
