import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import { listCasesAtRisk } from "./list-cases-at-risk.js";
import { canViewAllScores } from "./policy.js";
import { RECOMMENDATION_KEYS } from "./recommendations.js";
import { defaultYear, findRun } from "./score-runs.js";

/**
 * What the first page after sign-in shows of the assessment: for staff who see every Pemda, the
 * latest year's zone counts with the highest and lowest Pemda; for a focal point, its Pemda's
 * score and opinion, the three indicators that cost it most, how many open cases are about to
 * miss a counted deadline, and how much of the recommendations checklist is done. Stored results
 * and a few live rows only; never a recomputation.
 */
export async function loadScoreSummary(user: CurrentUser, now = new Date()) {
  const year = await defaultYear("current", now);
  const run = await findRun(year, "current");
  if (canViewAllScores(user)) {
    const regions = run
      ? await db.scoreRegionResult.findMany({ where: { runId: run.id }, select: { regionCode: true, regionName: true, score: true, provisionalScore: true, zone: true, category: true, rank: true } })
      : [];
    const ranked = regions.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
    const zones: Record<string, number> = {};
    for (const r of regions) zones[r.zone ?? "none"] = (zones[r.zone ?? "none"] ?? 0) + 1;
    return { kind: "overview" as const, year, computedAt: run?.computedAt ?? null, zones, highest: ranked.slice(0, 3), lowest: ranked.slice(-3).reverse(), regionCount: regions.length };
  }
  if (user.role !== "focal_point" || user.regionId === null) return null;
  const regionId = user.regionId;
  const [region, result, indicators, atRisk, done] = await Promise.all([
    db.region.findUniqueOrThrow({ where: { id: regionId }, select: { code: true, name: true } }),
    run ? db.scoreRegionResult.findUnique({ where: { runId_regionId: { runId: run.id, regionId } }, select: { score: true, provisionalScore: true, zone: true, category: true, rank: true, unitCount: true } }) : null,
    run ? db.scoreIndicatorResult.findMany({ where: { runId: run.id, regionId, lostPoints: { gt: 0 } }, select: { key: true, lostPoints: true } }) : [],
    listCasesAtRisk({ regionId, year, now, limit: 50 }),
    db.recommendationEvidence.count({ where: { regionId, year, isDone: true } }),
  ]);
  const lostByKey = new Map<string, number>();
  for (const i of indicators) lostByKey.set(i.key, (lostByKey.get(i.key) ?? 0) + i.lostPoints / Math.max(1, result?.unitCount ?? 1));
  const lowering = [...lostByKey].map(([key, points]) => ({ key, points })).sort((a, b) => b.points - a.points).slice(0, 3);
  return {
    kind: "focal_point" as const,
    year,
    computedAt: run?.computedAt ?? null,
    region,
    result,
    lowering,
    atRiskCount: atRisk.length,
    overdueCount: atRisk.filter((c) => c.isOverdue).length,
    recommendationsDone: done,
    recommendationsCount: RECOMMENDATION_KEYS.length,
  };
}

export type ScoreSummary = Awaited<ReturnType<typeof loadScoreSummary>>;
