import { describe, expect, it } from "vitest";
import { draftNationalHolidays } from "../../src/deadlines/draft-national-holidays.js";
import { readHolidayReference } from "../../src/deadlines/holiday-reference.js";

describe("a first draft of the national holidays from date-holidays", () => {
  it("calls 16 January 2026 Isra Mikraj, which the library labels Maulid Nabi, and says so", () => {
    const draft = draftNationalHolidays(2026);
    expect(draft.holidays.filter((h) => h.date === "2026-01-16").map((h) => h.name)).toEqual(["Isra Mikraj Nabi Muhammad S.A.W."]);
    expect(draft.warnings).toContainEqual({ code: "name_corrected", date: "2026-01-16", libraryName: "Maulid Nabi Muhammad", name: "Isra Mikraj Nabi Muhammad S.A.W." });
    expect(draft.holidays.filter((h) => /maulid/i.test(h.name)).map((h) => h.date)).toEqual(["2026-08-25"]);
  });

  it("drafts exactly the national holidays of the SKB for 2025 and 2026", () => {
    for (const year of [2025, 2026]) {
      const reference = readHolidayReference(year);
      const official = reference?.holidays.filter((h) => h.kind === "national").map((h) => `${h.date} ${h.name}`);
      expect(draftNationalHolidays(year).holidays.map((h) => `${h.date} ${h.name}`)).toEqual(official);
    }
  });

  it("moves Idulfitri and 1 Muharam to the SKB's dates where the library is a day early", () => {
    const corrected = (year: number) => draftNationalHolidays(year).warnings.flatMap((w) => (w.code === "date_corrected" ? [`${w.libraryDate}>${w.date}`] : []));
    expect(corrected(2025)).toEqual(["2025-03-30>2025-03-31", "2025-03-31>2025-04-01", "2025-06-26>2025-06-27"]);
    expect(corrected(2026)).toEqual(["2026-03-20>2026-03-21", "2026-03-21>2026-03-22"]);
    expect(corrected(2027)).toEqual([]);
  });

  it("adds Easter Sunday, which the library lacks", () => {
    const draft = draftNationalHolidays(2027);
    expect(draft.holidays.find((h) => h.name === "Kebangkitan Yesus Kristus (Paskah)")?.date).toBe("2027-03-28");
    expect(draft.holidays.find((h) => h.name === "Wafat Yesus Kristus")?.date).toBe("2027-03-26");
  });

  it("marks every entry as an unconfirmed national holiday from date-holidays and never drafts cuti bersama", () => {
    const draft = draftNationalHolidays(2027);
    expect(draft.holidays.every((h) => h.kind === "national" && h.source === "date-holidays" && !h.isConfirmed && h.regionCode === null)).toBe(true);
    expect(draft.warnings[0]).toEqual({ code: "cuti_bersama_not_drafted" });
    expect(draft.holidays.map((h) => h.date)).toEqual([...draft.holidays.map((h) => h.date)].sort());
  });

  it("flags Islamic dates of years not checked against an SKB as estimates, with both Isra Mikraj of 2027", () => {
    const estimated = draftNationalHolidays(2027).warnings.flatMap((w) => (w.code === "islamic_date_estimated" ? [`${w.date} ${w.name}`] : []));
    expect(estimated.filter((e) => e.includes("Isra Mikraj"))).toEqual(["2027-01-05 Isra Mikraj Nabi Muhammad S.A.W.", "2027-12-25 Isra Mikraj Nabi Muhammad S.A.W."]);
    expect(estimated.some((e) => e.includes("Idulfitri 1448 Hijriah"))).toBe(true);
    expect(draftNationalHolidays(2026).warnings.some((w) => w.code === "islamic_date_estimated")).toBe(false);
  });

  it("says when the library has no Nyepi or Waisak for the year", () => {
    expect(draftNationalHolidays(2028).warnings.filter((w) => w.code === "missing")).toEqual([
      { code: "missing", holiday: "nyepi" },
      { code: "missing", holiday: "waisak" },
    ]);
    expect(draftNationalHolidays(2027).warnings.filter((w) => w.code === "missing")).toEqual([]);
  });

  it("refuses a year outside 2000 to 2100", () => {
    expect(() => draftNationalHolidays(1999)).toThrow(RangeError);
    expect(() => draftNationalHolidays(2026.5)).toThrow(RangeError);
  });
});
