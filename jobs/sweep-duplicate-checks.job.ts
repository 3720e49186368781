import { z } from "zod";
import { sweepDuplicateChecks } from "../src/duplicates/sweep-duplicate-checks.js";
import { defineJob } from "./define-job.js";

/** Every five minutes: queues the checks of complaints whose own check was lost. */
export const sweepDuplicateChecksJob = defineJob({
  name: "sweep-duplicate-checks",
  payload: z.object({}),
  repeatEveryMs: 5 * 60_000,
  attempts: 1,
  handler: () => sweepDuplicateChecks(new Date()),
});
