import type { Actor } from "../audit/record-audit-event.js";
import { ValidationError } from "../http/errors.js";
import { changeHolidays } from "./change-holidays.js";
import { findHolidayRegion } from "./find-holiday-region.js";
import type { HolidayInput } from "./schemas.js";

/** An administrator enters a holiday (from that year's SKB 3 Menteri or a Pemda's decree). */
export async function addHoliday(year: number, input: HolidayInput, actor: Actor, now = new Date()) {
  if (!input.date.startsWith(`${year}-`)) throw new ValidationError([{ path: "date", messageKey: "deadlines.errors.holiday_outside_year", params: { year } }]);
  return changeHolidays({ year, actor, action: "holiday.added", now, affectsCalendar: input.isConfirmed }, async (tx) => {
    const regionId = await findHolidayRegion(tx, input.regionCode);
    const duplicate = await tx.holiday.findFirst({ where: { date: input.date, kind: input.kind, regionId, name: input.name }, select: { id: true } });
    if (duplicate) throw new ValidationError([{ path: "name", messageKey: "deadlines.errors.duplicate_holiday" }]);
    const holiday = await tx.holiday.create({
      data: { date: input.date, name: input.name, kind: input.kind, regionId, source: input.source ?? "admin", isConfirmed: input.isConfirmed, note: input.note },
    });
    return { result: holiday, data: { id: holiday.id, date: holiday.date, name: holiday.name, kind: holiday.kind, regionCode: input.regionCode, isConfirmed: holiday.isConfirmed } };
  });
}
