import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { changedFields } from "./changed-fields.js";
import { findPemdaOffice } from "./find-pemda-office.js";
import type { OfficeInput } from "./schemas.js";

/** Changes an office's name, contact details and the superior (Inspektur, Sekda) missed deadlines escalate to. */
export async function updateOffice(regionCode: string, kind: string, input: OfficeInput, actor: Actor, now = new Date()) {
  return transaction(async (tx) => {
    const office = await findPemdaOffice(tx, regionCode, kind);
    const changes = changedFields(office, input);
    if (Object.keys(changes).length === 0) return office;
    const updated = await tx.office.update({ where: { id: office.id }, data: input });
    await recordAuditEvent(tx, { stream: `office:${office.id}`, actor, action: "office.updated", entityType: "office", entityId: office.id, data: { changes }, at: now });
    return updated;
  });
}
