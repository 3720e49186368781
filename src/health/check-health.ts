import { queueHealth } from "../../jobs/queue.js";
import { config } from "../config.js";
import { db } from "../db.js";

/** Database and queue status for /healthz (load balancers and operators). */
export async function checkHealth() {
  const started = performance.now();
  let database: { status: "ok" | "down"; provider: string; latencyMs?: number; detail?: string };
  try {
    await db.$queryRawUnsafe("SELECT 1");
    database = { status: "ok", provider: config.databaseProvider, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    database = { status: "down", provider: config.databaseProvider, detail: error instanceof Error ? error.message : String(error) };
  }
  const queue = await queueHealth();
  const isHealthy = database.status === "ok";
  return {
    status: isHealthy ? (queue.ok ? "ok" : "degraded") : "down",
    database,
    queue: { status: queue.ok ? "ok" : "down", mode: queue.mode, ...(queue.detail ? { detail: queue.detail } : {}) },
    isHealthy,
  };
}
