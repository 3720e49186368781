import { db } from "../db.js";

/** Deletes sessions, tokens and links that can no longer be used (kept 30 days for the audit of tokens). */
export async function purgeExpiredCredentials(now: Date) {
  const monthAgo = new Date(now.getTime() - 30 * 24 * 3600_000);
  const [sessions, tokens, links] = await Promise.all([
    db.session.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.apiToken.deleteMany({ where: { OR: [{ expiresAt: { lte: monthAgo } }, { revokedAt: { lte: monthAgo } }] } }),
    db.oneTimeToken.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { usedAt: { not: null } }] } }),
  ]);
  return { sessions: sessions.count, apiTokens: tokens.count, oneTimeLinks: links.count };
}
