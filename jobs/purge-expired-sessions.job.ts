import { z } from "zod";
import { purgeExpiredCredentials } from "../src/accounts/purge-expired-credentials.js";
import { defineJob } from "./define-job.js";

/** Hourly clean-up of expired sessions, API tokens and one-time links. */
export const purgeExpiredSessionsJob = defineJob({
  name: "purge-expired-sessions",
  payload: z.object({}),
  repeatEveryMs: 3600_000,
  attempts: 1,
  handler: () => purgeExpiredCredentials(new Date()),
});
