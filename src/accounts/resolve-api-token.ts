import { db } from "../db.js";
import { currentUserSelect, toCurrentUser } from "./current-user.js";
import { SESSION_TOUCH_MS } from "./lifetimes.js";
import { hashToken } from "./tokens.js";

/** The user behind a bearer token, or null if it is unknown, revoked, expired or the account inactive. */
export async function resolveApiToken(token: string, now = new Date()) {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: { ...currentUserSelect, isActive: true } } },
  });
  if (!row || row.revokedAt || row.expiresAt <= now || !row.user.isActive) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > SESSION_TOUCH_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { tokenId: row.id, user: toCurrentUser(row.user) };
}
