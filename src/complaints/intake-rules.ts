import { parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * Pure intake rules from the domain brief §3 (UU 37/2008 Ps. 24, UU 25/2009). Dates are civil
 * dates "YYYY-MM-DD" in WITA; `today` is passed in.
 */

/** A NIK is 16 digits; people type it with spaces or dots. Returns the digits or null. */
export function normalizeNik(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, "");
  return /^\d{16}$/.test(digits) ? digits : null;
}

/** Indonesian (and foreign, with +) phone numbers in E.164 form ("+6281234567890"), or null. */
export function normalizePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), "ID");
  return parsed?.isValid() ? parsed.number : null;
}

export function isCivilDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The same calendar date `years` earlier (29 February falls back to 28 February). */
export function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y - years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/**
 * An event can be reported while it is less than two years old (UU 37/2008 Ps. 24): an event on
 * 2024-03-02 can be reported until 2026-03-01 inclusive.
 */
export function incidentDateProblem(incidentDate: string, today: string): "invalid" | "future" | "too_old" | null {
  if (!isCivilDate(incidentDate)) return "invalid";
  if (incidentDate > today) return "future";
  if (incidentDate <= yearsBefore(today, 2)) return "too_old";
  return null;
}

/** One formatter per time zone: building one costs more than formatting a date with it. */
const civilDateFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's civil date in a time zone (WITA for NTT). */
export function civilDateIn(timeZone: string, now: Date): string {
  let format = civilDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    civilDateFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** The first incident date a complaint received on `receivedDate` may be about (civil dates; UU 37/2008 Ps. 24). */
export function earliestIncidentDate(receivedDate: string): string {
  const d = new Date(`${yearsBefore(receivedDate, 2)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export interface IntakeDateIssue {
  path: "receivedAt" | "incidentDate" | "priorComplaint.date";
  messageKey: string;
  params?: Record<string, string>;
}

/**
 * The date rules of intake for a complaint received on `receivedDate` (civil dates in the Pemda's
 * time zone, `today` passed in): received and prior-complaint dates not in the future, the event
 * neither after receipt nor two years or more before it (UU 37/2008 Ps. 24).
 */
export function intakeDateIssues(dates: { receivedDate: string; incidentDate: string; priorComplaintDate?: string | null; today: string }): IntakeDateIssue[] {
  const issues: IntakeDateIssue[] = [];
  if (dates.receivedDate > dates.today) issues.push({ path: "receivedAt", messageKey: "errors.received_in_future" });
  const incidentProblem = incidentDateProblem(dates.incidentDate, dates.receivedDate);
  if (incidentProblem === "future") issues.push({ path: "incidentDate", messageKey: "errors.incident_in_future" });
  if (incidentProblem === "too_old") issues.push({ path: "incidentDate", messageKey: "errors.incident_too_old", params: { earliest: earliestIncidentDate(dates.receivedDate) } });
  if (dates.priorComplaintDate && dates.priorComplaintDate > dates.today) issues.push({ path: "priorComplaint.date", messageKey: "errors.date_in_future" });
  return issues;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) zoneFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", timeZoneName: "longOffset" })));
  return format;
}

/** A zone's civil date and UTC offset (minutes) at an instant. */
function zoneAt(timeZone: string, at: number): { date: string; offsetMinutes: number } {
  const parts = Object.fromEntries(zoneFormat(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.timeZoneName ?? "");
  return { date: `${parts.year}-${parts.month}-${parts.day}`, offsetMinutes: m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0 };
}

/**
 * The instant a civil date "YYYY-MM-DD" begins in an IANA time zone: midnight WITA is 16:00 UTC
 * the day before. Where a clock change skips midnight (summer time in some zones), the day begins
 * at the first instant that has that date.
 */
export function civilDateStartAt(date: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const first = utcMidnight - zoneAt(timeZone, utcMidnight).offsetMinutes * 60_000;
  const second = utcMidnight - zoneAt(timeZone, first).offsetMinutes * 60_000;
  const candidates = [first, second].filter((at) => zoneAt(timeZone, at).date === date).sort((a, b) => a - b);
  return new Date(candidates[0] ?? Math.max(first, second));
}
