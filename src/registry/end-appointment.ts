import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { civilDateOf, startOfCivilDay } from "../deadlines/civil-date.js";
import { conflict, notFound, ValidationError } from "../http/errors.js";
import { appointmentState } from "./appointment-validity.js";
import type { EndAppointmentInput } from "./schemas.js";

/**
 * Ends an appointment before its term (the officer moved, retired, was replaced): it no longer
 * counts from `endedOn` (WITA). Only a valid or upcoming appointment can be ended; the reason is
 * kept in the audit trail.
 */
export async function endAppointment(regionCode: string, appointmentId: number, input: EndAppointmentInput, actor: Actor, now = new Date()) {
  return transaction(async (tx) => {
    const appointment = await tx.focalPointAppointment.findUnique({ where: { id: appointmentId }, include: { office: { select: { id: true, region: { select: { code: true } } } } } });
    if (!appointment || appointment.office.region.code !== regionCode) throw notFound();
    const { state } = appointmentState(appointment, civilDateOf(now));
    if (state !== "valid" && state !== "upcoming") throw conflict("registry.errors.appointment_not_current");
    if (appointment.validUntil !== null && input.endedOn > appointment.validUntil) {
      throw new ValidationError([{ path: "endedOn", messageKey: "registry.errors.end_after_term", params: { validUntil: appointment.validUntil } }]);
    }
    const ended = await tx.focalPointAppointment.update({ where: { id: appointment.id }, data: { endedAt: startOfCivilDay(input.endedOn) } });
    await recordAuditEvent(tx, {
      stream: `office:${appointment.office.id}`,
      actor,
      action: "appointment.ended",
      entityType: "appointment",
      entityId: appointment.id,
      data: { name: appointment.name, role: appointment.role, endedOn: input.endedOn, reason: input.reason },
      at: now,
    });
    return ended;
  });
}
