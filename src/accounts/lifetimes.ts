/** How long credentials live (hours or days as named). */
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
/** lastSeenAt/expiresAt are refreshed at most this often, to avoid a write per request. */
export const SESSION_TOUCH_MS = 5 * 60_000;
export const API_TOKEN_LIFETIME_MS = 90 * 24 * 3600_000;
export const PASSWORD_RESET_LIFETIME_MS = 2 * 3600_000;
export const INVITATION_LIFETIME_MS = 7 * 24 * 3600_000;
export const FIRST_ADMIN_LINK_LIFETIME_MS = 7 * 24 * 3600_000;

/** A session expires after 12 idle hours, and at the latest 7 days after sign-in. */
export function sessionExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS));
}
