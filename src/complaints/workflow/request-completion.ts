import { transaction } from "../../db.js";
import { applyTransition } from "./apply-transition.js";
import type { CaseActor } from "./case-actor.js";
import { loadCaseForAction } from "./load-case.js";
import { notifyReporters } from "./notify-reporter.js";

/**
 * Sends an incomplete file back to the reporter, saying what is missing; they have 30 days to
 * complete it (UU 37/2008, UU 25/2009), after which it counts as withdrawn. This is also a
 * written answer to the reporter.
 */
export async function requestCompletion(ref: string, actor: CaseActor, input: { reason: string }, now = new Date()) {
  return transaction(async (tx, afterCommit) => {
    const complaint = await loadCaseForAction(tx, ref, actor, "request_completion", { reason: input.reason });
    await tx.complaintMessage.create({ data: { complaintId: complaint.id, authorKind: "user", authorUserId: actor.kind === "user" ? actor.user.id : null, body: input.reason.trim(), createdAt: now } });
    const state = await applyTransition(tx, afterCommit, {
      complaint,
      action: "request_completion",
      actor,
      at: now,
      update: { firstAnsweredAt: complaint.firstAnsweredAt ?? now },
      data: { reason: input.reason.trim() },
      isPublic: true,
    });
    await notifyReporters(tx, afterCommit, complaint, { key: `completion:${complaint.id}:${now.getTime()}`, messageKey: "reporter_messages.incomplete", text: input.reason.trim() });
    return { trackingNumber: complaint.trackingNumber, status: state };
  });
}
