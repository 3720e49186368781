import type { Actor } from "../audit/record-audit-event.js";
import { notFound, ValidationError } from "../http/errors.js";
import { changeHolidays } from "./change-holidays.js";
import { findHolidayRegion } from "./find-holiday-region.js";
import type { HolidayInput } from "./schemas.js";

/** An administrator corrects a holiday (date, name, kind, Pemda, source) or confirms or unconfirms it. */
export async function updateHoliday(year: number, id: number, input: HolidayInput, actor: Actor, now = new Date()) {
  if (!input.date.startsWith(`${year}-`)) throw new ValidationError([{ path: "date", messageKey: "deadlines.errors.holiday_outside_year", params: { year } }]);
  return changeHolidays({ year, actor, action: "holiday.updated", now, affectsCalendar: true }, async (tx) => {
    const before = await tx.holiday.findUnique({ where: { id } });
    if (!before || !before.date.startsWith(`${year}-`)) throw notFound();
    const regionId = await findHolidayRegion(tx, input.regionCode);
    const holiday = await tx.holiday.update({
      where: { id },
      data: { date: input.date, name: input.name, kind: input.kind, regionId, source: input.source ?? before.source, isConfirmed: input.isConfirmed, note: input.note },
    });
    const changes = Object.fromEntries(
      (["date", "name", "kind", "regionId", "source", "isConfirmed", "note"] as const).filter((field) => before[field] !== holiday[field]).map((field) => [field, { from: before[field], to: holiday[field] }]),
    );
    return { result: holiday, data: { id, changes } };
  });
}
