import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import { listCaseDeadlines } from "../deadlines/list-case-deadlines.js";
import { loadDuplicateReview } from "../duplicates/load-duplicate-review.js";
import { notFound } from "../http/errors.js";
import { canSeeReporterIdentity, canViewComplaint, capacitiesOf } from "./policy.js";
import { availableActions, waitingOn, type State } from "./states.js";
import { normalizeTrackingNumber } from "./tracking-number.js";
import type { Confidentiality } from "./vocabulary.js";

/**
 * A complaint as a staff member may see it: everything for their role, the reporter's identity
 * only where policy allows (otherwise redacted here, once, for every page, export and API).
 * Another Pemda's case is "not found", so ids cannot be probed.
 */
export async function loadStaffView(trackingNumberInput: string, user: CurrentUser) {
  const trackingNumber = normalizeTrackingNumber(trackingNumberInput);
  const complaint = trackingNumber
    ? await db.complaint.findUnique({
        where: { trackingNumber },
        include: {
          region: { select: { id: true, code: true, name: true } },
          unit: { select: { id: true, name: true, kind: true } },
          reporter: true,
          createdBy: { select: { id: true, name: true } },
          duplicateOf: { select: { trackingNumber: true } },
          assignedOffice: { select: { id: true, kind: true, name: true } },
          routes: { orderBy: { routedAt: "asc" }, select: { id: true, routedAt: true, endedAt: true, reason: true, basis: true, ruleId: true, office: { select: { name: true, kind: true, region: { select: { code: true, name: true } } } } } },
          letters: { orderBy: { sentAt: "asc" }, select: { id: true, number: true, subject: true, sentAt: true, answeredAt: true, office: { select: { name: true } } } },
          attachments: { orderBy: { id: "asc" }, select: { id: true, originalName: true, mediaType: true, sizeBytes: true, isInternal: true, uploadedByKind: true, messageId: true, createdAt: true } },
          messages: { orderBy: { createdAt: "asc" }, select: { id: true, authorKind: true, authorUserId: true, body: true, isInternal: true, createdAt: true } },
        },
      })
    : null;
  if (!complaint || !canViewComplaint(user, complaint)) throw notFound("errors.complaint_not_found");
  const audit = await db.auditEvent.findMany({ where: { stream: `complaint:${complaint.id}` }, orderBy: { seq: "asc" }, select: { seq: true, at: true, action: true, actorKind: true, actorUserId: true, data: true, isPublic: true } });
  const actorIds = [...new Set(audit.map((a) => a.actorUserId).filter((id): id is number => id !== null))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const { reporter, accessCodeHash, submissionKey: _submissionKey, ...rest } = complaint;
  const capacities = capacitiesOf(user, { regionId: complaint.regionId, desk: complaint.desk, assignedOfficeKind: complaint.assignedOffice?.kind ?? null });
  const actions = availableActions(complaint.status as State, capacities);
  return {
    ...rest,
    capacities,
    actions,
    waitingOn: waitingOn(complaint.status as State, complaint.desk as "ombudsman" | "inspektorat"),
    hasAccessCode: accessCodeHash !== null,
    reporter: reporter ? presentReporter(reporter, user) : null,
    audit: audit.map((a) => ({ ...a, actorName: a.actorUserId ? (actors.get(a.actorUserId) ?? null) : null })),
    deadlines: await listCaseDeadlines(complaint.id, { audience: "staff" }),
    duplicates: await loadDuplicateReview(complaint, user, { canDecide: capacities.length > 0, canLinkDuplicate: actions.includes("link_duplicate") }),
  };
}

export type StaffView = Awaited<ReturnType<typeof loadStaffView>>;

/** The reporter as this staff member may see them; redacted fields are null and flagged. */
export function presentReporter(
  reporter: { name: string; nik: string | null; phone: string | null; email: string | null; address: string | null; confidentiality: string },
  user: CurrentUser,
) {
  const confidentiality = reporter.confidentiality as Confidentiality;
  if (canSeeReporterIdentity({ kind: "staff", user }, confidentiality)) {
    return { isRedacted: false, confidentiality, name: reporter.name, nik: reporter.nik, phone: reporter.phone, email: reporter.email, address: reporter.address };
  }
  return { isRedacted: true, confidentiality, name: null, nik: null, phone: null, email: null, address: null };
}
