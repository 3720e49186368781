import { transaction } from "../../db.js";
import { notFound } from "../../http/errors.js";
import { applyTransition } from "./apply-transition.js";
import type { CaseActor } from "./case-actor.js";
import { loadCaseForAction } from "./load-case.js";
import { notifyReporters } from "./notify-reporter.js";

/**
 * Tells the reporter the decision (within 14 days of it, UU 25/2009): the outcome and its summary
 * go on their timeline and by email.
 */
export async function notifyReporterOfDecision(ref: string, actor: CaseActor, now = new Date()) {
  return transaction(async (tx, afterCommit) => {
    const complaint = await loadCaseForAction(tx, ref, actor, "notify_reporter");
    const decision = await tx.complaint.findUnique({ where: { id: complaint.id }, select: { outcome: true, outcomeSummary: true } });
    if (!decision?.outcome) throw notFound();
    await tx.complaintMessage.create({ data: { complaintId: complaint.id, authorKind: "user", authorUserId: actor.kind === "user" ? actor.user.id : null, body: decision.outcomeSummary ?? "", createdAt: now } });
    const state = await applyTransition(tx, afterCommit, { complaint, action: "notify_reporter", actor, at: now, update: { reporterNotifiedAt: now }, data: { outcome: decision.outcome }, isPublic: true });
    await notifyReporters(tx, afterCommit, complaint, { key: `decision:${complaint.id}:${now.getTime()}`, messageKey: "reporter_messages.decided", params: { outcome: decision.outcome }, text: decision.outcomeSummary });
    return { trackingNumber: complaint.trackingNumber, status: state };
  });
}
