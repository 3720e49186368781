import { db } from "../db.js";
import { DomainError } from "../http/errors.js";
import { verifyAccessCode } from "./access-code.js";
import { normalizeTrackingNumber } from "./tracking-number.js";

/**
 * Opens a complaint with its tracking number and access code. A wrong code and an unknown number
 * get the same answer, so nothing reveals whether a tracking number exists.
 */
export async function findComplaintForCitizen(trackingNumberInput: string, accessCode: string) {
  const trackingNumber = normalizeTrackingNumber(trackingNumberInput);
  const complaint = trackingNumber ? await db.complaint.findUnique({ where: { trackingNumber }, select: { id: true, trackingNumber: true, accessCodeHash: true } }) : null;
  const isValid = verifyAccessCode(complaint?.accessCodeHash ?? null, accessCode);
  if (!complaint || !isValid) throw new DomainError("not_found", "errors.tracking_not_found");
  return { id: complaint.id, trackingNumber: complaint.trackingNumber };
}

/**
 * The complaint a browser may open because it holds a signed access grant for that tracking
 * number (see citizen-access.ts), or null.
 */
export async function findComplaintByGrant(trackingNumberInput: string, grantedTrackingNumber: string | null) {
  const trackingNumber = normalizeTrackingNumber(trackingNumberInput);
  if (!trackingNumber || grantedTrackingNumber !== trackingNumber) return null;
  return db.complaint.findUnique({ where: { trackingNumber }, select: { id: true, trackingNumber: true } });
}
