import { z } from "zod";
import { sweepDeadlines } from "../src/deadlines/sweep-deadlines.js";
import { defineJob } from "./define-job.js";

/** Every minute: handles deadlines whose trigger was lost or late, and recomputes them after a holiday change. */
export const sweepDeadlinesJob = defineJob({
  name: "sweep-deadlines",
  payload: z.object({}),
  repeatEveryMs: 60_000,
  attempts: 1,
  handler: () => sweepDeadlines(new Date()),
});
