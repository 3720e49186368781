import { db } from "../db.js";

/** Marks notices read (only the reader's own). */
export async function markStaffNotificationsRead(userId: number, ids: number[] | "all", now = new Date()) {
  const { count } = await db.staffNotification.updateMany({ where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) }, data: { readAt: now } });
  return count;
}
