import { transaction } from "../db.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { notFound } from "../http/errors.js";
import type { CurrentUser } from "./roles.js";

/** Revokes a token of the caller (an administrator may revoke anyone's). */
export async function revokeApiToken(tokenId: number, actor: CurrentUser, now = new Date()) {
  await transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { id: true, userId: true, revokedAt: true } });
    if (!token || (token.userId !== actor.id && actor.role !== "admin")) throw notFound();
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now } });
    await recordAuditEvent(tx, { actor: { kind: "user", userId: actor.id }, action: "api_token.revoked", entityType: "user", entityId: token.userId, data: { tokenId }, at: now });
  });
}
