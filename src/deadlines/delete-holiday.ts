import type { Actor } from "../audit/record-audit-event.js";
import { notFound } from "../http/errors.js";
import { changeHolidays } from "./change-holidays.js";

/** An administrator removes a holiday entered by mistake (the audit trail keeps what it was). */
export async function deleteHoliday(year: number, id: number, actor: Actor, now = new Date()) {
  return changeHolidays({ year, actor, action: "holiday.deleted", now, affectsCalendar: true }, async (tx) => {
    const holiday = await tx.holiday.findUnique({ where: { id } });
    if (!holiday || !holiday.date.startsWith(`${year}-`)) throw notFound();
    await tx.holiday.delete({ where: { id } });
    return { result: holiday, data: { id, date: holiday.date, name: holiday.name, kind: holiday.kind, regionId: holiday.regionId, source: holiday.source, isConfirmed: holiday.isConfirmed } };
  });
}
