import crypto from "node:crypto";
import { config } from "../config.js";
import { READABLE_ALPHABET, normalizeAccessCode } from "./tracking-number.js";

/**
 * Access codes are stored as a keyed hash (HMAC-SHA256 with a key derived from SESSION_SECRET):
 * fast enough for the intake path, useless to someone who steals only the database.
 * Consequence: changing SESSION_SECRET invalidates the access codes already given out.
 */
const key = crypto.hkdfSync("sha256", config.sessionSecret, "penghubung", "access-code", 32);

const CODE_LENGTH = 10;

function encode(bytes: Buffer): string {
  let code = "";
  for (let i = 0; code.length < CODE_LENGTH; i++) code += READABLE_ALPHABET[bytes[i % bytes.length]! % READABLE_ALPHABET.length];
  return code;
}

/**
 * The access code of a new complaint. With a submission key (the form's hidden key, the API's
 * Idempotency-Key) the code is derived from it, so a retried submission shows the same code;
 * otherwise it is random.
 */
export function newAccessCode(submissionKey?: string | null): string {
  if (!submissionKey) return encode(crypto.randomBytes(32));
  // Rejection-free derivation: 32 HMAC bytes, ten characters, bias below 1% per character.
  return encode(crypto.createHmac("sha256", Buffer.from(key)).update(`code:${submissionKey}`).digest());
}

export function hashAccessCode(code: string): string {
  return crypto.createHmac("sha256", Buffer.from(key)).update(`hash:${normalizeAccessCode(code)}`).digest("hex");
}

/** Constant-time comparison; a missing hash (no code issued) never matches. */
export function verifyAccessCode(hash: string | null, code: string): boolean {
  const candidate = Buffer.from(hashAccessCode(code), "hex");
  const stored = Buffer.from(hash ?? "0".repeat(64), "hex");
  return stored.length === candidate.length && crypto.timingSafeEqual(stored, candidate) && hash !== null;
}
