import type { CurrentUser } from "../accounts/roles.js";
import { presentReporter } from "../complaints/load-staff-view.js";
import { canViewComplaint } from "../complaints/policy.js";
import type { Confidentiality } from "../complaints/vocabulary.js";
import { db } from "../db.js";
import { evidenceFor, type ShownReason } from "./evidence-policy.js";
import type { MatchReason, Verdict } from "./score-candidate.js";
import { wordDiff, type WordDiff } from "./word-diff.js";

/** Candidates shown side by side on a case page; the check stores only duplicates and related ones, rarely more than a few. */
const SHOWN_CANDIDATES = 10;

const sideSelect = {
  id: true,
  trackingNumber: true,
  desk: true,
  status: true,
  regionId: true,
  subject: true,
  description: true,
  incidentDate: true,
  receivedAt: true,
  unitName: true,
  duplicateOfId: true,
  unit: { select: { name: true } },
  assignedOffice: { select: { name: true } },
  reporter: { select: { name: true, nik: true, phone: true, email: true, address: true, confidentiality: true } },
} as const;

/** The complaint whose page is shown, as loadStaffView has it. */
export interface ReviewedComplaint {
  id: number;
  description: string;
  reporter: { confidentiality: string } | null;
}

/**
 * What the case page shows of the duplicate check: the candidates side by side with this complaint
 * (the description compared word by word, the evidence, each reporter as policy lets this person
 * see them), the newer complaints that found this one, the decisions taken (with reversals) and
 * the relations in force. Identity evidence a viewer may not see is withheld (evidenceFor).
 */
export async function loadDuplicateReview(complaint: ReviewedComplaint, user: CurrentUser, options: { canDecide: boolean; canLinkDuplicate: boolean }) {
  const [found, foundBy, decisions, relations, checked] = await Promise.all([
    db.duplicateCandidate.findMany({ where: { complaintId: complaint.id }, orderBy: [{ score: "desc" }], take: SHOWN_CANDIDATES, select: { verdict: true, score: true, reasons: true, candidate: { select: sideSelect } } }),
    db.duplicateCandidate.findMany({ where: { candidateId: complaint.id }, orderBy: [{ score: "desc" }], take: SHOWN_CANDIDATES, select: { verdict: true, score: true, complaint: { select: { trackingNumber: true, desk: true, status: true, subject: true, regionId: true } } } }),
    db.duplicateDecision.findMany({ where: { complaintId: complaint.id }, orderBy: { decidedAt: "asc" } }),
    db.complaintRelation.findMany({ where: { complaintId: complaint.id, removedAt: null }, select: { related: { select: { trackingNumber: true, desk: true, status: true, subject: true, regionId: true } } } }),
    db.complaint.findUnique({ where: { id: complaint.id }, select: { duplicateVerdict: true, duplicateCheckedAt: true } }),
  ]);
  const otherIds = [...new Set(decisions.map((d) => d.candidateId).filter((id): id is number => id !== null))];
  const userIds = [...new Set(decisions.flatMap((d) => [d.decidedById, d.reversedById]).filter((id): id is number => id !== null))];
  const [others, people] = await Promise.all([
    db.complaint.findMany({ where: { id: { in: otherIds } }, select: { id: true, trackingNumber: true } }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
  ]);
  const trackingNumberOf = new Map(others.map((c) => [c.id, c.trackingNumber]));
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const ownConfidentiality = (complaint.reporter?.confidentiality ?? "confidential") as Confidentiality;
  const activeDecisions = decisions.filter((d) => !d.reversedAt);

  const candidates = found
    .filter((row) => canViewComplaint(user, row.candidate))
    .map((row) => {
      const { candidate } = row;
      const confidentiality = (candidate.reporter?.confidentiality ?? "confidential") as Confidentiality;
      const reasons: ShownReason[] = evidenceFor(user, row.reasons as unknown as MatchReason[], [confidentiality, ownConfidentiality]);
      const diff: WordDiff = wordDiff(candidate.description, complaint.description);
      return {
        trackingNumber: candidate.trackingNumber,
        desk: candidate.desk,
        status: candidate.status,
        verdict: row.verdict as Verdict,
        score: row.score,
        subject: candidate.subject,
        unitName: candidate.unit?.name ?? candidate.unitName,
        incidentDate: candidate.incidentDate,
        receivedAt: candidate.receivedAt,
        handler: candidate.assignedOffice?.name ?? null,
        isItselfDuplicate: candidate.duplicateOfId !== null,
        reporter: candidate.reporter ? presentReporter(candidate.reporter, user) : null,
        reasons,
        diff,
        decisions: activeDecisions.filter((d) => d.candidateId === candidate.id).map((d) => d.decision),
      };
    });

  return {
    verdict: (checked?.duplicateVerdict ?? null) as Verdict | null,
    checkedAt: checked?.duplicateCheckedAt ?? null,
    canDecide: options.canDecide,
    canLinkDuplicate: options.canLinkDuplicate,
    candidates,
    foundBy: foundBy.filter((row) => canViewComplaint(user, row.complaint)).map((row) => ({ ...row.complaint, verdict: row.verdict as Verdict, score: row.score })),
    decisions: decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      candidate: d.candidateId ? (trackingNumberOf.get(d.candidateId) ?? null) : null,
      reason: d.reason,
      decidedAt: d.decidedAt,
      decidedBy: nameOf.get(d.decidedById) ?? null,
      reversedAt: d.reversedAt,
      reversedBy: d.reversedById ? (nameOf.get(d.reversedById) ?? null) : null,
      reversalReason: d.reversalReason,
    })),
    relations: relations.filter((r) => canViewComplaint(user, r.related)).map((r) => r.related),
  };
}

export type DuplicateReview = Awaited<ReturnType<typeof loadDuplicateReview>>;
