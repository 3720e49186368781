import { z } from "zod";
import { checkDuplicates } from "../src/duplicates/check-duplicates.js";
import { defineJob } from "./define-job.js";

/**
 * Runs the duplicate check of new complaints (job id duplicate-check-<id>, or one per register
 * import chunk) and stores the result with each; a complaint already checked is skipped.
 */
export const checkDuplicatesJob = defineJob({
  name: "check-duplicates",
  payload: z.object({ complaintIds: z.array(z.number().int().positive()).min(1).max(1000) }),
  attempts: 5,
  backoffMs: 10_000,
  concurrency: 1,
  handler: async ({ complaintIds }) => {
    for (const id of complaintIds) await checkDuplicates(id, new Date());
  },
});
