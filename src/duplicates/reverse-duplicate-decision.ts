import { recordAuditEvent } from "../audit/record-audit-event.js";
import { applyTransition } from "../complaints/workflow/apply-transition.js";
import { auditActor, type CaseActor } from "../complaints/workflow/case-actor.js";
import { loadCaseForAction } from "../complaints/workflow/load-case.js";
import { notifyReporters } from "../complaints/workflow/notify-reporter.js";
import { transaction } from "../db.js";
import { DomainError, notFound, ValidationError } from "../http/errors.js";
import { loadDecidingCase } from "./decision-parties.js";

/**
 * Reverses a duplicate decision, for a recorded reason; the decision stays, marked reversed.
 * A duplicate link is undone through the workflow's `reopen`: the complaint leaves the case it
 * joined and goes back to verification with a fresh verify-and-route deadline (the deadline policy
 * starts it on "reopened"), its reporter is told why. A relation is removed from both cases; a
 * "keep separate" simply no longer counts, so the case needs a new decision before it is routed.
 */
export async function reverseDuplicateDecision(ref: string, actor: CaseActor, input: { decisionId: number; reason: string }, now = new Date()) {
  const reason = input.reason?.trim();
  if (!reason) throw new ValidationError([{ path: "reason", messageKey: "errors.required" }]);
  return transaction(async (tx, afterCommit) => {
    const deciding = await loadDecidingCase(tx, ref, actor);
    const decision = await tx.duplicateDecision.findFirst({ where: { id: input.decisionId, complaintId: deciding.id } });
    if (!decision) throw notFound("duplicates.errors.decision_not_found");
    if (decision.reversedAt) throw new DomainError("conflict", "duplicates.errors.already_reversed");
    const other = decision.candidateId ? await tx.complaint.findUnique({ where: { id: decision.candidateId }, select: { id: true, trackingNumber: true } }) : null;

    if (decision.decision === "duplicate") {
      const complaint = await loadCaseForAction(tx, ref, actor, "reopen", { reason });
      if (complaint.duplicateOfId === null) throw new DomainError("conflict", "duplicates.errors.not_linked");
      await tx.complaintMessage.create({ data: { complaintId: complaint.id, authorKind: "user", authorUserId: actor.kind === "user" ? actor.user.id : null, body: reason, createdAt: now } });
      await applyTransition(tx, afterCommit, {
        complaint,
        action: "reopen",
        actor,
        at: now,
        update: { duplicateOfId: null, closedAt: null },
        data: { reason, decisionId: decision.id, unlinkedFrom: other?.trackingNumber ?? null },
        isPublic: true,
      });
      complaint.duplicateOfId = null;
      await notifyReporters(tx, afterCommit, complaint, { key: `duplicate-unlinked:${decision.id}`, messageKey: "reporter_messages.reopened", text: reason });
    } else if (decision.decision === "related" && other) {
      await tx.complaintRelation.updateMany({
        where: { removedAt: null, OR: [{ complaintId: deciding.id, relatedId: other.id }, { complaintId: other.id, relatedId: deciding.id }] },
        data: { removedAt: now },
      });
    }
    await tx.duplicateDecision.update({ where: { id: decision.id }, data: { reversedAt: now, reversedById: actor.kind === "user" ? actor.user.id : null, reversalReason: reason } });
    const streams = decision.decision === "related" && other ? [deciding.id, other.id] : [deciding.id];
    for (const id of streams) {
      await recordAuditEvent(tx, { stream: `complaint:${id}`, actor: auditActor(actor), action: "complaint.duplicate_decision_reversed", entityType: "complaint", entityId: id, data: { decisionId: decision.id, decision: decision.decision, reason }, at: now });
    }
    return { trackingNumber: deciding.trackingNumber, decisionId: decision.id, decision: decision.decision };
  });
}
