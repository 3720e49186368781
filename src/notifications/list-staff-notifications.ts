import { db } from "../db.js";

/** A staff member's inbox notices, unread first, newest first. */
export function listStaffNotifications(userId: number, options: { take?: number } = {}) {
  return db.staffNotification.findMany({
    where: { userId },
    orderBy: [{ readAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    take: options.take ?? 50,
    select: { id: true, kind: true, messageKey: true, params: true, link: true, createdAt: true, readAt: true, complaint: { select: { trackingNumber: true } } },
  });
}

export function countUnreadStaffNotifications(userId: number) {
  return db.staffNotification.count({ where: { userId, readAt: null } });
}
