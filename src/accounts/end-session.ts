import { transaction } from "../db.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";

/** Signs one browser session out. */
export async function endSession(sessionId: string, userId: number) {
  await transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: sessionId, userId } });
    await recordAuditEvent(tx, { actor: { kind: "user", userId }, action: "session.ended", entityType: "user", entityId: userId });
  });
}
