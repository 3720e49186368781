import { db } from "../db.js";
import type { DeadlineBasis } from "./compute-deadline.js";
import { deadlineStatus, type DeadlineState } from "./deadline-status.js";
import { loadDeadlinePolicyVersion } from "./load-deadline-policy.js";

/** One deadline of a case as pages and the API show it. */
export interface CaseDeadline {
  id: number;
  kind: string;
  state: DeadlineState;
  isLate: boolean;
  startedAt: Date;
  /** Null while paused (the clock is stopped; the days left count again on resumption). */
  dueAt: Date | null;
  basis: Pick<DeadlineBasis, "unit" | "count" | "from" | "rule" | "extendedBy">;
  /** Years the count ran through before their holiday list was confirmed. */
  uncoveredYears: number[];
  policyVersion: number;
  metAt: Date | null;
  missedAt: Date | null;
  pausedAt: Date | null;
  cancelledAt: Date | null;
  escalations: number;
}

/**
 * The deadlines of a case, oldest first. Staff see every one, superseded and cancelled ones
 * included (the history of the case). The citizen sees only the steps their policy version marks
 * as shown to the reporter (the answer, completion, decision and notification the law owes them
 * or asks of them), never a superseded or cancelled one unless it was missed first.
 */
export async function listCaseDeadlines(complaintId: number, options: { audience: "staff" | "reporter"; now?: Date }): Promise<CaseDeadline[]> {
  const now = options.now ?? new Date();
  const rows = await db.deadline.findMany({ where: { complaintId }, orderBy: [{ startedAt: "asc" }, { id: "asc" }] });
  const deadlines: CaseDeadline[] = [];
  for (const row of rows) {
    const status = deadlineStatus({ dueAt: row.dueAt, pausedAt: row.pausedAt, metAt: row.metAt, cancelledAt: row.cancelledAt, now });
    if (options.audience === "reporter") {
      const policy = await loadDeadlinePolicyVersion(db, row.policyVersion);
      if (!policy.rules.find((rule) => rule.kind === row.kind)?.isShownToReporter || status.state === "cancelled") continue;
    }
    const basis = row.basis as unknown as DeadlineBasis & { uncoveredYears?: number[] };
    deadlines.push({
      id: row.id,
      kind: row.kind,
      state: status.state,
      isLate: status.isLate,
      startedAt: row.startedAt,
      dueAt: status.state === "paused" ? null : row.dueAt,
      basis: { unit: basis.unit, count: basis.count, from: basis.from, rule: basis.rule, extendedBy: basis.extendedBy ?? 0 },
      uncoveredYears: basis.uncoveredYears ?? [],
      policyVersion: row.policyVersion,
      metAt: row.metAt,
      missedAt: row.missedAt,
      pausedAt: row.pausedAt,
      cancelledAt: row.cancelledAt,
      escalations: row.escalations,
    });
  }
  return deadlines;
}

/** A case's deadline in the staff JSON of GET /api/v1/complaints/{trackingNumber}. */
export function deadlineJson(deadline: CaseDeadline) {
  const iso = (at: Date | null) => (at ? at.toISOString() : null);
  return {
    kind: deadline.kind,
    state: deadline.state,
    dueAt: iso(deadline.dueAt),
    basis: { unit: deadline.basis.unit, count: deadline.basis.count, from: deadline.basis.from, rule: deadline.basis.rule },
    policyVersion: deadline.policyVersion,
    metAt: iso(deadline.metAt),
    missedAt: iso(deadline.missedAt),
    pausedAt: iso(deadline.pausedAt),
    cancelledAt: iso(deadline.cancelledAt),
  };
}
