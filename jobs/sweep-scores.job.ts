import { z } from "zod";
import { sweepScores } from "../src/scoring/sweep-scores.js";
import { defineJob } from "./define-job.js";

/** Hourly: recomputes the current year's scores (complaints and deadlines change all the time) and repairs any year left without results. */
export const sweepScoresJob = defineJob({
  name: "sweep-scores",
  payload: z.object({}),
  repeatEveryMs: 3600_000,
  attempts: 2,
  handler: () => sweepScores(new Date()),
});
