import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { conflict } from "../http/errors.js";
import { findPemdaUnit } from "./find-pemda-unit.js";

/**
 * Deletes a unit entered by mistake. A unit that any complaint names is never deleted (the
 * complaint and the assessment figures keep pointing at it): deactivate it instead.
 */
export async function removeUnit(regionCode: string, unitId: number, actor: Actor, now = new Date()) {
  await transaction(async (tx) => {
    const unit = await findPemdaUnit(tx, regionCode, unitId);
    const complaints = await tx.complaint.count({ where: { unitId: unit.id } });
    if (complaints > 0) throw conflict("registry.errors.unit_has_complaints", { count: complaints });
    await tx.unit.delete({ where: { id: unit.id } });
    await recordAuditEvent(tx, { stream: `region:${regionCode}`, actor, action: "unit.removed", entityType: "unit", entityId: unit.id, data: { name: unit.name, kind: unit.kind }, at: now });
  });
}
