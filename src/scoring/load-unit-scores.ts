import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import { forbidden, notFound } from "../http/errors.js";
import { stackedBar } from "./charts.js";
import type { UnitDimension } from "./load-region-scores.js";
import { findMethodology } from "./load-methodologies.js";
import { canViewRegionScores } from "./policy.js";
import { findRun } from "./score-runs.js";

const INDICATOR_SELECT = {
  key: true,
  valueKind: true,
  status: true,
  value: true,
  points: true,
  maxPoints: true,
  lostPoints: true,
  minimumCases: true,
  recordKind: true,
  numeratorCount: true,
  denominatorCount: true,
  pendingCount: true,
  thresholds: true,
  textParams: true,
  assumed: true,
  sourceIds: true,
} as const;

/**
 * One unit's result in a year's current run (staff only): its dimensions, and every indicator of
 * the complaint dimension with its value, points, the points it cost, its formula's parameters
 * and how many records stand behind it (the records themselves are on the indicator's page).
 */
export async function loadUnitScores(input: { year: number; unitId: number; user: CurrentUser }) {
  const unit = await db.unit.findUnique({ where: { id: input.unitId }, select: { id: true, name: true, kind: true, isAssessed: true, region: { select: { id: true, code: true, name: true } } } });
  if (!unit) throw notFound();
  if (!canViewRegionScores(input.user, unit.region.id)) throw forbidden();
  const run = await findRun(input.year, "current");
  const result = run ? await db.scoreUnitResult.findUnique({ where: { runId_unitId: { runId: run.id, unitId: unit.id } }, include: { indicators: { select: INDICATOR_SELECT } } }) : null;
  const stored = run ? await findMethodology(run.methodologyId) : null;
  const order = new Map((stored?.methodology.complaintManagement.indicators ?? []).map((i, index) => [i.key as string, index]));
  const sources = new Map((stored?.methodology.sources ?? []).map((s) => [s.id, s]));
  const dimensions = (result?.dimensions ?? []) as unknown as UnitDimension[];
  return {
    unit,
    year: input.year,
    run,
    methodology: stored ? { id: stored.methodology.id, title: stored.methodology.title, fingerprint: stored.fingerprint } : null,
    result: result
      ? {
          total: result.total,
          category: result.category,
          zone: result.zone,
          complaintCount: result.complaintCount,
          dimensions,
          bar: stackedBar(dimensions),
          complaintDimension: result.complaintDimension as { earnedPoints: number; availablePoints: number; possiblePoints: number; points: number | null; isRescaled: boolean } | null,
          missingDimensionKeys: result.missingDimensionKeys as string[],
        }
      : null,
    indicators: (result?.indicators ?? [])
      .map((i) => ({
        ...i,
        thresholds: i.thresholds as Array<{ min: number; points: number }>,
        textParams: i.textParams as Record<string, number>,
        sources: (i.sourceIds as string[]).map((id) => sources.get(id)).filter((s) => s !== undefined),
      }))
      .sort((a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99)),
  };
}

export type UnitScores = Awaited<ReturnType<typeof loadUnitScores>>;
