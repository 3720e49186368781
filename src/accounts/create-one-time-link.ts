import { config } from "../config.js";
import type { Tx } from "../db.js";
import { hashToken, randomToken } from "./tokens.js";

export type OneTimePurpose = "password_reset" | "invitation" | "first_admin";

const PATHS: Record<OneTimePurpose, string> = {
  password_reset: "/password/reset",
  invitation: "/password/reset",
  first_admin: "/setup",
};

/**
 * Creates a single-use link (inside the caller's transaction), replacing earlier unused links of
 * the same purpose for the same user. The secret travels only in the link.
 */
export async function createOneTimeLink(tx: Tx, purpose: OneTimePurpose, userId: number | null, lifetimeMs: number, now = new Date()) {
  await tx.oneTimeToken.deleteMany({ where: { purpose, userId, usedAt: null } });
  const token = randomToken();
  await tx.oneTimeToken.create({ data: { purpose, userId, tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + lifetimeMs) } });
  return { token, url: `${config.baseUrl}${PATHS[purpose]}?token=${encodeURIComponent(token)}` };
}
