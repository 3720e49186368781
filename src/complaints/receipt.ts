import crypto from "node:crypto";
import { config } from "../config.js";

/**
 * The receipt of a new complaint (tracking number and access code) travels from the submission to
 * the receipt page in a signed, short-lived cookie of that browser only, so the page is a plain GET
 * (post/redirect/get): reloading it, switching its language or coming back to it within the hour
 * shows it again; nothing else can read it.
 */
const key = Buffer.from(crypto.hkdfSync("sha256", config.sessionSecret, "penghubung", "complaint-receipt", 32));
export const RECEIPT_MS = 60 * 60_000;

export interface Receipt {
  trackingNumber: string;
  accessCode: string | null;
  hasEmail: boolean;
}

export function sealReceipt(receipt: Receipt, now = new Date()): string {
  const payload = Buffer.from(JSON.stringify({ ...receipt, expiresAt: now.getTime() + RECEIPT_MS })).toString("base64url");
  return `${payload}.${crypto.createHmac("sha256", key).update(payload).digest("base64url")}`;
}

export function openReceipt(value: unknown, now = new Date()): Receipt | null {
  if (typeof value !== "string" || value.length > 2000) return null;
  const [payload, signature] = value.split(".");
  if (!payload || !signature) return null;
  const expected = crypto.createHmac("sha256", key).update(payload).digest("base64url");
  if (signature.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Receipt & { expiresAt: number };
    if (data.expiresAt <= now.getTime()) return null;
    return { trackingNumber: data.trackingNumber, accessCode: data.accessCode, hasEmail: data.hasEmail };
  } catch {
    return null;
  }
}
