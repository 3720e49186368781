import { db, transaction } from "../db.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { ValidationError } from "../http/errors.js";
import { hashPassword, verifyPassword } from "./passwords.js";

/**
 * Changes the caller's password after checking the current one, and signs out every other
 * session (a changed password must lock out whoever knew the old one).
 */
export async function changePassword(input: { userId: number; currentSessionId?: string; currentPassword: string; newPassword: string }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: input.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ValidationError([{ path: "currentPassword", messageKey: "errors.current_password_wrong" }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: input.userId, ...(input.currentSessionId ? { NOT: { id: input.currentSessionId } } : {}) } });
    await recordAuditEvent(tx, { actor: { kind: "user", userId: input.userId }, action: "user.password_changed", entityType: "user", entityId: input.userId });
  });
}
