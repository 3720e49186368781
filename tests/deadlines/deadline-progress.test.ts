import { describe, expect, it } from "vitest";
import { escalationInstantsOf, missedAtFor, reminderInstantsOf } from "../../src/deadlines/compute-deadline.js";
import { deadlineSummaryOf, progressDeadline, type DeadlineProgressInput } from "../../src/deadlines/deadline-progress.js";
import { deadlineTriggers } from "../../src/deadlines/schedule-deadline-triggers.js";
import { DEFAULT_DEADLINE_POLICY } from "../../src/deadlines/default-deadline-policy.js";
import { calendar, endOfWitaDay, wita } from "./fixtures.js";

// focal_point_acknowledgement: 5 working days, reminder 1 working day before, 3 escalations every 5 working days.
const dueAt = endOfWitaDay("2026-03-06");
const reminderInstants = reminderInstantsOf({ policy: DEFAULT_DEADLINE_POLICY, kind: "focal_point_acknowledgement", dueAt, clockStartedAt: wita("2026-02-27 10:00"), calendar });
const escalationInstants = escalationInstantsOf({ policy: DEFAULT_DEADLINE_POLICY, kind: "focal_point_acknowledgement", dueAt, calendar });

function running(now: string, overrides: Partial<DeadlineProgressInput> = {}): DeadlineProgressInput {
  return { now: wita(now), dueAt, remindAt: reminderInstants[0]!, missedAt: null, escalations: 0, nextEscalationAt: escalationInstants[0]!, reminderInstants, escalationInstants, ...overrides };
}

describe("the schedule of a stored deadline", () => {
  it("reminds at 08:00 WITA one working day before the due day, and escalates at the miss, then every five working days", () => {
    expect(reminderInstants).toEqual([wita("2026-03-05 08:00")]);
    expect(escalationInstants).toEqual([missedAtFor(dueAt), wita("2026-03-13 08:00"), wita("2026-03-27 08:00")]);
  });
});

describe("what is due on a running deadline", () => {
  it("does nothing before the reminder, and says the reminder is the next thing", () => {
    expect(progressDeadline(running("2026-03-05 07:59"))).toMatchObject({ reminderFor: null, isNewlyMissed: false, escalation: null, nextTriggerAt: wita("2026-03-05 08:00") });
  });

  it("sends the reminder at its instant, once, then waits for the due time", () => {
    const progress = progressDeadline(running("2026-03-05 08:00"));
    expect(progress).toMatchObject({ reminderFor: wita("2026-03-05 08:00"), remindAt: null, isNewlyMissed: false, escalation: null, nextTriggerAt: missedAtFor(dueAt) });
    expect(progressDeadline(running("2026-03-05 09:00", { remindAt: progress.remindAt })).reminderFor).toBeNull();
  });

  it("is still pending at the last millisecond of the due day", () => {
    expect(progressDeadline(running("2026-03-06 23:59", { remindAt: null })).isNewlyMissed).toBe(false);
  });

  it("is missed at 00:00 WITA after the due day: marks the instant, escalates once, and schedules the next escalation", () => {
    const progress = progressDeadline(running("2026-03-07 00:00", { remindAt: null }));
    expect(progress).toMatchObject({ isNewlyMissed: true, missedAt: missedAtFor(dueAt), escalation: 1, escalations: 1, nextEscalationAt: wita("2026-03-13 08:00"), nextTriggerAt: wita("2026-03-13 08:00") });
  });

  it("records the instant it was missed, not the moment a late sweep noticed it", () => {
    expect(progressDeadline(running("2026-03-09 14:30", { remindAt: null })).missedAt).toEqual(missedAtFor(dueAt));
  });

  it("sends no reminder once the deadline is missed, even one that was never sent", () => {
    const progress = progressDeadline(running("2026-03-07 10:00"));
    expect(progress).toMatchObject({ reminderFor: null, remindAt: null, isNewlyMissed: true, escalation: 1 });
  });

  it("repeats the escalation every five working days and stops after the third", () => {
    const missed = { missedAt: missedAtFor(dueAt), remindAt: null };
    expect(progressDeadline(running("2026-03-12 10:00", { ...missed, escalations: 1, nextEscalationAt: wita("2026-03-13 08:00") }))).toMatchObject({ escalation: null, nextTriggerAt: wita("2026-03-13 08:00") });
    const second = progressDeadline(running("2026-03-13 08:00", { ...missed, escalations: 1, nextEscalationAt: wita("2026-03-13 08:00") }));
    expect(second).toMatchObject({ escalation: 2, nextEscalationAt: wita("2026-03-27 08:00") });
    const third = progressDeadline(running("2026-03-27 08:00", { ...missed, escalations: 2, nextEscalationAt: wita("2026-03-27 08:00") }));
    expect(third).toMatchObject({ escalation: 3, escalations: 3, nextEscalationAt: null, nextTriggerAt: null });
    expect(progressDeadline(running("2026-05-01 08:00", { ...missed, escalations: 3, nextEscalationAt: null }))).toMatchObject({ escalation: null, nextTriggerAt: null });
  });

  it("sends one escalation, not a burst, after a worker was down for weeks, and skips the instants it slept through", () => {
    const progress = progressDeadline(running("2026-03-20 10:00", { remindAt: null }));
    expect(progress).toMatchObject({ isNewlyMissed: true, escalation: 1, escalations: 1, nextEscalationAt: wita("2026-03-27 08:00") });
    expect(progressDeadline(running("2026-04-20 10:00", { missedAt: missedAtFor(dueAt), remindAt: null, escalations: 1, nextEscalationAt: wita("2026-03-27 08:00") }))).toMatchObject({
      escalation: 2,
      nextEscalationAt: null,
      nextTriggerAt: null,
    });
  });

  it("marks a step without escalations missed and then waits for nothing", () => {
    expect(progressDeadline(running("2026-03-07 00:00", { remindAt: null, nextEscalationAt: null, escalationInstants: [] }))).toMatchObject({ isNewlyMissed: true, escalation: null, nextTriggerAt: null });
  });
});

describe("the case's deadline summary", () => {
  const open = { dueAt: endOfWitaDay("2026-03-16"), pausedAt: null, metAt: null, cancelledAt: null, missedAt: null };

  it("gives the earliest due time of the running deadlines, and nothing overdue while none is missed", () => {
    expect(deadlineSummaryOf([open, { ...open, dueAt: endOfWitaDay("2026-03-05") }])).toEqual({ nextDueAt: endOfWitaDay("2026-03-05"), overdueSince: null });
  });

  it("ignores met, cancelled and paused deadlines for the due time", () => {
    const others = [
      { ...open, dueAt: endOfWitaDay("2026-03-01"), metAt: wita("2026-03-01 10:00") },
      { ...open, dueAt: endOfWitaDay("2026-03-02"), cancelledAt: wita("2026-03-01 10:00") },
      { ...open, dueAt: endOfWitaDay("2026-03-03"), pausedAt: wita("2026-03-01 10:00") },
    ];
    expect(deadlineSummaryOf([open, ...others])).toEqual({ nextDueAt: open.dueAt, overdueSince: null });
    expect(deadlineSummaryOf(others)).toEqual({ nextDueAt: null, overdueSince: null });
  });

  it("keeps a missed deadline first and overdue until it is met or cancelled", () => {
    const missed = { ...open, dueAt: endOfWitaDay("2026-03-05"), missedAt: missedAtFor(endOfWitaDay("2026-03-05")) };
    expect(deadlineSummaryOf([open, missed])).toEqual({ nextDueAt: missed.dueAt, overdueSince: missed.missedAt });
    expect(deadlineSummaryOf([open, { ...missed, metAt: wita("2026-03-09 10:00") }])).toEqual({ nextDueAt: open.dueAt, overdueSince: null });
  });
});

describe("the triggers a deadline keeps in the queue", () => {
  const row = { id: 42, dueAt, remindAt: wita("2026-03-05 08:00"), missedAt: null, nextEscalationAt: missedAtFor(dueAt), metAt: null, cancelledAt: null, pausedAt: null };

  it("has its next reminder and its due time while running, with stable ids free of colons", () => {
    expect(deadlineTriggers(row)).toEqual([
      { deadlineId: 42, jobId: `deadline-42-remind-${wita("2026-03-05 08:00").getTime()}`, at: wita("2026-03-05 08:00") },
      { deadlineId: 42, jobId: `deadline-42-due-${missedAtFor(dueAt).getTime()}`, at: missedAtFor(dueAt) },
    ]);
    expect(deadlineTriggers(row).every((t) => !t.jobId.includes(":"))).toBe(true);
  });

  it("has only its next escalation once missed", () => {
    const missed = { ...row, remindAt: null, missedAt: missedAtFor(dueAt), nextEscalationAt: wita("2026-03-13 08:00") };
    expect(deadlineTriggers(missed).map((t) => t.jobId)).toEqual([`deadline-42-escalate-${wita("2026-03-13 08:00").getTime()}`]);
  });

  it("has none when met, cancelled or paused", () => {
    for (const change of [{ metAt: wita("2026-03-04 10:00") }, { cancelledAt: wita("2026-03-04 10:00") }, { pausedAt: wita("2026-03-04 10:00") }]) {
      expect(deadlineTriggers({ ...row, ...change })).toEqual([]);
    }
  });
});
