import crypto from "node:crypto";
import { config } from "../config.js";

/**
 * After a citizen opens their complaint with its access code, a signed cookie lets them move
 * around its pages (status, add information, evidence) for an hour without typing the code again.
 */
const key = Buffer.from(crypto.hkdfSync("sha256", config.sessionSecret, "penghubung", "citizen-access", 32));
export const CITIZEN_ACCESS_MS = 60 * 60_000;

function sign(payload: string) {
  return crypto.createHmac("sha256", key).update(payload).digest("base64url");
}

/** The cookie value granting access to one complaint until `now + 1 hour`. */
export function grantCitizenAccess(trackingNumber: string, now = new Date()): string {
  const payload = `${trackingNumber}.${now.getTime() + CITIZEN_ACCESS_MS}`;
  return `${payload}.${sign(payload)}`;
}

/** The tracking number the cookie grants access to, or null (forged, expired). */
export function readCitizenAccess(value: unknown, now = new Date()): string | null {
  if (typeof value !== "string" || value.length > 200) return null;
  const parts = value.split(".");
  if (parts.length !== 3) return null;
  const [trackingNumber, expires, signature] = parts as [string, string, string];
  const expected = sign(`${trackingNumber}.${expires}`);
  if (signature.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return null;
  return Number(expires) > now.getTime() ? trackingNumber : null;
}
