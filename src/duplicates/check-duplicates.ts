import { config } from "../config.js";
import { db, transaction } from "../db.js";
import { Prisma } from "../generated/prisma/client.js";
import { queueEmail } from "../notifications/queue-email.js";
import { classifyCandidates } from "./classify-candidates.js";
import { findCandidates } from "./find-candidates.js";
import { indexComplaints } from "./index-complaints.js";
import { type MatchingProfile, PROFILE_VERSION } from "./matching-profile.js";
import type { Verdict } from "./score-candidate.js";

export interface DuplicateCheckResult {
  complaintId: number;
  verdict: Verdict;
  candidates: Array<{ candidateId: number; verdict: Verdict; score: number }>;
}

/**
 * Runs the duplicate check of a stored complaint and stores its result with it: the candidates
 * found (duplicate or related, with score and reasons), Complaint.duplicateVerdict and
 * duplicateCheckedAt. (The audit trail records people's decisions on it, not the system's finding.) A complaint already checked is left alone
 * unless `force` is set (a re-check replaces the candidates). When a duplicate was filed with the
 * same email address, that address is told which earlier complaint it already follows: the mailbox
 * that received both access codes learns nothing it did not know.
 */
export async function checkDuplicates(complaintId: number, now = new Date(), options: { force?: boolean } = {}): Promise<DuplicateCheckResult | null> {
  const complaint = await loadComplaintToCheck(complaintId);
  if (!complaint || (complaint.duplicateCheckedAt && !options.force)) return null;

  let profile = complaint.matchProfile?.version === PROFILE_VERSION ? (JSON.parse(complaint.matchProfile.profile) as MatchingProfile) : null;
  if (!profile) profile = (await transaction((tx) => indexComplaints(tx, [complaint.id]))).get(complaint.id) ?? null;
  if (!profile) return null;

  const candidates = await findCandidates(profile, { regionId: complaint.regionId, excludeId: complaint.id });
  const result = classifyCandidates(profile, candidates);
  const found = result.candidates.map((c) => ({ candidateId: c.complaintId, verdict: c.match.verdict, score: c.match.score, reasons: c.match.reasons }));

  if (!complaint.duplicateCheckedAt && found.length === 0) {
    // The first check, and nothing found (most complaints): it has no candidate rows (they are only
    // ever written together with duplicateCheckedAt) and no email to send, so one conditional update
    // records the verdict instead of a transaction of four statements. A check that got there first wins.
    await db.complaint.updateMany({ where: { id: complaint.id, duplicateCheckedAt: null }, data: { duplicateVerdict: result.verdict, duplicateCheckedAt: now } });
    return { complaintId: complaint.id, verdict: result.verdict, candidates: [] };
  }

  await transaction(async (tx, afterCommit) => {
    await tx.duplicateCandidate.deleteMany({ where: { complaintId: complaint.id } });
    if (found.length) await tx.duplicateCandidate.createMany({ data: found.map((c) => ({ complaintId: complaint.id, ...c, reasons: c.reasons as object[], createdAt: now })) });
    await tx.complaint.update({ where: { id: complaint.id }, data: { duplicateVerdict: result.verdict, duplicateCheckedAt: now } });
    const sameMailbox = result.candidates.find((c) => c.match.verdict === "duplicate" && c.match.reasons.some((r) => r.field === "reporter.email" && r.code === "equal"));
    if (sameMailbox && complaint.reporter?.email) {
      const earlier = await tx.complaint.findUnique({ where: { id: sameMailbox.complaintId }, select: { trackingNumber: true, accessCodeHash: true } });
      // Only a complaint the citizen can open (it has an access code, sent to this very mailbox).
      if (earlier?.accessCodeHash) {
        await queueEmail(tx, afterCommit, {
          dedupeKey: `duplicate-own:${complaint.id}`,
          to: complaint.reporter.email,
          template: "complaint-update",
          locale: complaint.locale,
          data: {
            name: complaint.reporter.name,
            trackingNumber: complaint.trackingNumber,
            caseTrackingNumber: complaint.trackingNumber,
            messageKey: "duplicates.citizen.own_earlier_complaint",
            params: { trackingNumber: complaint.trackingNumber, earlier: earlier.trackingNumber, earlierUrl: `${config.baseUrl}/track?tn=${earlier.trackingNumber}` },
            text: null,
            url: `${config.baseUrl}/track?tn=${complaint.trackingNumber}`,
          },
        });
      }
    }
  });
  return { complaintId: complaint.id, verdict: result.verdict, candidates: found.map(({ candidateId, verdict, score }) => ({ candidateId, verdict, score })) };
}

/** The complaint, its reporter's name and email and its stored profile, in one statement (Prisma's nested select takes three). */
async function loadComplaintToCheck(complaintId: number) {
  const [row] = await db.$queryRaw<
    Array<{ id: number | bigint; regionId: number | bigint; trackingNumber: string; locale: string; duplicateCheckedAt: Date | string | null; name: string | null; email: string | null; profile: string | null; version: number | bigint | null }>
  >(Prisma.sql`SELECT c."id", c."regionId", c."trackingNumber", c."locale", c."duplicateCheckedAt", p."name", p."email", m."profile", m."version"
                 FROM "Complaint" c LEFT JOIN "Reporter" p ON p."complaintId" = c."id" LEFT JOIN "ComplaintMatchProfile" m ON m."complaintId" = c."id"
                WHERE c."id" = ${complaintId}`);
  if (!row) return null;
  return {
    id: Number(row.id),
    regionId: Number(row.regionId),
    trackingNumber: row.trackingNumber,
    locale: row.locale,
    duplicateCheckedAt: row.duplicateCheckedAt,
    reporter: row.name === null ? null : { name: row.name, email: row.email },
    matchProfile: row.profile === null ? null : { profile: row.profile, version: Number(row.version) },
  };
}
