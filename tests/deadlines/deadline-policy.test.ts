import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.js";
import { ACTIONS } from "../../src/complaints/states.js";
import { CASE_EVENTS, CASE_EVENT_OF_ACTION } from "../../src/deadlines/case-events.js";
import { deadlineEffectsOf } from "../../src/deadlines/deadline-effects.js";
import { ESCALATION_TARGETS, RESPONSIBLE_PARTIES, deadlinePolicySchema, findDeadlineRule } from "../../src/deadlines/deadline-policy.js";
import { DEADLINE_STATES } from "../../src/deadlines/deadline-status.js";
import { DEFAULT_DEADLINE_POLICY, DEFAULT_DEADLINE_POLICY_INPUT } from "../../src/deadlines/default-deadline-policy.js";
import { HOLIDAY_KINDS } from "../../src/deadlines/holiday.js";

function issuesOf(input: unknown) {
  const result = deadlinePolicySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}
function withRule(index: number, change: Record<string, unknown>) {
  return { ...DEFAULT_DEADLINE_POLICY_INPUT, rules: DEFAULT_DEADLINE_POLICY_INPUT.rules.map((rule, i) => (i === index ? { ...rule, ...change } : rule)) };
}

describe("the deadline policy", () => {
  it("defaults to the table of the domain brief, section 5", () => {
    const table = DEFAULT_DEADLINE_POLICY.rules.map((r) => [r.kind, r.count, r.unit, r.source]);
    expect(table).toEqual([
      ["verify_and_route", 3, "working_days", "Standar layanan SP4N-LAPOR!"],
      ["forward_to_focal_point", 1, "working_days", "Kesepakatan pejabat penghubung (mis. Ombudsman Malut - Tidore 2022)"],
      ["focal_point_acknowledgement", 5, "working_days", "SP4N-LAPOR!"],
      ["written_answer", 14, "calendar_days", "UU 25/2009"],
      ["reporter_completion", 30, "calendar_days", "UU 37/2008 / UU 25/2009"],
      ["decision", 60, "calendar_days", "UU 25/2009 Ps. 50, Perpres 76/2013"],
      ["notify_reporter_of_decision", 14, "calendar_days", "UU 25/2009"],
      ["lhp_follow_up", 30, "working_days", "Peraturan Ombudsman 58/2023 Ps. 54"],
      ["recommendation_report", 60, "calendar_days", "UU 37/2008 Ps. 38(2)"],
    ]);
    expect(DEFAULT_DEADLINE_POLICY.version).toBe(1);
  });

  it("pauses only the steps that wait on the reporter", () => {
    const pausable = DEFAULT_DEADLINE_POLICY.rules.filter((r) => r.pausedBy.length > 0).map((r) => r.kind);
    expect(pausable).toEqual(["verify_and_route", "decision"]);
  });

  it("survives a round trip through JSON, as an administrator stores and edits it", () => {
    expect(deadlinePolicySchema.parse(JSON.parse(JSON.stringify(DEFAULT_DEADLINE_POLICY)))).toEqual(DEFAULT_DEADLINE_POLICY);
  });

  it("reads a stored version without a notice time as 08:00 WITA", () => {
    const { noticeTime: _omitted, ...stored } = DEFAULT_DEADLINE_POLICY_INPUT;
    expect(deadlinePolicySchema.parse(stored).noticeTime).toBe("08:00");
  });

  it("refuses a step that appears twice", () => {
    const input = { ...DEFAULT_DEADLINE_POLICY_INPUT, rules: [...DEFAULT_DEADLINE_POLICY_INPUT.rules, DEFAULT_DEADLINE_POLICY_INPUT.rules[0]] };
    expect(issuesOf(input)).toEqual([{ path: "rules.9.kind", message: "deadlines.errors.duplicate_kind" }]);
  });

  it("refuses an event that would both start and meet a step, or pause and resume it", () => {
    expect(issuesOf(withRule(0, { metBy: ["received"] }))).toEqual([{ path: "rules.0.metBy", message: "deadlines.errors.event_in_two_roles" }]);
    expect(issuesOf(withRule(0, { resumedBy: ["returned_to_reporter"] }))).toEqual([{ path: "rules.0.resumedBy", message: "deadlines.errors.event_in_two_roles" }]);
  });

  it("refuses a pause without a way to resume", () => {
    expect(issuesOf(withRule(3, { pausedBy: ["clarification_requested"] }))).toEqual([{ path: "rules.3.resumedBy", message: "deadlines.errors.pause_needs_resume" }]);
  });

  it("refuses escalations to nobody and the same reminder twice", () => {
    expect(issuesOf(withRule(0, { escalation: { to: [], maxEscalations: 2, repeatEveryWorkingDays: 5 } }))).toEqual([
      { path: "rules.0.escalation.to", message: "deadlines.errors.escalation_needs_target" },
    ]);
    expect(issuesOf(withRule(0, { remindWorkingDaysBefore: [1, 1] }))).toEqual([{ path: "rules.0.remindWorkingDaysBefore", message: "deadlines.errors.duplicate_reminder" }]);
  });

  it("refuses unknown events, malformed keys and times, zero-day steps and unknown fields", () => {
    expect(issuesOf(withRule(0, { startedBy: ["complaint_filed"] }))).toEqual([{ path: "rules.0.startedBy.0", message: "deadlines.errors.case_event" }]);
    expect(issuesOf(withRule(0, { kind: "Verify-Route" }))).toEqual([{ path: "rules.0.kind", message: "deadlines.errors.kind_format" }]);
    expect(issuesOf({ ...DEFAULT_DEADLINE_POLICY_INPUT, noticeTime: "8:00" })).toEqual([{ path: "noticeTime", message: "deadlines.errors.time_of_day" }]);
    expect(issuesOf(withRule(0, { count: 0 })).map((i) => i.path)).toEqual(["rules.0.count"]);
    expect(issuesOf(withRule(0, { hours: 3 })).map((i) => i.path)).toEqual(["rules.0"]);
  });

  it("finds a step's rule, and refuses one the version does not have", () => {
    expect(findDeadlineRule(DEFAULT_DEADLINE_POLICY, "decision").count).toBe(60);
    expect(() => findDeadlineRule(DEFAULT_DEADLINE_POLICY, "nothing")).toThrow(/version 1 has no rule "nothing"/);
  });
});

describe("what a case event does to deadlines", () => {
  it("returning a file to the reporter answers the reporter, pauses verification and the decision, and starts the 30 days", () => {
    expect(deadlineEffectsOf("returned_to_reporter", DEFAULT_DEADLINE_POLICY)).toEqual({
      start: ["reporter_completion"],
      meet: ["written_answer"],
      pause: ["verify_and_route", "decision"],
      resume: [],
      cancel: [],
    });
  });

  it("the reporter completing the file resumes what was paused and meets the 30 days", () => {
    expect(deadlineEffectsOf("completed_by_reporter", DEFAULT_DEADLINE_POLICY)).toEqual({
      start: [],
      meet: ["reporter_completion"],
      pause: [],
      resume: ["verify_and_route", "decision"],
      cancel: [],
    });
  });

  it("a decision meets the decision step and starts telling the reporter", () => {
    const effects = deadlineEffectsOf("decided", DEFAULT_DEADLINE_POLICY);
    expect(effects.meet).toEqual(["focal_point_acknowledgement", "decision"]);
    expect(effects.start).toEqual(["notify_reporter_of_decision"]);
  });

  it("a withdrawal cancels every step of the complaint but not the Ombudsman's follow-ups", () => {
    expect(deadlineEffectsOf("withdrawn", DEFAULT_DEADLINE_POLICY).cancel).toEqual(
      DEFAULT_DEADLINE_POLICY.rules.map((r) => r.kind).filter((kind) => kind !== "lhp_follow_up" && kind !== "recommendation_report"),
    );
  });

  it("restarts verification on reopening and the focal point's five days on a re-route", () => {
    expect(deadlineEffectsOf("reopened", DEFAULT_DEADLINE_POLICY).start).toEqual(["verify_and_route"]);
    expect(deadlineEffectsOf("rerouted", DEFAULT_DEADLINE_POLICY).start).toEqual(["focal_point_acknowledgement"]);
  });

  it("cancels what waited on the reporter, and the 30 days themselves, when the 30 days run out", () => {
    expect(deadlineEffectsOf("incomplete_expired", DEFAULT_DEADLINE_POLICY).cancel).toEqual(["verify_and_route", "reporter_completion", "decision"]);
  });

  it("expires an incomplete report when the reporter misses the 30 days, and performs nothing for any other missed step", () => {
    expect(DEFAULT_DEADLINE_POLICY.rules.filter((r) => r.actionWhenMissed !== null).map((r) => [r.kind, r.actionWhenMissed])).toEqual([["reporter_completion", "expire_incomplete"]]);
  });

  it("shows the citizen the answer, completion, decision and notification deadlines, and keeps the desks' service levels internal", () => {
    expect(DEFAULT_DEADLINE_POLICY.rules.filter((r) => r.isShownToReporter).map((r) => r.kind)).toEqual(["written_answer", "reporter_completion", "decision", "notify_reporter_of_decision"]);
  });

  it("gives every action of the case workflow its own event, or none", () => {
    expect(Object.keys(CASE_EVENT_OF_ACTION).sort()).toEqual([...ACTIONS].sort());
    const events = Object.values(CASE_EVENT_OF_ACTION).filter((event) => event !== null);
    expect(new Set(events).size).toBe(events.length);
    expect(CASE_EVENT_OF_ACTION.rate).toBeNull();
  });

  it("uses only events of the case workflow", () => {
    const used = DEFAULT_DEADLINE_POLICY.rules.flatMap((r) => [...r.startedBy, ...r.metBy, ...r.pausedBy, ...r.resumedBy, ...r.cancelledBy]);
    expect(used.filter((event) => !(CASE_EVENTS as readonly string[]).includes(event))).toEqual([]);
  });
});

describe("names for people", () => {
  it("has an Indonesian and an English name for every step, event, state, party and holiday kind", () => {
    const keys = [
      ...DEFAULT_DEADLINE_POLICY.rules.map((r) => `deadlines.kinds.${r.kind}`),
      ...CASE_EVENTS.map((e) => `deadlines.events.${e}`),
      ...DEADLINE_STATES.map((s) => `deadlines.states.${s}`),
      ...RESPONSIBLE_PARTIES.map((p) => `deadlines.responsible.${p}`),
      ...ESCALATION_TARGETS.map((t) => `deadlines.escalation_targets.${t}`),
      ...HOLIDAY_KINDS.map((k) => `deadlines.holiday_kinds.${k}`),
    ];
    for (const locale of ["id", "en"] as const) {
      const t = translator(locale);
      expect(keys.filter((key) => t(key) === key || t(key) === "")).toEqual([]);
    }
    expect(translator("id")("deadlines.kinds.decision")).not.toBe(translator("en")("deadlines.kinds.decision"));
  });
});
