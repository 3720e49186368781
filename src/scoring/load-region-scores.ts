import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import { forbidden, notFound } from "../http/errors.js";
import { stackedBar, trendChart } from "./charts.js";
import type { DimensionPoints } from "./load-score-overview.js";
import { findMethodology } from "./load-methodologies.js";
import { canViewRegionScores } from "./policy.js";
import { defaultYear, findRun, runsOfView, type ScoreView } from "./score-runs.js";

export interface UnitDimension extends DimensionPoints {
  origin: string;
  source: string;
}

/**
 * One Pemda's results for a year as a reader of `view` sees them: its score and opinion, each
 * assessed unit with its dimension points, the trend over the years, and for staff what lowers
 * the complaint score: the indicators that lost points, summed over the units and divided by
 * their number (a Pemda's score is the mean of its units), highest first, and the indicators left
 * unscored for lack of data. Staff views are refused to anyone who may not see the Pemda.
 */
export async function loadRegionScores(input: { code: string; year?: number; view: ScoreView; user: CurrentUser | null }) {
  const { view, user } = input;
  const region = await db.region.findUnique({ where: { code: input.code }, select: { id: true, code: true, name: true } });
  if (!region) throw notFound();
  if (view === "current" && (!user || !canViewRegionScores(user, region.id))) throw forbidden();
  const year = input.year ?? (await defaultYear(view));
  const [run, runs] = await Promise.all([findRun(year, view), runsOfView(view)]);
  const [stored, result, units, trendRows] = await Promise.all([
    run ? findMethodology(run.methodologyId) : Promise.resolve(null),
    run ? db.scoreRegionResult.findUnique({ where: { runId_regionId: { runId: run.id, regionId: region.id } } }) : Promise.resolve(null),
    run
      ? db.scoreUnitResult.findMany({
          where: { runId: run.id, regionId: region.id },
          select: { unitId: true, unitName: true, unitKind: true, total: true, category: true, zone: true, dimensions: true, complaintDimension: true, missingDimensionKeys: true, complaintCount: true },
        })
      : Promise.resolve([]),
    db.scoreRegionResult.findMany({ where: { runId: { in: runs.map((r) => r.id) }, regionId: region.id }, select: { runId: true, score: true, provisionalScore: true, zone: true, category: true } }),
  ]);
  const methodology = stored?.methodology ?? null;
  const yearOfRun = new Map(runs.map((r) => [r.id, r.year]));
  const trend = trendRows
    .map((r) => ({ year: yearOfRun.get(r.runId)!, score: r.score, provisionalScore: r.provisionalScore, zone: r.zone, category: r.category }))
    // Years without any figure for this Pemda (no assessor points, no complaint data) would only draw gaps.
    .filter((r) => r.score !== null || r.provisionalScore !== null || r.year === year)
    .sort((a, b) => a.year - b.year);

  const unitRows = units
    .map((u) => {
      const dimensions = u.dimensions as unknown as UnitDimension[];
      return {
        ...u,
        dimensions,
        complaintDimension: u.complaintDimension as { earnedPoints: number; availablePoints: number; possiblePoints: number; points: number | null; isRescaled: boolean } | null,
        missingDimensionKeys: u.missingDimensionKeys as string[],
        bar: stackedBar(dimensions),
      };
    })
    .sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.unitName.localeCompare(b.unitName));

  const isStaff = view === "current";
  const indicators = isStaff && run
    ? await db.scoreIndicatorResult.findMany({ where: { runId: run.id, regionId: region.id }, select: { unitId: true, key: true, status: true, points: true, maxPoints: true, lostPoints: true } })
    : [];
  const unitName = new Map(units.map((u) => [u.unitId, u.unitName]));
  const lowering = [...groupBy(indicators.filter((i) => i.lostPoints > 0), (i) => i.key)]
    .map(([key, list]) => ({
      key,
      regionPoints: list.reduce((sum, i) => sum + i.lostPoints, 0) / Math.max(1, units.length),
      units: list
        .map((i) => ({ unitId: i.unitId, unitName: unitName.get(i.unitId) ?? "", points: i.points, maxPoints: i.maxPoints, lostPoints: i.lostPoints }))
        .sort((a, b) => b.lostPoints - a.lostPoints),
    }))
    .sort((a, b) => b.regionPoints - a.regionPoints || a.key.localeCompare(b.key));
  const gaps = [...groupBy(indicators.filter((i) => i.status !== "scored"), (i) => i.key)]
    .map(([key, list]) => ({ key, notRecorded: list.filter((i) => i.status === "not_recorded").length, insufficient: list.filter((i) => i.status === "insufficient_data").length }))
    .sort((a, b) => a.key.localeCompare(b.key));

  return {
    view,
    region,
    year,
    years: [...new Set([...runs.map((r) => r.year), year])].sort((a, b) => a - b),
    run,
    methodology: methodology
      ? { id: methodology.id, title: methodology.title, dimensions: methodology.dimensions.map((d) => ({ key: d.key, weight: d.weight, origin: d.origin })), bands: methodology.bands }
      : null,
    result: result
      ? { ...result, dimensions: result.dimensions as unknown as DimensionPoints[], bar: stackedBar(result.dimensions as unknown as DimensionPoints[]) }
      : null,
    units: unitRows,
    trend,
    trendChart: trendChart(trend.map((t) => ({ year: t.year, score: t.score, zone: t.zone })), methodology?.bands ?? []),
    lowering,
    gaps,
  };
}

export type RegionScores = Awaited<ReturnType<typeof loadRegionScores>>;

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
