import { transaction } from "../../db.js";
import { applyTransition } from "./apply-transition.js";
import type { CaseActor } from "./case-actor.js";
import { loadCaseForAction } from "./load-case.js";

/** How a case ended, as the decision records it. */
export const OUTCOMES = ["founded", "unfounded", "resolved", "not_competent"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Records the decision on a complaint (its outcome and a summary for the reporter). */
export async function decideComplaint(ref: string, actor: CaseActor, input: { outcome: Outcome; summary: string }, now = new Date()) {
  return transaction(async (tx, afterCommit) => {
    const complaint = await loadCaseForAction(tx, ref, actor, "decide");
    const state = await applyTransition(tx, afterCommit, {
      complaint,
      action: "decide",
      actor,
      at: now,
      update: { decidedAt: now, outcome: input.outcome, outcomeSummary: input.summary.trim() },
      data: { outcome: input.outcome },
      isPublic: true,
    });
    return { trackingNumber: complaint.trackingNumber, status: state };
  });
}
