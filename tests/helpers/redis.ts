import { Redis } from "ioredis";

export const TEST_REDIS_URL = process.env.PENGHUBUNG_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Tests that need Redis use REDIS_URL or 127.0.0.1:6379 and fail (never skip) when it is not
 * reachable, saying how to start it.
 */
export async function requireRedis(): Promise<void> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${TEST_REDIS_URL} (${error instanceof Error ? error.message : error}). ` +
        `Start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no ` +
        `(or set REDIS_URL to a running Redis).`,
    );
  } finally {
    client.disconnect();
  }
}
