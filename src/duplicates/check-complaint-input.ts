import type { CurrentUser } from "../accounts/roles.js";
import { canViewComplaint } from "../complaints/policy.js";
import type { ComplaintInput } from "../complaints/schemas.js";
import type { Confidentiality } from "../complaints/vocabulary.js";
import { config } from "../config.js";
import { db } from "../db.js";
import { forbidden, ValidationError } from "../http/errors.js";
import { buildMatchingProfile } from "./build-matching-profile.js";
import { classifyCandidates } from "./classify-candidates.js";
import { evidenceFor, type ShownReason } from "./evidence-policy.js";
import { findCandidates } from "./find-candidates.js";
import { toComplaintForMatching } from "./matching-input.js";
import type { Verdict } from "./score-candidate.js";

export interface CheckedCandidate {
  trackingNumber: string;
  desk: string;
  score: number;
  verdict: Verdict;
  reasons: ShownReason[];
}

/**
 * The duplicate check of a complaint not filed yet (POST /api/v1/duplicates/check): the same
 * retrieval and scoring as for a stored complaint, nothing stored. Candidates come from the
 * complaint's own Pemda only (the engine never relates two Pemda's complaints), so a focal point
 * may ask about their own Pemda alone, and then sees both desks' cases: avoiding double handling
 * between the Ombudsman and the Inspektorat is what the check is for. Identity evidence about a
 * reporter hidden from the caller is withheld (evidenceFor).
 */
export async function checkComplaintInput(input: ComplaintInput, user: CurrentUser): Promise<{ verdict: Verdict; candidates: CheckedCandidate[] }> {
  const region = await db.region.findFirst({ where: { code: input.regionCode, isActive: true }, select: { id: true, code: true } });
  if (!region) throw new ValidationError([{ path: "regionCode", messageKey: "errors.region_unknown" }]);
  if (!canViewComplaint(user, { regionId: region.id })) throw forbidden();
  const units = await db.unit.findMany({ where: { regionId: region.id }, select: { id: true, name: true, kind: true, aliases: true } });
  if (input.unitId && !units.some((u) => u.id === input.unitId)) throw new ValidationError([{ path: "unitId", messageKey: "errors.unit_not_in_region" }]);
  const fields = {
    regionCode: region.code,
    unitId: input.unitId ?? null,
    unitName: input.unitName ?? null,
    subject: input.subject,
    description: input.description,
    incidentDate: input.incidentDate,
    category: input.category ?? null,
    reporter: { name: input.reporter.name, nik: input.reporter.nik ?? null, phone: input.reporter.phone ?? null, email: input.reporter.email ?? null },
  };
  const profile = buildMatchingProfile(toComplaintForMatching(fields, units), config.matchingSecret);
  const result = classifyCandidates(profile, await findCandidates(profile, { regionId: region.id }));
  const stored = await db.complaint.findMany({
    where: { id: { in: result.candidates.map((c) => c.complaintId) } },
    select: { id: true, trackingNumber: true, desk: true, regionId: true, reporter: { select: { confidentiality: true } } },
  });
  const byId = new Map(stored.map((c) => [c.id, c]));
  const candidates = result.candidates.flatMap((c) => {
    const complaint = byId.get(c.complaintId);
    if (!complaint || !canViewComplaint(user, complaint)) return [];
    const confidentiality = (complaint.reporter?.confidentiality ?? "confidential") as Confidentiality;
    // The caller typed the new reporter's identity themselves: only the stored one can be hidden from them.
    return [{ trackingNumber: complaint.trackingNumber, desk: complaint.desk, score: c.match.score, verdict: c.match.verdict, reasons: evidenceFor(user, c.match.reasons, [confidentiality]) }];
  });
  return { verdict: result.verdict, candidates };
}
