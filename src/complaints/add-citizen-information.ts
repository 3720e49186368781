import { recordAuditEvent } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { applyTransition } from "./workflow/apply-transition.js";
import { loadCaseForAction } from "./workflow/load-case.js";
import type { StoredFile } from "./uploads.js";

/**
 * The citizen adds details or evidence to their complaint; both appear on their timeline. A file
 * that was sent back as incomplete goes back to verification with it.
 */
export async function addCitizenInformation(complaintId: number, input: { body: string; files: StoredFile[] }, now = new Date()) {
  return transaction(async (tx, afterCommit) => {
    const message = await tx.complaintMessage.create({ data: { complaintId, authorKind: "citizen", body: input.body, createdAt: now } });
    if (input.files.length) {
      await tx.attachment.createMany({ data: input.files.map((f) => ({ ...f, complaintId, messageId: message.id, uploadedByKind: "citizen", createdAt: now })) });
      await tx.pendingUpload.deleteMany({ where: { storageKey: { in: input.files.map((f) => f.storageKey) } } });
    }
    await recordAuditEvent(tx, {
      stream: `complaint:${complaintId}`,
      actor: { kind: "citizen" },
      action: "complaint.information_added",
      entityType: "complaint",
      entityId: complaintId,
      data: { messageId: message.id, files: input.files.length },
      at: now,
    });
    const { status } = await tx.complaint.findUniqueOrThrow({ where: { id: complaintId }, select: { status: true } });
    if (status === "incomplete") {
      const complaint = await loadCaseForAction(tx, { id: complaintId }, { kind: "citizen" }, "reporter_completed");
      await applyTransition(tx, afterCommit, { complaint, action: "reporter_completed", actor: { kind: "citizen" }, at: now, data: { messageId: message.id }, isPublic: true });
    }
    return message;
  });
}
