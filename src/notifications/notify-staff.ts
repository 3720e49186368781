import type { AfterCommit, Tx } from "../db.js";
import { queueEmail } from "./queue-email.js";

/** Who should hear about something: named users, everyone in an office of a Pemda, or everyone with a role. */
export type StaffAudience =
  | { userIds: number[] }
  | { office: { regionId: number; kind: string } }
  | { role: "assistant" | "admin" };

export interface StaffNotice {
  audience: StaffAudience;
  /** e.g. letter.received, deadline.reminder, deadline.escalated, appointment.expired */
  kind: string;
  /** locale key of the message, rendered in each reader's language; params fill it */
  messageKey: string;
  params?: Record<string, string | number>;
  link?: string;
  complaintId?: number;
  /** one notice per person per event: `${dedupeKey}:${userId}` */
  dedupeKey: string;
  /** also email each person (template under views/emails, rendered in their language) */
  email?: { template: string; data: Record<string, unknown> };
}

/**
 * Puts a notice in each addressee's inbox and, if asked, emails them, inside the caller's
 * transaction. Targets offices and roles rather than persons, so a case never waits on one
 * person's absence. Idempotent per (event, person).
 */
export async function notifyStaff(tx: Tx, afterCommit: AfterCommit, notice: StaffNotice) {
  const users = await tx.user.findMany({
    where: {
      isActive: true,
      ...("userIds" in notice.audience
        ? { id: { in: notice.audience.userIds } }
        : "office" in notice.audience
          ? { role: "focal_point", regionId: notice.audience.office.regionId, office: notice.audience.office.kind }
          : { role: notice.audience.role }),
    },
    select: { id: true, email: true, name: true, locale: true },
  });
  for (const user of users) {
    const dedupeKey = `${notice.dedupeKey}:${user.id}`;
    if (await tx.staffNotification.findUnique({ where: { dedupeKey }, select: { id: true } })) continue;
    await tx.staffNotification.create({
      data: { userId: user.id, complaintId: notice.complaintId ?? null, kind: notice.kind, messageKey: notice.messageKey, params: notice.params ?? {}, link: notice.link ?? null, dedupeKey },
    });
    if (notice.email) {
      await queueEmail(tx, afterCommit, { dedupeKey: `staff-mail:${dedupeKey}`, to: user.email, template: notice.email.template, locale: user.locale, data: { ...notice.email.data, name: user.name } });
    }
  }
  return users.length;
}
