import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { notFound } from "../http/errors.js";

/**
 * Deactivates or reactivates a Pemda. A deactivated Pemda disappears from the lists people choose
 * from (intake, accounts) but keeps its units, offices, appointments and complaints.
 */
export async function setPemdaActive(code: string, isActive: boolean, actor: Actor, now = new Date()) {
  await transaction(async (tx) => {
    const region = await tx.region.findUnique({ where: { code }, select: { id: true, isActive: true } });
    if (!region) throw notFound();
    if (region.isActive === isActive) return;
    await tx.region.update({ where: { id: region.id }, data: { isActive } });
    await recordAuditEvent(tx, { stream: `region:${code}`, actor, action: isActive ? "region.activated" : "region.deactivated", entityType: "region", entityId: code, at: now });
  });
}
