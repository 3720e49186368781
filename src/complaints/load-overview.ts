import { db } from "../db.js";
import { OPEN_STATES, waitingOn, type State } from "./states.js";

/**
 * The assistant's overview of every Pemda: open cases, overdue cases, and whose move it is
 * (the Ombudsman, the Pemda, the reporter), from two grouped queries whatever the archive's size.
 */
export async function loadOverview(now = new Date()) {
  const [regions, byStatus, overdue] = await Promise.all([
    db.region.findMany({ where: { isActive: true }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    db.complaint.groupBy({ by: ["regionId", "status", "desk"], where: { status: { in: [...OPEN_STATES] } }, _count: { _all: true } }),
    db.complaint.groupBy({ by: ["regionId"], where: { status: { in: [...OPEN_STATES] }, overdueSince: { not: null, lte: now } }, _count: { _all: true } }),
  ]);
  const rows = regions.map((region) => {
    const counts = { open: 0, ombudsman: 0, pemda: 0, reporter: 0, routedNotAcknowledged: 0 };
    for (const group of byStatus.filter((g) => g.regionId === region.id)) {
      counts.open += group._count._all;
      const who = waitingOn(group.status as State, group.desk as "ombudsman" | "inspektorat");
      if (who) counts[who] += group._count._all;
      if (group.status === "routed") counts.routedNotAcknowledged += group._count._all;
    }
    return { ...region, ...counts, overdue: overdue.find((o) => o.regionId === region.id)?._count._all ?? 0 };
  });
  const totals = rows.reduce(
    (sum, r) => ({ open: sum.open + r.open, overdue: sum.overdue + r.overdue, ombudsman: sum.ombudsman + r.ombudsman, pemda: sum.pemda + r.pemda, reporter: sum.reporter + r.reporter }),
    { open: 0, overdue: 0, ombudsman: 0, pemda: 0, reporter: 0 },
  );
  return { rows, totals };
}
