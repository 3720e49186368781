import { canViewComplaint } from "../complaints/policy.js";
import { normalizeTrackingNumber } from "../complaints/tracking-number.js";
import { capacitiesFor, caseSelect, type LoadedCase } from "../complaints/workflow/load-case.js";
import type { CaseActor } from "../complaints/workflow/case-actor.js";
import type { Tx } from "../db.js";
import { DomainError, notFound, ValidationError } from "../http/errors.js";

/** The duplicate decisions staff take besides link_duplicate (a workflow action of its own). */
export const DUPLICATE_DECISION_ACTIONS = ["link_related", "keep_separate", "reverse_duplicate_decision"] as const;
export type DuplicateDecisionAction = (typeof DUPLICATE_DECISION_ACTIONS)[number];

/**
 * The complaint a decision is about and whoever may take it: someone acting on the case (the
 * Ombudsman, or its handling focal point), as for any workflow action. Another Pemda's case is
 * "not found".
 */
export async function loadDecidingCase(tx: Tx, ref: string | { id: number }, actor: CaseActor): Promise<LoadedCase> {
  const trackingNumber = typeof ref === "string" ? normalizeTrackingNumber(ref) : null;
  const where = typeof ref === "string" ? (trackingNumber ? { trackingNumber } : null) : ref;
  const complaint = where ? await tx.complaint.findUnique({ where, select: caseSelect }) : null;
  if (!complaint || actor.kind !== "user" || !canViewComplaint(actor.user, complaint)) throw notFound("errors.complaint_not_found");
  if (capacitiesFor(actor, complaint).length === 0) throw new DomainError("forbidden", "duplicates.errors.not_your_case");
  return complaint;
}

/**
 * The other complaint of a decision, by tracking number: one this person may see, of the same
 * Pemda (the check never pairs two Pemda's complaints), and not the complaint itself.
 */
export async function loadOtherComplaint(tx: Tx, complaint: LoadedCase, candidateRef: string, actor: CaseActor) {
  const trackingNumber = normalizeTrackingNumber(candidateRef);
  const other = trackingNumber
    ? await tx.complaint.findUnique({
        where: { trackingNumber },
        select: { id: true, trackingNumber: true, regionId: true, desk: true, status: true, duplicateOfId: true, region: { select: { name: true } }, assignedOffice: { select: { name: true } } },
      })
    : null;
  if (!other || (actor.kind === "user" && !canViewComplaint(actor.user, other))) throw new ValidationError([{ path: "candidate", messageKey: "duplicates.errors.candidate_not_found" }]);
  if (other.id === complaint.id) throw new DomainError("conflict", "duplicates.errors.same_complaint");
  if (other.regionId !== complaint.regionId) throw new DomainError("conflict", "duplicates.errors.other_region");
  return other;
}
