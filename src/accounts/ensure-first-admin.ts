import { db, transaction } from "../db.js";
import { SYSTEM_ACTOR } from "../audit/record-audit-event.js";
import { createOneTimeLink } from "./create-one-time-link.js";
import { createUser } from "./create-user.js";
import { FIRST_ADMIN_LINK_LIFETIME_MS } from "./lifetimes.js";

/**
 * On start-up: when no administrator exists, create one from ADMIN_EMAIL/ADMIN_PASSWORD, or
 * return a one-time set-up link for the operator to open. Does nothing once an administrator exists.
 */
export async function ensureFirstAdmin(options: { email?: string; password?: string }, now = new Date()) {
  const admins = await db.user.count({ where: { role: "admin" } });
  if (admins > 0) return { status: "exists" as const };
  if (options.email && options.password) {
    await createUser({ email: options.email.toLowerCase(), name: "Administrator", role: "admin", password: options.password, locale: "id" }, SYSTEM_ACTOR, now);
    return { status: "created" as const, email: options.email };
  }
  const link = await transaction((tx) => createOneTimeLink(tx, "first_admin", null, FIRST_ADMIN_LINK_LIFETIME_MS, now));
  return { status: "setup_link" as const, url: link.url };
}
