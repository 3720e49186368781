import { db, type Tx } from "../db.js";
import type { OneTimePurpose } from "./create-one-time-link.js";
import { hashToken } from "./tokens.js";

/** A still-usable single-use token of one of the given purposes, or null. */
export async function findOneTimeToken(token: string, purposes: OneTimePurpose[], now = new Date(), client: Tx | typeof db = db) {
  if (!token || token.length > 200) return null;
  const row = await client.oneTimeToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, isActive: true, locale: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now || !purposes.includes(row.purpose as OneTimePurpose)) return null;
  if (row.user && !row.user.isActive) return null;
  return row;
}
