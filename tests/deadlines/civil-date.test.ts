import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  WITA_TIME_ZONE,
  addCalendarDays,
  atCivilTime,
  calendarDaysBetween,
  civilDateOf,
  dayNumberOf,
  endOfCivilDay,
  fromDayNumber,
  isCivilDate,
  startOfCivilDay,
  toDayNumber,
  weekdayOf,
} from "../../src/deadlines/civil-date.js";

const anyCivilDate = fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe("civil dates in WITA", () => {
  it("reads 23:59 WITA and 00:01 WITA the next day as two dates, though both are 1 March in UTC", () => {
    expect(civilDateOf(new Date("2026-03-01T15:59:00Z"))).toBe("2026-03-01");
    expect(civilDateOf(new Date("2026-03-01T16:01:00Z"))).toBe("2026-03-02");
    expect(civilDateOf(new Date("2026-03-01T23:00:00Z"))).toBe("2026-03-02");
  });

  it("starts a WITA day at 16:00 UTC the day before and ends it at 15:59:59.999 UTC", () => {
    expect(startOfCivilDay("2026-03-02").toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(endOfCivilDay("2026-03-02").toISOString()).toBe("2026-03-02T15:59:59.999Z");
    expect(endOfCivilDay("2025-12-31").toISOString()).toBe("2025-12-31T15:59:59.999Z");
    expect(atCivilTime("2026-03-02", "08:00").toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(atCivilTime("2026-03-02", "23:30").toISOString()).toBe("2026-03-02T15:30:00.000Z");
  });

  it("accepts 29 February only in leap years, and nothing that is not a real date", () => {
    expect(isCivilDate("2024-02-29")).toBe(true);
    expect(isCivilDate("2000-02-29")).toBe(true);
    expect(isCivilDate("2025-02-29")).toBe(false);
    expect(isCivilDate("2100-02-29")).toBe(false);
    for (const bad of ["2026-13-01", "2026-3-1", "2026-03-32", "2026-04-31", "02-03-2026", "", "2026-03-02T00:00", 20260302, null]) {
      expect(isCivilDate(bad)).toBe(false);
    }
    expect(() => toDayNumber("2025-02-29")).toThrow(RangeError);
    expect(() => dayNumberOf(new Date("not a date"))).toThrow(RangeError);
  });

  it("adds calendar days across month ends, the leap day and the year end", () => {
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addCalendarDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addCalendarDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addCalendarDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(calendarDaysBetween("2025-11-15", "2026-01-14")).toBe(60);
    expect(calendarDaysBetween("2024-02-01", "2024-03-01")).toBe(29);
    expect(() => addCalendarDays("2026-03-02", 1.5)).toThrow(RangeError);
  });

  it("knows the day of the week", () => {
    expect(weekdayOf("2026-03-02")).toBe(1);
    expect(weekdayOf("2026-03-07")).toBe(6);
    expect(weekdayOf("2026-03-08")).toBe(0);
    expect(weekdayOf("1970-01-01")).toBe(4);
    expect(weekdayOf("1969-12-28")).toBe(0);
  });

  it("agrees with the time-zone database that Asia/Makassar is UTC+8 on every day from 2020 to 2030 and each month from 1950 to 2100", () => {
    const format = new Intl.DateTimeFormat("en-CA", {
      timeZone: WITA_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    const wallClock = (instant: Date) => {
      const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
      return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
    };
    const days: string[] = [];
    for (let day = toDayNumber("2020-01-01"); day <= toDayNumber("2030-12-31"); day += 1) days.push(fromDayNumber(day));
    for (let year = 1950; year <= 2100; year += 1) for (let month = 1; month <= 12; month += 1) days.push(`${year}-${String(month).padStart(2, "0")}-15`);
    const wrong = days.filter((date) => wallClock(startOfCivilDay(date)) !== `${date} 00:00:00` || wallClock(endOfCivilDay(date)) !== `${date} 23:59:59`);
    expect(wrong).toEqual([]);
  });

  it("turns dates into day numbers and back without loss", () => {
    fc.assert(
      fc.property(anyCivilDate, (date) => {
        expect(fromDayNumber(toDayNumber(date))).toBe(date);
        expect(civilDateOf(startOfCivilDay(date))).toBe(date);
        expect(civilDateOf(endOfCivilDay(date))).toBe(date);
        expect(civilDateOf(new Date(endOfCivilDay(date).getTime() + 1))).toBe(addCalendarDays(date, 1));
      }),
    );
  });
});
