import { enqueue } from "../../jobs/queue.js";
import { missedAtFor } from "./compute-deadline.js";

/** The fields of a stored deadline that decide its triggers. */
export interface TriggerFields {
  id: number;
  dueAt: Date;
  remindAt: Date | null;
  missedAt: Date | null;
  nextEscalationAt: Date | null;
  metAt: Date | null;
  cancelledAt: Date | null;
  pausedAt: Date | null;
}

export const triggerSelect = { id: true, dueAt: true, remindAt: true, missedAt: true, nextEscalationAt: true, metAt: true, cancelledAt: true, pausedAt: true } as const;

export interface DeadlineTrigger {
  deadlineId: number;
  /** Stable per (deadline, purpose, instant): adding it again is harmless; BullMQ ids cannot hold ":". */
  jobId: string;
  at: Date;
}

/**
 * The delayed jobs that should exist for a deadline: its next reminder and its due time while it
 * runs, its next escalation once missed; none when it is met, cancelled or paused. A trigger only
 * wakes the handler, which re-reads the row, so a stale one (the deadline moved) does nothing.
 */
export function deadlineTriggers(deadline: TriggerFields): DeadlineTrigger[] {
  if (deadline.metAt || deadline.cancelledAt || deadline.pausedAt) return [];
  const triggers: DeadlineTrigger[] = [];
  const add = (purpose: string, at: Date) => triggers.push({ deadlineId: deadline.id, jobId: `deadline-${deadline.id}-${purpose}-${at.getTime()}`, at });
  if (deadline.missedAt) {
    if (deadline.nextEscalationAt) add("escalate", deadline.nextEscalationAt);
  } else {
    if (deadline.remindAt) add("remind", deadline.remindAt);
    add("due", missedAtFor(deadline.dueAt));
  }
  return triggers;
}

/**
 * Adds the triggers of these deadlines to the queue (call after commit). Never throws: what
 * cannot be queued is found by the sweep, which reads the database. Returns the triggers queued.
 */
export async function scheduleDeadlineTriggers(deadlines: readonly TriggerFields[], now = new Date(), parallel = 200): Promise<number> {
  const triggers = deadlines.flatMap(deadlineTriggers);
  let queued = 0;
  for (let i = 0; i < triggers.length; i += parallel) {
    const added = await Promise.all(
      triggers.slice(i, i + parallel).map(({ deadlineId, jobId, at }) => enqueue("deadline-trigger", { deadlineId }, { jobId, delayMs: Math.max(0, at.getTime() - now.getTime()) })),
    );
    queued += added.filter(Boolean).length;
  }
  return queued;
}
