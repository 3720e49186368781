import { db, transaction } from "../db.js";
import type { Prisma } from "../generated/prisma/client.js";
import { logger } from "../logger.js";
import { computeAssessment, type RegionResult, type UnitResult } from "./compute-assessment.js";
import { periodOfYear } from "./facts-from-records.js";
import { loadRegionFacts } from "./load-region-facts.js";
import { methodologyInForce } from "./load-methodologies.js";
import { assessorPointsFor, dimensionMeans, lostPointsOf, rankByScore, type PointsProblem } from "./score-rows.js";

export const RECOMPUTE_TRIGGERS = ["data_change", "sweep", "staff", "methodology"] as const;
export type RecomputeTrigger = (typeof RECOMPUTE_TRIGGERS)[number];

export type RecomputeResult =
  | { status: "no_methodology"; year: number }
  | { status: "superseded"; year: number; runId: number }
  | { status: "computed"; year: number; runId: number; regions: number; units: number; complaints: number; durationMs: number; pointsProblems: Array<PointsProblem & { unitId: number }> };

/**
 * Computes a year's results from what is recorded now and stores them as the year's current run:
 * per Pemda and unit the dimension points, total, category, zone and the methodology version, per
 * indicator its value, points and the ids of the records behind it. The previous current run is
 * replaced; published runs are kept (the public page shows them). Pages read these rows only,
 * never the complaints, so they render in constant time however many complaints are stored.
 * A run that finishes after a newer one was stored is discarded.
 */
export async function recomputeScores(input: { year: number; trigger: RecomputeTrigger; now?: Date }): Promise<RecomputeResult> {
  const { year, trigger } = input;
  const now = input.now ?? new Date();
  const startedAt = Date.now();
  const stored = await methodologyInForce(year);
  if (!stored) return { status: "no_methodology", year };
  const { methodology } = stored;

  const regions = await db.region.findMany({
    where: { isActive: true, units: { some: { isActive: true, isAssessed: true } } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, timeZone: true, units: { where: { isActive: true, isAssessed: true }, orderBy: { id: "asc" }, select: { id: true, name: true, kind: true } } },
  });
  const unitIds = regions.flatMap((r) => r.units.map((u) => u.id));
  const assessorRows = await db.assessorScore.findMany({ where: { year, unitId: { in: unitIds } }, select: { unitId: true, points: true } });
  const assessorOf = new Map(assessorRows.map((r) => [r.unitId, r.points]));

  const pointsProblems: Array<PointsProblem & { unitId: number }> = [];
  const computed: Array<{ region: (typeof regions)[number]; result: RegionResult; units: UnitResult[]; complaintCounts: Map<number, number> }> = [];
  let periodStartAt: Date | null = null;
  let periodEndAt: Date | null = null;
  for (const region of regions) {
    const period = periodOfYear(year, region.timeZone);
    if (!periodStartAt || period.startAt < periodStartAt) periodStartAt = period.startAt;
    if (!periodEndAt || period.endAt > periodEndAt) periodEndAt = period.endAt;
    const facts = await loadRegionFacts(region.units.map((u) => u.id), period, region.timeZone);
    const assessment = computeAssessment({
      methodology,
      period,
      asOf: now,
      units: region.units.map((unit) => {
        const { points, problems } = assessorPointsFor(methodology, assessorOf.get(unit.id));
        pointsProblems.push(...problems.map((p) => ({ ...p, unitId: unit.id })));
        return { unitId: unit.id, regionCode: region.code, assessorPoints: points, complaintFacts: facts.get(unit.id)?.facts ?? null };
      }),
    });
    computed.push({
      region,
      result: assessment.regions[0]!,
      units: assessment.units,
      complaintCounts: new Map([...facts].map(([unitId, f]) => [unitId, f.complaintCount])),
    });
  }
  if (pointsProblems.length > 0) logger.warn({ year, methodology: methodology.id, pointsProblems }, "assessor points that do not fit the methodology were left out");

  const ranks = rankByScore(computed.map((c) => ({ key: c.region.id, score: c.result.score })));
  const complaintCount = computed.reduce((sum, c) => sum + [...c.complaintCounts.values()].reduce((a, b) => a + b, 0), 0);
  const run = await db.scoreRun.create({
    data: {
      year,
      methodologyId: methodology.id,
      methodologyFingerprint: stored.fingerprint,
      periodStartAt: periodStartAt ?? periodOfYear(year, "Asia/Makassar").startAt,
      periodEndAt: periodEndAt ?? periodOfYear(year, "Asia/Makassar").endAt,
      computedAt: now,
      durationMs: 0,
      trigger,
      complaintCount,
    },
  });

  await db.scoreRegionResult.createMany({
    data: computed.map(({ region, result, units }) => ({
      runId: run.id,
      regionId: region.id,
      regionCode: region.code,
      regionName: region.name,
      score: result.score,
      provisionalScore: result.provisionalScore,
      category: result.category,
      zone: result.zone,
      rank: ranks.get(region.id) ?? null,
      unitCount: units.length,
      incompleteUnitCount: result.incompleteUnitIds.length,
      dimensions: dimensionMeans(methodology, units) as Prisma.InputJsonValue,
    })),
  });

  let unitCount = 0;
  for (const { region, units, complaintCounts } of computed) {
    const unitInfo = new Map(region.units.map((u) => [u.id, u]));
    const created = await db.scoreUnitResult.createManyAndReturn({
      select: { id: true, unitId: true },
      data: units.map((unit) => {
        const info = unitInfo.get(Number(unit.unitId))!;
        const complaint = unit.dimensions.find((d) => d.origin === "complaint_management")?.complaintManagement ?? null;
        return {
          runId: run.id,
          unitId: info.id,
          regionId: region.id,
          unitName: info.name,
          unitKind: info.kind,
          total: unit.total,
          category: unit.category,
          zone: unit.zone,
          dimensions: unit.dimensions.map((d) => ({ key: d.key, origin: d.origin, weight: d.weight, points: d.points, source: d.source })),
          complaintDimension: complaint
            ? { earnedPoints: complaint.earnedPoints, availablePoints: complaint.availablePoints, possiblePoints: complaint.possiblePoints, points: complaint.points, isRescaled: complaint.isRescaled }
            : undefined,
          missingDimensionKeys: unit.missingDimensionKeys,
          complaintCount: complaintCounts.get(info.id) ?? 0,
        };
      }),
    });
    unitCount += created.length;
    const resultIdOf = new Map(created.map((c) => [c.unitId, c.id]));
    const indicatorRows = units.flatMap((unit) => {
      const complaint = unit.dimensions.find((d) => d.origin === "complaint_management")?.complaintManagement;
      if (!complaint) return [];
      return complaint.indicators.map((indicator) => ({
        runId: run.id,
        unitResultId: resultIdOf.get(Number(unit.unitId))!,
        unitId: Number(unit.unitId),
        regionId: region.id,
        key: indicator.key,
        valueKind: indicator.valueKind,
        status: indicator.status,
        value: indicator.value,
        points: indicator.points,
        maxPoints: indicator.maxPoints,
        lostPoints: lostPointsOf(indicator, complaint),
        minimumCases: indicator.minimumCases,
        recordKind: indicator.basis.recordKind,
        numeratorCount: indicator.basis.numeratorIds.length,
        denominatorCount: indicator.basis.denominatorIds.length,
        pendingCount: indicator.basis.pendingIds.length,
        basis: { numeratorIds: indicator.basis.numeratorIds, denominatorIds: indicator.basis.denominatorIds, pendingIds: indicator.basis.pendingIds },
        thresholds: indicator.thresholds,
        textParams: indicator.textParams,
        assumed: indicator.assumed,
        sourceIds: indicator.sourceIds,
      }));
    });
    // A few hundred rows per statement: each insert holds the shared connection only briefly.
    for (let i = 0; i < indicatorRows.length; i += 200) await db.scoreIndicatorResult.createMany({ data: indicatorRows.slice(i, i + 200) });
  }

  const durationMs = Date.now() - startedAt;
  const isCurrent = await transaction(async (tx) => {
    const newer = await tx.scoreRun.findFirst({ where: { year, isCurrent: true, computedAt: { gt: now } }, select: { id: true } });
    if (newer) return false;
    await tx.scoreRun.updateMany({ where: { year, isCurrent: true }, data: { isCurrent: false } });
    await tx.scoreRun.update({ where: { id: run.id }, data: { isCurrent: true, durationMs } });
    return true;
  });
  // Older runs that are neither current nor published; a run still being written has a higher id.
  await db.scoreRun.deleteMany({ where: { year, isCurrent: false, publishedAt: null, id: isCurrent ? { lt: run.id } : run.id } });
  if (!isCurrent) return { status: "superseded", year, runId: run.id };
  logger.info({ year, runId: run.id, methodology: methodology.id, regions: computed.length, units: unitCount, complaints: complaintCount, durationMs, trigger }, "scores recomputed");
  return { status: "computed", year, runId: run.id, regions: computed.length, units: unitCount, complaints: complaintCount, durationMs, pointsProblems };
}
