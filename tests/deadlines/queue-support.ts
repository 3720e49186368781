import { Redis } from "ioredis";
import { jobs } from "../../jobs/registry.js";
import type { CaseActor } from "../../src/complaints/workflow/case-actor.js";
import { performCaseAction } from "../../src/complaints/workflow/perform-case-action.js";
import { db } from "../../src/db.js";
import { triggerSelect } from "../../src/deadlines/schedule-deadline-triggers.js";
import { routeComplaint } from "../../src/routing/route-complaint.js";
import { TEST_REDIS_URL } from "../helpers/redis.js";
import { fileComplaintAt, openDeadlines } from "./support.js";

/** The deadline jobs and the mail they cause; other modules' sweeps would only compete for the database. */
export const DEADLINE_JOBS = {
  "deadline-trigger": jobs["deadline-trigger"],
  "sweep-deadlines": jobs["sweep-deadlines"],
  "recompute-deadlines": jobs["recompute-deadlines"],
  "send-mail": jobs["send-mail"],
  "sweep-outbox": jobs["sweep-outbox"],
};

/** Polls until `check` holds; fails after `timeoutMs` (bounded waits only). */
export async function until<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000, what = "condition"): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Deletes every key of a BullMQ prefix: what a Redis restart without persistence does to our triggers. */
export async function deleteRedisKeys(prefix: string) {
  const redis = new Redis(TEST_REDIS_URL);
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    if (keys.length) deleted += await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  redis.disconnect();
  return deleted;
}

/** A case filed and routed just now; returns its focal point acknowledgement deadline. */
export async function routedCaseNow(assistant: CaseActor) {
  const complaint = await fileComplaintAt(new Date(), { incidentDate: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10) });
  await performCaseAction(complaint.trackingNumber, "start_verification", assistant);
  await performCaseAction(complaint.trackingNumber, "verify", assistant);
  await routeComplaint(complaint.trackingNumber, assistant);
  return { ...complaint, acknowledgement: (await openDeadlines(complaint.id)).focal_point_acknowledgement! };
}

/**
 * Shortens a stored deadline to seconds (the policy's units are days): its reminder and due time
 * from now, as if it had been set long ago. Returns the fields the triggers are made from.
 */
export async function dueInMs(deadlineId: number, remindInMs: number | null, dueInMs: number) {
  const now = Date.now();
  const dueAt = new Date(now + dueInMs);
  const remindAt = remindInMs === null ? null : new Date(now + remindInMs);
  return db.deadline.update({
    where: { id: deadlineId },
    data: { remindAt, dueAt, missedAt: null, escalations: 0, nextEscalationAt: new Date(dueAt.getTime() + 1), nextTriggerAt: remindAt ?? new Date(dueAt.getTime() + 1) },
    select: triggerSelect,
  });
}

export const noticesOf = (deadlineId: number) => db.staffNotification.findMany({ where: { dedupeKey: { startsWith: `deadline-${deadlineId}-` } }, orderBy: { id: "asc" } });
