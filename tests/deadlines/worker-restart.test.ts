import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import type { Queue } from "bullmq";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bullQueues, startQueue, stopQueue } from "../../jobs/queue.js";
import type { CaseActor } from "../../src/complaints/workflow/case-actor.js";
import { db } from "../../src/db.js";
import { recomputeOpenDeadlines } from "../../src/deadlines/recompute-open-deadlines.js";
import { deadlineTriggers, scheduleDeadlineTriggers } from "../../src/deadlines/schedule-deadline-triggers.js";
import { requireRedis, TEST_REDIS_URL } from "../helpers/redis.js";
import { DEADLINE_JOBS, deleteRedisKeys, dueInMs, noticesOf, routedCaseNow, until } from "./queue-support.js";
import { staffActor } from "./support.js";

const prefix = `test-deadline-restart-${crypto.randomBytes(4).toString("hex")}`;
const root = path.resolve(import.meta.dirname, "../..");
let assistant: CaseActor;
const children: ChildProcess[] = [];

/** A separate worker process on the deadline-trigger queue; resolves with it and a log of what it printed. */
async function startWorker(stall: "before" | "after" | "none") {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/deadlines/support/trigger-worker.ts")], {
    cwd: root,
    env: { ...process.env, STALL: stall, TRIGGER_PREFIX: prefix, TRIGGER_REDIS_URL: TEST_REDIS_URL },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
  child.stderr!.on("data", () => undefined);
  await until(async () => lines.includes("ready"), 20_000, "worker ready");
  return { child, lines };
}

function kill(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

beforeAll(async () => {
  await requireRedis();
  assistant = await staffActor("assistant");
  await staffActor("focal_point", { regionCode: "53.01", office: "inspektorat" });
  await recomputeOpenDeadlines();
  // This process only produces jobs; the worker processes below run them.
  await startQueue({ jobs: DEADLINE_JOBS, redisUrl: TEST_REDIS_URL, runWorkers: false, prefix });
});
afterEach(async () => {
  await Promise.all(children.splice(0).filter((c) => c.exitCode === null && c.signalCode === null).map(kill));
});
afterAll(async () => {
  await stopQueue();
  await deleteRedisKeys(prefix);
});

const triggerQueue = () => bullQueues().find((queue) => queue.name === "deadline-trigger") as Queue;

describe("a worker killed in the middle of a deadline job", () => {
  it("completes the job once after a restart when it was killed before doing the work", async () => {
    const { acknowledgement } = await routedCaseNow(assistant);
    const first = await startWorker("before");
    const row = await dueInMs(acknowledgement.id, 300, 60_000);
    await scheduleDeadlineTriggers([row]);
    const reminderJob = deadlineTriggers(row)[0]!.jobId;
    await until(async () => first.lines.includes(`active ${reminderJob}`), 10_000, "job taken");
    await kill(first.child);
    expect(await noticesOf(row.id)).toEqual([]);
    expect(await (await triggerQueue().getJob(reminderJob))?.isActive()).toBe(true);

    const second = await startWorker("none");
    await until(async () => second.lines.some((line) => line.startsWith(`handled ${reminderJob}`)), 20_000, "job completed after restart");
    await until(async () => (await triggerQueue().getJob(reminderJob))?.isCompleted(), 5000, "job marked completed");
    expect((await noticesOf(row.id)).map((n) => n.kind)).toEqual(["deadline.reminder"]);
    expect(await db.deadline.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ remindersSent: 1 });
  });

  it("sends nothing twice when it was killed after the work was committed but before the job was acknowledged", async () => {
    const { acknowledgement } = await routedCaseNow(assistant);
    const first = await startWorker("after");
    const row = await dueInMs(acknowledgement.id, 300, 60_000);
    await scheduleDeadlineTriggers([row]);
    const reminderJob = deadlineTriggers(row)[0]!.jobId;
    await until(async () => first.lines.some((line) => line.startsWith(`handled ${reminderJob}`)), 10_000, "work committed");
    await kill(first.child);
    expect((await noticesOf(row.id)).map((n) => n.kind)).toEqual(["deadline.reminder"]);

    const second = await startWorker("none");
    const rerun = await until(async () => second.lines.find((line) => line.startsWith(`handled ${reminderJob}`)), 20_000, "job re-run after restart");
    expect(rerun).toContain('"outcome":"nothing_due"');
    await until(async () => (await triggerQueue().getJob(reminderJob))?.isCompleted(), 5000, "job marked completed");
    expect((await noticesOf(row.id)).map((n) => n.kind)).toEqual(["deadline.reminder"]);
    expect(await db.outboxMessage.count({ where: { dedupeKey: { startsWith: `staff-mail:deadline-${row.id}-reminder-` } } })).toBe(1);
  });
});
