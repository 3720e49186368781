import type { Tx } from "../db.js";
import type { Deadline, Prisma } from "../generated/prisma/client.js";
import { type ComputedDeadline, type DeadlinePause, missedAtFor } from "./compute-deadline.js";
import { deadlineSummaryOf } from "./deadline-progress.js";

/**
 * How a Deadline row stores what the pure engine computes: the pauses as JSON, the basis with
 * the years it was counted without a holiday list, and the schedule fields the triggers and the
 * sweep read. One place, so that starting, resuming and recomputing store the same thing.
 */

/** Pauses as stored in Deadline.pauses: ISO instants. */
type StoredPause = { pausedAt: string; resumedAt: string | null };

export function pausesOf(deadline: Pick<Deadline, "pauses">): DeadlinePause[] {
  const stored = (Array.isArray(deadline.pauses) ? deadline.pauses : []) as StoredPause[];
  return stored.map((pause) => ({ pausedAt: new Date(pause.pausedAt), resumedAt: pause.resumedAt ? new Date(pause.resumedAt) : null }));
}

export function storedPauses(pauses: readonly DeadlinePause[]): StoredPause[] {
  return pauses.map((pause) => ({ pausedAt: pause.pausedAt.toISOString(), resumedAt: pause.resumedAt ? pause.resumedAt.toISOString() : null }));
}

/** When the clock last (re)started: the last resumption, or the start. */
export function clockStartedAtOf(deadline: Pick<Deadline, "startedAt" | "pauses">): Date {
  const resumed = pausesOf(deadline)
    .map((pause) => pause.resumedAt)
    .filter((at): at is Date => at instanceof Date);
  return resumed.length ? new Date(Math.max(...resumed.map((at) => at.getTime()))) : deadline.startedAt;
}

/** The basis as stored (and shown): the engine's basis plus the years counted without a holiday list. */
export function storedBasis(computed: ComputedDeadline): Prisma.InputJsonObject {
  return { ...computed.basis, uncoveredYears: computed.uncoveredYears };
}

/**
 * The schedule of a running deadline just computed at `now`: the first reminder still ahead, the
 * first escalation (the missed instant), and the earliest trigger.
 */
export function runningSchedule(computed: ComputedDeadline & { dueAt: Date }, now: Date) {
  const remindAt = computed.remindAt.find((at) => at.getTime() > now.getTime()) ?? null;
  const missedInstant = missedAtFor(computed.dueAt);
  return {
    dueAt: computed.dueAt,
    remindAt,
    nextEscalationAt: computed.escalateAt[0] ?? null,
    nextTriggerAt: remindAt && remindAt.getTime() < missedInstant.getTime() ? remindAt : missedInstant,
  };
}

/** Keeps Complaint.nextDueAt and Complaint.overdueSince right after any change to the case's deadlines. */
export async function refreshComplaintDeadlines(tx: Tx, complaintId: number) {
  const deadlines = await tx.deadline.findMany({
    where: { complaintId, metAt: null, cancelledAt: null },
    select: { dueAt: true, pausedAt: true, metAt: true, cancelledAt: true, missedAt: true },
  });
  const summary = deadlineSummaryOf(deadlines);
  await tx.complaint.update({ where: { id: complaintId }, data: summary });
  return summary;
}
