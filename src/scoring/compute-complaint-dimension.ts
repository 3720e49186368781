import type { ComplaintManagementFacts, ScoringWindow } from "./facts.js";
import { INDICATORS, type IndicatorBasis, type IndicatorKey, type ValueKind } from "./indicators.js";
import { complaintDimensionOf, type Methodology, type MethodologyIndicator } from "./methodology.js";

/** Every indicator scores 0..3 (the Ombudsman instrument's interval, e.g. its 2023 workshop material). */
export const INDICATOR_MAX_POINTS = 3;

export type IndicatorStatus = "scored" | "insufficient_data" | "not_recorded";

export interface IndicatorResult {
  key: IndicatorKey;
  valueKind: ValueKind;
  status: IndicatorStatus;
  /** 0..3 for a level, 0..1 for a rate; null unless scored. */
  value: number | null;
  /** 0..3; null unless scored (then the indicator is left out of the dimension). */
  points: number | null;
  maxPoints: number;
  /** For rates: the number of records needed to score; null for levels. */
  minimumCases: number | null;
  thresholds: MethodologyIndicator["thresholds"];
  basis: IndicatorBasis;
  /** Locale keys of the indicator's name, formula and source text. */
  textKeys: { name: string; formula: string; source: string };
  /** Values the formula text interpolates: minimumCases and the indicator's numeric params. */
  textParams: Record<string, number>;
  assumed: boolean;
  sourceIds: string[];
}

export interface ComplaintDimensionResult {
  dimensionKey: string;
  weight: number;
  /** Sum of the points of the scored indicators. */
  earnedPoints: number;
  /** 3 × the number of scored indicators. */
  availablePoints: number;
  /** 3 × the number of indicators of the methodology. */
  possiblePoints: number;
  /** earnedPoints / availablePoints × weight, full precision; null when no indicator has data. */
  points: number | null;
  /** True when some indicators lacked data and the dimension was computed over the others. */
  isRescaled: boolean;
  indicators: IndicatorResult[];
}

/** The points (0..3) of a value: those of the first threshold, from the highest, that it reaches. */
export function pointsFor(thresholds: MethodologyIndicator["thresholds"], value: number): number {
  return thresholds.find((t) => value >= t.min)?.points ?? 0;
}

/**
 * Scores one indicator of a methodology against a unit's facts. A rate over fewer records than
 * `minimumCases` (the indicator's own, else the methodology's) reports insufficient data instead of
 * a number: with under 5 complaints one case moves a rate by 20 points or more, more than the gap
 * between two thresholds, so the points would measure chance rather than practice.
 */
export function scoreIndicator(methodology: Methodology, indicator: MethodologyIndicator, facts: ComplaintManagementFacts, window: ScoringWindow): IndicatorResult {
  // The schema only lets known indicator keys through.
  const key = indicator.key as IndicatorKey;
  const definition = INDICATORS[key];
  const measurement = definition.measure(facts, window, indicator.params);
  const minimumCases = definition.valueKind === "rate" ? (indicator.minimumCases ?? methodology.complaintManagement.minimumCases) : null;
  const hasEnough = minimumCases === null || measurement.basis.denominatorIds.length >= minimumCases;
  const status: IndicatorStatus = !measurement.isRecorded ? "not_recorded" : measurement.value === null || !hasEnough ? "insufficient_data" : "scored";
  const value = status === "scored" ? measurement.value : null;
  return {
    key,
    valueKind: definition.valueKind,
    status,
    value,
    points: value === null ? null : pointsFor(indicator.thresholds, value),
    maxPoints: INDICATOR_MAX_POINTS,
    minimumCases,
    thresholds: indicator.thresholds,
    basis: measurement.basis,
    textKeys: { name: `scoring.indicators.${key}.name`, formula: `scoring.indicators.${key}.formula`, source: `scoring.indicators.${key}.source` },
    textParams: { ...numericParams(definition.params.parse(indicator.params)), ...(minimumCases === null ? {} : { minimumCases }) },
    assumed: indicator.assumed,
    sourceIds: indicator.sourceIds,
  };
}

function numericParams(params: unknown): Record<string, number> {
  return Object.fromEntries(Object.entries(params as Record<string, unknown>).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}

/**
 * The complaint-management dimension of one unit: points = earned indicator points / points
 * available from the indicators that have data × the dimension weight (21.54 in 2022-2023).
 * Units: points out of the weight, full precision (the unit total is rounded once). Source:
 * domain brief section 6; the indicators are ours (see indicators.ts).
 */
export function computeComplaintDimension(input: { methodology: Methodology; facts: ComplaintManagementFacts } & ScoringWindow): ComplaintDimensionResult {
  const { methodology, facts, period, asOf } = input;
  const dimension = complaintDimensionOf(methodology);
  const indicators = methodology.complaintManagement.indicators.map((indicator) => scoreIndicator(methodology, indicator, facts, { period, asOf }));
  const scored = indicators.filter((i) => i.points !== null);
  const earnedPoints = scored.reduce((sum, i) => sum + (i.points ?? 0), 0);
  const availablePoints = scored.length * INDICATOR_MAX_POINTS;
  const possiblePoints = indicators.length * INDICATOR_MAX_POINTS;
  return {
    dimensionKey: dimension.key,
    weight: dimension.weight,
    earnedPoints,
    availablePoints,
    possiblePoints,
    points: availablePoints === 0 ? null : (earnedPoints / availablePoints) * dimension.weight,
    isRescaled: availablePoints < possiblePoints,
    indicators,
  };
}
