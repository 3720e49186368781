import { z } from "zod";
import { deliverOutboxMessage } from "../src/notifications/deliver-outbox-message.js";
import { defineJob } from "./define-job.js";

/** Delivers one outbox message; retried with exponential back-off while SMTP is down. */
export const sendMailJob = defineJob({
  name: "send-mail",
  payload: z.object({ outboxId: z.number().int().positive() }),
  attempts: 6,
  backoffMs: 30_000,
  concurrency: 4,
  handler: ({ outboxId }) => deliverOutboxMessage(outboxId),
});
