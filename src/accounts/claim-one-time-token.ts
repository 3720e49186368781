import type { Tx } from "../db.js";
import { DomainError } from "../http/errors.js";

/**
 * Marks a one-time token used, inside the caller's transaction, only if it is still unused: two
 * requests racing with the same link both find it unused, but on PostgreSQL only the first one's
 * conditional update matches (the second waits for the row and then sees usedAt set), so the
 * link works once however many copies of it are sent together.
 */
export async function claimOneTimeToken(tx: Tx, tokenId: number, now: Date) {
  const { count } = await tx.oneTimeToken.updateMany({ where: { id: tokenId, usedAt: null }, data: { usedAt: now } });
  if (count !== 1) throw new DomainError("invalid_token");
}
