import { normalizeTrackingNumber } from "../complaints/tracking-number.js";
import { db } from "../db.js";
import { notFound } from "../http/errors.js";
import { findJurisdiction } from "./find-jurisdiction.js";
import { publicComplaintWhere, publicRequestSelect } from "./public-requests.js";

/**
 * GET requests/{id}: one public complaint by tracking number. A confidential complaint, an
 * unknown number and another Pemda's complaint get the same 404.
 */
export async function findServiceRequest(serviceRequestId: string, jurisdictionId?: string) {
  const region = jurisdictionId ? await findJurisdiction(jurisdictionId) : null;
  const trackingNumber = normalizeTrackingNumber(serviceRequestId);
  const row = trackingNumber
    ? await db.complaint.findFirst({ where: { AND: [{ trackingNumber }, publicComplaintWhere, ...(region ? [{ regionId: region.id }] : [])] }, select: publicRequestSelect })
    : null;
  if (!row) throw notFound("open311.errors.request_not_found");
  return row;
}
