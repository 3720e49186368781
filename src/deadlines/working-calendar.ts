import { type CivilDate, type DayNumber, fromDayNumber, toDayNumber, weekdayOfDayNumber, yearOfDayNumber } from "./civil-date.js";
import type { Holiday } from "./holiday.js";

/** Saturday and Sunday: government offices work Monday to Friday (configurable per calendar). */
export const DEFAULT_WEEKEND_DAYS: readonly number[] = [6, 0];

/**
 * The days off that apply to one Pemda's offices: weekends, national holidays, cuti bersama and
 * that Pemda's regional holidays. Build it once per sweep and reuse it: lookups are O(1).
 */
export interface WorkingCalendar {
  /** The Pemda whose regional holidays are included; null for national holidays only. */
  readonly regionCode: string | null;
  /** Days of the week that are never working days: 0 Sunday ... 6 Saturday. */
  readonly weekendDays: ReadonlySet<number>;
  readonly holidaysByDay: ReadonlyMap<DayNumber, readonly Holiday[]>;
  /** Years whose holiday list is known; counting through any other year ignores its holidays. */
  readonly coveredYears: ReadonlySet<number>;
}

export interface BuildWorkingCalendarInput {
  holidays: readonly Holiday[];
  /** Regional holidays of other Pemda are left out; national ones and cuti bersama always count. */
  regionCode?: string | null;
  /** Defaults to the years that have at least one national holiday or cuti bersama in `holidays`. */
  coveredYears?: readonly number[];
  weekendDays?: readonly number[];
}

/** Builds the working-day calendar of one Pemda (or national, without `regionCode`). */
export function buildWorkingCalendar(input: BuildWorkingCalendarInput): WorkingCalendar {
  const regionCode = input.regionCode ?? null;
  const weekendDays = new Set(input.weekendDays ?? DEFAULT_WEEKEND_DAYS);
  if (weekendDays.size >= 7 || [...weekendDays].some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    throw new RangeError("weekendDays: from zero to six days, each 0 (Sunday) to 6 (Saturday)");
  }
  const holidaysByDay = new Map<DayNumber, Holiday[]>();
  const yearsWithHolidays = new Set<number>();
  for (const holiday of input.holidays) {
    if (holiday.kind === "regional" && holiday.regionCode !== regionCode) continue;
    const day = toDayNumber(holiday.date);
    const list = holidaysByDay.get(day);
    if (list) list.push(holiday);
    else holidaysByDay.set(day, [holiday]);
    if (holiday.kind !== "regional") yearsWithHolidays.add(Number(holiday.date.slice(0, 4)));
  }
  return { regionCode, weekendDays, holidaysByDay, coveredYears: new Set(input.coveredYears ?? yearsWithHolidays) };
}

/** True when offices work on this day number: not a weekend day and not a holiday. */
export function isWorkingDayNumber(day: DayNumber, calendar: WorkingCalendar): boolean {
  return !calendar.weekendDays.has(weekdayOfDayNumber(day)) && !calendar.holidaysByDay.has(day);
}

/** True when offices work on this WITA civil date: not Saturday/Sunday, not a holiday or cuti bersama. */
export function isWorkingDay(date: CivilDate, calendar: WorkingCalendar): boolean {
  return isWorkingDayNumber(toDayNumber(date), calendar);
}

/** The holidays on a civil date (several may share a day, e.g. Natal and Isra Mikraj in 2027). */
export function holidaysOn(date: CivilDate, calendar: WorkingCalendar): readonly Holiday[] {
  return calendar.holidaysByDay.get(toDayNumber(date)) ?? [];
}

/**
 * The day `count` working days after `day` (negative: before), never counting `day` itself;
 * 0 returns `day` unchanged. Day numbers in and out, for the engine's inner loops.
 */
export function addWorkingDayNumbers(day: DayNumber, count: number, calendar: WorkingCalendar): DayNumber {
  if (!Number.isInteger(count)) throw new RangeError(`Whole working days only: ${count}`);
  const step = count < 0 ? -1 : 1;
  let left = Math.abs(count);
  let current = day;
  while (left > 0) {
    current += step;
    if (isWorkingDayNumber(current, calendar)) left -= 1;
  }
  return current;
}

/**
 * The civil date `count` working days after `date` (negative: before). The start date is day
 * zero and never counts, whether or not it is a working day: 1 working day after Friday or after
 * Saturday is Monday (unless Monday is a holiday). Unit: working days (weekends, national
 * holidays and cuti bersama per SKB 3 Menteri, and the Pemda's regional holidays are skipped).
 */
export function addWorkingDays(date: CivilDate, count: number, calendar: WorkingCalendar): CivilDate {
  return fromDayNumber(addWorkingDayNumbers(toDayNumber(date), count, calendar));
}

/** Working days d with from < d <= to (0 when `to` is not after `from`). */
export function countWorkingDayNumbers(from: DayNumber, to: DayNumber, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) if (isWorkingDayNumber(day, calendar)) count += 1;
  return count;
}

/** Working days after `from` up to and including `to`: the inverse of addWorkingDays on working days. */
export function countWorkingDays(from: CivilDate, to: CivilDate, calendar: WorkingCalendar): number {
  return countWorkingDayNumbers(toDayNumber(from), toDayNumber(to), calendar);
}

/** `day` itself when it is a working day, otherwise the next working day. */
export function workingDayOnOrAfter(day: DayNumber, calendar: WorkingCalendar): DayNumber {
  let current = day;
  while (!isWorkingDayNumber(current, calendar)) current += 1;
  return current;
}

/** `day` itself when it is a working day, otherwise the last working day before it. */
export function workingDayOnOrBefore(day: DayNumber, calendar: WorkingCalendar): DayNumber {
  let current = day;
  while (!isWorkingDayNumber(current, calendar)) current -= 1;
  return current;
}

/** Years from `from` to `to` (day numbers, inclusive) whose holidays the calendar does not know. */
export function uncoveredYears(from: DayNumber, to: DayNumber, calendar: WorkingCalendar): number[] {
  const years: number[] = [];
  for (let year = yearOfDayNumber(Math.min(from, to)); year <= yearOfDayNumber(Math.max(from, to)); year += 1) {
    if (!calendar.coveredYears.has(year)) years.push(year);
  }
  return years;
}
