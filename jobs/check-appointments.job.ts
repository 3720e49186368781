import { z } from "zod";
import { flagExpiredAppointments } from "../src/registry/flag-expired-appointments.js";
import { defineJob } from "./define-job.js";

/** Daily: flags focal-point appointments whose decree term ran out to administrators and assistants (once each). */
export const checkAppointmentsJob = defineJob({
  name: "check-appointments",
  payload: z.object({}),
  repeatEveryMs: 24 * 3600_000,
  attempts: 3,
  handler: () => flagExpiredAppointments(new Date()),
});
