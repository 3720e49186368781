import { missedAtFor } from "./compute-deadline.js";

/** A running deadline (neither met, cancelled nor paused) as stored, with its schedule, at `now`. */
export interface DeadlineProgressInput {
  now: Date;
  dueAt: Date;
  /** The next reminder not yet sent, or null. */
  remindAt: Date | null;
  missedAt: Date | null;
  /** Escalations sent so far. */
  escalations: number;
  /** The next escalation not yet sent, or null. */
  nextEscalationAt: Date | null;
  /** Every reminder instant of the running clock, ascending (reminderInstantsOf). */
  reminderInstants: readonly Date[];
  /** Every escalation instant, ascending (escalationInstantsOf); as many as the rule's maxEscalations. */
  escalationInstants: readonly Date[];
}

export interface DeadlineProgress {
  /** The reminder to send now (its scheduled instant), or null. */
  reminderFor: Date | null;
  /** True when the deadline is found missed now for the first time. */
  isNewlyMissed: boolean;
  /** The escalation to send now, numbered from 1, or null. */
  escalation: number | null;
  /** What to store afterwards. */
  remindAt: Date | null;
  missedAt: Date | null;
  escalations: number;
  nextEscalationAt: Date | null;
  /** The earliest instant at which something is left to do; null when nothing is. */
  nextTriggerAt: Date | null;
}

/**
 * What is due on a running deadline at `now`, and what is left after doing it. Instants in,
 * instants out; the schedule comes from the policy rule (reminders before the due day,
 * escalations from the missed instant on, every repeatEveryWorkingDays, maxEscalations in all).
 *
 * - At most one reminder and one escalation per call, however many instants passed while no
 *   worker ran: people get one message, never a burst of stale ones ("never spam").
 * - No reminder once the deadline is missed: the escalation says more.
 * - missedAt is the instant the deadline was missed (00:00 WITA after the due day), not when it
 *   was noticed, so a late sweep records the same fact as a punctual trigger.
 * - Instants skipped while nothing ran are not made up later: after an escalation the next is
 *   the first instant still ahead, and escalations stop at maxEscalations.
 */
export function progressDeadline(input: DeadlineProgressInput): DeadlineProgress {
  const now = input.now.getTime();
  const missedInstant = missedAtFor(input.dueAt);
  const isNewlyMissed = input.missedAt === null && now >= missedInstant.getTime();
  const isMissed = input.missedAt !== null || isNewlyMissed;
  const firstAfterNow = (instants: readonly Date[]) => instants.find((at) => at.getTime() > now) ?? null;

  let reminderFor: Date | null = null;
  let remindAt = input.remindAt;
  if (isMissed) remindAt = null;
  else if (remindAt && remindAt.getTime() <= now) {
    reminderFor = remindAt;
    remindAt = firstAfterNow(input.reminderInstants);
  }

  const maxEscalations = input.escalationInstants.length;
  let escalations = input.escalations;
  let escalation: number | null = null;
  let nextEscalationAt = input.nextEscalationAt ?? (isNewlyMissed ? (input.escalationInstants[0] ?? null) : null);
  if (escalations >= maxEscalations) nextEscalationAt = null;
  if (isMissed && nextEscalationAt && nextEscalationAt.getTime() <= now) {
    escalations += 1;
    escalation = escalations;
    nextEscalationAt = escalations < maxEscalations ? firstAfterNow(input.escalationInstants) : null;
  }

  const pending = [remindAt, isMissed ? null : missedInstant, isMissed ? nextEscalationAt : null].filter((at): at is Date => at !== null);
  const nextTriggerAt = pending.length ? new Date(Math.min(...pending.map((at) => at.getTime()))) : null;
  return {
    reminderFor,
    isNewlyMissed,
    escalation,
    remindAt,
    missedAt: isNewlyMissed ? missedInstant : input.missedAt,
    escalations,
    nextEscalationAt,
    nextTriggerAt,
  };
}

/** A stored deadline as far as the case's summary needs it. */
export interface DeadlineSummaryInput {
  dueAt: Date;
  pausedAt: Date | null;
  metAt: Date | null;
  cancelledAt: Date | null;
  missedAt: Date | null;
}

/**
 * The case's denormalised deadline fields (Complaint.nextDueAt, Complaint.overdueSince): the
 * earliest due time of its open running deadlines (missed ones included, so the most overdue
 * case sorts first; paused ones have no due time), and since when one of them is missed and
 * still not met. Open: neither met nor cancelled. Instants in and out.
 */
export function deadlineSummaryOf(deadlines: readonly DeadlineSummaryInput[]): { nextDueAt: Date | null; overdueSince: Date | null } {
  let nextDueAt: number | null = null;
  let overdueSince: number | null = null;
  for (const deadline of deadlines) {
    if (deadline.metAt || deadline.cancelledAt) continue;
    if (!deadline.pausedAt) nextDueAt = Math.min(nextDueAt ?? Infinity, deadline.dueAt.getTime());
    if (deadline.missedAt) overdueSince = Math.min(overdueSince ?? Infinity, deadline.missedAt.getTime());
  }
  return { nextDueAt: nextDueAt === null ? null : new Date(nextDueAt), overdueSince: overdueSince === null ? null : new Date(overdueSince) };
}
