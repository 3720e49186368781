import { transaction } from "../../db.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { applyTransition } from "./apply-transition.js";
import type { CaseActor } from "./case-actor.js";
import { loadCaseForAction } from "./load-case.js";
import { notifyReporters } from "./notify-reporter.js";

/** Actions that change the state and record a note or reason, with no further decision to make. */
export const SIMPLE_ACTIONS = ["start_verification", "verify", "acknowledge", "forward_to_unit", "close", "reject", "withdraw", "reopen"] as const;
export type SimpleAction = (typeof SIMPLE_ACTIONS)[number];

interface Effect {
  update?: (now: Date) => Prisma.ComplaintUncheckedUpdateInput;
  isPublic: boolean;
  /** the reason/note is written to the citizen (public message) rather than kept internal */
  isReasonPublic: boolean;
  /** tell the reporter by email */
  notify?: string;
}

const EFFECTS: Record<SimpleAction, Effect> = {
  start_verification: { isPublic: true, isReasonPublic: false },
  verify: { update: (now) => ({ verifiedAt: now, fileCompletedAt: now }), isPublic: true, isReasonPublic: false },
  acknowledge: { update: (now) => ({ acknowledgedAt: now }), isPublic: true, isReasonPublic: false },
  forward_to_unit: { isPublic: true, isReasonPublic: false },
  close: { update: (now) => ({ closedAt: now }), isPublic: true, isReasonPublic: true, notify: "closed" },
  reject: { update: (now) => ({ closedAt: now }), isPublic: true, isReasonPublic: true, notify: "rejected" },
  withdraw: { update: (now) => ({ closedAt: now }), isPublic: true, isReasonPublic: true, notify: "withdrawn" },
  reopen: { update: () => ({ closedAt: null, decidedAt: null, outcome: null, outcomeSummary: null, reporterNotifiedAt: null }), isPublic: true, isReasonPublic: true, notify: "reopened" },
};

/**
 * Performs one of the simple workflow actions on a case: checks who may do it from which state,
 * changes the state, keeps the reason (for the citizen where it concerns them, internally
 * otherwise), records the step and tells the reporter when the case ends or reopens.
 */
export async function performCaseAction(ref: string | { id: number }, action: SimpleAction, actor: CaseActor, input: { reason?: string | null } = {}, now = new Date()) {
  const effect = EFFECTS[action];
  const reason = input.reason?.trim() || null;
  return transaction(async (tx, afterCommit) => {
    const complaint = await loadCaseForAction(tx, ref, actor, action, { reason });
    if (reason) {
      await tx.complaintMessage.create({
        data: { complaintId: complaint.id, authorKind: actor.kind === "citizen" ? "citizen" : "user", authorUserId: actor.kind === "user" ? actor.user.id : null, body: reason, isInternal: !effect.isReasonPublic, createdAt: now },
      });
    }
    const state = await applyTransition(tx, afterCommit, { complaint, action, actor, at: now, update: effect.update?.(now), data: reason ? { reason } : {}, isPublic: effect.isPublic });
    if (effect.notify) await notifyReporters(tx, afterCommit, complaint, { key: `${action}:${complaint.id}:${now.getTime()}`, messageKey: `reporter_messages.${effect.notify}`, text: effect.isReasonPublic ? reason : null });
    return { trackingNumber: complaint.trackingNumber, status: state };
  });
}
