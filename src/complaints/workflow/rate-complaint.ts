import { transaction } from "../../db.js";
import { applyTransition } from "./apply-transition.js";
import { loadCaseForAction } from "./load-case.js";

/** The reporter rates the handling (1..5) once it has ended; a later rating replaces the earlier one. Used by the score. */
export async function rateComplaint(complaintId: number, input: { rating: number; comment?: string | null }, now = new Date()) {
  return transaction(async (tx, afterCommit) => {
    const complaint = await loadCaseForAction(tx, { id: complaintId }, { kind: "citizen" }, "rate");
    await applyTransition(tx, afterCommit, {
      complaint,
      action: "rate",
      actor: { kind: "citizen" },
      at: now,
      update: { rating: input.rating, ratingComment: input.comment?.trim() || null, ratedAt: now },
      data: { rating: input.rating },
      isPublic: true,
    });
  });
}
