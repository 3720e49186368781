import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { notFound, ValidationError } from "../http/errors.js";
import type { UnitInput } from "./schemas.js";

/** Adds a service unit to a Pemda; unit names are unique within a Pemda. */
export async function addUnit(regionCode: string, input: UnitInput, actor: Actor, now = new Date()) {
  return transaction(async (tx) => {
    const region = await tx.region.findUnique({ where: { code: regionCode }, select: { id: true } });
    if (!region) throw notFound();
    if (await tx.unit.findUnique({ where: { regionId_name: { regionId: region.id, name: input.name } }, select: { id: true } })) {
      throw new ValidationError([{ path: "name", messageKey: "registry.errors.unit_name_taken" }]);
    }
    const unit = await tx.unit.create({ data: { regionId: region.id, ...input, createdAt: now } });
    await recordAuditEvent(tx, { stream: `region:${regionCode}`, actor, action: "unit.added", entityType: "unit", entityId: unit.id, data: { ...input }, at: now });
    return unit;
  });
}
