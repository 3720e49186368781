import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { holidayReferenceSchema, listHolidayReferenceYears, readHolidayReference } from "../../src/deadlines/holiday-reference.js";
import { addWorkingDays, buildWorkingCalendar, isWorkingDay } from "../../src/deadlines/working-calendar.js";

const countByKind = (year: number) => {
  const holidays = readHolidayReference(year)?.holidays ?? [];
  return { national: holidays.filter((h) => h.kind === "national").length, cutiBersama: holidays.filter((h) => h.kind === "cuti_bersama").length };
};

describe("the official holiday lists in prisma/reference/holidays", () => {
  it("holds 2025 and 2026", () => {
    expect(listHolidayReferenceYears()).toEqual(expect.arrayContaining([2025, 2026]));
    expect(readHolidayReference(1999)).toBeNull();
  });

  it("has 17 national holidays and 10 days of cuti bersama in 2025, plus 18 August added in August 2025", () => {
    expect(countByKind(2025)).toEqual({ national: 17, cutiBersama: 11 });
    const added = readHolidayReference(2025)?.holidays.find((h) => h.date === "2025-08-18");
    expect(added).toMatchObject({ kind: "cuti_bersama", source: expect.stringContaining("933 Tahun 2025") });
  });

  it("has 17 national holidays and 8 days of cuti bersama in 2026", () => {
    expect(countByKind(2026)).toEqual({ national: 17, cutiBersama: 8 });
  });

  it("names the decree of every entry", () => {
    for (const year of [2025, 2026]) {
      const reference = readHolidayReference(year);
      expect(reference?.holidays.filter((h) => !h.source.startsWith("SKB 3 Menteri Nomor"))).toEqual([]);
      expect(reference?.decrees[0]).toMatch(/^Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan, dan Menteri Pendayagunaan Aparatur Negara/);
    }
  });

  it("makes 18 to 24 March 2026 one run of days off, and 2 to 7 April 2025 another", () => {
    const calendar = buildWorkingCalendar({ holidays: [...(readHolidayReference(2025)?.holidays ?? []), ...(readHolidayReference(2026)?.holidays ?? [])] });
    expect(["2026-03-18", "2026-03-19", "2026-03-20", "2026-03-23", "2026-03-24"].filter((d) => isWorkingDay(d, calendar))).toEqual([]);
    expect(addWorkingDays("2026-03-17", 1, calendar)).toBe("2026-03-25");
    expect(addWorkingDays("2025-03-27", 1, calendar)).toBe("2025-04-08");
  });

  it("refuses a list with a date outside its year or a regional holiday without its Pemda", () => {
    const base = { year: 2026, decrees: ["uji"], holidays: [{ date: "2026-01-01", name: "Tahun Baru", kind: "national", source: "uji", isConfirmed: true }] };
    expect(holidayReferenceSchema.safeParse(base).success).toBe(true);
    const outside = holidayReferenceSchema.safeParse({ ...base, holidays: [{ ...base.holidays[0], date: "2025-12-31" }] });
    expect(outside.error?.issues.map((i) => i.message)).toEqual(["deadlines.errors.holiday_outside_year"]);
    const regional = holidayReferenceSchema.safeParse({ ...base, holidays: [{ ...base.holidays[0], kind: "regional" }] });
    expect(regional.error?.issues.map((i) => i.message)).toEqual(["deadlines.errors.regional_needs_region"]);
  });

  it("refuses a file whose year is not its name", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "holidays-"));
    fs.writeFileSync(path.join(dir, "2030.json"), JSON.stringify({ year: 2031, decrees: ["uji"], holidays: [{ date: "2031-01-01", name: "Tahun Baru", kind: "national", source: "uji", isConfirmed: true }] }));
    expect(listHolidayReferenceYears(dir)).toEqual([2030]);
    expect(() => readHolidayReference(2030, dir)).toThrow(/holds year 2031/);
    fs.rmSync(dir, { recursive: true });
  });
});
