import { db } from "../db.js";
import { DEFAULT_WEEKEND_DAYS } from "./working-calendar.js";
import { WITA_TIME_ZONE } from "./civil-date.js";

/**
 * The working-day calendar of a year as deadlines count it, for GET /api/v1/holidays: national
 * holidays, cuti bersama and regional holidays (all Pemda, or national ones plus one Pemda's),
 * each with whether it is confirmed; only confirmed entries count. `isInForce` is false while the
 * year has no confirmed national list (deadlines then count weekends only and say so).
 */
export async function loadHolidayCalendar(year: number, regionCode?: string) {
  const holidays = await db.holiday.findMany({
    where: { date: { startsWith: `${year}-` }, ...(regionCode ? { OR: [{ kind: { not: "regional" } }, { region: { code: regionCode } }] } : {}) },
    orderBy: [{ date: "asc" }, { kind: "asc" }, { name: "asc" }],
    select: { date: true, name: true, kind: true, source: true, isConfirmed: true, region: { select: { code: true } } },
  });
  return {
    year,
    timeZone: WITA_TIME_ZONE,
    weekendDays: [...DEFAULT_WEEKEND_DAYS],
    isInForce: holidays.some((h) => h.isConfirmed && h.kind !== "regional"),
    holidays: holidays.map((h) => ({ date: h.date, name: h.name, kind: h.kind, regionCode: h.region?.code ?? null, confirmed: h.isConfirmed, source: h.source })),
  };
}
