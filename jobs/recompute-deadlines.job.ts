import { z } from "zod";
import { recomputeOpenDeadlines } from "../src/deadlines/recompute-open-deadlines.js";
import { defineJob } from "./define-job.js";

/** After a holiday change (job id recompute-deadlines-<calendar revision>): moves open deadlines to the calendar in force. */
export const recomputeDeadlinesJob = defineJob({
  name: "recompute-deadlines",
  payload: z.object({}),
  attempts: 3,
  backoffMs: 30_000,
  handler: () => recomputeOpenDeadlines(new Date()),
});
