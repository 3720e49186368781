import { enqueue } from "../../jobs/queue.js";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { type AfterCommit, type Tx, transaction } from "../db.js";
import { markCalendarChanged } from "./load-calendar.js";

/**
 * Runs one change to a year's holidays in a transaction: the change itself, its audit entry
 * (stream "holidays:<year>"), and, when the calendar in force may differ, a new calendar
 * revision and (after commit) the recomputation of open deadlines. Every holiday use case goes
 * through here, so none forgets to move the deadlines.
 */
export async function changeHolidays<T>(
  input: { year: number; actor: Actor; action: string; now: Date; affectsCalendar: boolean },
  change: (tx: Tx, afterCommit: AfterCommit) => Promise<{ result: T; data: Record<string, unknown> }>,
): Promise<T> {
  return transaction(async (tx, afterCommit) => {
    const { result, data } = await change(tx, afterCommit);
    await recordAuditEvent(tx, { stream: `holidays:${input.year}`, actor: input.actor, action: input.action, entityType: "holidays", entityId: input.year, data, at: input.now });
    if (input.affectsCalendar) {
      const revision = await markCalendarChanged(tx);
      afterCommit(() => enqueue("recompute-deadlines", {}, { jobId: `recompute-deadlines-${revision}` }));
    }
    return result;
  });
}
