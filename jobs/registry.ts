import { checkAppointmentsJob } from "./check-appointments.job.js";
import { checkDuplicatesJob } from "./check-duplicates.job.js";
import { deadlineTriggerJob } from "./deadline-trigger.job.js";
import { recomputeDeadlinesJob } from "./recompute-deadlines.job.js";
import { sweepDeadlinesJob } from "./sweep-deadlines.job.js";
import { sweepDuplicateChecksJob } from "./sweep-duplicate-checks.job.js";
import { purgeExpiredSessionsJob } from "./purge-expired-sessions.job.js";
import { recomputeScoresJob } from "./recompute-scores.job.js";
import { sendMailJob } from "./send-mail.job.js";
import { sweepOutboxJob } from "./sweep-outbox.job.js";
import { sweepScoresJob } from "./sweep-scores.job.js";

/** Every job of the application, listed once. `enqueue(name, payload)` is typed from this list. */
export const jobs = {
  "send-mail": sendMailJob,
  "sweep-outbox": sweepOutboxJob,
  "purge-expired-sessions": purgeExpiredSessionsJob,
  "deadline-trigger": deadlineTriggerJob,
  "sweep-deadlines": sweepDeadlinesJob,
  "recompute-deadlines": recomputeDeadlinesJob,
  "check-appointments": checkAppointmentsJob,
  "recompute-scores": recomputeScoresJob,
  "sweep-scores": sweepScoresJob,
  "check-duplicates": checkDuplicatesJob,
  "sweep-duplicate-checks": sweepDuplicateChecksJob,
} as const;

export type JobName = keyof typeof jobs;
