import { transaction } from "../db.js";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";

/** "Log out everywhere": ends every browser session of the user (API tokens are revoked separately). */
export async function endAllSessions(userId: number, actor: Actor) {
  return transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, { actor, action: "session.ended_everywhere", entityType: "user", entityId: userId, data: { sessions: count } });
    return count;
  });
}
