import { civilDateStartAt } from "../complaints/intake-rules.js";
import { addCalendarDays } from "../deadlines/civil-date.js";
import type { ChannelFact, ComplaintFact, DeadlineFact, OfficerFact, OmbudsmanRequestFact, PeriodicReportFact, ProcedureFact, RecordField } from "./facts.js";

/**
 * How the records other modules keep (complaints, their Deadline rows, coordination letters) and
 * the unit facts this module keeps become the plain facts the indicators read. Pure: rows in,
 * facts out. Civil dates ("YYYY-MM-DD") are read in the Pemda's time zone.
 */

/** One Deadline row as the deadlines module keeps it. */
export interface DeadlineRecord {
  id: number;
  kind: string;
  startedAt: Date;
  dueAt: Date;
  metAt: Date | null;
  missedAt: Date | null;
  pausedAt: Date | null;
  /** Set when the step no longer applies (withdrawn, rejected...). */
  cancelledAt?: Date | null;
}

export interface ComplaintRecord {
  id: number;
  /** ombudsman | inspektorat */
  desk: string;
  status: string;
  receivedAt: Date;
  closedAt: Date | null;
  rating: number | null;
  ratedAt: Date | null;
  category: string | null;
  subject: string;
  description: string;
  assignedOfficeId: number | null;
  outcome: string | null;
  reporter: { name: string; hasContact: boolean; confidentiality: string } | null;
  deadlines: readonly DeadlineRecord[];
}

/** Deadline kinds of the deadline policy the complaint dimension reads, and what each feeds. */
export const SCORED_DEADLINE_KINDS = {
  written_answer: "answered_within_14_days",
  decision: "decided_within_60_days",
  notify_reporter_of_decision: "outcome_notified_within_14_days",
  lhp_follow_up: "ombudsman_requests_on_time",
  recommendation_report: "ombudsman_requests_on_time",
} as const;
export type ScoredDeadlineKind = keyof typeof SCORED_DEADLINE_KINDS;

/**
 * Case states whose complaint is left out of the unit's figures: a withdrawn complaint's deadlines
 * are all cancelled (deadline policy: cancelledBy "withdrawn"), and a duplicate is the same matter
 * as a case already counted (domain brief section 4), so counting it would count one matter twice.
 */
export const UNCOUNTED_STATES: readonly string[] = ["withdrawn", "duplicate"];

/**
 * Whether the unit answers for a deadline kind on a case held by this desk. The 14-day written
 * answer is owed by whoever received the complaint (deadline policy: responsible "intake_desk");
 * on the Ombudsman's desk that is the Ombudsman itself, met by routing the case to the focal point,
 * so it says nothing about the unit and is left out. Decisions and telling the reporter are the
 * Pemda's on either desk (responsible "focal_point"). Source: UU 25/2009, deadline policy version 1.
 */
export function isUnitResponsible(kind: ScoredDeadlineKind, desk: string): boolean {
  return kind === "written_answer" ? desk === "inspektorat" : true;
}

/**
 * The deadline of one kind that counts for a case: the latest started (a restart supersedes the
 * earlier one, as the deadlines module does on re-routing or reopening), none when it was
 * cancelled. An unmet decision deadline of a rejected case counts as cancelled even on rows
 * written before cancellations were recorded (deadline policy: decision cancelledBy "rejected").
 */
export function countedDeadline(deadlines: readonly DeadlineRecord[], kind: string, status: string): DeadlineRecord | null {
  let latest: DeadlineRecord | null = null;
  for (const d of deadlines) if (d.kind === kind && (!latest || d.startedAt.getTime() >= latest.startedAt.getTime())) latest = d;
  if (!latest || latest.cancelledAt) return null;
  if (kind === "decision" && status === "rejected" && !latest.metAt) return null;
  return latest;
}

export function deadlineFactOf(d: DeadlineRecord): DeadlineFact {
  return { dueAt: d.dueAt, metAt: d.metAt, missedAt: d.missedAt, pausedAt: d.pausedAt };
}

/**
 * Which parts of the record are filled in (facts.ts RECORD_FIELDS). Reporter: a name and a way to
 * reach them, or the recorded choice to stay anonymous; handler: routed to a focal-point office,
 * or held by the Pemda's own Inspektorat; outcome: the decision's outcome.
 */
export function recordFieldsOf(c: ComplaintRecord): Record<RecordField, boolean> {
  const reporter = c.reporter;
  return {
    reporter: reporter !== null && reporter.name.trim() !== "" && (reporter.hasContact || reporter.confidentiality === "anonymous"),
    channel: true,
    category: c.category !== null && c.category !== "",
    summary: c.subject.trim() !== "" && c.description.trim() !== "",
    handler: c.assignedOfficeId !== null || c.desk === "inspektorat",
    outcome: c.outcome !== null && c.outcome !== "",
  };
}

/** A complaint as the indicators see it; null when it is left out (UNCOUNTED_STATES). */
export function complaintFactOf(c: ComplaintRecord): ComplaintFact | null {
  if (UNCOUNTED_STATES.includes(c.status)) return null;
  const deadline = (kind: ScoredDeadlineKind) => {
    if (!isUnitResponsible(kind, c.desk)) return null;
    const found = countedDeadline(c.deadlines, kind, c.status);
    return found ? deadlineFactOf(found) : null;
  };
  return {
    id: c.id,
    receivedAt: c.receivedAt,
    answerDeadline: deadline("written_answer"),
    decisionDeadline: deadline("decision"),
    outcomeNoticeDeadline: deadline("notify_reporter_of_decision"),
    closedAt: c.closedAt,
    recordFields: recordFieldsOf(c),
    rating: c.rating !== null && c.ratedAt !== null ? { value: c.rating, ratedAt: c.ratedAt } : null,
  };
}

/** Corrective actions and Recommendations kept as deadlines of a case (deadline kinds lhp_follow_up, recommendation_report). */
export function caseRequestFactsOf(c: { id: number; status: string; deadlines: readonly DeadlineRecord[] }): OmbudsmanRequestFact[] {
  if (UNCOUNTED_STATES.includes(c.status)) return [];
  const facts: OmbudsmanRequestFact[] = [];
  for (const kind of ["lhp_follow_up", "recommendation_report"] as const) {
    const d = countedDeadline(c.deadlines, kind, c.status);
    if (d) facts.push({ id: `deadline:${d.id}`, complaintId: c.id, kind: kind === "lhp_follow_up" ? "corrective_action" : "recommendation", sentAt: d.startedAt, deadline: deadlineFactOf(d) });
  }
  return facts;
}

/**
 * A coordination letter as an Ombudsman request: due `answerDays` calendar days after it was
 * sent (14, src/letters), met when answered in the system by then. Source: seed 003 (focal points
 * answer coordination letters), the letter's own due date.
 */
export function letterFactOf(letter: { id: number; complaintId: number; sentAt: Date; answeredAt: Date | null }, answerDays: number): OmbudsmanRequestFact {
  return {
    id: `letter:${letter.id}`,
    complaintId: letter.complaintId,
    kind: "coordination_letter",
    sentAt: letter.sentAt,
    deadline: { dueAt: new Date(letter.sentAt.getTime() + answerDays * 86_400_000), metAt: letter.answeredAt, missedAt: null },
  };
}

/** 00:00 of a civil date in the Pemda's time zone. */
export const dayStartAt = (date: string, timeZone: string) => civilDateStartAt(date, timeZone);
/** The last instant of a civil date in the Pemda's time zone: a step done that day is on time. */
export const dayEndAt = (date: string, timeZone: string) => new Date(civilDateStartAt(addCalendarDays(date, 1), timeZone).getTime() - 1);
const optionalStart = (date: string | null, timeZone: string) => (date ? dayStartAt(date, timeZone) : null);

export function channelFactOf(row: { id: number; isElectronic: boolean; openedDate: string; publishedDate: string | null; closedDate: string | null }, timeZone: string): ChannelFact {
  return {
    id: `channel:${row.id}`,
    isElectronic: row.isElectronic,
    openedAt: dayStartAt(row.openedDate, timeZone),
    publishedAt: optionalStart(row.publishedDate, timeZone),
    closedAt: optionalStart(row.closedDate, timeZone),
  };
}

/** An appointment runs from the first instant of `appointedFrom` through the last of `appointedUntil`. */
export function officerFactOf(row: { id: number; decreeNumber: string | null; appointedFrom: string; appointedUntil: string | null; trainedDate: string | null }, timeZone: string): OfficerFact {
  return {
    id: `officer:${row.id}`,
    decreeNumber: row.decreeNumber,
    appointedFrom: dayStartAt(row.appointedFrom, timeZone),
    appointedUntil: row.appointedUntil ? new Date(dayEndAt(row.appointedUntil, timeZone).getTime() + 1) : null,
    trainedAt: optionalStart(row.trainedDate, timeZone),
  };
}

export function procedureFactOf(row: { id: number; adoptedDate: string | null; publishedDate: string | null }, timeZone: string): ProcedureFact {
  return { id: `procedure:${row.id}`, adoptedAt: optionalStart(row.adoptedDate, timeZone), publishedAt: optionalStart(row.publishedDate, timeZone) };
}

/** A report sent on its due date is on time. */
export function periodicReportFactOf(row: { id: number; dueDate: string; sentDate: string | null }, timeZone: string): PeriodicReportFact {
  return { id: `report:${row.id}`, deadline: { dueAt: dayEndAt(row.dueDate, timeZone), metAt: optionalStart(row.sentDate, timeZone), missedAt: null } };
}

/** A corrective action or Recommendation the unit recorded; followed up on its due date is on time. */
export function correctiveActionFactOf(
  row: { id: number; kind: string; complaintId: number | null; receivedDate: string; dueDate: string; followedUpDate: string | null },
  timeZone: string,
): OmbudsmanRequestFact {
  return {
    id: `action:${row.id}`,
    complaintId: row.complaintId,
    kind: row.kind === "recommendation" ? "recommendation" : "corrective_action",
    sentAt: dayStartAt(row.receivedDate, timeZone),
    deadline: { dueAt: dayEndAt(row.dueDate, timeZone), metAt: optionalStart(row.followedUpDate, timeZone), missedAt: null },
  };
}

/** The assessment period of a year in a Pemda's time zone: 1 January 00:00 up to the next 1 January. */
export function periodOfYear(year: number, timeZone: string): { startAt: Date; endAt: Date } {
  return { startAt: dayStartAt(`${year}-01-01`, timeZone), endAt: dayStartAt(`${year + 1}-01-01`, timeZone) };
}
