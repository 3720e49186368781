import { db } from "../db.js";
import { civilDateOf } from "../deadlines/civil-date.js";
import { notFound } from "../http/errors.js";
import { officeAppointmentValidity } from "./appointment-validity.js";

/**
 * One Pemda for its registry page: its units (with how many complaints name each, since a unit
 * with complaints is never deleted), and its two offices with their current appointments (valid or
 * upcoming), past ones (expired or ended early, with the reason given), and the focal-point
 * accounts of that office an appointment may be linked to.
 */
export async function loadPemda(code: string, now = new Date()) {
  const today = civilDateOf(now);
  const region = await db.region.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      isActive: true,
      parent: { select: { code: true, name: true } },
      units: { orderBy: [{ isActive: "desc" }, { kind: "asc" }, { name: "asc" }], include: { _count: { select: { complaints: true } } } },
      offices: {
        orderBy: { kind: "asc" },
        include: { appointments: { orderBy: [{ validFrom: "desc" }, { id: "desc" }], include: { user: { select: { id: true, name: true, email: true, isActive: true } } } } },
      },
    },
  });
  if (!region) throw notFound();
  const appointmentIds = region.offices.flatMap((o) => o.appointments.map((a) => String(a.id)));
  const [users, endings] = await Promise.all([
    db.user.findMany({ where: { role: "focal_point", regionId: region.id }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true, office: true, isActive: true } }),
    db.auditEvent.findMany({ where: { entityType: "appointment", action: "appointment.ended", entityId: { in: appointmentIds } }, orderBy: { id: "asc" }, select: { entityId: true, data: true } }),
  ]);
  const endReason = new Map(endings.map((e) => [Number(e.entityId), String((e.data as { reason?: unknown }).reason ?? "")]));
  const { units, offices, ...rest } = region;
  return {
    today,
    region: rest,
    units: units.map(({ _count, ...unit }) => ({ ...unit, aliasList: unit.aliases ? unit.aliases.split("|") : [], complaints: _count.complaints })),
    offices: offices.map(({ appointments, ...office }) => {
      const validity = officeAppointmentValidity(appointments, today);
      const statuses = validity.statuses.map((s) => ({ ...s, isExpiringSoon: validity.expiringSoon.includes(s), endReason: endReason.get(s.appointment.id) ?? null }));
      return {
        ...office,
        hasValidPrimary: validity.hasValidPrimary,
        hasValidDeputy: validity.hasValidDeputy,
        current: statuses.filter((s) => s.state === "valid" || s.state === "upcoming"),
        past: statuses.filter((s) => s.state === "expired" || s.state === "ended"),
        users: users.filter((u) => u.office === office.kind),
      };
    }),
  };
}
