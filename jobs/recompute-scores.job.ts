import { z } from "zod";
import { RECOMPUTE_TRIGGERS, recomputeScores } from "../src/scoring/recompute-scores.js";
import { defineJob } from "./define-job.js";

/**
 * Recomputes one year's scores after its data changed. Enqueued with a job id per year and
 * 30-second window (src/scoring/schedule-score-recompute.ts), so a burst of changes costs one run.
 */
export const recomputeScoresJob = defineJob({
  name: "recompute-scores",
  payload: z.object({ year: z.int().min(2000).max(2100), trigger: z.enum(RECOMPUTE_TRIGGERS).default("data_change") }),
  attempts: 3,
  backoffMs: 60_000,
  concurrency: 1,
  handler: ({ year, trigger }) => recomputeScores({ year, trigger }),
});
