import { isDeepStrictEqual } from "node:util";
import { db, transaction } from "../db.js";
import type { Deadline } from "../generated/prisma/client.js";
import { computeDeadline } from "./compute-deadline.js";
import { pausesOf, refreshComplaintDeadlines, runningSchedule, storedBasis } from "./deadline-record.js";
import { loadWorkingCalendar, readCalendarRevision } from "./load-calendar.js";
import { loadDeadlinePolicyVersion } from "./load-deadline-policy.js";
import { scheduleDeadlineTriggers } from "./schedule-deadline-triggers.js";

/** The calendar revision the open deadlines were last recomputed for. */
export const RECOMPUTED_REVISION_KEY = "deadlines.recomputed_revision";

/**
 * After the holidays changed (a year's SKB entered or corrected, a draft confirmed), moves every
 * running deadline that is not yet missed to the due time the calendar in force gives it, under
 * its own policy version. Missed, met, cancelled and paused deadlines keep what they have (a miss
 * is a fact; a paused one is recomputed when it resumes). Does nothing when the calendar has not
 * changed since the last run, so the sweep can call it every minute.
 */
export async function recomputeOpenDeadlines(now = new Date(), pageSize = 500) {
  const revision = await readCalendarRevision(db);
  const done = await db.systemSetting.findUnique({ where: { key: RECOMPUTED_REVISION_KEY }, select: { value: true } });
  if ((done?.value ?? "0") === revision) return { recomputed: 0, moved: 0 };
  let cursor = 0;
  let recomputed = 0;
  let moved = 0;
  for (;;) {
    const page = await db.deadline.findMany({
      where: { id: { gt: cursor }, metAt: null, cancelledAt: null, pausedAt: null, missedAt: null },
      orderBy: { id: "asc" },
      take: pageSize,
      include: { complaint: { select: { region: { select: { code: true } } } } },
    });
    if (page.length === 0) break;
    const changed: Deadline[] = [];
    for (const deadline of page) {
      recomputed += 1;
      const updated = await recomputeOne(deadline, deadline.complaint.region.code, now);
      if (updated) changed.push(updated);
    }
    moved += changed.length;
    await scheduleDeadlineTriggers(changed, now);
    cursor = page.at(-1)!.id;
  }
  await db.systemSetting.upsert({ where: { key: RECOMPUTED_REVISION_KEY }, create: { key: RECOMPUTED_REVISION_KEY, value: revision }, update: { value: revision } });
  return { recomputed, moved };
}

async function recomputeOne(deadline: Deadline, regionCode: string, now: Date): Promise<Deadline | null> {
  const policy = await loadDeadlinePolicyVersion(db, deadline.policyVersion);
  const calendar = await loadWorkingCalendar(db, regionCode);
  const computed = computeDeadline({ policy, kind: deadline.kind, startedAt: deadline.startedAt, calendar, pauses: pausesOf(deadline), policyVersion: deadline.policyVersion });
  if (!computed.dueAt) return null;
  // A reminder that fell due but was not sent yet stays due.
  const after = deadline.remindAt && deadline.remindAt.getTime() <= now.getTime() ? new Date(deadline.remindAt.getTime() - 1) : now;
  const schedule = runningSchedule({ ...computed, dueAt: computed.dueAt }, after);
  const basis = storedBasis(computed);
  const isSame =
    schedule.dueAt.getTime() === deadline.dueAt.getTime() &&
    (schedule.remindAt?.getTime() ?? null) === (deadline.remindAt?.getTime() ?? null) &&
    // Compared as values: PostgreSQL's jsonb gives the keys back in its own order.
    isDeepStrictEqual(JSON.parse(JSON.stringify(basis)), deadline.basis);
  if (isSame) return null;
  return transaction(async (tx) => {
    const { count } = await tx.deadline.updateMany({
      where: { id: deadline.id, metAt: null, cancelledAt: null, pausedAt: null, missedAt: null, dueAt: deadline.dueAt, remindAt: deadline.remindAt },
      data: { basis, ...schedule },
    });
    if (count !== 1) return null;
    await refreshComplaintDeadlines(tx, deadline.complaintId);
    return tx.deadline.findUniqueOrThrow({ where: { id: deadline.id } });
  });
}
