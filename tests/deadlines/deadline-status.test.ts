import { describe, expect, it } from "vitest";
import { deadlineStatus } from "../../src/deadlines/deadline-status.js";
import { calendar, endOfWitaDay, wita } from "./fixtures.js";

const dueAt = endOfWitaDay("2026-03-05");

describe("where a deadline stands", () => {
  it("is pending up to and including the last millisecond of the due day", () => {
    expect(deadlineStatus({ dueAt, now: wita("2026-03-04 10:00") })).toEqual({ state: "pending", isLate: false, overdue: null, msLeft: dueAt.getTime() - wita("2026-03-04 10:00").getTime() });
    expect(deadlineStatus({ dueAt, now: dueAt })).toMatchObject({ state: "pending", msLeft: 0 });
  });

  it("is missed from 00:00 WITA the next day, one day late", () => {
    const status = deadlineStatus({ dueAt, now: wita("2026-03-06 00:00"), calendar });
    expect(status).toEqual({ state: "missed", isLate: true, overdue: { ms: 1, calendarDays: 1, workingDays: 1 }, msLeft: null });
  });

  it("counts overdue calendar days and working days over a weekend", () => {
    const status = deadlineStatus({ dueAt, now: wita("2026-03-09 10:00"), calendar });
    expect(status.overdue).toMatchObject({ calendarDays: 4, workingDays: 2 });
  });

  it("counts a holiday run as one working day overdue", () => {
    const status = deadlineStatus({ dueAt: endOfWitaDay("2026-03-17"), now: wita("2026-03-25 10:00"), calendar });
    expect(status.overdue).toMatchObject({ calendarDays: 8, workingDays: 1 });
  });

  it("leaves overdue working days unknown without a calendar", () => {
    expect(deadlineStatus({ dueAt, now: wita("2026-03-09 10:00") }).overdue?.workingDays).toBeNull();
  });

  it("is met on time when met by the due time, and late with the delay when after it", () => {
    expect(deadlineStatus({ dueAt, metAt: dueAt, now: wita("2026-04-01 10:00") })).toEqual({ state: "met", isLate: false, overdue: null, msLeft: null });
    const late = deadlineStatus({ dueAt, metAt: wita("2026-03-09 11:00"), now: wita("2026-04-01 10:00"), calendar });
    expect(late).toMatchObject({ state: "met", isLate: true, overdue: { calendarDays: 4, workingDays: 2 } });
  });

  it("is paused while its pause is open, but a pause after the due time does not hide a miss", () => {
    expect(deadlineStatus({ dueAt: null, pausedAt: wita("2026-03-04 10:00"), now: wita("2026-04-01 10:00") }).state).toBe("paused");
    expect(deadlineStatus({ dueAt, pausedAt: wita("2026-03-04 10:00"), now: wita("2026-04-01 10:00") }).state).toBe("paused");
    expect(deadlineStatus({ dueAt, pausedAt: wita("2026-03-06 10:00"), now: wita("2026-03-07 10:00") }).state).toBe("missed");
  });

  it("is cancelled when the step no longer applies, unless it was met first", () => {
    expect(deadlineStatus({ dueAt, cancelledAt: wita("2026-03-04 10:00"), now: wita("2026-04-01 10:00") }).state).toBe("cancelled");
    expect(deadlineStatus({ dueAt, metAt: wita("2026-03-03 10:00"), cancelledAt: wita("2026-03-04 10:00"), now: wita("2026-04-01 10:00") }).state).toBe("met");
  });

  it("stays missed when cancelled after its due time, overdue up to the cancellation", () => {
    const status = deadlineStatus({ dueAt, cancelledAt: wita("2026-03-09 10:00"), now: wita("2026-04-01 10:00"), calendar });
    expect(status).toMatchObject({ state: "missed", isLate: true, overdue: { calendarDays: 4, workingDays: 2 } });
    expect(deadlineStatus({ dueAt, cancelledAt: dueAt, now: wita("2026-04-01 10:00") }).state).toBe("cancelled");
  });

  it("refuses a running deadline without a due time", () => {
    expect(() => deadlineStatus({ dueAt: null, now: wita("2026-03-04 10:00") })).toThrow(RangeError);
  });
});
