import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Locale } from "../i18n/index.js";
import { translator } from "../i18n/index.js";
import { applyTransition } from "../complaints/workflow/apply-transition.js";
import { auditActor, type CaseActor } from "../complaints/workflow/case-actor.js";
import { loadCaseForAction } from "../complaints/workflow/load-case.js";
import { notifyReporters } from "../complaints/workflow/notify-reporter.js";
import { transaction, type Tx } from "../db.js";
import { DomainError } from "../http/errors.js";
import { loadOtherComplaint } from "./decision-parties.js";

/**
 * Links a complaint to the case that already handles the same reporter's same matter: the case
 * stays with the desk that has it, this complaint ends as `duplicate` (duplicateOfId) and its
 * reporter is told who handles it, on their status page and by email, and from then on hears of
 * that case (notifyReporters includes duplicateOfId reporters). A case that is itself a duplicate
 * hands the link on to the case it joined, so links never chain.
 */
export async function linkDuplicate(ref: string, actor: CaseActor, input: { candidate: string; reason?: string | null }, now = new Date()) {
  return transaction(async (tx, afterCommit) => {
    const complaint = await loadCaseForAction(tx, ref, actor, "link_duplicate");
    const named = await loadOtherComplaint(tx, complaint, input.candidate, actor);
    const target = named.duplicateOfId ? await tx.complaint.findUniqueOrThrow({ where: { id: named.duplicateOfId }, select: { id: true, trackingNumber: true, desk: true, regionId: true, region: { select: { name: true } }, assignedOffice: { select: { name: true } } } }) : named;
    if (target.id === complaint.id) throw new DomainError("conflict", "duplicates.errors.same_complaint");
    const reason = input.reason?.trim() || null;
    const decision = await tx.duplicateDecision.create({
      data: { complaintId: complaint.id, candidateId: target.id, decision: "duplicate", reason, decidedById: actor.kind === "user" ? actor.user.id : 0, decidedAt: now },
    });
    // Reporters already following this complaint follow the case it joins.
    await tx.complaint.updateMany({ where: { duplicateOfId: complaint.id }, data: { duplicateOfId: target.id } });
    const t = translator(complaint.locale as Locale);
    const handler = await handlerName(tx, target, t);
    await tx.complaintMessage.create({
      data: { complaintId: complaint.id, authorKind: "user", authorUserId: actor.kind === "user" ? actor.user.id : null, body: t("duplicates.citizen.linked", { existing: target.trackingNumber, handler }), createdAt: now },
    });
    const state = await applyTransition(tx, afterCommit, {
      complaint,
      action: "link_duplicate",
      actor,
      at: now,
      update: { duplicateOfId: target.id },
      data: { duplicateOf: target.trackingNumber, decisionId: decision.id, ...(reason ? { reason } : {}) },
      isPublic: true,
    });
    await recordAuditEvent(tx, {
      stream: `complaint:${target.id}`,
      actor: auditActor(actor),
      action: "complaint.duplicate_joined",
      entityType: "complaint",
      entityId: target.id,
      data: { duplicate: complaint.trackingNumber, decisionId: decision.id },
      at: now,
    });
    await notifyReporters(tx, afterCommit, complaint, { key: `duplicate-linked:${decision.id}`, messageKey: "duplicates.citizen.linked_email", params: { existing: target.trackingNumber, handler } });
    return { trackingNumber: complaint.trackingNumber, status: state, duplicateOf: target.trackingNumber, decisionId: decision.id };
  });
}

/** Who handles a case, as the reporter should read it: the focal-point office it is routed to, else its desk. */
async function handlerName(tx: Tx, target: { desk: string; regionId: number; region: { name: string }; assignedOffice: { name: string } | null }, t: (key: string, values?: Record<string, unknown>) => string): Promise<string> {
  if (target.assignedOffice) return target.assignedOffice.name;
  if (target.desk === "inspektorat") {
    const office = await tx.office.findFirst({ where: { regionId: target.regionId, kind: "inspektorat" }, select: { name: true } });
    return office?.name ?? `${t("desks.inspektorat")} ${target.region.name}`;
  }
  return t("desks.ombudsman");
}
