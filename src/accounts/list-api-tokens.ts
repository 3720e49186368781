import { db } from "../db.js";

/** The user's API tokens, newest first (never the secrets). */
export function listApiTokens(userId: number) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
}
