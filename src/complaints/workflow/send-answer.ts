import { transaction } from "../../db.js";
import { applyTransition } from "./apply-transition.js";
import type { CaseActor } from "./case-actor.js";
import { loadCaseForAction } from "./load-case.js";
import { notifyReporters } from "./notify-reporter.js";

/**
 * A written answer to the reporter: on their timeline and by email. The first one meets the
 * 14-day answer deadline (UU 25/2009).
 */
export async function sendAnswer(ref: string, actor: CaseActor, input: { message: string }, now = new Date()) {
  return transaction(async (tx, afterCommit) => {
    const complaint = await loadCaseForAction(tx, ref, actor, "send_answer");
    const message = await tx.complaintMessage.create({ data: { complaintId: complaint.id, authorKind: "user", authorUserId: actor.kind === "user" ? actor.user.id : null, body: input.message.trim(), createdAt: now } });
    await applyTransition(tx, afterCommit, { complaint, action: "send_answer", actor, at: now, update: { firstAnsweredAt: complaint.firstAnsweredAt ?? now }, data: { messageId: message.id }, isPublic: false });
    await notifyReporters(tx, afterCommit, complaint, { key: `answer:${message.id}`, messageKey: "reporter_messages.answer", text: input.message.trim() });
    return { trackingNumber: complaint.trackingNumber, status: complaint.status };
  });
}
