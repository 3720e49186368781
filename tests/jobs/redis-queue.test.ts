import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "../../jobs/define-job.js";
import { enqueue, queueHealth, startQueue, stopQueue } from "../../jobs/queue.js";
import type { JobName } from "../../jobs/registry.js";
import { requireRedis, TEST_REDIS_URL } from "../helpers/redis.js";

const calls: Array<{ name: string; value: number; attempt: number }> = [];
let failuresLeft = 0;

const recordJob = defineJob({
  name: "test-record",
  payload: z.object({ value: z.number() }),
  handler: async ({ value }, { attempt }) => void calls.push({ name: "record", value, attempt }),
});
const flakyJob = defineJob({
  name: "test-flaky",
  payload: z.object({ value: z.number() }),
  attempts: 3,
  backoffMs: 50,
  handler: async ({ value }, { attempt }) => {
    calls.push({ name: "flaky", value, attempt });
    if (failuresLeft-- > 0) throw new Error("transient failure");
  },
});

const add = (name: string, payload: unknown, options?: { jobId?: string; delayMs?: number }) => enqueue(name as JobName, payload as never, options);

async function until(check: () => boolean, timeoutMs = 8000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  await requireRedis();
  await startQueue({ jobs: { recordJob, flakyJob }, redisUrl: TEST_REDIS_URL, runWorkers: true, prefix: `test-${crypto.randomBytes(4).toString("hex")}` });
});
afterAll(stopQueue);

describe("jobs on BullMQ with a real Redis", () => {
  it("reports the queue healthy", async () => {
    expect(await queueHealth()).toEqual({ mode: "redis", ok: true });
  });

  it("runs an enqueued job once, even when the same job id is added twice", async () => {
    await add("test-record", { value: 1 }, { jobId: "same-id" });
    await add("test-record", { value: 1 }, { jobId: "same-id" });
    await until(() => calls.some((c) => c.value === 1));
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.filter((c) => c.value === 1)).toHaveLength(1);
  });

  it("runs a delayed job no earlier than its delay", async () => {
    const added = Date.now();
    await add("test-record", { value: 2 }, { jobId: "delayed-2", delayMs: 600 });
    await until(() => calls.some((c) => c.value === 2));
    expect(Date.now() - added).toBeGreaterThanOrEqual(550);
  });

  it("retries a failing job with back-off until it succeeds", async () => {
    failuresLeft = 2;
    await add("test-flaky", { value: 3 });
    await until(() => calls.filter((c) => c.value === 3).length === 3);
    expect(calls.filter((c) => c.value === 3).map((c) => c.attempt)).toEqual([1, 2, 3]);
  });

  it("refuses a payload that does not match the job's schema", async () => {
    expect(await add("test-record", { value: "not a number" })).toBe(false);
  });
});
