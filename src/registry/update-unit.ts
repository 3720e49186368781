import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { ValidationError } from "../http/errors.js";
import { changedFields } from "./changed-fields.js";
import { findPemdaUnit } from "./find-pemda-unit.js";
import type { UnitInput } from "./schemas.js";

/** Renames a unit or changes its kind, aliases, whether it is assessed and whether it is the Pemda's Inspektorat. */
export async function updateUnit(regionCode: string, unitId: number, input: UnitInput, actor: Actor, now = new Date()) {
  return transaction(async (tx) => {
    const unit = await findPemdaUnit(tx, regionCode, unitId);
    if (input.name !== unit.name && (await tx.unit.findUnique({ where: { regionId_name: { regionId: unit.regionId, name: input.name } }, select: { id: true } }))) {
      throw new ValidationError([{ path: "name", messageKey: "registry.errors.unit_name_taken" }]);
    }
    const changes = changedFields(unit, input);
    if (Object.keys(changes).length === 0) return unit;
    const updated = await tx.unit.update({ where: { id: unit.id }, data: input });
    await recordAuditEvent(tx, { stream: `region:${regionCode}`, actor, action: "unit.updated", entityType: "unit", entityId: unit.id, data: { changes }, at: now });
    return updated;
  });
}
