import { z } from "zod";

/**
 * Civil dates ("YYYY-MM-DD", a day on the wall calendar in WITA) and their conversion to and
 * from instants (Date). Deadlines are counted in civil days; only the boundaries are instants.
 *
 * Asia/Makassar (WITA) has been UTC+08:00 without daylight saving since 1945 (IANA tz database),
 * so a fixed offset is exact for every date this system handles and needs no time-zone library;
 * tests/deadlines/civil-date.test.ts checks the offset against the runtime's tz database.
 */
export const WITA_TIME_ZONE = "Asia/Makassar";
/** WITA is UTC+8, in milliseconds. */
export const WITA_OFFSET_MS = 8 * 3_600_000;

const DAY_MS = 86_400_000;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A civil date in WITA, "YYYY-MM-DD". */
export type CivilDate = string;
/** Days since 1970-01-01 (a civil date as an integer, for fast arithmetic). */
export type DayNumber = number;
/** A WITA wall-clock time "HH:MM" (24 hours). */
export type TimeOfDay = string;

/** True for an existing calendar date written "YYYY-MM-DD" (2024-02-29 yes, 2025-02-29 no). */
export function isCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== "string") return false;
  const match = CIVIL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const civilDateSchema = z.string().refine(isCivilDate, { message: "deadlines.errors.civil_date" });
export const timeOfDaySchema = z.string().regex(TIME_OF_DAY, { message: "deadlines.errors.time_of_day" });

/** The day number of a civil date; throws RangeError for anything that is not a real date. */
export function toDayNumber(date: CivilDate): DayNumber {
  if (!isCivilDate(date)) throw new RangeError(`Not a civil date (YYYY-MM-DD): ${String(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** The civil date of a day number. */
export function fromDayNumber(day: DayNumber): CivilDate {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const dayOfMonth = date.getUTCDate();
  return `${year}-${month < 10 ? "0" : ""}${month}-${dayOfMonth < 10 ? "0" : ""}${dayOfMonth}`;
}

/** The WITA day number on which an instant falls. */
export function dayNumberOf(instant: Date): DayNumber {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return Math.floor((ms + WITA_OFFSET_MS) / DAY_MS);
}

/** The WITA civil date on which an instant falls (2026-03-01T16:30Z is 2026-03-02 00:30 WITA). */
export function civilDateOf(instant: Date): CivilDate {
  return fromDayNumber(dayNumberOf(instant));
}

/** 00:00:00.000 WITA on a day number. */
export function startOfDayNumber(day: DayNumber): Date {
  return new Date(day * DAY_MS - WITA_OFFSET_MS);
}

/** 23:59:59.999 WITA on a day number: the last instant of that civil day. */
export function endOfDayNumber(day: DayNumber): Date {
  return new Date((day + 1) * DAY_MS - WITA_OFFSET_MS - 1);
}

/** 00:00:00.000 WITA on a civil date. */
export function startOfCivilDay(date: CivilDate): Date {
  return startOfDayNumber(toDayNumber(date));
}

/** 23:59:59.999 WITA on a civil date: the last instant of that day. */
export function endOfCivilDay(date: CivilDate): Date {
  return endOfDayNumber(toDayNumber(date));
}

/** Minutes after midnight of a "HH:MM" time; throws RangeError for anything else. */
export function minutesOfTime(time: TimeOfDay): number {
  const match = TIME_OF_DAY.exec(time);
  if (!match) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The instant of a WITA wall-clock time ("08:00") on a day number. */
export function atTimeOnDayNumber(day: DayNumber, time: TimeOfDay): Date {
  return new Date(day * DAY_MS - WITA_OFFSET_MS + minutesOfTime(time) * 60_000);
}

/** The instant of a WITA wall-clock time ("08:00") on a civil date. */
export function atCivilTime(date: CivilDate, time: TimeOfDay): Date {
  return atTimeOnDayNumber(toDayNumber(date), time);
}

/** The civil date `days` calendar days after `date` (negative: before). */
export function addCalendarDays(date: CivilDate, days: number): CivilDate {
  if (!Number.isInteger(days)) throw new RangeError(`Whole days only: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Day of the week of a day number: 0 Sunday ... 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day of the week of a civil date: 0 Sunday ... 6 Saturday. */
export function weekdayOf(date: CivilDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** The year of a day number. */
export function yearOfDayNumber(day: DayNumber): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}
