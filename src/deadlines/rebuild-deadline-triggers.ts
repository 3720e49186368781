import { db } from "../db.js";
import { logger } from "../logger.js";
import { scheduleDeadlineTriggers, triggerSelect } from "./schedule-deadline-triggers.js";

/**
 * Re-creates the delayed jobs of every deadline that still waits for something, from the
 * database (a worker starting after Redis lost its data). Triggers that exist are left as they
 * are: their job ids are stable. Pages through the deadlines by id.
 */
export async function rebuildDeadlineTriggers(now = new Date(), pageSize = 1000) {
  let cursor = 0;
  let deadlines = 0;
  let triggers = 0;
  for (;;) {
    const page = await db.deadline.findMany({ where: { nextTriggerAt: { not: null }, id: { gt: cursor } }, orderBy: { id: "asc" }, take: pageSize, select: triggerSelect });
    if (page.length === 0) break;
    deadlines += page.length;
    triggers += await scheduleDeadlineTriggers(page, now);
    cursor = page.at(-1)!.id;
  }
  return { deadlines, triggers };
}

/** Start-up hook of every process that runs workers: rebuilds the triggers without delaying the start; failures are logged (the sweep covers them). */
export function rebuildDeadlineTriggersInBackground() {
  void rebuildDeadlineTriggers()
    .then((result) => logger.info(result, "deadline triggers re-created from the database"))
    .catch((error) => logger.warn({ err: error }, "could not re-create deadline triggers; the sweep covers them"));
}
