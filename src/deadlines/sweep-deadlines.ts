import { db } from "../db.js";
import { logger } from "../logger.js";
import { handleDeadlineTrigger } from "./handle-deadline-trigger.js";
import { recomputeOpenDeadlines } from "./recompute-open-deadlines.js";

export interface SweepOptions {
  /** Deadlines read per query. */
  batchSize?: number;
  /** Batches per run at most; the next run (a minute later) goes on where this one stopped. */
  maxBatches?: number;
  /** Stop starting new batches after this long, so a run never outlasts its schedule by much. */
  budgetMs?: number;
}

/**
 * Handles every deadline with something due by `now` (a reminder, its due time, an escalation)
 * in bounded batches, earliest first. Delayed jobs normally do this on time; the sweep catches
 * what they missed (Redis flushed, a worker down for a day, a trigger that failed), and first
 * recomputes open deadlines when the holidays changed. Idempotent with the jobs: both go through
 * handleDeadlineTrigger, which claims the work with a conditional write.
 */
export async function sweepDeadlines(now = new Date(), options: SweepOptions = {}) {
  const { batchSize = 200, maxBatches = 50, budgetMs = 45_000 } = options;
  const startedAt = Date.now();
  const recomputed = await recomputeOpenDeadlines(now);
  const failed = new Set<number>();
  let handled = 0;
  let hasMore = false;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const due = await db.deadline.findMany({
      where: { nextTriggerAt: { lte: now }, ...(failed.size ? { id: { notIn: [...failed] } } : {}) },
      orderBy: [{ nextTriggerAt: "asc" }, { id: "asc" }],
      take: batchSize,
      select: { id: true },
    });
    for (const { id } of due) {
      try {
        const result = await handleDeadlineTrigger(id, now);
        if (result.outcome === "nothing_due") failed.add(id); // cannot happen with a consistent row; never loop on it
        else handled += 1;
      } catch (error) {
        failed.add(id);
        logger.warn({ err: error, deadlineId: id }, "deadline could not be handled; the next sweep retries it");
      }
    }
    hasMore = due.length === batchSize;
    if (!hasMore || Date.now() - startedAt > budgetMs) break;
  }
  return { handled, failed: failed.size, hasMore, recomputed: recomputed.recomputed };
}
