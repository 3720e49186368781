import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays } from "../../src/deadlines/civil-date.js";
import {
  addWorkingDays,
  buildWorkingCalendar,
  countWorkingDays,
  holidaysOn,
  isWorkingDay,
} from "../../src/deadlines/working-calendar.js";
import { HOLIDAYS_2025_2026, calendar, holiday } from "./fixtures.js";

describe("the working-day calendar", () => {
  it("treats Saturdays, Sundays, national holidays and cuti bersama as days off", () => {
    expect(isWorkingDay("2026-03-17", calendar)).toBe(true);
    expect(isWorkingDay("2026-03-18", calendar)).toBe(false);
    expect(isWorkingDay("2026-03-19", calendar)).toBe(false);
    expect(isWorkingDay("2026-03-21", calendar)).toBe(false);
    expect(isWorkingDay("2026-03-28", calendar)).toBe(false);
    expect(isWorkingDay("2026-03-29", calendar)).toBe(false);
    expect(isWorkingDay("2026-03-25", calendar)).toBe(true);
  });

  it("counts a regional holiday only for the Pemda that declared it", () => {
    const holidays = [...HOLIDAYS_2025_2026, holiday("2026-04-20", { kind: "regional", regionCode: "53.71", name: "HUT Kota Kupang (uji)" })];
    expect(isWorkingDay("2026-04-20", buildWorkingCalendar({ holidays, regionCode: "53.71" }))).toBe(false);
    expect(isWorkingDay("2026-04-20", buildWorkingCalendar({ holidays, regionCode: "53.01" }))).toBe(true);
    expect(isWorkingDay("2026-04-20", buildWorkingCalendar({ holidays }))).toBe(true);
  });

  it("never counts the start day: one working day after a Friday and after a Saturday is the same Monday", () => {
    expect(addWorkingDays("2026-03-06", 1, calendar)).toBe("2026-03-09");
    expect(addWorkingDays("2026-03-07", 1, calendar)).toBe("2026-03-09");
    expect(addWorkingDays("2026-03-08", 1, calendar)).toBe("2026-03-09");
    expect(addWorkingDays("2026-03-09", 1, calendar)).toBe("2026-03-10");
  });

  it("jumps the whole Nyepi and Idul Fitri 2026 run, from 18 to 24 March", () => {
    expect(addWorkingDays("2026-03-17", 1, calendar)).toBe("2026-03-25");
    expect(addWorkingDays("2026-03-17", 3, calendar)).toBe("2026-03-27");
    expect(countWorkingDays("2026-03-17", "2026-03-25", calendar)).toBe(1);
    expect(addWorkingDays("2026-03-25", -1, calendar)).toBe("2026-03-17");
  });

  it("crosses Christmas, cuti bersama and the New Year 2025/2026", () => {
    expect(addWorkingDays("2025-12-24", 1, calendar)).toBe("2025-12-29");
    expect(addWorkingDays("2025-12-24", 3, calendar)).toBe("2025-12-31");
    expect(addWorkingDays("2025-12-24", 4, calendar)).toBe("2026-01-02");
    expect(addWorkingDays("2025-12-24", 5, calendar)).toBe("2026-01-05");
    expect(addWorkingDays("2026-01-05", -5, calendar)).toBe("2025-12-24");
  });

  it("adds zero working days to any date, even a holiday, without moving it", () => {
    expect(addWorkingDays("2026-03-20", 0, calendar)).toBe("2026-03-20");
    expect(countWorkingDays("2026-03-20", "2026-03-20", calendar)).toBe(0);
    expect(countWorkingDays("2026-03-25", "2026-03-17", calendar)).toBe(0);
  });

  it("counts back what it counted forward, for any working day and count", () => {
    const workingDay2025 = fc.integer({ min: 0, max: 700 }).map((offset) => addCalendarDays("2025-01-01", offset)).filter((date) => isWorkingDay(date, calendar));
    fc.assert(
      fc.property(workingDay2025, fc.integer({ min: 1, max: 40 }), (date, count) => {
        const due = addWorkingDays(date, count, calendar);
        expect(isWorkingDay(due, calendar)).toBe(true);
        expect(countWorkingDays(date, due, calendar)).toBe(count);
        expect(addWorkingDays(due, -count, calendar)).toBe(date);
      }),
    );
  });

  it("lists every holiday of a day, several when they share it", () => {
    const cal = buildWorkingCalendar({ holidays: [holiday("2027-12-25", { name: "Kelahiran Yesus Kristus" }), holiday("2027-12-25", { name: "Isra Mikraj" })] });
    expect(holidaysOn("2027-12-25", cal).map((h) => h.name)).toEqual(["Kelahiran Yesus Kristus", "Isra Mikraj"]);
    expect(holidaysOn("2027-12-24", cal)).toEqual([]);
  });

  it("knows which years its holiday list covers, from the list or as given", () => {
    expect([...calendar.coveredYears].sort()).toEqual([2025, 2026]);
    const regionalOnly = buildWorkingCalendar({ holidays: [holiday("2027-04-20", { kind: "regional", regionCode: "53.71" })], regionCode: "53.71" });
    expect([...regionalOnly.coveredYears]).toEqual([]);
    expect([...buildWorkingCalendar({ holidays: [], coveredYears: [2030] }).coveredYears]).toEqual([2030]);
  });

  it("refuses a week with no working day and weekday numbers outside 0 to 6", () => {
    expect(() => buildWorkingCalendar({ holidays: [], weekendDays: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
    expect(() => buildWorkingCalendar({ holidays: [], weekendDays: [7] })).toThrow(RangeError);
    expect(isWorkingDay("2026-03-07", buildWorkingCalendar({ holidays: [], weekendDays: [0] }))).toBe(true);
  });
});
