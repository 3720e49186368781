import type { DeadlineFact } from "./facts.js";

export type DeadlineStatus = "met" | "missed" | "pending";

/**
 * Whether a deadline was met, missed or is still running at `asOf` (instants; events after `asOf`
 * are ignored). Met: done no later than `dueAt` (done exactly at `dueAt` is on time). Missed:
 * marked missed, done late, or still not done after `dueAt` even if the sweep has not marked it
 * yet. Pending: not done and not yet due, or paused before it fell due (a pause recorded after
 * dueAt does not hide the miss), so it is left out of on-time rates instead of counting against
 * the unit. Source: the deadlines of domain brief section 5 (UU 25/2009, UU 37/2008).
 */
export function deadlineStatusAt(deadline: DeadlineFact, asOf: Date): DeadlineStatus {
  const now = asOf.getTime();
  const due = deadline.dueAt.getTime();
  const metAt = deadline.metAt && deadline.metAt.getTime() <= now ? deadline.metAt.getTime() : null;
  const missedAt = deadline.missedAt && deadline.missedAt.getTime() <= now ? deadline.missedAt.getTime() : null;
  // The completion time is the fact; a missedAt beside an on-time metAt can only be a sweep's slip.
  if (metAt !== null && metAt <= due) return "met";
  if (missedAt !== null || metAt !== null) return "missed";
  const pausedAt = deadline.pausedAt && deadline.pausedAt.getTime() <= now ? deadline.pausedAt.getTime() : null;
  if (pausedAt !== null && pausedAt <= due) return "pending";
  if (now > due) return "missed";
  return "pending";
}
