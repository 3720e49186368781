import type { Actor } from "../audit/record-audit-event.js";
import { changeHolidays } from "./change-holidays.js";
import { draftNationalHolidays } from "./draft-national-holidays.js";

/**
 * Drafts a year's national holidays from the holiday library, unconfirmed: they do not count
 * until an administrator has checked them against the year's SKB 3 Menteri and confirmed them.
 * Days that already have a national holiday are left out. Returns the library's known problems
 * for that year (shown as warnings on the year's page while drafts are unconfirmed).
 */
export async function draftHolidaysFromLibrary(year: number, actor: Actor, now = new Date()) {
  const draft = draftNationalHolidays(year);
  return changeHolidays({ year, actor, action: "holiday.drafted", now, affectsCalendar: false }, async (tx) => {
    const taken = new Set((await tx.holiday.findMany({ where: { date: { startsWith: `${year}-` }, kind: "national" }, select: { date: true } })).map((h) => h.date));
    const created: string[] = [];
    for (const holiday of draft.holidays) {
      if (taken.has(holiday.date)) continue;
      await tx.holiday.create({ data: { date: holiday.date, name: holiday.name, kind: holiday.kind, source: holiday.source, isConfirmed: false, note: holiday.note ?? null } });
      taken.add(holiday.date);
      created.push(holiday.date);
    }
    return { result: { created: created.length, warnings: draft.warnings }, data: { created } };
  });
}
