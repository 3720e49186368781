import { transaction } from "../db.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { sessionExpiry } from "./lifetimes.js";
import { hashToken, randomToken } from "./tokens.js";

/** Opens a browser session for a signed-in user; returns the secret for the cookie. */
export async function startSession(userId: number, client: { userAgent?: string; ipAddress?: string }, now = new Date()) {
  const token = randomToken();
  const expiresAt = sessionExpiry(now, now);
  await transaction(async (tx) => {
    await tx.session.create({
      data: { id: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt, userAgent: client.userAgent?.slice(0, 300), ipAddress: client.ipAddress },
    });
    await tx.user.update({ where: { id: userId }, data: { lastLoginAt: now } });
    await recordAuditEvent(tx, { actor: { kind: "user", userId }, action: "session.started", entityType: "user", entityId: userId, data: { ipAddress: client.ipAddress ?? null }, at: now });
  });
  return { token, expiresAt };
}
