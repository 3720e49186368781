import { config } from "../config.js";
import { db, transaction } from "../db.js";
import { civilDateOf } from "../deadlines/civil-date.js";
import { notifyStaff } from "../notifications/notify-staff.js";
import { officeAppointmentValidity } from "./appointment-validity.js";

/**
 * Tells every administrator and Ombudsman assistant, in their inbox and by email, about each
 * focal-point appointment whose term has run out (WITA) with no later appointment to the same role.
 * Once per appointment and person (the notice's dedupe key), so the daily job may run any number
 * of times. Returns how many expired appointments were looked at.
 */
export async function flagExpiredAppointments(now = new Date()) {
  const today = civilDateOf(now);
  const offices = await db.office.findMany({
    where: { region: { isActive: true }, appointments: { some: { validUntil: { lt: today } } } },
    select: { id: true, kind: true, name: true, region: { select: { code: true, name: true } }, appointments: true },
  });
  let flagged = 0;
  for (const office of offices) {
    for (const status of officeAppointmentValidity(office.appointments, today).expired) {
      if (status.hasSuccessor) continue;
      const appointment = status.appointment;
      const link = `/admin/regions/${office.region.code}#office-${office.kind}`;
      const params = { officer: appointment.name, office: office.name, region: office.region.name, validUntil: appointment.validUntil! };
      await transaction(async (tx, afterCommit) => {
        for (const role of ["admin", "assistant"] as const) {
          await notifyStaff(tx, afterCommit, {
            audience: { role },
            kind: "appointment.expired",
            messageKey: "registry.notice.appointment_expired",
            params,
            link,
            dedupeKey: `appointment-expired:${appointment.id}`,
            email: { template: "appointment-expired", data: { ...params, role: appointment.role, decreeNumber: appointment.decreeNumber, url: `${config.baseUrl}${link}` } },
          });
        }
      });
      flagged += 1;
    }
  }
  return { flagged };
}
