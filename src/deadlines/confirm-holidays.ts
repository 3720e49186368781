import type { Actor } from "../audit/record-audit-event.js";
import { changeHolidays } from "./change-holidays.js";

/**
 * An administrator confirms a year's drafts after checking them against the SKB: from then on
 * they count as days off, and open deadlines are recomputed.
 */
export async function confirmHolidays(year: number, actor: Actor, now = new Date()) {
  return changeHolidays({ year, actor, action: "holiday.confirmed", now, affectsCalendar: true }, async (tx) => {
    const drafts = await tx.holiday.findMany({ where: { date: { startsWith: `${year}-` }, isConfirmed: false }, select: { id: true, date: true } });
    await tx.holiday.updateMany({ where: { id: { in: drafts.map((d) => d.id) } }, data: { isConfirmed: true } });
    return { result: { confirmed: drafts.length }, data: { ids: drafts.map((d) => d.id) } };
  });
}
