import type { AfterCommit, Tx } from "../db.js";
import type { Prisma } from "../generated/prisma/client.js";
import type { CaseEvent } from "./case-events.js";
import { computeDeadline } from "./compute-deadline.js";
import { deadlineEffectsOf } from "./deadline-effects.js";
import { deadlineSummaryOf } from "./deadline-progress.js";
import { runningSchedule, storedBasis } from "./deadline-record.js";
import { type DeadlineReference, loadDeadlineReference } from "./load-deadline-reference.js";
import { scheduleDeadlineTriggers, triggerSelect, type TriggerFields } from "./schedule-deadline-triggers.js";

/** A deadline row to store once its case exists (the complaint id is added then). */
export interface NewDeadlineRow {
  kind: string;
  policyVersion: number;
  startedAt: Date;
  basis: Prisma.InputJsonObject;
  dueAt: Date;
  remindAt: Date | null;
  nextEscalationAt: Date | null;
  nextTriggerAt: Date | null;
}

export interface NewCaseDeadlines {
  rows: NewDeadlineRow[];
  /** Complaint.nextDueAt and overdueSince with these deadlines: stored with the complaint itself. */
  summary: { nextDueAt: Date | null; overdueSince: Date | null };
}

/**
 * The deadlines an event starts on a case that has none yet (one being created), exactly as
 * applyCaseEvent would store them, and the case's deadline summary with them. Pure.
 */
export function newCaseDeadlinesOf(event: CaseEvent, at: Date, reference: DeadlineReference): NewCaseDeadlines {
  const { inForce, calendar } = reference;
  const rows: NewDeadlineRow[] = [];
  for (const kind of deadlineEffectsOf(event, inForce).start) {
    const computed = computeDeadline({ policy: inForce, kind, startedAt: at, calendar });
    if (!computed.dueAt) continue;
    rows.push({ kind, policyVersion: inForce.version, startedAt: at, basis: storedBasis(computed), ...runningSchedule({ ...computed, dueAt: computed.dueAt }, at) });
  }
  const summary = deadlineSummaryOf(rows.map((row) => ({ dueAt: row.dueAt, pausedAt: null, metAt: null, cancelledAt: null, missedAt: null })));
  return { rows, summary };
}

/**
 * For a case created in the caller's transaction: what `event` starts, computed before the case
 * is stored (one read of the reference data), so the complaint is inserted with its nextDueAt
 * and storeNewCaseDeadlines adds the rows. applyCaseEvent does the same for an existing case, at
 * the price of reading its open deadlines and rewriting its summary.
 */
export async function planNewCaseDeadlines(tx: Tx, input: { regionCode: string; event: CaseEvent; at: Date }): Promise<NewCaseDeadlines> {
  return newCaseDeadlinesOf(input.event, input.at, await loadDeadlineReference(tx, input.regionCode));
}

/**
 * Stores the planned deadlines of the new case and queues their triggers after commit. One create
 * per deadline: Prisma caches the plan of a `create`, but compiles a `createManyAndReturn` anew on
 * every call, which costs more than the statement it saves.
 */
export async function storeNewCaseDeadlines(tx: Tx, afterCommit: AfterCommit, complaintId: number, planned: NewCaseDeadlines): Promise<void> {
  if (planned.rows.length === 0) return;
  const created: TriggerFields[] = [];
  for (const row of planned.rows) created.push(await tx.deadline.create({ data: { ...row, complaintId }, select: triggerSelect }));
  afterCommit(() => scheduleDeadlineTriggers(created));
}
