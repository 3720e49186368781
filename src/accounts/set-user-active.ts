import { transaction } from "../db.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { DomainError, notFound } from "../http/errors.js";
import type { CurrentUser } from "./roles.js";

/**
 * Activates or deactivates an account. Deactivation signs the person out everywhere and revokes
 * their API tokens at once. Nobody deactivates themselves (there must always be an administrator).
 */
export async function setUserActive(userId: number, isActive: boolean, actor: CurrentUser, now = new Date()) {
  if (userId === actor.id && !isActive) throw new DomainError("conflict", "errors.cannot_deactivate_self");
  await transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, isActive: true } });
    if (!user) throw notFound();
    if (user.isActive === isActive) return;
    await tx.user.update({ where: { id: userId }, data: { isActive } });
    if (!isActive) {
      await tx.session.deleteMany({ where: { userId } });
      await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    }
    await recordAuditEvent(tx, { actor: { kind: "user", userId: actor.id }, action: isActive ? "user.activated" : "user.deactivated", entityType: "user", entityId: userId, at: now });
  });
}
