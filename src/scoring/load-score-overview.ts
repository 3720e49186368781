import { db } from "../db.js";
import { stackedBar, tileMapChart, zoneColumnsChart, ZONE_KEYS, type ZoneKey } from "./charts.js";
import { findMethodology } from "./load-methodologies.js";
import { defaultYear, findRun, runsOfView, type ScoreView } from "./score-runs.js";

export interface DimensionPoints {
  key: string;
  weight: number;
  points: number | null;
}

const REGION_SELECT = {
  regionId: true,
  regionCode: true,
  regionName: true,
  score: true,
  provisionalScore: true,
  category: true,
  zone: true,
  rank: true,
  unitCount: true,
  incompleteUnitCount: true,
  dimensions: true,
} as const;

/** Ranked first, then the provisional ones by their provisional score, then by code. */
function byStanding<T extends { rank: number | null; provisionalScore: number | null; regionCode: string }>(a: T, b: T) {
  return (a.rank ?? Infinity) - (b.rank ?? Infinity) || (b.provisionalScore ?? -1) - (a.provisionalScore ?? -1) || a.regionCode.localeCompare(b.regionCode);
}

/**
 * Every Pemda of one year as a reader of `view` sees it: ranked with its score, opinion and
 * per-dimension means; the tile map coloured by zone; and the trend over the years (a score per
 * Pemda per year, and how many Pemda were in each zone). Reads stored results only (about 23 rows
 * per year), never complaints. `linkTo` builds each Pemda's link, or null for none.
 */
export async function loadScoreOverview(input: { year?: number; view: ScoreView; linkTo: (year: number, code: string) => string | null }) {
  const { view } = input;
  const year = input.year ?? (await defaultYear(view));
  const [run, runs] = await Promise.all([findRun(year, view), runsOfView(view)]);
  const years = [...new Set([...runs.map((r) => r.year), year])].sort((a, b) => a - b);
  const [stored, rows, trendRows, publishedRun] = await Promise.all([
    run ? findMethodology(run.methodologyId) : Promise.resolve(null),
    run ? db.scoreRegionResult.findMany({ where: { runId: run.id }, select: REGION_SELECT }) : Promise.resolve([]),
    db.scoreRegionResult.findMany({ where: { runId: { in: runs.map((r) => r.id) } }, select: { runId: true, regionCode: true, regionName: true, score: true, provisionalScore: true, zone: true, category: true } }),
    view === "current" ? findRun(year, "published") : Promise.resolve(null),
  ]);
  const methodology = stored?.methodology ?? null;

  const regions = rows
    .map((r) => {
      const dimensions = r.dimensions as unknown as DimensionPoints[];
      return { ...r, dimensions, bar: stackedBar(dimensions), href: input.linkTo(year, r.regionCode) };
    })
    .sort(byStanding);

  const yearOfRun = new Map(runs.map((r) => [r.id, r.year]));
  const runIdsWithFigures = new Set(trendRows.filter((r) => r.score !== null || r.provisionalScore !== null).map((r) => r.runId));
  // Years computed before any assessor entered points have nothing to show in a trend.
  const trendYears = runs.filter((r) => runIdsWithFigures.has(r.id) || r.year === year).map((r) => r.year);
  const byRegion = new Map<string, { code: string; name: string; byYear: Record<number, { score: number | null; zone: string | null; category: string | null }> }>();
  for (const row of trendRows) {
    const entry = byRegion.get(row.regionCode) ?? { code: row.regionCode, name: row.regionName, byYear: {} };
    entry.byYear[yearOfRun.get(row.runId)!] = { score: row.score, zone: row.zone, category: row.category };
    byRegion.set(row.regionCode, entry);
  }
  const zoneCounts = trendYears.map((y) => {
    const counts: Partial<Record<ZoneKey, number>> = {};
    for (const entry of byRegion.values()) {
      const figure = entry.byYear[y];
      if (!figure) continue;
      const zone = (ZONE_KEYS as readonly string[]).includes(figure.zone ?? "") ? (figure.zone as ZoneKey) : "none";
      counts[zone] = (counts[zone] ?? 0) + 1;
    }
    return { year: y, counts };
  });

  return {
    view,
    year,
    years,
    run,
    publishedRun,
    methodology: methodology
      ? { id: methodology.id, title: methodology.title, dimensions: methodology.dimensions.map((d) => ({ key: d.key, weight: d.weight, origin: d.origin })), bands: methodology.bands }
      : null,
    regions,
    map: tileMapChart(regions.map((r) => ({ code: r.regionCode, name: r.regionName, zone: r.zone, score: r.score ?? r.provisionalScore, isProvisional: r.score === null, href: r.href }))),
    trend: {
      years: trendYears,
      regions: [...byRegion.values()].sort((a, b) => a.code.localeCompare(b.code)),
      zoneCounts,
      zoneChart: zoneColumnsChart(zoneCounts),
    },
  };
}

export type ScoreOverview = Awaited<ReturnType<typeof loadScoreOverview>>;
