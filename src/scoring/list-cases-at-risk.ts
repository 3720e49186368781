import { OPEN_STATES } from "../complaints/states.js";
import { db } from "../db.js";
import { countedDeadline, isUnitResponsible, periodOfYear, SCORED_DEADLINE_KINDS, type ScoredDeadlineKind } from "./facts-from-records.js";

const CASE_DEADLINE_KINDS = ["written_answer", "decision", "notify_reporter_of_decision"] as const satisfies readonly ScoredDeadlineKind[];

/** How far ahead a running deadline counts as near (days). */
export const AT_RISK_HORIZON_DAYS = 7;

/**
 * Open cases of a Pemda's assessed units, received in the year, whose deadline counted by the
 * complaint dimension is overdue or falls due within `horizonDays`: each one missed is a case
 * counted against its unit's on-time rate. Paused deadlines (waiting on the reporter), superseded
 * ones and steps the unit does not answer for are left out. Read live, soonest first, through
 * Complaint.nextDueAt (the earliest due time of a case's open deadlines, kept by the deadlines
 * module and indexed per Pemda), so the cost follows the Pemda's open cases of the year, not all
 * deadlines ever stored. No reporter data: tracking number, unit, step and due time only.
 */
export async function listCasesAtRisk(input: { regionId: number; year: number; now?: Date; horizonDays?: number; limit?: number }) {
  const now = input.now ?? new Date();
  const limit = input.limit ?? 100;
  const region = await db.region.findUniqueOrThrow({ where: { id: input.regionId }, select: { timeZone: true } });
  const period = periodOfYear(input.year, region.timeZone);
  const horizon = new Date(now.getTime() + (input.horizonDays ?? AT_RISK_HORIZON_DAYS) * 86_400_000);
  const complaints = await db.complaint.findMany({
    where: {
      regionId: input.regionId,
      // Deadlines of cases received in the period fall due after it starts.
      nextDueAt: { gte: period.startAt, lte: horizon },
      receivedAt: { gte: period.startAt, lt: period.endAt },
      status: { in: [...OPEN_STATES] },
      unit: { isAssessed: true, isActive: true },
    },
    orderBy: { nextDueAt: "asc" },
    take: limit * 3,
    select: {
      trackingNumber: true,
      desk: true,
      status: true,
      unit: { select: { id: true, name: true } },
      deadlines: {
        where: { kind: { in: [...CASE_DEADLINE_KINDS] } },
        select: { id: true, kind: true, startedAt: true, dueAt: true, metAt: true, missedAt: true, pausedAt: true, cancelledAt: true },
      },
    },
  });
  const atRisk = complaints.flatMap((c) =>
    CASE_DEADLINE_KINDS.flatMap((kind) => {
      if (!isUnitResponsible(kind, c.desk)) return [];
      const d = countedDeadline(c.deadlines, kind, c.status);
      if (!d || d.metAt || d.dueAt.getTime() > horizon.getTime()) return [];
      if (d.pausedAt && d.pausedAt.getTime() <= d.dueAt.getTime()) return [];
      return [
        {
          trackingNumber: c.trackingNumber,
          unitId: c.unit?.id ?? null,
          unitName: c.unit?.name ?? "",
          deadlineKind: kind,
          indicatorKey: SCORED_DEADLINE_KINDS[kind],
          dueAt: d.dueAt,
          isOverdue: d.dueAt.getTime() < now.getTime(),
          daysLeft: Math.ceil((d.dueAt.getTime() - now.getTime()) / 86_400_000),
        },
      ];
    }),
  );
  return atRisk.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).slice(0, limit);
}
