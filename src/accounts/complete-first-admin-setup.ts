import { transaction } from "../db.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { DomainError } from "../http/errors.js";
import { claimOneTimeToken } from "./claim-one-time-token.js";
import { findOneTimeToken } from "./find-one-time-token.js";
import { hashPassword } from "./passwords.js";

/** Creates the first administrator through the one-time set-up link printed at first start. */
export async function completeFirstAdminSetup(input: { token: string; name: string; email: string; newPassword: string }, now = new Date()) {
  const passwordHash = await hashPassword(input.newPassword);
  return transaction(async (tx) => {
    const row = await findOneTimeToken(input.token, ["first_admin"], now, tx);
    if (!row || (await tx.user.count({ where: { role: "admin" } })) > 0) throw new DomainError("invalid_token");
    await claimOneTimeToken(tx, row.id, now);
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: "admin", passwordHash, passwordChangedAt: now, createdAt: now },
    });
    await recordAuditEvent(tx, { actor: { kind: "system" }, action: "user.created", entityType: "user", entityId: user.id, data: { email: user.email, role: "admin", via: "first_admin_link" }, at: now });
    return user;
  });
}
