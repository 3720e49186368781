import { applyTransition } from "../complaints/workflow/apply-transition.js";
import type { CaseActor } from "../complaints/workflow/case-actor.js";
import { loadCaseForAction } from "../complaints/workflow/load-case.js";
import type { StoredFile } from "../complaints/uploads.js";
import { transaction } from "../db.js";
import { DomainError, notFound } from "../http/errors.js";
import { notifyStaff } from "../notifications/notify-staff.js";

/**
 * The focal point answers a coordination letter in the system, with documents. The answer and its
 * date become part of the case; the letter's sender and the assistants are told.
 */
export async function answerCoordinationLetter(letterId: number, actor: CaseActor, input: { body: string; files: StoredFile[] }, now = new Date()) {
  return transaction(async (tx, afterCommit) => {
    const letter = await tx.coordinationLetter.findUnique({ where: { id: letterId }, select: { id: true, number: true, complaintId: true, answeredAt: true, sentById: true } });
    if (!letter) throw notFound();
    const complaint = await loadCaseForAction(tx, { id: letter.complaintId }, actor, "answer_clarification");
    if (letter.answeredAt) throw new DomainError("conflict", "errors.letter_already_answered");
    const message = await tx.complaintMessage.create({ data: { complaintId: complaint.id, authorKind: "user", authorUserId: actor.kind === "user" ? actor.user.id : null, body: input.body.trim(), isInternal: true, createdAt: now } });
    if (input.files.length) {
      await tx.attachment.createMany({ data: input.files.map((f) => ({ ...f, complaintId: complaint.id, messageId: message.id, uploadedByKind: "user", uploadedById: actor.kind === "user" ? actor.user.id : null, isInternal: true, createdAt: now })) });
      await tx.pendingUpload.deleteMany({ where: { storageKey: { in: input.files.map((f) => f.storageKey) } } });
    }
    await tx.coordinationLetter.update({ where: { id: letter.id }, data: { answeredAt: now, answerBody: input.body.trim(), answeredById: actor.kind === "user" ? actor.user.id : null } });
    await applyTransition(tx, afterCommit, { complaint, action: "answer_clarification", actor, at: now, data: { letterId: letter.id, number: letter.number, files: input.files.length }, isPublic: false });
    const notice = { kind: "letter.answered", messageKey: "notices.letter_answered", params: { number: letter.number, trackingNumber: complaint.trackingNumber }, link: `/letters/${letter.id}`, complaintId: complaint.id };
    await notifyStaff(tx, afterCommit, { ...notice, audience: { userIds: [letter.sentById] }, dedupeKey: `letter-answered:${letter.id}` });
    await notifyStaff(tx, afterCommit, { ...notice, audience: { role: "assistant" }, dedupeKey: `letter-answered-assistants:${letter.id}` });
    return { letterId: letter.id, trackingNumber: complaint.trackingNumber };
  });
}
