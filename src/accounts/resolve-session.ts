import { db } from "../db.js";
import { currentUserSelect, toCurrentUser } from "./current-user.js";
import { SESSION_TOUCH_MS, sessionExpiry } from "./lifetimes.js";
import { hashToken } from "./tokens.js";

/** The user behind a session cookie, or null if the session is unknown, expired or the account inactive. */
export async function resolveSession(token: string, now = new Date()) {
  const id = hashToken(token);
  const session = await db.session.findUnique({
    where: { id },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, user: { select: { ...currentUserSelect, isActive: true } } },
  });
  if (!session || session.expiresAt <= now || !session.user.isActive) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: now, expiresAt: sessionExpiry(session.createdAt, now) } });
  }
  return { sessionId: id, user: toCurrentUser(session.user) };
}
