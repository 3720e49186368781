import { db } from "../db.js";
import { LETTER_ANSWER_DAYS } from "../letters/send-coordination-letter.js";
import type { ComplaintManagementFacts, OmbudsmanRequestFact } from "./facts.js";
import {
  caseRequestFactsOf,
  channelFactOf,
  complaintFactOf,
  correctiveActionFactOf,
  letterFactOf,
  officerFactOf,
  periodicReportFactOf,
  procedureFactOf,
  UNCOUNTED_STATES,
  type ComplaintRecord,
} from "./facts-from-records.js";

const COMPLAINT_DEADLINE_KINDS = ["written_answer", "decision", "notify_reporter_of_decision"];
const REQUEST_DEADLINE_KINDS = ["lhp_follow_up", "recommendation_report"];
const DEADLINE_SELECT = { id: true, complaintId: true, kind: true, startedAt: true, dueAt: true, metAt: true, missedAt: true, pausedAt: true, cancelledAt: true } as const;

export interface UnitFacts {
  facts: ComplaintManagementFacts;
  /** Complaints of the period that count (received in it, not withdrawn, not duplicates). */
  complaintCount: number;
}

/**
 * Loads what the complaint-management indicators of a Pemda's units need for one period:
 * complaints received in it with their deadlines and record fields, coordination letters and
 * corrective actions sent in it, and every channel, officer, procedure and periodic report of the
 * units. Queries go unit by unit so that no single query holds the (shared, serialised) SQLite
 * connection for long while people use the site. A fact list a unit never recorded is left out
 * (the indicator then says "not recorded"); letters are the system's own, so none sent is [].
 */
export async function loadRegionFacts(unitIds: readonly number[], period: { startAt: Date; endAt: Date }, timeZone: string): Promise<Map<number, UnitFacts>> {
  const received = { gte: period.startAt, lt: period.endAt };
  const [channels, officers, procedures, reports, actions] = await Promise.all([
    db.complaintChannel.findMany({ where: { unitId: { in: [...unitIds] } }, orderBy: { id: "asc" } }),
    db.complaintOfficer.findMany({ where: { unitId: { in: [...unitIds] } }, orderBy: { id: "asc" } }),
    db.complaintProcedure.findMany({ where: { unitId: { in: [...unitIds] } }, orderBy: { id: "asc" } }),
    db.periodicReport.findMany({ where: { unitId: { in: [...unitIds] } }, orderBy: { id: "asc" } }),
    db.correctiveAction.findMany({ where: { unitId: { in: [...unitIds] } }, orderBy: { id: "asc" } }),
  ]);
  const byUnit = <T extends { unitId: number }>(rows: T[], unitId: number) => rows.filter((r) => r.unitId === unitId);
  const unlessEmpty = <T>(list: T[]) => (list.length === 0 ? undefined : list);

  const result = new Map<number, UnitFacts>();
  for (const unitId of unitIds) {
    const counted = { unitId, receivedAt: received, status: { notIn: [...UNCOUNTED_STATES] } };
    const rows = await db.complaint.findMany({
      where: counted,
      orderBy: { id: "asc" },
      select: {
        id: true, desk: true, status: true, receivedAt: true, closedAt: true, rating: true, ratedAt: true, category: true, subject: true, description: true, assignedOfficeId: true, outcome: true,
        reporter: { select: { name: true, phone: true, email: true, address: true, confidentiality: true } },
      },
    });
    const deadlines = await db.deadline.findMany({ where: { kind: { in: COMPLAINT_DEADLINE_KINDS }, complaint: counted }, select: DEADLINE_SELECT });
    const deadlinesOf = groupBy(deadlines, (d) => d.complaintId);
    const complaints = rows
      .map((row): ComplaintRecord => ({
        ...row,
        reporter: row.reporter
          ? { name: row.reporter.name, confidentiality: row.reporter.confidentiality, hasContact: Boolean(row.reporter.phone || row.reporter.email || row.reporter.address) }
          : null,
        deadlines: deadlinesOf.get(row.id) ?? [],
      }))
      .map(complaintFactOf)
      .filter((c) => c !== null);

    // Requests count in the period they were sent, whenever the case was received.
    const [letters, requestDeadlines] = await Promise.all([
      db.coordinationLetter.findMany({ where: { sentAt: received, complaint: { unitId } }, select: { id: true, complaintId: true, sentAt: true, answeredAt: true }, orderBy: { id: "asc" } }),
      db.deadline.findMany({ where: { kind: { in: REQUEST_DEADLINE_KINDS }, startedAt: received, complaint: { unitId } }, select: { ...DEADLINE_SELECT, complaint: { select: { status: true } } } }),
    ]);
    const requests: OmbudsmanRequestFact[] = [
      ...letters.map((l) => letterFactOf(l, LETTER_ANSWER_DAYS)),
      ...[...groupBy(requestDeadlines, (d) => d.complaintId)].flatMap(([complaintId, list]) => caseRequestFactsOf({ id: complaintId, status: list[0]!.complaint.status, deadlines: list })),
      ...byUnit(actions, unitId).map((a) => correctiveActionFactOf(a, timeZone)),
    ];

    result.set(unitId, {
      complaintCount: complaints.length,
      facts: {
        complaints,
        ombudsmanRequests: requests,
        channels: unlessEmpty(byUnit(channels, unitId).map((c) => channelFactOf(c, timeZone))),
        officers: unlessEmpty(byUnit(officers, unitId).map((o) => officerFactOf(o, timeZone))),
        procedures: unlessEmpty(byUnit(procedures, unitId).map((p) => procedureFactOf(p, timeZone))),
        periodicReports: unlessEmpty(byUnit(reports, unitId).map((r) => periodicReportFactOf(r, timeZone))),
      },
    });
  }
  return result;
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

