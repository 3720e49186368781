import { db } from "../db.js";
import { civilDateOf } from "../deadlines/civil-date.js";
import { officeAppointmentValidity } from "./appointment-validity.js";

/**
 * What the administrator and the Ombudsman assistant must act on (issue #5): the offices of active
 * Pemda without a valid primary focal point today (WITA), and the appointments ending within 30
 * days that no later appointment takes over, soonest first.
 */
export async function listAppointmentFlags(now = new Date()) {
  const today = civilDateOf(now);
  const offices = await db.office.findMany({
    where: { region: { isActive: true } },
    orderBy: [{ region: { code: "asc" } }, { kind: "asc" }],
    select: {
      id: true,
      kind: true,
      name: true,
      region: { select: { code: true, name: true } },
      appointments: { select: { id: true, name: true, role: true, validFrom: true, validUntil: true, endedAt: true } },
    },
  });
  const officesWithoutPrimary = [];
  const expiringSoon = [];
  for (const office of offices) {
    const validity = officeAppointmentValidity(office.appointments, today);
    const where = { officeKind: office.kind, officeName: office.name, regionCode: office.region.code, regionName: office.region.name };
    if (!validity.hasValidPrimary) officesWithoutPrimary.push({ officeId: office.id, hasValidDeputy: validity.hasValidDeputy, ...where });
    for (const status of validity.expiringSoon) {
      if (status.hasSuccessor) continue;
      const { id, name, role } = status.appointment;
      expiringSoon.push({ appointmentId: id, name, role, lastValidDay: status.lastValidDay!, daysLeft: status.daysLeft!, ...where });
    }
  }
  expiringSoon.sort((a, b) => a.daysLeft - b.daysLeft || a.regionCode.localeCompare(b.regionCode));
  return { today, offices: offices.length, officesWithoutPrimary, expiringSoon };
}
