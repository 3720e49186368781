import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import { forbidden, notFound } from "../http/errors.js";
import { methodologyInForce } from "./load-methodologies.js";
import { canEnterAssessorPoints, canViewAllScores } from "./policy.js";

/**
 * The assessors' sheet of one Pemda and year: every assessed unit with the points stored for it,
 * and the dimensions of the year's methodology (assessor dimensions, then the complaint dimension,
 * whose value is optional and overrides the computed figure). Staff who see every Pemda only.
 */
export async function loadAssessorSheet(input: { year: number; regionCode: string }, user: CurrentUser) {
  if (!canViewAllScores(user)) throw forbidden();
  const region = await db.region.findUnique({ where: { code: input.regionCode }, select: { id: true, code: true, name: true } });
  if (!region) throw notFound();
  const stored = await methodologyInForce(input.year);
  const units = await db.unit.findMany({
    where: { regionId: region.id, isActive: true, isAssessed: true },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, assessorScores: { where: { year: input.year }, select: { points: true, source: true, updatedAt: true } } },
  });
  return {
    region,
    year: input.year,
    methodology: stored ? { id: stored.methodology.id, title: stored.methodology.title } : null,
    dimensions: stored
      ? [...stored.methodology.dimensions].sort((a, b) => (a.origin === b.origin ? 0 : a.origin === "assessor" ? -1 : 1)).map((d) => ({ key: d.key, weight: d.weight, origin: d.origin }))
      : [],
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, points: (u.assessorScores[0]?.points ?? {}) as Record<string, number>, source: u.assessorScores[0]?.source ?? null, updatedAt: u.assessorScores[0]?.updatedAt ?? null })),
    canEdit: canEnterAssessorPoints(user),
  };
}
