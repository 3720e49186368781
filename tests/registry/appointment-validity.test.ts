import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, startOfCivilDay } from "../../src/deadlines/civil-date.js";
import { appointmentState, EXPIRY_WARNING_DAYS, officeAppointmentValidity, type AppointmentTerm } from "../../src/registry/appointment-validity.js";

const term = (overrides: Partial<AppointmentTerm> & { id?: number } = {}) => ({
  id: 1,
  role: "primary",
  validFrom: "2025-01-01",
  validUntil: "2025-12-31" as string | null,
  endedAt: null as Date | null,
  ...overrides,
});
/** An instant on a WITA wall clock (UTC+8). */
const wita = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

describe("the state of one appointment on a day (WITA)", () => {
  it("is valid through the last day of its term, inclusive, and expired the day after", () => {
    expect(appointmentState(term(), "2025-12-31")).toEqual({ state: "valid", lastValidDay: "2025-12-31", daysLeft: 0 });
    expect(appointmentState(term(), "2026-01-01")).toEqual({ state: "expired", lastValidDay: "2025-12-31", daysLeft: null });
  });

  it("is upcoming the day before its term starts and valid on the first day", () => {
    expect(appointmentState(term(), "2024-12-31").state).toBe("upcoming");
    expect(appointmentState(term(), "2025-01-01")).toEqual({ state: "valid", lastValidDay: "2025-12-31", daysLeft: 364 });
  });

  it("never expires without an end date, and has no days left to count", () => {
    const open = term({ validUntil: null });
    for (const today of ["2025-01-01", "2030-06-15", "2099-12-31"]) expect(appointmentState(open, today)).toEqual({ state: "valid", lastValidDay: null, daysLeft: null });
  });

  it("stops counting on the WITA day it was ended early, even when ended in the morning", () => {
    const ended = term({ endedAt: wita("2025-06-10", "09:00") });
    expect(appointmentState(ended, "2025-06-09")).toEqual({ state: "valid", lastValidDay: "2025-06-09", daysLeft: 0 });
    expect(appointmentState(ended, "2025-06-10")).toEqual({ state: "ended", lastValidDay: "2025-06-09", daysLeft: null });
    expect(appointmentState(ended, "2026-02-01").state).toBe("ended");
  });

  it("reads the end instant in WITA, not UTC: 16:30 UTC is already the next day in Kupang", () => {
    const ended = term({ endedAt: new Date("2025-06-09T16:30:00Z") });
    expect(appointmentState(ended, "2025-06-09").state).toBe("valid");
    expect(appointmentState(ended, "2025-06-10").state).toBe("ended");
  });

  it("counts an appointment ended before its term ran out as ended, not expired, after the term too", () => {
    expect(appointmentState(term({ endedAt: startOfCivilDay("2025-03-01") }), "2026-05-01").state).toBe("ended");
  });

  it("counts an end recorded for a later day only from that day", () => {
    const leaving = term({ validUntil: null, endedAt: startOfCivilDay("2025-08-01") });
    expect(appointmentState(leaving, "2025-07-20")).toEqual({ state: "valid", lastValidDay: "2025-07-31", daysLeft: 11 });
  });

  it("treats an upcoming appointment cancelled before it started as ended", () => {
    expect(appointmentState(term({ validFrom: "2025-09-01", endedAt: startOfCivilDay("2025-08-15") }), "2025-08-20").state).toBe("ended");
  });

  it("counts days across a leap day", () => {
    const leap = term({ validFrom: "2028-01-01", validUntil: "2028-02-29" });
    expect(appointmentState(leap, "2028-02-28").daysLeft).toBe(1);
    expect(appointmentState(leap, "2028-02-29").state).toBe("valid");
    expect(appointmentState(leap, "2028-03-01").state).toBe("expired");
  });

  it("is valid exactly on the days from validFrom to the last valid day (any term, any day)", () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addCalendarDays("2020-01-01", n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), fc.option(fc.integer({ min: 0, max: 800 })), fc.option(fc.integer({ min: -100, max: 900 })), day, (from, length, endAfter, endedAfter, today) => {
        const t = term({ validFrom: from, validUntil: endAfter === null ? null : addCalendarDays(from, length), endedAt: endedAfter === null ? null : startOfCivilDay(addCalendarDays(from, endedAfter)) });
        const { state, lastValidDay } = appointmentState(t, today);
        const isInTerm = today >= from && (lastValidDay === null || today <= lastValidDay);
        expect(state === "valid").toBe(isInTerm);
      }),
    );
  });
});

describe("whether an office has valid focal points", () => {
  const today = "2025-06-15";

  it("has neither a primary nor a deputy when nobody was ever appointed", () => {
    expect(officeAppointmentValidity([], today)).toMatchObject({ hasValidPrimary: false, hasValidDeputy: false, valid: [], expired: [], expiringSoon: [] });
  });

  it("tells a valid primary from a valid deputy", () => {
    expect(officeAppointmentValidity([term({ role: "primary" })], today)).toMatchObject({ hasValidPrimary: true, hasValidDeputy: false });
    expect(officeAppointmentValidity([term({ role: "deputy" })], today)).toMatchObject({ hasValidPrimary: false, hasValidDeputy: true });
    expect(officeAppointmentValidity([term({ id: 1, role: "primary" }), term({ id: 2, role: "deputy" })], today)).toMatchObject({ hasValidPrimary: true, hasValidDeputy: true });
  });

  it("does not count an upcoming, expired or ended primary as valid", () => {
    for (const primary of [term({ validFrom: "2025-07-01" }), term({ validUntil: "2025-06-14" }), term({ endedAt: startOfCivilDay(today) })]) {
      expect(officeAppointmentValidity([primary], today).hasValidPrimary).toBe(false);
    }
  });

  it("lists an expired appointment, but not one ended early", () => {
    const expired = term({ id: 1, validUntil: "2025-06-14" });
    const ended = term({ id: 2, validUntil: "2025-06-01", endedAt: startOfCivilDay("2025-05-01") });
    expect(officeAppointmentValidity([expired, ended], today).expired.map((s) => s.appointment.id)).toEqual([1]);
  });

  it(`flags an appointment whose last day is at most ${EXPIRY_WARNING_DAYS} days away, including today`, () => {
    const byDaysLeft = (n: number) => term({ id: n, validUntil: addCalendarDays(today, n) });
    const soon = officeAppointmentValidity([0, 1, EXPIRY_WARNING_DAYS, EXPIRY_WARNING_DAYS + 1, 200].map(byDaysLeft), today).expiringSoon;
    expect(soon.map((s) => [s.appointment.id, s.daysLeft])).toEqual([
      [0, 0],
      [1, 1],
      [EXPIRY_WARNING_DAYS, EXPIRY_WARNING_DAYS],
    ]);
  });

  it("flags an appointment that will be ended early within the warning period", () => {
    const leaving = term({ validUntil: null, endedAt: startOfCivilDay(addCalendarDays(today, 5)) });
    expect(officeAppointmentValidity([leaving], today).expiringSoon.map((s) => s.daysLeft)).toEqual([4]);
  });

  it("never flags an open-ended appointment or an upcoming one as expiring", () => {
    expect(officeAppointmentValidity([term({ validUntil: null }), term({ id: 2, validFrom: "2025-06-20", validUntil: "2025-06-25" })], today).expiringSoon).toEqual([]);
  });

  it("takes the warning period as a setting", () => {
    const t = term({ validUntil: addCalendarDays(today, 45) });
    expect(officeAppointmentValidity([t], today).expiringSoon).toHaveLength(0);
    expect(officeAppointmentValidity([t], today, 60).expiringSoon).toHaveLength(1);
  });

  describe("successors", () => {
    const expired = term({ id: 1, validFrom: "2024-01-01", validUntil: "2025-06-01" });

    it("marks an expired primary as replaced when a later primary is valid or upcoming", () => {
      const valid = term({ id: 2, validFrom: "2025-06-02", validUntil: "2026-06-01" });
      const upcoming = term({ id: 3, validFrom: "2025-07-01", validUntil: null });
      expect(officeAppointmentValidity([expired, valid], today).expired[0]!.hasSuccessor).toBe(true);
      expect(officeAppointmentValidity([expired, upcoming], today).expired[0]!.hasSuccessor).toBe(true);
    });

    it("does not count a deputy, an ended primary or an older primary as a successor", () => {
      const deputy = term({ id: 2, role: "deputy", validFrom: "2025-01-01", validUntil: null });
      const ended = term({ id: 3, validFrom: "2025-06-02", validUntil: null, endedAt: startOfCivilDay("2025-06-10") });
      expect(officeAppointmentValidity([expired, deputy, ended], today).expired[0]!.hasSuccessor).toBe(false);
      const expiring = term({ id: 4, validUntil: "2025-06-20" });
      const endingEarlier = term({ id: 5, validUntil: "2025-06-18" });
      const status = officeAppointmentValidity([expiring, endingEarlier], today).expiringSoon.find((s) => s.appointment.id === 4)!;
      expect(status.hasSuccessor).toBe(false);
    });

    it("marks an expiring appointment as replaced when the next decree is already recorded", () => {
      const expiring = term({ id: 1, validUntil: "2025-06-30" });
      const next = term({ id: 2, validFrom: "2025-07-01", validUntil: "2026-06-30" });
      expect(officeAppointmentValidity([expiring, next], today).expiringSoon.map((s) => [s.appointment.id, s.hasSuccessor])).toEqual([[1, true]]);
    });
  });
});
