import { transaction } from "../db.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { notFound } from "../http/errors.js";
import { queueEmail } from "../notifications/queue-email.js";
import { createOneTimeLink } from "./create-one-time-link.js";
import { INVITATION_LIFETIME_MS } from "./lifetimes.js";
import type { CurrentUser } from "./roles.js";

/** Sends a fresh invitation (set-your-password) link to an active account; the old link stops working. */
export async function resendInvitation(userId: number, actor: CurrentUser, now = new Date()) {
  await transaction(async (tx, afterCommit) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, locale: true, isActive: true } });
    if (!user || !user.isActive) throw notFound();
    const link = await createOneTimeLink(tx, "invitation", user.id, INVITATION_LIFETIME_MS, now);
    await queueEmail(tx, afterCommit, {
      dedupeKey: `invitation:${user.id}:${now.getTime()}`,
      to: user.email,
      template: "invitation",
      locale: user.locale,
      data: { name: user.name, url: link.url, days: INVITATION_LIFETIME_MS / (24 * 3600_000) },
    });
    await recordAuditEvent(tx, { actor: { kind: "user", userId: actor.id }, action: "user.invitation_sent", entityType: "user", entityId: user.id, at: now });
  });
}
