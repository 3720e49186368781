import { applyTransition } from "../complaints/workflow/apply-transition.js";
import { loadCaseForAction } from "../complaints/workflow/load-case.js";
import { notifyReporters } from "../complaints/workflow/notify-reporter.js";
import type { AfterCommit, Tx } from "../db.js";

/**
 * The reporter let the 30 days to complete an incomplete report pass: the report counts as
 * withdrawn (UU 37/2008, UU 25/2009). Performed by the system, inside the caller's transaction,
 * when the completion deadline is found missed; the reporter is told. Does nothing (returns
 * false) when the case is no longer waiting on the reporter.
 */
export async function expireIncompleteComplaint(tx: Tx, afterCommit: AfterCommit, complaintId: number, now: Date): Promise<boolean> {
  const state = await tx.complaint.findUnique({ where: { id: complaintId }, select: { status: true } });
  if (state?.status !== "incomplete") return false;
  const actor = { kind: "system" } as const;
  const complaint = await loadCaseForAction(tx, { id: complaintId }, actor, "expire_incomplete");
  await applyTransition(tx, afterCommit, { complaint, action: "expire_incomplete", actor, at: now, update: { closedAt: now }, isPublic: true });
  await notifyReporters(tx, afterCommit, complaint, { key: `expired-incomplete:${complaint.id}`, messageKey: "reporter_messages.expired_incomplete" });
  return true;
}
