import { transaction } from "../db.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { DomainError } from "../http/errors.js";
import { claimOneTimeToken } from "./claim-one-time-token.js";
import { findOneTimeToken } from "./find-one-time-token.js";
import { hashPassword } from "./passwords.js";

/**
 * Sets a password from a reset or invitation link. The link works once; every existing session of
 * the account is signed out.
 */
export async function setPasswordWithToken(token: string, newPassword: string, now = new Date()) {
  const passwordHash = await hashPassword(newPassword);
  return transaction(async (tx) => {
    const row = await findOneTimeToken(token, ["password_reset", "invitation"], now, tx);
    if (!row?.user) throw new DomainError("invalid_token");
    await claimOneTimeToken(tx, row.id, now);
    await tx.user.update({ where: { id: row.user.id }, data: { passwordHash, passwordChangedAt: now } });
    await tx.session.deleteMany({ where: { userId: row.user.id } });
    await recordAuditEvent(tx, {
      actor: { kind: "user", userId: row.user.id },
      action: row.purpose === "invitation" ? "user.invitation_accepted" : "user.password_reset",
      entityType: "user",
      entityId: row.user.id,
      at: now,
    });
    return { userId: row.user.id, email: row.user.email };
  });
}
