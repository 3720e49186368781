import type { Office } from "../accounts/roles.js";
import { applyTransition } from "../complaints/workflow/apply-transition.js";
import type { CaseActor } from "../complaints/workflow/case-actor.js";
import { loadCaseForAction } from "../complaints/workflow/load-case.js";
import { transaction } from "../db.js";
import { ValidationError } from "../http/errors.js";
import { notifyStaff } from "../notifications/notify-staff.js";
import { assignRoute } from "./route-complaint.js";

export interface RerouteInput {
  reason: string;
  /** another Pemda (wrong Pemda) */
  regionCode?: string;
  /** another unit (wrong unit); for another Pemda, a unit of that Pemda or a free-text name */
  unitId?: number;
  unitName?: string;
  /** send to the other office of the same Pemda regardless of the rules */
  office?: Office;
}

/**
 * Re-routes a case (wrong Pemda, wrong unit, wrong office) in one action with a reason. The new
 * office gets everything the old one had: the case, its documents, and its unanswered letters;
 * the old office is told it went elsewhere.
 */
export async function rerouteComplaint(ref: string, actor: CaseActor, input: RerouteInput, now = new Date()) {
  return transaction(async (tx, afterCommit) => {
    const complaint = await loadCaseForAction(tx, ref, actor, "reroute", { reason: input.reason });
    const previous = { regionId: complaint.regionId, regionCode: complaint.region.code, unitId: complaint.unitId, unitName: complaint.unitName, officeId: complaint.assignedOfficeId, office: complaint.assignedOffice };

    const region = input.regionCode ? await tx.region.findFirst({ where: { code: input.regionCode, isActive: true }, select: { id: true, code: true, name: true } }) : complaint.region;
    if (!region) throw new ValidationError([{ path: "regionCode", messageKey: "errors.region_unknown" }]);
    const unit = input.unitId ? await tx.unit.findFirst({ where: { id: input.unitId, regionId: region.id, isActive: true }, select: { id: true, name: true, kind: true, isInspektorat: true } }) : null;
    if (input.unitId && !unit) throw new ValidationError([{ path: "unitId", messageKey: "errors.unit_not_in_region" }]);
    const regionChanged = region.id !== complaint.regionId;
    const nextUnit = unit ?? (regionChanged ? null : complaint.unit);
    const nextUnitName = unit ? null : (input.unitName?.trim() || (regionChanged ? (complaint.unit?.name ?? complaint.unitName) : complaint.unitName));

    await tx.complaint.update({ where: { id: complaint.id }, data: { regionId: region.id, unitId: nextUnit?.id ?? null, unitName: nextUnit ? null : nextUnitName } });
    Object.assign(complaint, { regionId: region.id, region, unit: nextUnit, unitId: nextUnit?.id ?? null, unitName: nextUnit ? null : nextUnitName });

    const { office, route } = await assignRoute(tx, afterCommit, complaint, { actor, now, office: input.office, reason: input.reason.trim() });
    await tx.coordinationLetter.updateMany({ where: { complaintId: complaint.id, answeredAt: null }, data: { officeId: office.id } });
    if (previous.office && previous.officeId !== office.id) {
      await notifyStaff(tx, afterCommit, {
        audience: { office: { regionId: previous.regionId, kind: previous.office.kind } },
        kind: "case.rerouted_away",
        messageKey: "notices.case_rerouted_away",
        params: { trackingNumber: complaint.trackingNumber, office: office.name, reason: input.reason.trim() },
        complaintId: complaint.id,
        dedupeKey: `reroute-away:${route.id}`,
      });
    }
    await tx.complaintMessage.create({ data: { complaintId: complaint.id, authorKind: "user", authorUserId: actor.kind === "user" ? actor.user.id : null, body: input.reason.trim(), isInternal: true, createdAt: now } });
    const state = await applyTransition(tx, afterCommit, {
      complaint,
      action: "reroute",
      actor,
      at: now,
      update: { assignedOfficeId: office.id, routedAt: now, acknowledgedAt: null },
      data: { reason: input.reason.trim(), previous: { regionCode: previous.regionCode, unitId: previous.unitId, unitName: previous.unitName, officeId: previous.officeId }, next: { regionCode: region.code, unitId: nextUnit?.id ?? null, officeId: office.id } },
      isPublic: true,
    });
    return { trackingNumber: complaint.trackingNumber, status: state, office: office.name, regionCode: region.code };
  });
}
