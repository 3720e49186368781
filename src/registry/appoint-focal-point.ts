import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { ValidationError } from "../http/errors.js";
import { findPemdaOffice } from "./find-pemda-office.js";
import type { AppointmentInput } from "./schemas.js";

/**
 * Records a focal point appointed by decree (SK) to an office, as primary or deputy. The optional
 * staff account must be a focal point of the same Pemda and office: routing targets the office,
 * the account is how the person works in it.
 */
export async function appointFocalPoint(regionCode: string, officeKind: string, input: AppointmentInput, actor: Actor, now = new Date()) {
  return transaction(async (tx) => {
    const office = await findPemdaOffice(tx, regionCode, officeKind);
    if (input.userId !== null) {
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, regionId: true, office: true } });
      if (!user || user.role !== "focal_point" || user.regionId !== office.regionId || user.office !== office.kind) {
        throw new ValidationError([{ path: "userId", messageKey: "registry.errors.user_not_of_office" }]);
      }
    }
    const appointment = await tx.focalPointAppointment.create({ data: { officeId: office.id, ...input, createdAt: now } });
    await recordAuditEvent(tx, {
      stream: `office:${office.id}`,
      actor,
      action: "appointment.created",
      entityType: "appointment",
      entityId: appointment.id,
      data: { name: input.name, role: input.role, decreeNumber: input.decreeNumber, decreeDate: input.decreeDate, validFrom: input.validFrom, validUntil: input.validUntil, userId: input.userId },
      at: now,
    });
    return appointment;
  });
}
