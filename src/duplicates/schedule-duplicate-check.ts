import { enqueue } from "../../jobs/queue.js";
import type { AfterCommit } from "../db.js";

/**
 * Asks the queue, once the transaction that stored these complaints has committed, to run their
 * duplicate checks. The job ids are stable, so asking twice is harmless; a lost request is
 * repaired by the sweep (sweepDuplicateChecks).
 */
export function scheduleDuplicateChecks(afterCommit: AfterCommit, complaintIds: readonly number[]) {
  if (complaintIds.length === 0) return;
  const ids = [...complaintIds];
  afterCommit(() =>
    ids.length === 1
      ? enqueue("check-duplicates", { complaintIds: ids }, { jobId: `duplicate-check-${ids[0]}` })
      : enqueue("check-duplicates", { complaintIds: ids }, { jobId: `duplicate-check-${ids[0]}-${ids[ids.length - 1]}-${ids.length}` }),
  );
}
