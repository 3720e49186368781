import { recordAuditEvent } from "../audit/record-audit-event.js";
import { auditActor, type CaseActor } from "../complaints/workflow/case-actor.js";
import { transaction } from "../db.js";
import { ValidationError } from "../http/errors.js";
import { loadDecidingCase, loadOtherComplaint } from "./decision-parties.js";

/**
 * Keeps a complaint apart from a candidate the check proposed, for a recorded reason (a
 * re-examination on purpose, or the check was wrong). Audited; the case may then be routed.
 */
export async function keepSeparate(ref: string, actor: CaseActor, input: { candidate: string; reason: string }, now = new Date()) {
  const reason = input.reason?.trim();
  if (!reason) throw new ValidationError([{ path: "reason", messageKey: "errors.required" }]);
  return transaction(async (tx) => {
    const complaint = await loadDecidingCase(tx, ref, actor);
    const other = await loadOtherComplaint(tx, complaint, input.candidate, actor);
    const decision = await tx.duplicateDecision.create({
      data: { complaintId: complaint.id, candidateId: other.id, decision: "separate", reason, decidedById: actor.kind === "user" ? actor.user.id : 0, decidedAt: now },
    });
    await recordAuditEvent(tx, { stream: `complaint:${complaint.id}`, actor: auditActor(actor), action: "complaint.kept_separate", entityType: "complaint", entityId: complaint.id, data: { from: other.trackingNumber, decisionId: decision.id, reason }, at: now });
    return { trackingNumber: complaint.trackingNumber, separateFrom: other.trackingNumber, decisionId: decision.id };
  });
}
