import { db } from "../db.js";
import { civilDateOf } from "../deadlines/civil-date.js";
import { officeAppointmentValidity } from "./appointment-validity.js";

/**
 * Every Pemda, active or not (province first, then by code), with its number of active units and
 * its two focal-point offices, each saying whether a primary and a deputy are validly appointed
 * today (WITA).
 */
export async function listPemda(now = new Date()) {
  const today = civilDateOf(now);
  const regions = await db.region.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      isActive: true,
      _count: { select: { units: { where: { isActive: true } } } },
      offices: { orderBy: { kind: "asc" }, select: { id: true, kind: true, name: true, appointments: { select: { role: true, validFrom: true, validUntil: true, endedAt: true } } } },
    },
  });
  return regions.map(({ _count, offices, ...region }) => ({
    ...region,
    units: _count.units,
    offices: offices.map(({ appointments, ...office }) => {
      const validity = officeAppointmentValidity(appointments, today);
      return { ...office, hasValidPrimary: validity.hasValidPrimary, hasValidDeputy: validity.hasValidDeputy, expiringSoon: validity.expiringSoon.length };
    }),
  }));
}
