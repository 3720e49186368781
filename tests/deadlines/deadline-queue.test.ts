import crypto from "node:crypto";
import type { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs } from "../../jobs/registry.js";
import { bullQueues, enqueue, startQueue, stopQueue } from "../../jobs/queue.js";
import { createApp } from "../../src/app.js";
import type { CaseActor } from "../../src/complaints/workflow/case-actor.js";
import { performCaseAction } from "../../src/complaints/workflow/perform-case-action.js";
import { db } from "../../src/db.js";
import { missedAtFor } from "../../src/deadlines/compute-deadline.js";
import { rebuildDeadlineTriggers } from "../../src/deadlines/rebuild-deadline-triggers.js";
import { recomputeOpenDeadlines } from "../../src/deadlines/recompute-open-deadlines.js";
import { deadlineTriggers, scheduleDeadlineTriggers } from "../../src/deadlines/schedule-deadline-triggers.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn } from "../helpers/app.js";
import { requireRedis, TEST_REDIS_URL } from "../helpers/redis.js";
import { DEADLINE_JOBS, deleteRedisKeys, dueInMs, noticesOf, routedCaseNow, sleep, until } from "./queue-support.js";
import { staffActor } from "./support.js";

const prefix = `test-deadlines-${crypto.randomBytes(4).toString("hex")}`;
let assistant: CaseActor;
let focalPoint: CaseActor;

beforeAll(async () => {
  await requireRedis();
  assistant = await staffActor("assistant");
  focalPoint = await staffActor("focal_point", { regionCode: "53.01", office: "inspektorat" });
  const region = await db.region.findUniqueOrThrow({ where: { code: "53.01" } });
  await db.office.update({ where: { regionId_kind: { regionId: region.id, kind: "inspektorat" } }, data: { superiorTitle: "Inspektur", superiorEmail: "inspektur@kupangkab.go.id" } });
  // The calendar is as seeded: the sweep's recount must not undo the shortened deadlines below.
  await recomputeOpenDeadlines();
  await startQueue({ jobs: DEADLINE_JOBS, redisUrl: TEST_REDIS_URL, runWorkers: true, prefix });
});
afterAll(async () => {
  await stopQueue();
  await deleteRedisKeys(prefix);
});

const triggerQueue = () => bullQueues().find((queue) => queue.name === "deadline-trigger") as Queue;

describe("deadline triggers on BullMQ with a real Redis", () => {
  it("fires a reminder and an escalation at their moments, not before", async () => {
    const { acknowledgement } = await routedCaseNow(assistant);
    const row = await dueInMs(acknowledgement.id, 1500, 3000);
    expect(await scheduleDeadlineTriggers([row])).toBe(2);

    const [reminder] = await until(async () => (await noticesOf(row.id)).filter((n) => n.kind === "deadline.reminder").length === 1 && (await noticesOf(row.id)), 8000, "reminder");
    expect(reminder!.createdAt.getTime()).toBeGreaterThanOrEqual(row.remindAt!.getTime());
    expect(reminder!.createdAt.getTime() - row.remindAt!.getTime()).toBeLessThan(2000);

    const notices = await until(async () => (await noticesOf(row.id)).some((n) => n.kind === "deadline.escalated") && (await noticesOf(row.id)), 8000, "escalation");
    const escalated = notices.find((n) => n.kind === "deadline.escalated")!;
    const missedAt = missedAtFor(row.dueAt);
    expect(escalated.createdAt.getTime()).toBeGreaterThanOrEqual(missedAt.getTime());
    expect(escalated.createdAt.getTime() - missedAt.getTime()).toBeLessThan(2000);
    expect(await db.deadline.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ missedAt, escalations: 1, remindersSent: 1 });
    expect(await db.outboxMessage.count({ where: { dedupeKey: `deadline-${row.id}-escalation-1-superior` } })).toBe(1);
  });

  it("sends nothing for a deadline met before its trigger fires; the triggers run and find nothing to do", async () => {
    const { acknowledgement, trackingNumber } = await routedCaseNow(assistant);
    const row = await dueInMs(acknowledgement.id, 800, 1600);
    await scheduleDeadlineTriggers([row]);
    await performCaseAction(trackingNumber, "acknowledge", focalPoint);

    const ids = deadlineTriggers(row).map((t) => t.jobId);
    for (const jobId of ids) {
      const job = await until(async () => {
        const found = await triggerQueue().getJob(jobId);
        return found && (await found.isCompleted()) && found;
      }, 8000, `trigger ${jobId}`);
      expect(job.returnvalue).toEqual({ outcome: "closed" });
    }
    expect(await noticesOf(row.id)).toEqual([]);
    expect(await db.outboxMessage.count({ where: { dedupeKey: { contains: `deadline-${row.id}-` } } })).toBe(0);
  });

  it("catches up through the sweep when Redis lost the triggers, and never sends twice when they come back", async () => {
    const { acknowledgement } = await routedCaseNow(assistant);
    const row = await dueInMs(acknowledgement.id, 600, 1200);
    await scheduleDeadlineTriggers([row]);
    expect(await deleteRedisKeys(prefix)).toBeGreaterThan(0);
    await sleep(2000);
    expect(await noticesOf(row.id)).toEqual([]);

    await enqueue("sweep-deadlines", {}, { jobId: "sweep-after-flush" });
    const notices = await until(async () => (await noticesOf(row.id)).some((n) => n.kind === "deadline.escalated") && (await noticesOf(row.id)), 10_000, "escalation by the sweep");
    // Found missed: the late reminder is skipped, the miss is escalated.
    expect(notices.map((n) => n.kind).sort()).toEqual(["deadline.escalated", "deadline.missed"]);

    // The old triggers come back (a Redis restored from a snapshot), and a worker restarts: nothing more is sent.
    const stale = deadlineTriggers(row);
    for (const { jobId, deadlineId } of stale) await enqueue("deadline-trigger", { deadlineId }, { jobId });
    expect((await rebuildDeadlineTriggers()).deadlines).toBeGreaterThan(0);
    await enqueue("sweep-deadlines", {}, { jobId: "sweep-again" });
    for (const { jobId } of stale) {
      await until(async () => {
        const job = await triggerQueue().getJob(jobId);
        return job && (await job.isCompleted());
      }, 8000, `stale trigger ${jobId}`);
    }
    await sleep(500);
    expect((await noticesOf(row.id)).map((n) => n.kind).sort()).toEqual(["deadline.escalated", "deadline.missed"]);
    expect(await db.outboxMessage.count({ where: { dedupeKey: `deadline-${row.id}-escalation-1-superior` } })).toBe(1);
  });

  it("re-creates the triggers of pending deadlines from the database when a worker starts", async () => {
    const { acknowledgement } = await routedCaseNow(assistant);
    await deleteRedisKeys(prefix);
    const result = await rebuildDeadlineTriggers();
    expect(result.deadlines).toBeGreaterThan(0);
    const row = await db.deadline.findUniqueOrThrow({ where: { id: acknowledgement.id } });
    for (const { jobId } of deadlineTriggers(row)) expect(await (await triggerQueue().getJob(jobId))?.isDelayed()).toBe(true);
    const delayed = await triggerQueue().getDelayedCount();
    await rebuildDeadlineTriggers();
    expect(await triggerQueue().getDelayedCount()).toBe(delayed);
  });

  it("shows the deadline queues in the administrators' queue monitor", async () => {
    const app = createApp();
    const admin = await buildUser({ role: "admin" });
    const browser = await signIn(app, admin.email, DEFAULT_PASSWORD);
    const response = await browser.get("/admin/queues/api/queues");
    expect(response.status).toBe(200);
    const names = (response.body.queues as Array<{ name: string }>).map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(["deadline-trigger", "sweep-deadlines", "recompute-deadlines"]));
    // Every process starts the queue from the registry, so the monitor shows them wherever the jobs run.
    expect(Object.keys(jobs)).toEqual(expect.arrayContaining(["deadline-trigger", "sweep-deadlines", "recompute-deadlines"]));
  });
});
