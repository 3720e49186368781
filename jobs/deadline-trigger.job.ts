import { z } from "zod";
import { handleDeadlineTrigger } from "../src/deadlines/handle-deadline-trigger.js";
import { defineJob } from "./define-job.js";

/**
 * Wakes up at a deadline's reminder, due time or next escalation (job id
 * deadline-<id>-<remind|due|escalate>-<ms>) and does what is due; nothing when the deadline was
 * met, moved, paused or cancelled meanwhile.
 */
export const deadlineTriggerJob = defineJob({
  name: "deadline-trigger",
  payload: z.object({ deadlineId: z.number().int().positive() }),
  attempts: 5,
  backoffMs: 15_000,
  concurrency: 4,
  handler: ({ deadlineId }) => handleDeadlineTrigger(deadlineId, new Date()),
});
