import type { Tx } from "../db.js";
import type { Holiday, HolidayKind } from "./holiday.js";
import { type WorkingCalendar, buildWorkingCalendar } from "./working-calendar.js";

/**
 * A counter bumped in the same transaction as every change to the holidays, so that every
 * process (web, workers) notices the change on its next read and rebuilds its calendars.
 */
export const CALENDAR_REVISION_KEY = "deadlines.calendar_revision";

interface CalendarCache {
  revision: string;
  holidays: Holiday[];
  byRegion: Map<string | null, WorkingCalendar>;
}
let cache: CalendarCache | null = null;

export async function readCalendarRevision(client: Tx): Promise<string> {
  const row = await client.systemSetting.findUnique({ where: { key: CALENDAR_REVISION_KEY }, select: { value: true } });
  return row?.value ?? "0";
}

/** Records that the holidays changed (call inside the transaction that changed them); returns the new revision. */
export async function markCalendarChanged(tx: Tx): Promise<string> {
  const next = String(Number(await readCalendarRevision(tx)) + 1);
  await tx.systemSetting.upsert({ where: { key: CALENDAR_REVISION_KEY }, create: { key: CALENDAR_REVISION_KEY, value: next }, update: { value: next } });
  return next;
}

/** Confirmed holidays as the pure engine takes them (drafts never count until a person confirms them). */
export async function loadConfirmedHolidays(client: Tx): Promise<Holiday[]> {
  const rows = await client.holiday.findMany({ where: { isConfirmed: true }, orderBy: { date: "asc" }, select: { date: true, name: true, kind: true, source: true, isConfirmed: true, note: true, region: { select: { code: true } } } });
  return rows.map((row) => ({
    date: row.date,
    name: row.name,
    kind: row.kind as HolidayKind,
    source: row.source,
    regionCode: row.kind === "regional" ? (row.region?.code ?? null) : null,
    isConfirmed: row.isConfirmed,
    ...(row.note ? { note: row.note } : {}),
  }));
}

/**
 * The working-day calendar in force for a Pemda's offices (weekends, confirmed national holidays
 * and cuti bersama, and that Pemda's confirmed regional holidays; null: national only). Built once
 * per process and revision; a holiday change anywhere makes the next call rebuild it.
 */
export async function loadWorkingCalendar(client: Tx, regionCode: string | null): Promise<WorkingCalendar> {
  return workingCalendarAtRevision(client, await readCalendarRevision(client), regionCode);
}

/** loadWorkingCalendar for a revision the caller has just read (src/deadlines/load-deadline-reference.ts). */
export async function workingCalendarAtRevision(client: Tx, revision: string, regionCode: string | null): Promise<WorkingCalendar> {
  if (!cache || cache.revision !== revision) cache = { revision, holidays: await loadConfirmedHolidays(client), byRegion: new Map() };
  let calendar = cache.byRegion.get(regionCode);
  if (!calendar) {
    calendar = buildWorkingCalendar({ holidays: cache.holidays, regionCode });
    cache.byRegion.set(regionCode, calendar);
  }
  return calendar;
}
