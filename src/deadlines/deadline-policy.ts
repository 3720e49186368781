import { z } from "zod";
import type { Action } from "../complaints/states.js";
import { caseEventSchema } from "./case-events.js";
import { timeOfDaySchema } from "./civil-date.js";

/**
 * The deadline policy as versioned data: per step of a case, how long, in which unit, what
 * starts, meets, pauses, resumes and cancels it, when to remind, whom to escalate to, and the
 * rule behind it. An administrator edits it as a new version; a deadline keeps the version it
 * was computed with (see computeDeadline).
 */

export const DEADLINE_UNITS = ["working_days", "calendar_days"] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** Who must act before the deadline; reminders go to them. */
export const RESPONSIBLE_PARTIES = [
  /** The desk that received and verifies the case (Ombudsman assistant or Inspektorat register). */
  "intake_desk",
  /** The Pemda's focal point (pejabat penghubung) the case is routed to. */
  "focal_point",
  /** The citizen who filed the complaint. */
  "reporter",
] as const;
export type ResponsibleParty = (typeof RESPONSIBLE_PARTIES)[number];

/** Who is told when a deadline is missed. */
export const ESCALATION_TARGETS = [
  /** The focal point's superior in the registry (Inspektur or Sekda). */
  "focal_point_superior",
  /** The Ombudsman assistant who monitors the Pemda. */
  "ombudsman_assistant",
  "administrator",
] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/**
 * "keep": a calendar-day deadline ending on a weekend or holiday stays there (no rule in UU
 * 25/2009, UU 37/2008 or Perpres 76/2013 moves it); "next_working_day": moved forward, for an
 * administrator whose legal reading differs. Working-day deadlines always end on a working day.
 */
export const NON_WORKING_END_RULES = ["keep", "next_working_day"] as const;
export type NonWorkingEndRule = (typeof NON_WORKING_END_RULES)[number];

/**
 * What the system itself does when a deadline of the step is missed, besides escalating: a
 * workflow action performed as the system. "expire_incomplete": the report counts as withdrawn
 * when the reporter lets the 30 days pass (UU 37/2008, UU 25/2009).
 */
export const ACTIONS_WHEN_MISSED = ["expire_incomplete"] as const satisfies readonly Action[];
export type ActionWhenMissed = (typeof ACTIONS_WHEN_MISSED)[number];

const kindSchema = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, { message: "deadlines.errors.kind_format" });
const events = z.array(caseEventSchema).max(20);

export const deadlineRuleSchema = z.strictObject({
  /** Stable key of the step ("verify_and_route"); deadlines and locale names refer to it. */
  kind: kindSchema,
  count: z.int().min(1).max(366),
  unit: z.enum(DEADLINE_UNITS),
  /** The day of the starting event is day zero. A start while one is open supersedes it. */
  startedBy: events.min(1),
  metBy: events.min(1),
  /** While paused the clock stops (waiting on the reporter); both empty or both given. */
  pausedBy: events.default([]),
  resumedBy: events.default([]),
  /** The step no longer applies (the case was withdrawn): neither met nor missed. */
  cancelledBy: events.default([]),
  whenEndsOnNonWorkingDay: z.enum(NON_WORKING_END_RULES).default("keep"),
  responsible: z.enum(RESPONSIBLE_PARTIES),
  /** Reminders at the policy's noticeTime, this many working days before the due day (0: on it). */
  remindWorkingDaysBefore: z.array(z.int().min(0).max(60)).max(5).default([]),
  escalation: z.strictObject({
    to: z.array(z.enum(ESCALATION_TARGETS)).max(ESCALATION_TARGETS.length),
    /** Escalations in all, the first when the deadline is missed; 0 for none. */
    maxEscalations: z.int().min(0).max(10),
    /** Working days between repeated escalations while the deadline stays unmet. */
    repeatEveryWorkingDays: z.int().min(1).max(60),
  }),
  /** Shown to the citizen on their status page: the steps the law owes them or asks of them. */
  isShownToReporter: z.boolean().default(false),
  actionWhenMissed: z.enum(ACTIONS_WHEN_MISSED).nullable().default(null),
  /** Short citation shown in the basis: "UU 25/2009 Ps. 50". */
  source: z.string().trim().min(1).max(200),
  /** What the rule says, in Indonesian, for the policy page. */
  sourceText: z.string().trim().max(2000).default(""),
});

export type DeadlineRule = z.output<typeof deadlineRuleSchema>;

export const deadlinePolicySchema = z
  .strictObject({
    /** 1, 2, 3 ...: every saved change is a new version; deadlines store the version they used. */
    version: z.int().min(1),
    /** WITA time of day at which reminders and repeated escalations are sent ("08:00"). */
    noticeTime: timeOfDaySchema.default("08:00"),
    note: z.string().max(2000).optional(),
    rules: z.array(deadlineRuleSchema).min(1).max(50),
  })
  .superRefine((policy, ctx) => {
    const issue = (path: (string | number)[], message: string, params?: Record<string, unknown>) =>
      ctx.addIssue({ code: "custom", path, message, params });
    const kinds = new Set<string>();
    policy.rules.forEach((rule, i) => {
      if (kinds.has(rule.kind)) issue(["rules", i, "kind"], "deadlines.errors.duplicate_kind", { kind: rule.kind });
      kinds.add(rule.kind);
      // One event has one meaning per step: an event that both started and resumed a step would be ambiguous.
      const roles = ["startedBy", "metBy", "pausedBy", "resumedBy", "cancelledBy"] as const;
      roles.forEach((first, a) =>
        roles.slice(a + 1).forEach((second) => {
          const shared = rule[first].filter((event) => rule[second].includes(event));
          if (shared.length > 0) issue(["rules", i, second], "deadlines.errors.event_in_two_roles", { events: shared.join(", "), first, second });
        }),
      );
      if ((rule.pausedBy.length === 0) !== (rule.resumedBy.length === 0)) issue(["rules", i, "resumedBy"], "deadlines.errors.pause_needs_resume");
      if (rule.escalation.maxEscalations > 0 && rule.escalation.to.length === 0) issue(["rules", i, "escalation", "to"], "deadlines.errors.escalation_needs_target");
      if (new Set(rule.remindWorkingDaysBefore).size !== rule.remindWorkingDaysBefore.length) issue(["rules", i, "remindWorkingDaysBefore"], "deadlines.errors.duplicate_reminder");
    });
  });

export type DeadlinePolicy = z.output<typeof deadlinePolicySchema>;
/** A policy as an administrator writes it (defaults not yet filled in). */
export type DeadlinePolicyInput = z.input<typeof deadlinePolicySchema>;

/** The rule of one kind in a policy version; throws RangeError when the version has no such step. */
export function findDeadlineRule(policy: DeadlinePolicy, kind: string): DeadlineRule {
  const rule = policy.rules.find((r) => r.kind === kind);
  if (!rule) throw new RangeError(`Deadline policy version ${policy.version} has no rule "${kind}"`);
  return rule;
}
