import {
  type CivilDate,
  type DayNumber,
  atTimeOnDayNumber,
  dayNumberOf,
  endOfDayNumber,
  fromDayNumber,
} from "./civil-date.js";
import { type DeadlinePolicy, type DeadlineRule, type DeadlineUnit, findDeadlineRule } from "./deadline-policy.js";
import {
  type WorkingCalendar,
  addWorkingDayNumbers,
  countWorkingDayNumbers,
  uncoveredYears,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from "./working-calendar.js";

/** One stop of the clock: open while `resumedAt` is null or missing. */
export interface DeadlinePause {
  pausedAt: Date;
  resumedAt?: Date | null;
}

export interface ComputeDeadlineInput {
  /** The policy version the deadline was (or is being) created under. */
  policy: DeadlinePolicy;
  kind: string;
  /** When the starting event happened; its WITA date is day zero. */
  startedAt: Date;
  calendar: WorkingCalendar;
  pauses?: readonly DeadlinePause[];
  /**
   * The version stored with an existing deadline. When given, computing with any other policy
   * version is refused: a deadline keeps the rules it was set under, even after a policy change.
   */
  policyVersion?: number;
}

/** Why the deadline falls when it does; rendered as "14 hari kalender sejak 2026-03-02, UU 25/2009". */
export interface DeadlineBasis {
  kind: string;
  unit: DeadlineUnit;
  count: number;
  /** Day zero: the WITA date of the starting event. */
  from: CivilDate;
  /** The rule's short legal source. */
  rule: string;
  policyVersion: number;
  /** Days, in `unit`, by which pauses moved the due date (0 when never paused). */
  extendedBy: number;
}

export interface ComputedDeadline {
  kind: string;
  policyVersion: number;
  /** 23:59:59.999 WITA on the due day; null while the clock is paused. */
  dueAt: Date | null;
  /** Start of the pause that is still open, or null. */
  pausedAt: Date | null;
  /** Days (in the rule's unit) left on the clock while paused; null when running. */
  remainingWhenPaused: number | null;
  /** Reminder instants (noticeTime WITA on working days), after the clock last (re)started and before dueAt, ascending. */
  remindAt: Date[];
  /** Escalation instants while unmet: the moment it is missed, then every repeatEveryWorkingDays at noticeTime. */
  escalateAt: Date[];
  basis: DeadlineBasis;
  /** Years the count ran through without a known holiday list: recompute once they are entered. */
  uncoveredYears: number[];
}

/**
 * The due date, reminders and escalations of one deadline. Units: the rule's working days or
 * calendar days, counted on WITA civil dates; sources: the policy rule (UU 25/2009, UU 37/2008,
 * Perpres 76/2013, Peraturan Ombudsman 58/2023, SP4N-LAPOR!). Pure: values in, values out.
 *
 * Conventions:
 * - Day zero is the WITA date of the starting event, whatever its time: "14 hari sejak 2 Maret"
 *   is due at the end of 16 March. 23:59 WITA and 00:01 WITA the next day are different days
 *   (15:59Z and 16:01Z).
 * - Due at 23:59:59.999 WITA of the due day, not at the end of office hours: the laws count
 *   days, not hours; an answer sent or dated on the last day is on time; office hours differ
 *   per Pemda and in Ramadan; and a deadline must never be shorter than the law's.
 * - Working days: day zero never counts; day 1 is the first working day after it, so a start
 *   on a Saturday or a holiday counts from the next working day, and Friday and Saturday
 *   starts end on the same day. The due day is always a working day.
 * - Calendar days: every day counts and a period ending on a weekend or holiday stays there
 *   (no rule in UU 25/2009, UU 37/2008 or Perpres 76/2013 moves it), unless the rule says
 *   whenEndsOnNonWorkingDay: "next_working_day".
 * - Pauses (waiting on the reporter) stop the clock at day granularity: the day of the pause
 *   is used, the day of the resumption is a new day zero, and counting goes on with the days
 *   not yet used. A calendar-day clock thus moves by the number of WITA midnights it spent
 *   paused; a working-day clock recounts the working days left from the resumption day. A
 *   pause and resumption on the same day change nothing. Pauses before the start are clipped,
 *   overlapping ones merged, and a pause after the deadline was already missed is ignored (it
 *   cannot revive it). A pause on the due day itself leaves the rest of a day: due at the end
 *   of the resumption day (for working days, the first working day on or after it).
 * - An open pause leaves no due date (dueAt null) and reports the days left.
 */
export function computeDeadline(input: ComputeDeadlineInput): ComputedDeadline {
  const { policy, kind, startedAt, calendar } = input;
  if (input.policyVersion !== undefined && input.policyVersion !== policy.version) {
    throw new RangeError(`Deadline "${kind}" was set under policy version ${input.policyVersion}, not ${policy.version}`);
  }
  const rule = findDeadlineRule(policy, kind);
  const startDay = dayNumberOf(startedAt);
  const nominalDueDay = dueDayFrom(startDay, rule.count, rule, calendar);

  let cursor = startDay;
  let remaining = rule.count;
  let dueDay = nominalDueDay;
  let clockStartedAt = startedAt;
  for (const pause of mergedPauses(input.pauses ?? [], startedAt)) {
    if (pause.pausedAt.getTime() > endOfDayNumber(dueDay).getTime()) break;
    const pauseDay = dayNumberOf(pause.pausedAt);
    const used = rule.unit === "calendar_days" ? pauseDay - cursor : countWorkingDayNumbers(cursor, pauseDay, calendar);
    remaining = Math.max(0, remaining - used);
    const basis = basisOf(rule, policy, startDay, extensionOf(rule, nominalDueDay, dueDay, calendar));
    if (!pause.resumedAt) {
      return {
        kind,
        policyVersion: policy.version,
        dueAt: null,
        pausedAt: pause.pausedAt,
        remainingWhenPaused: remaining,
        remindAt: [],
        escalateAt: [],
        basis,
        uncoveredYears: uncoveredYears(startDay, Math.max(pauseDay, startDay), calendar),
      };
    }
    cursor = dayNumberOf(pause.resumedAt);
    clockStartedAt = pause.resumedAt;
    dueDay = dueDayFrom(cursor, remaining, rule, calendar);
  }

  const dueAt = endOfDayNumber(dueDay);
  return {
    kind,
    policyVersion: policy.version,
    dueAt,
    pausedAt: null,
    remainingWhenPaused: null,
    remindAt: reminderInstants(rule, policy, dueDay, clockStartedAt, calendar),
    escalateAt: escalationInstants(rule, policy, dueDay, calendar),
    basis: basisOf(rule, policy, startDay, extensionOf(rule, nominalDueDay, dueDay, calendar)),
    uncoveredYears: uncoveredYears(startDay, dueDay, calendar),
  };
}

/**
 * The reminder instants of a stored deadline due at `dueAt` whose clock last (re)started at
 * `clockStartedAt`: what computeDeadline gave when the due time was set, for working through the
 * reminders one by one. Unit: instants at the policy's noticeTime WITA on working days.
 */
export function reminderInstantsOf(input: { policy: DeadlinePolicy; kind: string; dueAt: Date; clockStartedAt: Date; calendar: WorkingCalendar }): Date[] {
  return reminderInstants(findDeadlineRule(input.policy, input.kind), input.policy, dayNumberOf(input.dueAt), input.clockStartedAt, input.calendar);
}

/**
 * The escalation instants of a stored deadline due at `dueAt`: the missed instant, then every
 * repeatEveryWorkingDays working days at noticeTime WITA, maxEscalations in all (the policy rule).
 */
export function escalationInstantsOf(input: { policy: DeadlinePolicy; kind: string; dueAt: Date; calendar: WorkingCalendar }): Date[] {
  return escalationInstants(findDeadlineRule(input.policy, input.kind), input.policy, dayNumberOf(input.dueAt), input.calendar);
}

/** The first instant at which a deadline due at `dueAt` counts as missed (00:00 WITA the next day). */
export function missedAtFor(dueAt: Date): Date {
  return new Date(dueAt.getTime() + 1);
}

function dueDayFrom(dayZero: DayNumber, remaining: number, rule: DeadlineRule, calendar: WorkingCalendar): DayNumber {
  if (rule.unit === "working_days") {
    return remaining > 0 ? addWorkingDayNumbers(dayZero, remaining, calendar) : workingDayOnOrAfter(dayZero, calendar);
  }
  const day = dayZero + remaining;
  return rule.whenEndsOnNonWorkingDay === "next_working_day" ? workingDayOnOrAfter(day, calendar) : day;
}

function extensionOf(rule: DeadlineRule, nominalDueDay: DayNumber, dueDay: DayNumber, calendar: WorkingCalendar): number {
  return rule.unit === "calendar_days" ? dueDay - nominalDueDay : countWorkingDayNumbers(nominalDueDay, dueDay, calendar);
}

function basisOf(rule: DeadlineRule, policy: DeadlinePolicy, startDay: DayNumber, extendedBy: number): DeadlineBasis {
  return {
    kind: rule.kind,
    unit: rule.unit,
    count: rule.count,
    from: fromDayNumber(startDay),
    rule: rule.source,
    policyVersion: policy.version,
    extendedBy,
  };
}

function reminderInstants(rule: DeadlineRule, policy: DeadlinePolicy, dueDay: DayNumber, clockStartedAt: Date, calendar: WorkingCalendar): Date[] {
  const after = clockStartedAt.getTime();
  const before = endOfDayNumber(dueDay).getTime();
  const instants = new Set<number>();
  for (const workingDaysBefore of rule.remindWorkingDaysBefore) {
    // A reminder is for office hours: "0 days before" a Sunday due day is the Friday before it.
    const day = workingDaysBefore === 0 ? workingDayOnOrBefore(dueDay, calendar) : addWorkingDayNumbers(dueDay, -workingDaysBefore, calendar);
    const at = atTimeOnDayNumber(day, policy.noticeTime).getTime();
    if (at > after && at < before) instants.add(at);
  }
  return [...instants].sort((a, b) => a - b).map((ms) => new Date(ms));
}

function escalationInstants(rule: DeadlineRule, policy: DeadlinePolicy, dueDay: DayNumber, calendar: WorkingCalendar): Date[] {
  const { maxEscalations, repeatEveryWorkingDays } = rule.escalation;
  const instants: Date[] = [];
  if (maxEscalations > 0) instants.push(missedAtFor(endOfDayNumber(dueDay)));
  for (let repeat = 1; repeat < maxEscalations; repeat += 1) {
    instants.push(atTimeOnDayNumber(addWorkingDayNumbers(dueDay, repeat * repeatEveryWorkingDays, calendar), policy.noticeTime));
  }
  return instants;
}

/** Sorted, clipped to the start, overlaps merged; an open pause swallows everything after it. */
function mergedPauses(pauses: readonly DeadlinePause[], startedAt: Date): DeadlinePause[] {
  const start = startedAt.getTime();
  const intervals = pauses
    .map((pause) => {
      const from = pause.pausedAt.getTime();
      const to = pause.resumedAt ? pause.resumedAt.getTime() : Infinity;
      if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError("Invalid Date in pauses");
      if (to < from) throw new RangeError(`A pause cannot resume (${pause.resumedAt?.toISOString()}) before it began (${pause.pausedAt.toISOString()})`);
      return { from: Math.max(from, start), to };
    })
    .filter((interval) => interval.to > start)
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && interval.from <= last.to) last.to = Math.max(last.to, interval.to);
    else merged.push({ ...interval });
  }
  return merged.map((m) => ({ pausedAt: new Date(m.from), resumedAt: m.to === Infinity ? null : new Date(m.to) }));
}
