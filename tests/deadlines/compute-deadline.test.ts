import { describe, expect, it } from "vitest";
import { type ComputeDeadlineInput, computeDeadline, missedAtFor } from "../../src/deadlines/compute-deadline.js";
import { DEFAULT_DEADLINE_POLICY } from "../../src/deadlines/default-deadline-policy.js";
import { buildWorkingCalendar } from "../../src/deadlines/working-calendar.js";
import { calendar, endOfWitaDay, policyWith, wita } from "./fixtures.js";

function compute(kind: string, startedAt: Date, overrides: Partial<ComputeDeadlineInput> = {}) {
  return computeDeadline({ policy: DEFAULT_DEADLINE_POLICY, kind, startedAt, calendar, ...overrides });
}
const dueOf = (kind: string, startedAt: Date, overrides: Partial<ComputeDeadlineInput> = {}) => compute(kind, startedAt, overrides).dueAt?.toISOString();
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("day zero and the due time", () => {
  it("makes 14 days from 2 March 2026 due at the end of 16 March WITA, citing UU 25/2009", () => {
    const deadline = compute("written_answer", wita("2026-03-02 10:00"));
    expect(deadline.dueAt?.toISOString()).toBe("2026-03-16T15:59:59.999Z");
    expect(deadline.basis).toEqual({ kind: "written_answer", unit: "calendar_days", count: 14, from: "2026-03-02", rule: "UU 25/2009", policyVersion: 1, extendedBy: 0 });
    expect(deadline.policyVersion).toBe(1);
    expect(deadline.pausedAt).toBeNull();
  });

  it("counts from the WITA date: 23:59 WITA and 00:01 WITA the next day are a day apart though both are 1 March in UTC", () => {
    expect(dueOf("written_answer", new Date("2026-03-01T15:59:00Z"))).toBe(endOfWitaDay("2026-03-15").toISOString());
    expect(dueOf("written_answer", new Date("2026-03-01T16:01:00Z"))).toBe(endOfWitaDay("2026-03-16").toISOString());
    expect(compute("written_answer", new Date("2026-03-01T16:01:00Z")).basis.from).toBe("2026-03-02");
  });

  it("gives the same due time to a start at 00:00 and at 23:59:59 WITA on one day", () => {
    expect(dueOf("verify_and_route", wita("2026-03-02 00:00"))).toBe(dueOf("verify_and_route", new Date("2026-03-02T15:59:59.999Z")));
  });
});

describe("working days", () => {
  it("ends 3 working days from a Monday on Thursday", () => {
    expect(dueOf("verify_and_route", wita("2026-03-02 09:00"))).toBe(endOfWitaDay("2026-03-05").toISOString());
  });

  it("gives a report received on Friday evening, Saturday or Sunday the same due day", () => {
    const due = endOfWitaDay("2026-03-11").toISOString();
    expect(dueOf("verify_and_route", wita("2026-03-06 19:00"))).toBe(due);
    expect(dueOf("verify_and_route", wita("2026-03-07 10:00"))).toBe(due);
    expect(dueOf("verify_and_route", wita("2026-03-08 23:59"))).toBe(due);
  });

  it("counts a start on a holiday from the next working day", () => {
    expect(dueOf("verify_and_route", wita("2026-03-19 10:00"))).toBe(endOfWitaDay("2026-03-27").toISOString());
  });

  it("stretches 3 working days from 16 March 2026 to 26 March across Nyepi, Idul Fitri and their cuti bersama", () => {
    expect(dueOf("verify_and_route", wita("2026-03-16 10:00"))).toBe(endOfWitaDay("2026-03-26").toISOString());
  });

  it("makes 30 working days of LHP follow-up from 2 March 2026 end on 21 April, six holidays later than weekends alone", () => {
    expect(dueOf("lhp_follow_up", wita("2026-03-02 10:00"))).toBe(endOfWitaDay("2026-04-21").toISOString());
    const weekendsOnly = buildWorkingCalendar({ holidays: [], coveredYears: [2026] });
    expect(dueOf("lhp_follow_up", wita("2026-03-02 10:00"), { calendar: weekendsOnly })).toBe(endOfWitaDay("2026-04-13").toISOString());
  });

  it("carries 5 working days from 23 December 2025 over Christmas, cuti bersama and New Year to 2 January 2026", () => {
    expect(dueOf("focal_point_acknowledgement", wita("2025-12-23 14:00"))).toBe(endOfWitaDay("2026-01-02").toISOString());
  });

  it("counts across 29 February in a leap year and reports a year without a holiday list", () => {
    const deadline = compute("forward_to_focal_point", wita("2028-02-28 10:00"));
    expect(deadline.dueAt?.toISOString()).toBe(endOfWitaDay("2028-02-29").toISOString());
    expect(deadline.uncoveredYears).toEqual([2028]);
  });
});

describe("calendar days", () => {
  it("crosses the year end: 60 days from 15 November 2025 are due on 14 January 2026", () => {
    const deadline = compute("decision", wita("2025-11-15 10:00"));
    expect(deadline.dueAt?.toISOString()).toBe(endOfWitaDay("2026-01-14").toISOString());
    expect(deadline.uncoveredYears).toEqual([]);
  });

  it("counts 29 February as a day", () => {
    const policy = policyWith({ rules: [{ kind: "test_14_days", count: 14, unit: "calendar_days" }] });
    expect(dueOf("test_14_days", wita("2024-02-20 10:00"), { policy })).toBe(endOfWitaDay("2024-03-05").toISOString());
    expect(dueOf("test_14_days", wita("2025-02-20 10:00"), { policy })).toBe(endOfWitaDay("2025-03-06").toISOString());
  });

  it("leaves a period that ends on a holiday or a Sunday where it ends", () => {
    expect(dueOf("written_answer", wita("2026-03-06 10:00"))).toBe(endOfWitaDay("2026-03-20").toISOString());
    expect(dueOf("written_answer", wita("2026-03-08 10:00"))).toBe(endOfWitaDay("2026-03-22").toISOString());
  });

  it("moves it past the whole holiday run when the rule says next_working_day", () => {
    const policy = policyWith({ rules: [{ kind: "written_answer", whenEndsOnNonWorkingDay: "next_working_day" }] });
    expect(dueOf("written_answer", wita("2026-03-06 10:00"), { policy })).toBe(endOfWitaDay("2026-03-25").toISOString());
    expect(dueOf("written_answer", wita("2026-03-02 10:00"), { policy })).toBe(endOfWitaDay("2026-03-16").toISOString());
  });

  it("flags a count that runs into a year without a holiday list", () => {
    const deadline = compute("decision", wita("2026-12-20 10:00"));
    expect(deadline.dueAt?.toISOString()).toBe(endOfWitaDay("2027-02-18").toISOString());
    expect(deadline.uncoveredYears).toEqual([2027]);
  });
});

describe("pauses while waiting on the reporter", () => {
  const start = wita("2026-01-05 10:00");
  const nominal = endOfWitaDay("2026-03-06").toISOString();

  it("adds the paused days to a calendar-day clock", () => {
    expect(dueOf("decision", start)).toBe(nominal);
    const deadline = compute("decision", start, { pauses: [{ pausedAt: wita("2026-01-10 10:00"), resumedAt: wita("2026-01-20 09:00") }] });
    expect(deadline.dueAt?.toISOString()).toBe(endOfWitaDay("2026-03-16").toISOString());
    expect(deadline.basis.extendedBy).toBe(10);
  });

  it("changes nothing when paused and resumed on the same day", () => {
    const deadline = compute("decision", start, { pauses: [{ pausedAt: wita("2026-01-10 09:00"), resumedAt: wita("2026-01-10 17:00") }] });
    expect(deadline.dueAt?.toISOString()).toBe(nominal);
    expect(deadline.basis.extendedBy).toBe(0);
  });

  it("moves a calendar-day clock by one day for a pause across one midnight", () => {
    expect(dueOf("decision", start, { pauses: [{ pausedAt: wita("2026-01-10 23:00"), resumedAt: wita("2026-01-11 07:00") }] })).toBe(endOfWitaDay("2026-03-07").toISOString());
  });

  it("recounts the working days not yet used from the day the clock resumes", () => {
    const deadline = compute("verify_and_route", wita("2026-03-02 10:00"), { pauses: [{ pausedAt: wita("2026-03-03 15:00"), resumedAt: wita("2026-03-09 08:30") }] });
    expect(deadline.dueAt?.toISOString()).toBe(endOfWitaDay("2026-03-11").toISOString());
    expect(deadline.basis.extendedBy).toBe(4);
  });

  it("resumes a working-day clock just before the Idul Fitri run and continues after it", () => {
    const pauses = [{ pausedAt: wita("2026-03-13 10:00"), resumedAt: wita("2026-03-17 11:00") }];
    expect(dueOf("verify_and_route", wita("2026-03-12 10:00"), { pauses })).toBe(endOfWitaDay("2026-03-26").toISOString());
  });

  it("adds up several pauses, in whatever order they are given", () => {
    const first = { pausedAt: wita("2026-01-10 10:00"), resumedAt: wita("2026-01-20 10:00") };
    const second = { pausedAt: wita("2026-02-01 10:00"), resumedAt: wita("2026-02-04 10:00") };
    const due = endOfWitaDay("2026-03-19").toISOString();
    expect(dueOf("decision", start, { pauses: [first, second] })).toBe(due);
    expect(dueOf("decision", start, { pauses: [second, first] })).toBe(due);
    expect(compute("decision", start, { pauses: [first, second] }).basis.extendedBy).toBe(13);
  });

  it("leaves no due date while a pause is open and tells how many days are left", () => {
    const calendarClock = compute("decision", start, { pauses: [{ pausedAt: wita("2026-01-15 10:00"), resumedAt: null }] });
    expect(calendarClock).toMatchObject({ dueAt: null, remainingWhenPaused: 50, remindAt: [], escalateAt: [] });
    expect(calendarClock.pausedAt?.toISOString()).toBe(wita("2026-01-15 10:00").toISOString());
    const workingClock = compute("verify_and_route", wita("2026-03-02 10:00"), { pauses: [{ pausedAt: wita("2026-03-04 10:00") }] });
    expect(workingClock).toMatchObject({ dueAt: null, remainingWhenPaused: 1 });
  });

  it("continues with the days that were left once the open pause is resumed", () => {
    const pauses = [{ pausedAt: wita("2026-01-15 10:00"), resumedAt: wita("2026-02-10 08:00") }];
    expect(dueOf("decision", start, { pauses })).toBe(endOfWitaDay("2026-04-01").toISOString());
  });

  it("does not revive a deadline that was already missed when the pause began", () => {
    const pauses = [{ pausedAt: wita("2026-03-06 09:00"), resumedAt: wita("2026-03-10 09:00") }];
    expect(dueOf("verify_and_route", wita("2026-03-02 10:00"), { pauses })).toBe(endOfWitaDay("2026-03-05").toISOString());
    expect(compute("verify_and_route", wita("2026-03-02 10:00"), { pauses: [{ pausedAt: wita("2026-03-06 09:00") }] }).dueAt?.toISOString()).toBe(
      endOfWitaDay("2026-03-05").toISOString(),
    );
  });

  it("leaves the rest of a day after a pause on the due day itself", () => {
    const working = [{ pausedAt: wita("2026-03-05 10:00"), resumedAt: wita("2026-03-07 10:00") }];
    expect(dueOf("verify_and_route", wita("2026-03-02 10:00"), { pauses: working })).toBe(endOfWitaDay("2026-03-09").toISOString());
    const calendarDays = [{ pausedAt: wita("2026-03-06 10:00"), resumedAt: wita("2026-03-09 10:00") }];
    expect(dueOf("decision", start, { pauses: calendarDays })).toBe(endOfWitaDay("2026-03-09").toISOString());
  });

  it("clips pauses that began before the start, ignores those that ended before it, and merges overlaps", () => {
    expect(dueOf("decision", start, { pauses: [{ pausedAt: wita("2026-01-01 10:00"), resumedAt: wita("2026-01-07 10:00") }] })).toBe(endOfWitaDay("2026-03-08").toISOString());
    expect(dueOf("decision", start, { pauses: [{ pausedAt: wita("2025-12-01 10:00"), resumedAt: wita("2025-12-03 10:00") }] })).toBe(nominal);
    const overlapping = [
      { pausedAt: wita("2026-01-10 10:00"), resumedAt: wita("2026-01-15 10:00") },
      { pausedAt: wita("2026-01-12 10:00"), resumedAt: wita("2026-01-20 10:00") },
    ];
    expect(dueOf("decision", start, { pauses: overlapping })).toBe(endOfWitaDay("2026-03-16").toISOString());
  });

  it("refuses a pause that resumes before it began", () => {
    expect(() => compute("decision", start, { pauses: [{ pausedAt: wita("2026-01-10 10:00"), resumedAt: wita("2026-01-09 10:00") }] })).toThrow(RangeError);
  });
});

describe("reminders and escalations", () => {
  it("reminds 3 and 1 working days before the due day, at 08:00 WITA", () => {
    const deadline = compute("written_answer", wita("2026-03-02 10:00"));
    expect(iso(deadline.remindAt)).toEqual([wita("2026-03-11 08:00").toISOString(), wita("2026-03-13 08:00").toISOString()]);
  });

  it("puts the last reminder before a holiday run on the last working day before it", () => {
    const deadline = compute("written_answer", wita("2026-03-11 10:00"));
    expect(deadline.dueAt?.toISOString()).toBe(endOfWitaDay("2026-03-25").toISOString());
    expect(iso(deadline.remindAt)).toEqual([wita("2026-03-13 08:00").toISOString(), wita("2026-03-17 08:00").toISOString()]);
  });

  it("reminds on the morning of the due day when the rule says 0, or on the last working day before a Sunday", () => {
    expect(iso(compute("forward_to_focal_point", wita("2026-03-02 10:00")).remindAt)).toEqual([wita("2026-03-03 08:00").toISOString()]);
    const policy = policyWith({ rules: [{ kind: "written_answer", remindWorkingDaysBefore: [0, 1] }] });
    expect(iso(compute("written_answer", wita("2026-03-08 10:00"), { policy }).remindAt)).toEqual([wita("2026-03-17 08:00").toISOString()]);
  });

  it("drops a reminder that would come before the deadline started", () => {
    const policy = policyWith({ rules: [{ kind: "forward_to_focal_point", remindWorkingDaysBefore: [1, 0] }] });
    expect(iso(compute("forward_to_focal_point", wita("2026-03-02 10:00"), { policy }).remindAt)).toEqual([wita("2026-03-03 08:00").toISOString()]);
    expect(iso(compute("forward_to_focal_point", wita("2026-03-02 07:00"), { policy }).remindAt)).toEqual([
      wita("2026-03-02 08:00").toISOString(),
      wita("2026-03-03 08:00").toISOString(),
    ]);
  });

  it("does not send again a reminder that fell while the clock was stopped", () => {
    const policy = policyWith({ rules: [{ kind: "forward_to_focal_point", pausedBy: ["returned_to_reporter"], resumedBy: ["completed_by_reporter"] }] });
    const pauses = [{ pausedAt: wita("2026-03-03 07:00"), resumedAt: wita("2026-03-03 09:00") }];
    const deadline = compute("forward_to_focal_point", wita("2026-03-02 10:00"), { policy, pauses });
    expect(deadline.dueAt?.toISOString()).toBe(endOfWitaDay("2026-03-03").toISOString());
    expect(deadline.remindAt).toEqual([]);
  });

  it("escalates when missed, then every 5 working days at 08:00, 3 times at most", () => {
    const deadline = compute("focal_point_acknowledgement", wita("2026-03-02 10:00"));
    expect(deadline.dueAt?.toISOString()).toBe(endOfWitaDay("2026-03-09").toISOString());
    expect(iso(deadline.escalateAt)).toEqual(["2026-03-09T16:00:00.000Z", wita("2026-03-16 08:00").toISOString(), wita("2026-03-30 08:00").toISOString()]);
  });

  it("tells the assistant once when the reporter did not complete the file in time", () => {
    const deadline = compute("reporter_completion", wita("2026-03-02 10:00"));
    expect(deadline.dueAt?.toISOString()).toBe(endOfWitaDay("2026-04-01").toISOString());
    expect(iso(deadline.escalateAt)).toEqual([wita("2026-04-02 00:00").toISOString()]);
  });

  it("escalates nowhere when the rule has no escalations", () => {
    const policy = policyWith({ rules: [{ kind: "decision", escalation: { to: [], maxEscalations: 0, repeatEveryWorkingDays: 5 } }] });
    expect(compute("decision", wita("2026-01-05 10:00"), { policy }).escalateAt).toEqual([]);
  });

  it("counts a deadline as missed from 00:00 WITA after its due day", () => {
    expect(missedAtFor(endOfWitaDay("2026-03-05")).toISOString()).toBe(wita("2026-03-06 00:00").toISOString());
  });
});

describe("policy versions", () => {
  const shorter = policyWith({ version: 2, rules: [{ kind: "verify_and_route", count: 2 }] });

  it("computes under the version it is given and records it in the basis", () => {
    const v1 = compute("verify_and_route", wita("2026-03-02 10:00"));
    const v2 = compute("verify_and_route", wita("2026-03-02 10:00"), { policy: shorter });
    expect(v1.dueAt?.toISOString()).toBe(endOfWitaDay("2026-03-05").toISOString());
    expect(v2.dueAt?.toISOString()).toBe(endOfWitaDay("2026-03-04").toISOString());
    expect([v1.basis.policyVersion, v2.basis.policyVersion]).toEqual([1, 2]);
    expect(v2.basis.count).toBe(2);
  });

  it("keeps a deadline set under version 1 on version 1 when it is recomputed after version 2 came in", () => {
    const pauses = [{ pausedAt: wita("2026-03-03 10:00"), resumedAt: wita("2026-03-09 10:00") }];
    const resumed = compute("verify_and_route", wita("2026-03-02 10:00"), { policy: DEFAULT_DEADLINE_POLICY, policyVersion: 1, pauses });
    expect(resumed.dueAt?.toISOString()).toBe(endOfWitaDay("2026-03-11").toISOString());
    expect(() => compute("verify_and_route", wita("2026-03-02 10:00"), { policy: shorter, policyVersion: 1, pauses })).toThrow(/version 1, not 2/);
  });

  it("refuses a kind the policy version does not have", () => {
    expect(() => compute("no_such_step", wita("2026-03-02 10:00"))).toThrow(RangeError);
  });
});
