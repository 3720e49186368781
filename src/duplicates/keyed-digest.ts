import crypto from "node:crypto";

/**
 * A keyed digest (HMAC-SHA256, truncated, base64url) of one identity value for one purpose. Without
 * the secret a digest cannot be tested against guesses, which a plain hash of a NIK or phone number
 * (a small space) could. Purposes keep equal strings in different fields apart.
 */
export function keyedDigest(secret: string, purpose: string, value: string, bytes = 16): string {
  return crypto.createHmac("sha256", secret).update(`${purpose}\u0000${value}`).digest().subarray(0, bytes).toString("base64url");
}
