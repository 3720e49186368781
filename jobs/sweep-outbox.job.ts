import { z } from "zod";
import { sweepOutbox } from "../src/notifications/sweep-outbox.js";
import { defineJob } from "./define-job.js";

/** Re-enqueues outbox messages whose delivery job was lost (Redis flushed, worker down). */
export const sweepOutboxJob = defineJob({
  name: "sweep-outbox",
  payload: z.object({}),
  repeatEveryMs: 60_000,
  attempts: 1,
  handler: () => sweepOutbox(),
});
