import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { findPemdaUnit } from "./find-pemda-unit.js";

/** Deactivates a unit (it leaves the lists citizens and staff choose from; its complaints keep it) or reactivates it. */
export async function setUnitActive(regionCode: string, unitId: number, isActive: boolean, actor: Actor, now = new Date()) {
  await transaction(async (tx) => {
    const unit = await findPemdaUnit(tx, regionCode, unitId);
    if (unit.isActive === isActive) return;
    await tx.unit.update({ where: { id: unit.id }, data: { isActive } });
    await recordAuditEvent(tx, { stream: `region:${regionCode}`, actor, action: isActive ? "unit.activated" : "unit.deactivated", entityType: "unit", entityId: unit.id, data: { name: unit.name }, at: now });
  });
}
