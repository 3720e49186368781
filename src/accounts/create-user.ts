import type { z } from "zod";
import { transaction } from "../db.js";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { ValidationError } from "../http/errors.js";
import { queueEmail } from "../notifications/queue-email.js";
import { createOneTimeLink } from "./create-one-time-link.js";
import { INVITATION_LIFETIME_MS } from "./lifetimes.js";
import { hashPassword } from "./passwords.js";
import type { newUserSchema } from "./schemas.js";

export type NewUser = z.output<typeof newUserSchema>;

/**
 * Creates a staff account. Without a password, the person receives an invitation link to choose
 * one (the administrator never needs to know it). Focal points are bound to a Pemda and office.
 */
export async function createUser(input: NewUser, actor: Actor, now = new Date()) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return transaction(async (tx, afterCommit) => {
    const issues = [];
    const region = input.regionCode ? await tx.region.findUnique({ where: { code: input.regionCode }, select: { id: true } }) : null;
    if (input.regionCode && !region) issues.push({ path: "regionCode", messageKey: "errors.region_unknown" });
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) issues.push({ path: "email", messageKey: "errors.email_taken" });
    if (issues.length) throw new ValidationError(issues);

    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        regionId: region?.id ?? null,
        office: input.role === "focal_point" ? (input.office ?? null) : null,
        locale: input.locale,
        passwordHash,
        passwordChangedAt: passwordHash ? now : null,
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "user.created",
      entityType: "user",
      entityId: user.id,
      data: { email: user.email, role: user.role, regionCode: input.regionCode ?? null, office: user.office },
      at: now,
    });
    let invitationUrl: string | null = null;
    if (!passwordHash) {
      const link = await createOneTimeLink(tx, "invitation", user.id, INVITATION_LIFETIME_MS, now);
      invitationUrl = link.url;
      await queueEmail(tx, afterCommit, {
        dedupeKey: `invitation:${user.id}:${now.getTime()}`,
        to: user.email,
        template: "invitation",
        locale: user.locale,
        data: { name: user.name, url: link.url, days: INVITATION_LIFETIME_MS / (24 * 3600_000) },
      });
    }
    return { user, invitationUrl };
  });
}
