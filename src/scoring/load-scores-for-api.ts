import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import { forbidden, notFound } from "../http/errors.js";
import type { RecordId } from "./facts.js";
import { findMethodology } from "./load-methodologies.js";
import { canViewAllScores } from "./policy.js";
import { findRun, type ScoreView } from "./score-runs.js";

/**
 * The results of a year for GET /api/v1/scores, per Pemda and unit: dimension points, total,
 * category, zone, the methodology version (id and fingerprint), and per indicator its value,
 * points and basis. Who sees what:
 * - without a token, the published figures (the public page's), each basis as counts only;
 * - with a staff token (administrator, assistant, auditor), the current run, every basis as the
 *   records themselves: complaints by tracking number, other records by their id ("letter:12");
 * - with a focal point's token, the current run of its own Pemda only (another Pemda is refused:
 *   its published figures are there without a token).
 * Never a reporter's identity.
 */
export async function loadScoresForApi(input: { year: number; regionCode?: string }, user: CurrentUser | null) {
  const view: ScoreView = user ? "current" : "published";
  let regionFilter: { regionId?: number } = {};
  if (user && !canViewAllScores(user)) {
    if (user.role !== "focal_point" || user.regionId === null) throw forbidden();
    const own = await db.region.findUnique({ where: { id: user.regionId }, select: { code: true } });
    if (input.regionCode && input.regionCode !== own?.code) throw forbidden();
    regionFilter = { regionId: user.regionId };
  } else if (input.regionCode) {
    const region = await db.region.findUnique({ where: { code: input.regionCode }, select: { id: true } });
    if (!region) throw notFound();
    regionFilter = { regionId: region.id };
  }
  const run = await findRun(input.year, view);
  if (!run) throw notFound("scoring.api.no_results");
  const withRecords = view === "current";
  const [stored, regions, units, indicators] = await Promise.all([
    findMethodology(run.methodologyId),
    db.scoreRegionResult.findMany({ where: { runId: run.id, ...regionFilter }, orderBy: { regionCode: "asc" } }),
    db.scoreUnitResult.findMany({ where: { runId: run.id, ...regionFilter }, orderBy: { unitId: "asc" } }),
    db.scoreIndicatorResult.findMany({
      where: { runId: run.id, ...regionFilter },
      orderBy: { id: "asc" },
      select: { unitId: true, key: true, valueKind: true, status: true, value: true, points: true, maxPoints: true, minimumCases: true, lostPoints: true, recordKind: true, numeratorCount: true, denominatorCount: true, pendingCount: true, basis: withRecords },
    }),
  ]);
  const trackingOf = withRecords ? await trackingNumbersOf(run, regions.map((r) => r.regionId)) : new Map<number, string>();
  const asRecords = (recordKind: string, ids: RecordId[]) => ids.map((id) => (recordKind === "complaint" ? (trackingOf.get(Number(id)) ?? String(id)) : String(id)));

  return {
    year: run.year,
    view,
    methodology: { id: run.methodologyId, fingerprint: run.methodologyFingerprint, title: stored?.methodology.title ?? null },
    period: { startAt: run.periodStartAt, endAt: run.periodEndAt },
    computedAt: run.computedAt,
    publishedAt: run.publishedAt,
    regions: regions.map((region) => ({
      code: region.regionCode,
      name: region.regionName,
      score: region.score,
      provisionalScore: region.provisionalScore,
      category: region.category,
      zone: region.zone,
      rank: region.rank,
      dimensions: region.dimensions,
      units: units
        .filter((u) => u.regionId === region.regionId)
        .map((unit) => ({
          id: unit.unitId,
          name: unit.unitName,
          kind: unit.unitKind,
          total: unit.total,
          category: unit.category,
          zone: unit.zone,
          methodologyId: run.methodologyId,
          dimensions: unit.dimensions,
          complaintDimension: unit.complaintDimension,
          missingDimensionKeys: unit.missingDimensionKeys,
          indicators: indicators
            .filter((i) => i.unitId === unit.unitId)
            .map((i) => {
              const basis = i.basis as { numeratorIds: RecordId[]; denominatorIds: RecordId[]; pendingIds: RecordId[] } | undefined;
              const met = new Set((basis?.numeratorIds ?? []).map(String));
              return {
                key: i.key,
                valueKind: i.valueKind,
                status: i.status,
                value: i.value,
                points: i.points,
                maxPoints: i.maxPoints,
                lostPoints: Math.round(i.lostPoints * 1e4) / 1e4,
                minimumCases: i.minimumCases,
                basis: {
                  recordKind: i.recordKind,
                  counts: { met: i.numeratorCount, notMet: i.denominatorCount - i.numeratorCount, pending: i.pendingCount },
                  ...(basis
                    ? {
                        met: asRecords(i.recordKind, basis.numeratorIds),
                        notMet: asRecords(i.recordKind, basis.denominatorIds.filter((id) => !met.has(String(id)))),
                        pending: asRecords(i.recordKind, basis.pendingIds),
                      }
                    : {}),
                },
              };
            }),
        })),
    })),
  };
}

/** Tracking numbers of the complaints a run can name: those received in its period in these Pemda (one query, no long id lists). */
async function trackingNumbersOf(run: { periodStartAt: Date; periodEndAt: Date }, regionIds: number[]): Promise<Map<number, string>> {
  const rows = await db.complaint.findMany({ where: { regionId: { in: regionIds }, receivedAt: { gte: run.periodStartAt, lt: run.periodEndAt } }, select: { id: true, trackingNumber: true } });
  return new Map(rows.map((r) => [r.id, r.trackingNumber]));
}
