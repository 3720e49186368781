import { Router } from "express";
import { requireRole } from "../http/authenticate.js";
import { parse } from "../http/validate.js";
import { complaintInputSchema } from "../complaints/schemas.js";
import { checkComplaintInput } from "./check-complaint-input.js";
import { presentShownReason } from "./evidence-policy.js";

export const duplicateApiRoutes = Router();

/**
 * POST /api/v1/duplicates/check — staff token; the body of POST /api/v1/complaints. Answers
 * { verdict, candidates: [{ trackingNumber, desk, score, verdict, reasons: [{ field, detail }] }] }
 * and stores nothing. Candidates come from the complaint's own Pemda, which a focal point must be
 * theirs (403 otherwise).
 */
duplicateApiRoutes.post("/api/v1/duplicates/check", requireRole("admin", "assistant", "focal_point", "auditor"), async (req, res) => {
  const input = parse(complaintInputSchema, req.body);
  const result = await checkComplaintInput(input, req.user!);
  res.set("Cache-Control", "no-store").json({
    verdict: result.verdict,
    candidates: result.candidates.map((c) => ({ trackingNumber: c.trackingNumber, desk: c.desk, score: c.score, verdict: c.verdict, reasons: c.reasons.map((r) => presentShownReason(r, req.t)) })),
  });
});
