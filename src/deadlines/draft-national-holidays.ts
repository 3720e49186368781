import Holidays from "date-holidays";
import { type CivilDate, addCalendarDays } from "./civil-date.js";
import type { Holiday } from "./holiday.js";

export const DRAFT_SOURCE = "date-holidays";

/** What a person must look at before confirming a draft; rendered with deadlines.draft_warnings.<code>. */
export type HolidayDraftWarning =
  /** Cuti bersama exist only in the SKB; no library knows them. */
  | { code: "cuti_bersama_not_drafted" }
  /** The library's date differs from the SKB for that year; the SKB date is used. */
  | { code: "date_corrected"; date: CivilDate; libraryDate: CivilDate; name: string }
  /** The library's Indonesian name is wrong (27 Rajab labelled "Maulid Nabi Muhammad"). */
  | { code: "name_corrected"; date: CivilDate; libraryName: string; name: string }
  /** A national holiday the library lacks, added from a rule we are sure of. */
  | { code: "added"; date: CivilDate; name: string }
  /** The library has no date for this holiday in this year: enter it from the SKB. */
  | { code: "missing"; holiday: "nyepi" | "waisak" }
  /** Islamic dates follow the Minister of Religious Affairs (sidang isbat); the library estimates them. */
  | { code: "islamic_date_estimated"; date: CivilDate; name: string };

export interface HolidayDraft {
  year: number;
  /** National holidays only, each unconfirmed, sorted by date. */
  holidays: Holiday[];
  warnings: HolidayDraftWarning[];
}

type Key =
  | "new_year"
  | "isra_mikraj"
  | "imlek"
  | "nyepi"
  | "idul_fitri"
  | "good_friday"
  | "labour_day"
  | "waisak"
  | "ascension"
  | "pancasila"
  | "idul_adha"
  | "islamic_new_year"
  | "independence"
  | "maulid"
  | "christmas";

/** date-holidays rules (or, for its per-date entries, English names) to our keys. */
const KEY_OF: Record<string, Key> = {
  "01-01": "new_year",
  "27 Rajab": "isra_mikraj",
  "chinese 01-0-01": "imlek",
  Nyepi: "nyepi",
  "1 Shawwal": "idul_fitri",
  "2 Shawwal": "idul_fitri",
  "easter -2": "good_friday",
  "05-01": "labour_day",
  "Vesak Day": "waisak",
  "easter 39": "ascension",
  "06-01": "pancasila",
  "10 Dhu al-Hijjah": "idul_adha",
  "1 Muharram": "islamic_new_year",
  "08-17": "independence",
  "12 Rabi al-awwal": "maulid",
  "12-25": "christmas",
};

const ISLAMIC: ReadonlySet<Key> = new Set(["isra_mikraj", "idul_fitri", "idul_adha", "islamic_new_year", "maulid"]);

const hijriYear = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura", { year: "numeric", timeZone: "UTC" });
/** The Hijri year a holiday falls in; ten days later, so that 1 Muharram is safely in its new year. */
function hijriYearOf(date: CivilDate): string {
  const part = hijriYear.formatToParts(new Date(`${addCalendarDays(date, 10)}T00:00:00Z`)).find((p) => p.type === "year");
  return part?.value ?? "";
}

/** Names as the SKB 3 Menteri writes them (reference data in Indonesian, stored with each holiday). */
function officialName(key: Key, year: number, date: CivilDate): string {
  switch (key) {
    case "new_year":
      return `Tahun Baru ${year} Masehi`;
    case "isra_mikraj":
      return "Isra Mikraj Nabi Muhammad S.A.W.";
    case "imlek":
      return `Tahun Baru Imlek ${year + 551} Kongzili`;
    case "nyepi":
      return `Hari Suci Nyepi (Tahun Baru Saka ${year - 78})`;
    case "idul_fitri":
      return `Idulfitri ${hijriYearOf(date)} Hijriah`;
    case "good_friday":
      return "Wafat Yesus Kristus";
    case "labour_day":
      return "Hari Buruh Internasional";
    case "waisak":
      return `Hari Raya Waisak ${year + 544} BE`;
    case "ascension":
      return "Kenaikan Yesus Kristus";
    case "pancasila":
      return "Hari Lahir Pancasila";
    case "idul_adha":
      return `Iduladha ${hijriYearOf(date)} Hijriah`;
    case "islamic_new_year":
      return `1 Muharam Tahun Baru Islam ${hijriYearOf(date)} Hijriah`;
    case "independence":
      return "Proklamasi Kemerdekaan";
    case "maulid":
      return "Maulid Nabi Muhammad S.A.W.";
    case "christmas":
      return "Kelahiran Yesus Kristus";
  }
}

/**
 * Dates where date-holidays 3.37 differs from the SKB of that year (prisma/reference/holidays).
 * Applied only while the library still returns the wrong date, so a fixed library wins.
 */
const DATE_CORRECTIONS: readonly { rule: string; libraryDate: CivilDate; date: CivilDate }[] = [
  { rule: "1 Shawwal", libraryDate: "2025-03-30", date: "2025-03-31" },
  { rule: "2 Shawwal", libraryDate: "2025-03-31", date: "2025-04-01" },
  { rule: "1 Muharram", libraryDate: "2025-06-26", date: "2025-06-27" },
  { rule: "1 Shawwal", libraryDate: "2026-03-20", date: "2026-03-21" },
  { rule: "2 Shawwal", libraryDate: "2026-03-21", date: "2026-03-22" },
];

/** Years whose every library date was compared with the SKB (after the corrections above). */
const YEARS_CHECKED_AGAINST_SKB: ReadonlySet<number> = new Set([2025, 2026]);

/** Easter Sunday is on the SKB lists we checked (2025, 2026); earlier years are not drafted with it. */
const FIRST_YEAR_WITH_EASTER_SUNDAY = 2025;

/**
 * A first draft of one year's national holidays from the date-holidays package, corrected where
 * the package is known to be wrong, for an administrator to check against that year's SKB 3
 * Menteri and confirm. Never includes cuti bersama; every entry is unconfirmed. Unit: WITA dates.
 */
export function draftNationalHolidays(year: number): HolidayDraft {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`Year out of range: ${year}`);
  // The library's Islamic holidays start at sunset the evening before; the date part is the day itself.
  const entries = new Holidays("ID").getHolidays(year, "en");
  const libraryNames = new Map(new Holidays("ID").getHolidays(year, "id").map((h) => [`${h.rule}|${h.date}`, h.name]));
  const warnings: HolidayDraftWarning[] = [{ code: "cuti_bersama_not_drafted" }];
  const holidays: Holiday[] = [];
  const keysSeen = new Set<Key>();

  for (const entry of entries) {
    const key = KEY_OF[entry.rule] ?? KEY_OF[entry.name];
    if (!key) continue;
    keysSeen.add(key);
    const libraryDate = entry.date.slice(0, 10);
    const correction = DATE_CORRECTIONS.find((c) => c.rule === entry.rule && c.libraryDate === libraryDate);
    const date = correction?.date ?? libraryDate;
    const name = officialName(key, year, date);
    const notes: string[] = [];
    if (correction) {
      warnings.push({ code: "date_corrected", date, libraryDate, name });
      notes.push(`date-holidays: ${libraryDate}`);
    }
    const libraryName = libraryNames.get(`${entry.rule}|${entry.date}`) ?? "";
    if (key === "isra_mikraj" && /maulid/i.test(libraryName)) {
      warnings.push({ code: "name_corrected", date, libraryName, name });
      notes.push(`date-holidays: "${libraryName}"`);
    }
    if (ISLAMIC.has(key) && !YEARS_CHECKED_AGAINST_SKB.has(year)) warnings.push({ code: "islamic_date_estimated", date, name });
    holidays.push({ date, name, kind: "national", source: DRAFT_SOURCE, regionCode: null, isConfirmed: false, ...(notes.length ? { note: notes.join("; ") } : {}) });
    if (key === "good_friday" && year >= FIRST_YEAR_WITH_EASTER_SUNDAY) {
      const easter = addCalendarDays(date, 2);
      const easterName = "Kebangkitan Yesus Kristus (Paskah)";
      warnings.push({ code: "added", date: easter, name: easterName });
      holidays.push({ date: easter, name: easterName, kind: "national", source: DRAFT_SOURCE, regionCode: null, isConfirmed: false });
    }
  }

  for (const holiday of ["nyepi", "waisak"] as const) if (!keysSeen.has(holiday)) warnings.push({ code: "missing", holiday });
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name)));
  return { year, holidays, warnings };
}
