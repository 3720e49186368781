import { db } from "../db.js";
import { DRAFT_SOURCE, draftNationalHolidays, type HolidayDraftWarning } from "./draft-national-holidays.js";
import { listHolidayReferenceYears } from "./holiday-reference.js";

/**
 * A year's holidays as the administrators' page shows them: every entry (drafts flagged), the
 * years that have any, whether the year's calendar is in force (has confirmed national entries),
 * and, while library drafts wait for confirmation, the library's known problems for that year.
 */
export async function listHolidayYear(year: number, now = new Date()) {
  const [holidays, stored, regions] = await Promise.all([
    db.holiday.findMany({
      where: { date: { startsWith: `${year}-` } },
      orderBy: [{ date: "asc" }, { kind: "asc" }, { name: "asc" }],
      select: { id: true, date: true, name: true, kind: true, source: true, isConfirmed: true, note: true, updatedAt: true, region: { select: { code: true, name: true } } },
    }),
    db.holiday.findMany({ distinct: ["date"], select: { date: true } }),
    db.region.findMany({ where: { kind: { not: "province" } }, orderBy: { code: "asc" }, select: { code: true, name: true } }),
  ]);
  const thisYear = now.getUTCFullYear();
  const years = [...new Set([...stored.map((h) => Number(h.date.slice(0, 4))), ...listHolidayReferenceYears(), thisYear, thisYear + 1, year])].sort((a, b) => a - b);
  const hasLibraryDrafts = holidays.some((h) => !h.isConfirmed && h.source === DRAFT_SOURCE);
  const warnings: HolidayDraftWarning[] = hasLibraryDrafts ? draftNationalHolidays(year).warnings : [];
  return {
    year,
    years,
    holidays,
    regions,
    isInForce: holidays.some((h) => h.isConfirmed && h.kind !== "regional"),
    unconfirmed: holidays.filter((h) => !h.isConfirmed).length,
    warnings,
  };
}
