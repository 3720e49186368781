import type { ComplaintDimensionResult, IndicatorResult } from "./compute-complaint-dimension.js";
import type { UnitResult } from "./compute-assessment.js";
import type { Methodology } from "./methodology.js";
import { roundScore } from "./rounding.js";

/**
 * Pure steps between the assessment engine and the stored results: cleaning stored assessor
 * points against a methodology, the figures a Pemda row keeps, ranks, and the points each
 * indicator cost. Values in, values out.
 */

export interface PointsProblem {
  key: string;
  /** unknown_dimension: not a dimension of this year; points_out_of_range: outside 0..weight */
  problem: "unknown_dimension" | "points_out_of_range";
}

/**
 * The assessor points of a unit that fit a methodology: known dimension keys with points
 * 0..weight. Anything else (points entered under another year's methodology, or a weight lowered
 * by a new revision) is left out and reported, so that one stale entry never stops a whole
 * year's computation. Units: points out of each dimension's weight.
 */
export function assessorPointsFor(methodology: Methodology, stored: unknown): { points: Record<string, number>; problems: PointsProblem[] } {
  const points: Record<string, number> = {};
  const problems: PointsProblem[] = [];
  if (!stored || typeof stored !== "object") return { points, problems };
  const weights = new Map(methodology.dimensions.map((d) => [d.key, d.weight]));
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    const weight = weights.get(key);
    if (weight === undefined) problems.push({ key, problem: "unknown_dimension" });
    else if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > weight) problems.push({ key, problem: "points_out_of_range" });
    else points[key] = value;
  }
  return { points, problems };
}

/**
 * Per dimension, the mean of the units' points (two decimals) over the units that have it, for
 * the per-dimension bars of a Pemda. Units: points out of each dimension's weight.
 */
export function dimensionMeans(methodology: Methodology, units: readonly UnitResult[]): Array<{ key: string; weight: number; points: number | null }> {
  return methodology.dimensions.map((d) => {
    const values = units.map((u) => u.dimensions.find((x) => x.key === d.key)?.exactPoints ?? null).filter((v): v is number => v !== null);
    return { key: d.key, weight: d.weight, points: values.length === 0 ? null : roundScore(values.reduce((a, b) => a + b, 0) / values.length) };
  });
}

/**
 * Ranks by score, highest first, ties sharing a rank (1, 2, 2, 4); entries without a score get
 * none. Units: rank 1..n.
 */
export function rankByScore<K>(entries: ReadonlyArray<{ key: K; score: number | null }>): Map<K, number> {
  const scored = entries.filter((e): e is { key: K; score: number } => e.score !== null).sort((a, b) => b.score - a.score);
  const ranks = new Map<K, number>();
  scored.forEach((e, i) => ranks.set(e.key, i > 0 && scored[i - 1]!.score === e.score ? ranks.get(scored[i - 1]!.key)! : i + 1));
  return ranks;
}

/**
 * The points of the complaint dimension an indicator cost its unit: the points it missed
 * (3 - its points) as a share of the points available from the scored indicators, times the
 * dimension weight. 0 for an indicator that is not scored (it is left out, not lost). Units:
 * points out of the dimension weight (21.54 in 2022-2023), full precision.
 */
export function lostPointsOf(indicator: IndicatorResult, dimension: Pick<ComplaintDimensionResult, "availablePoints" | "weight">): number {
  if (indicator.points === null || dimension.availablePoints === 0) return 0;
  return ((indicator.maxPoints - indicator.points) / dimension.availablePoints) * dimension.weight;
}
