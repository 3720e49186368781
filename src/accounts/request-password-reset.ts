import { db, transaction } from "../db.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { queueEmail } from "../notifications/queue-email.js";
import { createOneTimeLink } from "./create-one-time-link.js";
import { PASSWORD_RESET_LIFETIME_MS } from "./lifetimes.js";

/**
 * Emails a password-reset link if an active account has this address. Returns nothing either way,
 * so the page cannot be used to find out which addresses have accounts.
 */
export async function requestPasswordReset(email: string, now = new Date()) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, name: true, locale: true, isActive: true } });
  if (!user || !user.isActive) return;
  await transaction(async (tx, afterCommit) => {
    const link = await createOneTimeLink(tx, "password_reset", user.id, PASSWORD_RESET_LIFETIME_MS, now);
    await queueEmail(tx, afterCommit, {
      dedupeKey: `password-reset:${user.id}:${now.getTime()}`,
      to: user.email,
      template: "password-reset",
      locale: user.locale,
      data: { name: user.name, url: link.url, hours: PASSWORD_RESET_LIFETIME_MS / 3600_000 },
    });
    await recordAuditEvent(tx, { actor: { kind: "system" }, action: "user.password_reset_requested", entityType: "user", entityId: user.id, at: now });
  });
}
