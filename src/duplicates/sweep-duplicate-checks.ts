import { enqueue } from "../../jobs/queue.js";
import { db } from "../db.js";

/** Complaints given to one job, and how long a new complaint's own job is waited for before the sweep steps in. */
const BATCH = 200;
const GRACE_MS = 2 * 60_000;

/**
 * Finds complaints whose duplicate check never ran (a job lost with Redis, a crash, complaints
 * stored before the check existed) through the index on duplicateCheckedAt, and queues their checks.
 */
export async function sweepDuplicateChecks(now: Date, limit = 2_000): Promise<number> {
  const unchecked = await db.complaint.findMany({
    where: { duplicateCheckedAt: null, createdAt: { lt: new Date(now.getTime() - GRACE_MS) } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: limit,
  });
  for (let start = 0; start < unchecked.length; start += BATCH) {
    const ids = unchecked.slice(start, start + BATCH).map((c) => c.id);
    await enqueue("check-duplicates", { complaintIds: ids }, { jobId: `duplicate-sweep-${ids[0]}-${ids.length}` });
  }
  return unchecked.length;
}
