import { z } from "zod";
import { deadlineStatusAt } from "./deadline-status.js";
import {
  RECORD_FIELDS,
  type ComplaintFact,
  type ComplaintManagementFacts,
  type DeadlineFact,
  type OfficerFact,
  type RecordId,
  type ScoringWindow,
} from "./facts.js";

/**
 * The indicators of the complaint-management dimension, each derived from recorded facts. The
 * Ombudsman's own indicator list is not public (domain brief section 6), so these are our reading
 * of the duties in UU 25/2009, Perpres 76/2013 and UU 37/2008; which of them a year uses, their
 * 0-3 thresholds and parameters live in the methodology data, the formulas live here.
 *
 * Two kinds of value: a `level` (0..3, a fact about the unit, scored as is) and a `rate` (0..1, a
 * share of records, scored by thresholds and only when there are enough records).
 */
export const INDICATOR_KEYS = [
  "channel_published",
  "officer_appointed",
  "procedure_published",
  "answered_within_14_days",
  "decided_within_60_days",
  "outcome_notified_within_14_days",
  "ombudsman_requests_on_time",
  "records_complete",
  "periodic_reports_on_time",
  "complainant_satisfaction",
  "officers_trained",
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export type ValueKind = "level" | "rate";
export type RecordKind = "complaint" | "channel" | "officer" | "procedure" | "ombudsman_request" | "periodic_report";

/**
 * The records behind a figure, so the dashboard can list them. For a rate: value =
 * numeratorIds.length / denominatorIds.length, and pendingIds are records whose deadline has not
 * come yet (left out of the rate; they cost points if missed). For a level: denominatorIds are the
 * records looked at, numeratorIds those that count towards the level (e.g. published channels).
 */
export interface IndicatorBasis {
  recordKind: RecordKind;
  numeratorIds: RecordId[];
  denominatorIds: RecordId[];
  pendingIds: RecordId[];
}

export interface Measurement {
  /** False when the facts it needs were never recorded for the unit. */
  isRecorded: boolean;
  /** 0..3 for a level, 0..1 for a rate, null when there is nothing to divide by. */
  value: number | null;
  basis: IndicatorBasis;
}

export interface IndicatorDefinition {
  valueKind: ValueKind;
  recordKind: RecordKind;
  /** zod schema of the indicator's `params` in the methodology data (with defaults). */
  params: z.ZodType;
  measure(facts: ComplaintManagementFacts, window: ScoringWindow, params: unknown): Measurement;
}

const noParams = z.strictObject({}).default({});

function define<P>(definition: {
  valueKind: ValueKind;
  recordKind: RecordKind;
  params: z.ZodType<P>;
  measure(facts: ComplaintManagementFacts, window: ScoringWindow, params: P): Measurement;
}): IndicatorDefinition {
  return { ...definition, measure: (facts, window, params) => definition.measure(facts, window, definition.params.parse(params)) };
}

const DAY_MS = 86_400_000;
const at = (date: Date) => date.getTime();
const notAfter = (date: Date | null, asOf: Date): date is Date => date !== null && at(date) <= at(asOf);

/** A complaint counts for the period when it was received in [startAt, endAt) and by asOf. */
function complaintsInPeriod(facts: ComplaintManagementFacts, window: ScoringWindow): ComplaintFact[] {
  return facts.complaints.filter((c) => isInPeriod(c.receivedAt, window));
}

function isInPeriod(date: Date, { period, asOf }: ScoringWindow): boolean {
  return at(date) >= at(period.startAt) && at(date) < at(period.endAt) && at(date) <= at(asOf);
}

function isInForce(officer: OfficerFact, instant: Date): boolean {
  return at(officer.appointedFrom) <= at(instant) && (officer.appointedUntil === null || at(officer.appointedUntil) > at(instant));
}

const hasDecree = (officer: OfficerFact) => (officer.decreeNumber ?? "").trim() !== "";

function rate(numeratorIds: RecordId[], denominatorIds: RecordId[]): number | null {
  return denominatorIds.length === 0 ? null : numeratorIds.length / denominatorIds.length;
}

/** Share of deadlines met among those met or missed; running ones are listed as pending. */
function onTimeRate(items: { id: RecordId; deadline: DeadlineFact | null }[], recordKind: RecordKind, asOf: Date): Measurement {
  const basis: IndicatorBasis = { recordKind, numeratorIds: [], denominatorIds: [], pendingIds: [] };
  for (const { id, deadline } of items) {
    if (!deadline) continue;
    const status = deadlineStatusAt(deadline, asOf);
    if (status === "pending") {
      basis.pendingIds.push(id);
      continue;
    }
    basis.denominatorIds.push(id);
    if (status === "met") basis.numeratorIds.push(id);
  }
  return { isRecorded: true, value: rate(basis.numeratorIds, basis.denominatorIds), basis };
}

const notRecorded = (recordKind: RecordKind): Measurement => ({
  isRecorded: false,
  value: null,
  basis: { recordKind, numeratorIds: [], denominatorIds: [], pendingIds: [] },
});

const ids = <T extends { id: RecordId }>(records: readonly T[]) => records.map((r) => r.id);

/**
 * Whether decree-backed appointments cover every instant of [from, until) without a gap.
 * A period that has not started yet (until <= from) is trivially covered.
 */
function isCovered(officers: readonly OfficerFact[], from: Date, until: Date): boolean {
  const intervals = officers
    .map((o) => ({ from: at(o.appointedFrom), until: o.appointedUntil === null ? Infinity : at(o.appointedUntil) }))
    .sort((a, b) => a.from - b.from);
  let coveredUntil = at(from);
  for (const interval of intervals) {
    if (coveredUntil >= at(until)) break;
    if (interval.from > coveredUntil) return false;
    coveredUntil = Math.max(coveredUntil, interval.until);
  }
  return coveredUntil >= at(until);
}

export const INDICATORS: Record<IndicatorKey, IndicatorDefinition> = {
  /**
   * Level 0..3 at asOf: 0 no open channel; 1 channels open but none published; 2 at least one
   * published; 3 at least two published, one of them electronic. Source: UU 25/2009 Ps. 36 (a unit
   * provides complaint facilities), Perpres 76/2013, seed 004 recommendations 1 and 4.
   */
  channel_published: define({
    valueKind: "level",
    recordKind: "channel",
    params: noParams,
    measure(facts, { asOf }) {
      if (!facts.channels) return notRecorded("channel");
      const open = facts.channels.filter((c) => at(c.openedAt) <= at(asOf) && (c.closedAt === null || at(c.closedAt) > at(asOf)));
      const published = open.filter((c) => notAfter(c.publishedAt, asOf));
      const level = open.length === 0 ? 0 : published.length === 0 ? 1 : published.length >= 2 && published.some((c) => c.isElectronic) ? 3 : 2;
      return { isRecorded: true, value: level, basis: { recordKind: "channel", numeratorIds: ids(published), denominatorIds: ids(open), pendingIds: [] } };
    },
  }),

  /**
   * Level 0..3: 0 nobody appointed at asOf; 1 appointed without a decree (SK); 2 appointed by
   * decree at asOf; 3 decree-backed appointments cover the whole period up to asOf without a gap.
   * Source: Perpres 76/2013 (a complaint officer is appointed), seed 003 (focal points), seed 004
   * recommendation 4.
   */
  officer_appointed: define({
    valueKind: "level",
    recordKind: "officer",
    params: noParams,
    measure(facts, { period, asOf }) {
      if (!facts.officers) return notRecorded("officer");
      const until = at(asOf) < at(period.endAt) ? asOf : period.endAt;
      const overlapping = facts.officers.filter(
        (o) => at(o.appointedFrom) <= at(until) && (o.appointedUntil === null || at(o.appointedUntil) > at(period.startAt)),
      );
      const current = facts.officers.filter((o) => isInForce(o, asOf));
      const withDecree = facts.officers.filter(hasDecree);
      const level =
        current.length === 0 ? 0 : !current.some(hasDecree) ? 1 : isCovered(withDecree, period.startAt, until) ? 3 : 2;
      return {
        isRecorded: true,
        value: level,
        basis: { recordKind: "officer", numeratorIds: ids(overlapping.filter(hasDecree)), denominatorIds: ids(overlapping), pendingIds: [] },
      };
    },
  }),

  /**
   * Level 0..3 (the best procedure counts): 0 none; 1 drafted only (or published without being
   * adopted); 2 adopted; 3 adopted and published. Source: UU 25/2009 Ps. 21 (complaint handling
   * is part of the service standard), Permenpan-RB 15/2014, seed 004 recommendation 4.
   */
  procedure_published: define({
    valueKind: "level",
    recordKind: "procedure",
    params: noParams,
    measure(facts, { asOf }) {
      if (!facts.procedures) return notRecorded("procedure");
      const levelOf = (p: { adoptedAt: Date | null; publishedAt: Date | null }) =>
        notAfter(p.adoptedAt, asOf) ? (notAfter(p.publishedAt, asOf) ? 3 : 2) : 1;
      const complete = facts.procedures.filter((p) => levelOf(p) === 3);
      const level = Math.max(0, ...facts.procedures.map(levelOf));
      return { isRecorded: true, value: level, basis: { recordKind: "procedure", numeratorIds: ids(complete), denominatorIds: ids(facts.procedures), pendingIds: [] } };
    },
  }),

  /** Rate: complaints of the period whose 14-day written answer was on time. Source: UU 25/2009. */
  answered_within_14_days: define({
    valueKind: "rate",
    recordKind: "complaint",
    params: noParams,
    measure: (facts, window) =>
      onTimeRate(complaintsInPeriod(facts, window).map((c) => ({ id: c.id, deadline: c.answerDeadline })), "complaint", window.asOf),
  }),

  /** Rate: complaints decided within 60 days of the file being complete. Source: UU 25/2009 Ps. 50, Perpres 76/2013. */
  decided_within_60_days: define({
    valueKind: "rate",
    recordKind: "complaint",
    params: noParams,
    measure: (facts, window) =>
      onTimeRate(complaintsInPeriod(facts, window).map((c) => ({ id: c.id, deadline: c.decisionDeadline })), "complaint", window.asOf),
  }),

  /** Rate: decided complaints whose reporter was told the outcome within 14 days. Source: UU 25/2009. */
  outcome_notified_within_14_days: define({
    valueKind: "rate",
    recordKind: "complaint",
    params: noParams,
    measure: (facts, window) =>
      onTimeRate(complaintsInPeriod(facts, window).map((c) => ({ id: c.id, deadline: c.outcomeNoticeDeadline })), "complaint", window.asOf),
  }),

  /**
   * Rate: coordination letters, corrective actions and Recommendations sent in the period and
   * answered by their deadline. Source: UU 37/2008 Ps. 38(2), Peraturan Ombudsman 58/2023 Ps. 54,
   * seed 003; since 2023 ignored corrective actions can lower the score.
   */
  ombudsman_requests_on_time: define({
    valueKind: "rate",
    recordKind: "ombudsman_request",
    params: noParams,
    measure(facts, window) {
      if (!facts.ombudsmanRequests) return notRecorded("ombudsman_request");
      return onTimeRate(facts.ombudsmanRequests.filter((r) => isInPeriod(r.sentAt, window)), "ombudsman_request", window.asOf);
    },
  }),

  /**
   * Rate: complaints of the period whose record has every required field, plus the fields
   * required once closed when closed by asOf. Source: Perpres 76/2013 (complaints are recorded).
   */
  records_complete: define({
    valueKind: "rate",
    recordKind: "complaint",
    params: z
      .strictObject({
        requiredFields: z.array(z.enum(RECORD_FIELDS)).min(1).default(["reporter", "channel", "category", "summary", "handler"]),
        requiredWhenClosed: z.array(z.enum(RECORD_FIELDS)).default(["outcome"]),
      })
      .default({ requiredFields: ["reporter", "channel", "category", "summary", "handler"], requiredWhenClosed: ["outcome"] }),
    measure(facts, window, params) {
      const complaints = complaintsInPeriod(facts, window);
      const isComplete = (c: ComplaintFact) =>
        params.requiredFields.every((f) => c.recordFields[f] === true) &&
        (!notAfter(c.closedAt, window.asOf) || params.requiredWhenClosed.every((f) => c.recordFields[f] === true));
      const complete = complaints.filter(isComplete);
      return { isRecorded: true, value: rate(ids(complete), ids(complaints)), basis: { recordKind: "complaint", numeratorIds: ids(complete), denominatorIds: ids(complaints), pendingIds: [] } };
    },
  }),

  /** Rate: periodic reports to the superior due in the period and sent on time. Source: Perpres 76/2013. */
  periodic_reports_on_time: define({
    valueKind: "rate",
    recordKind: "periodic_report",
    params: noParams,
    measure(facts, { period, asOf }) {
      if (!facts.periodicReports) return notRecorded("periodic_report");
      const due = facts.periodicReports.filter((r) => at(r.deadline.dueAt) >= at(period.startAt) && at(r.deadline.dueAt) < at(period.endAt));
      return onTimeRate(due, "periodic_report", asOf);
    },
  }),

  /**
   * Rate: rated complaints of the period whose reporter rated the handling at least
   * `satisfiedFromRating` (1-5). Source: UU 25/2009 Ps. 38 (community satisfaction), seed 004
   * recommendation 5.
   */
  complainant_satisfaction: define({
    valueKind: "rate",
    recordKind: "complaint",
    params: z.strictObject({ satisfiedFromRating: z.int().min(1).max(5).default(4) }).default({ satisfiedFromRating: 4 }),
    measure(facts, window, params) {
      const rated = complaintsInPeriod(facts, window).filter((c) => c.rating !== null && notAfter(c.rating.ratedAt, window.asOf));
      const satisfied = rated.filter((c) => (c.rating?.value ?? 0) >= params.satisfiedFromRating);
      return { isRecorded: true, value: rate(ids(satisfied), ids(rated)), basis: { recordKind: "complaint", numeratorIds: ids(satisfied), denominatorIds: ids(rated), pendingIds: [] } };
    },
  }),

  /**
   * Rate: officers in force at asOf trained in complaint handling within `trainingValidDays`
   * before asOf. Source: seed 004 recommendation 6 (staff capacity), Perpres 76/2013.
   */
  officers_trained: define({
    valueKind: "rate",
    recordKind: "officer",
    params: z.strictObject({ trainingValidDays: z.int().min(1).default(730) }).default({ trainingValidDays: 730 }),
    measure(facts, { asOf }, params) {
      if (!facts.officers) return notRecorded("officer");
      const current = facts.officers.filter((o) => isInForce(o, asOf));
      const trained = current.filter((o) => notAfter(o.trainedAt, asOf) && at(asOf) - at(o.trainedAt) < params.trainingValidDays * DAY_MS);
      return { isRecorded: true, value: rate(ids(trained), ids(current)), basis: { recordKind: "officer", numeratorIds: ids(trained), denominatorIds: ids(current), pendingIds: [] } };
    },
  }),
};

export function isIndicatorKey(value: string): value is IndicatorKey {
  return (INDICATOR_KEYS as readonly string[]).includes(value);
}
