import { queueHealth } from "../../jobs/queue.js";
import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import { listAppointmentFlags } from "../registry/list-appointment-flags.js";
import { loadScoreSummary } from "../scoring/load-score-summary.js";

/** What each role sees first after signing in. */
export async function loadDashboard(user: CurrentUser) {
  switch (user.role) {
    case "admin":
      return { kind: "admin" as const, ...(await adminFigures()), appointmentFlags: await listAppointmentFlags() };
    case "assistant":
    case "auditor":
      return { kind: "overview" as const, regions: await regionOverview(), appointmentFlags: await listAppointmentFlags(), scores: await loadScoreSummary(user) };
    case "focal_point":
      return { kind: "focal_point" as const, ...(await focalPointFigures(user)), scores: await loadScoreSummary(user) };
  }
}

async function adminFigures() {
  const [activeUsers, inactiveUsers, invitedUsers, regions, units, pendingMail, failedMail, queue] = await Promise.all([
    db.user.count({ where: { isActive: true } }),
    db.user.count({ where: { isActive: false } }),
    db.user.count({ where: { isActive: true, passwordHash: null } }),
    db.region.count({ where: { isActive: true } }),
    db.unit.count({ where: { isActive: true } }),
    db.outboxMessage.count({ where: { status: "pending" } }),
    db.outboxMessage.count({ where: { status: "failed" } }),
    queueHealth(),
  ]);
  return { activeUsers, inactiveUsers, invitedUsers, regions, units, pendingMail, failedMail, queue };
}

/** Every Pemda with its units and the focal points appointed per office. */
async function regionOverview() {
  const [regions, focalPoints] = await Promise.all([
    db.region.findMany({ where: { isActive: true }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true, _count: { select: { units: { where: { isActive: true } } } } } }),
    db.user.groupBy({ by: ["regionId", "office"], where: { role: "focal_point", isActive: true }, _count: { _all: true } }),
  ]);
  return regions.map((region) => {
    const count = (office: string) => focalPoints.find((f) => f.regionId === region.id && f.office === office)?._count._all ?? 0;
    return { ...region, units: region._count.units, inspektorat: count("inspektorat"), organisasi: count("organisasi") };
  });
}

async function focalPointFigures(user: CurrentUser) {
  const [region, colleagues] = await Promise.all([
    db.region.findUniqueOrThrow({ where: { id: user.regionId! }, include: { units: { where: { isActive: true }, orderBy: [{ kind: "asc" }, { name: "asc" }] } } }),
    db.user.findMany({ where: { role: "focal_point", regionId: user.regionId, isActive: true }, orderBy: [{ office: "asc" }, { name: "asc" }], select: { id: true, name: true, email: true, office: true } }),
  ]);
  return { region, colleagues };
}
