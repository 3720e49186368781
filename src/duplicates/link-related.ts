import { recordAuditEvent } from "../audit/record-audit-event.js";
import { auditActor, type CaseActor } from "../complaints/workflow/case-actor.js";
import { transaction } from "../db.js";
import { loadDecidingCase, loadOtherComplaint } from "./decision-parties.js";

/**
 * Records that two complaints are about the same concrete matter from different reporters: a
 * relation both ways, shown on both cases, with the decision kept and audited on both streams.
 * Neither case changes state; the handlers may join the work as they see fit.
 */
export async function linkRelated(ref: string, actor: CaseActor, input: { candidate: string; reason?: string | null }, now = new Date()) {
  return transaction(async (tx) => {
    const complaint = await loadDecidingCase(tx, ref, actor);
    const other = await loadOtherComplaint(tx, complaint, input.candidate, actor);
    const reason = input.reason?.trim() || null;
    const decision = await tx.duplicateDecision.create({
      data: { complaintId: complaint.id, candidateId: other.id, decision: "related", reason, decidedById: actor.kind === "user" ? actor.user.id : 0, decidedAt: now },
    });
    for (const [from, to] of [[complaint.id, other.id], [other.id, complaint.id]] as const) {
      await tx.complaintRelation.upsert({
        where: { complaintId_relatedId: { complaintId: from, relatedId: to } },
        create: { complaintId: from, relatedId: to, decisionId: decision.id, createdAt: now },
        update: { decisionId: decision.id, removedAt: null },
      });
    }
    for (const [id, relatedTo] of [[complaint.id, other.trackingNumber], [other.id, complaint.trackingNumber]] as const) {
      await recordAuditEvent(tx, { stream: `complaint:${id}`, actor: auditActor(actor), action: "complaint.related_linked", entityType: "complaint", entityId: id, data: { relatedTo, decisionId: decision.id, ...(reason ? { reason } : {}) }, at: now });
    }
    return { trackingNumber: complaint.trackingNumber, relatedTo: other.trackingNumber, decisionId: decision.id };
  });
}
