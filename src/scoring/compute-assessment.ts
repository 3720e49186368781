import { ValidationError, type FieldIssue } from "../http/errors.js";
import { computeComplaintDimension, type ComplaintDimensionResult } from "./compute-complaint-dimension.js";
import type { ComplaintManagementFacts, RecordId, ScoringWindow } from "./facts.js";
import { methodologyFingerprint, type Category, type DimensionOrigin, type Methodology, type Zone } from "./methodology.js";
import { opinionOf } from "./opinion.js";
import { meanScore, roundScore } from "./rounding.js";

export interface UnitAssessmentInput {
  unitId: RecordId;
  /** Kemendagri code of the unit's Pemda ("53.18"); units are grouped into Pemda by it. */
  regionCode: string;
  /**
   * Assessor points by dimension key, each 0..the dimension's weight. A value for the
   * complaint-management dimension overrides the computed one (the computation is still shown).
   */
  assessorPoints: Readonly<Record<string, number | null | undefined>>;
  /** Facts for the complaint-management dimension; without them only an override can fill it. */
  complaintFacts?: ComplaintManagementFacts | null;
}

export interface AssessmentInput extends ScoringWindow {
  methodology: Methodology;
  units: readonly UnitAssessmentInput[];
}

export type DimensionSource = "assessor" | "computed" | "assessor_override" | "missing";

export interface DimensionResult {
  key: string;
  origin: DimensionOrigin;
  weight: number;
  /** Points as published (two decimals); null when missing. */
  points: number | null;
  /** Full precision: what the unit total adds up before its single rounding. */
  exactPoints: number | null;
  source: DimensionSource;
  /** The computation from recorded facts (complaint-management dimension only, when facts were given). */
  complaintManagement: ComplaintDimensionResult | null;
}

export interface UnitResult {
  unitId: RecordId;
  regionCode: string;
  methodologyId: string;
  dimensions: DimensionResult[];
  /** Sum of the dimension points, two decimals; null while a dimension is missing. */
  total: number | null;
  /** The same sum at full precision, which Pemda means are taken from. */
  exactTotal: number | null;
  category: Category | null;
  zone: Zone | null;
  missingDimensionKeys: string[];
}

export interface RegionResult {
  regionCode: string;
  methodologyId: string;
  unitIds: RecordId[];
  /** Plain mean of the unit totals, two decimals; null until every unit has a total. */
  score: number | null;
  category: Category | null;
  zone: Zone | null;
  /** Mean over the units that have a total so far (no opinion is given on it). */
  provisionalScore: number | null;
  incompleteUnitIds: RecordId[];
}

export interface AssessmentResult {
  methodology: { id: string; year: number; revision: number; fingerprint: string };
  period: ScoringWindow["period"];
  asOf: Date;
  units: UnitResult[];
  regions: RegionResult[];
}

/**
 * The yearly compliance assessment of a set of units: per unit the weighted dimension points
 * (assessor points for input, proses and output; the complaint-management dimension computed from
 * recorded facts unless overridden), the total and its opinion; per Pemda the plain mean of its
 * units and its opinion. Units: points 0..100, two decimals, rounded once at the end (the
 * Ombudsman's Dinas Pendidikan Maluku Tenggara 2023 figure, 52.86 from parts 5.83 + 16.42 + 22.14
 * + 8.46 = 52.85, shows the published total is not the sum of the rounded parts). Source: domain
 * brief section 6 and the methodology of the year, whose id and fingerprint the result keeps.
 * Throws a ValidationError when points are out of range or a unit appears twice.
 */
export function computeAssessment(input: AssessmentInput): AssessmentResult {
  const { methodology, period, asOf } = input;
  assertValid(input);
  const units = input.units.map((unit) => assessUnit(methodology, unit, { period, asOf }));

  const byRegion = new Map<string, UnitResult[]>();
  for (const unit of units) byRegion.set(unit.regionCode, [...(byRegion.get(unit.regionCode) ?? []), unit]);
  const regions = [...byRegion].map(([regionCode, regionUnits]) => assessRegion(methodology, regionCode, regionUnits));

  return {
    methodology: { id: methodology.id, year: methodology.year, revision: methodology.revision, fingerprint: methodologyFingerprint(methodology) },
    period,
    asOf,
    units,
    regions,
  };
}

function assessUnit(methodology: Methodology, unit: UnitAssessmentInput, window: ScoringWindow): UnitResult {
  const dimensions = methodology.dimensions.map((dimension): DimensionResult => {
    const given = unit.assessorPoints[dimension.key] ?? null;
    const base = { key: dimension.key, origin: dimension.origin, weight: dimension.weight };
    if (dimension.origin === "assessor") {
      return { ...base, ...pointsOf(given), source: given === null ? "missing" : "assessor", complaintManagement: null };
    }
    const computed = unit.complaintFacts ? computeComplaintDimension({ methodology, facts: unit.complaintFacts, ...window }) : null;
    const exact = given ?? computed?.points ?? null;
    const source: DimensionSource = given !== null ? "assessor_override" : exact !== null ? "computed" : "missing";
    return { ...base, ...pointsOf(exact), source, complaintManagement: computed };
  });

  const missingDimensionKeys = dimensions.filter((d) => d.exactPoints === null).map((d) => d.key);
  const exactTotal = missingDimensionKeys.length > 0 ? null : dimensions.reduce((sum, d) => sum + (d.exactPoints ?? 0), 0);
  const opinion = exactTotal === null ? null : opinionOf(methodology, exactTotal);
  return {
    unitId: unit.unitId,
    regionCode: unit.regionCode,
    methodologyId: methodology.id,
    dimensions,
    total: opinion?.score ?? null,
    exactTotal,
    category: opinion?.category ?? null,
    zone: opinion?.zone ?? null,
    missingDimensionKeys,
  };
}

function pointsOf(exact: number | null): { points: number | null; exactPoints: number | null } {
  return { points: exact === null ? null : roundScore(exact), exactPoints: exact };
}

function assessRegion(methodology: Methodology, regionCode: string, units: UnitResult[]): RegionResult {
  const totals = units.map((u) => u.exactTotal).filter((t): t is number => t !== null);
  const incompleteUnitIds = units.filter((u) => u.total === null).map((u) => u.unitId);
  const provisionalScore = totals.length === 0 ? null : meanScore(totals);
  const opinion = incompleteUnitIds.length === 0 && provisionalScore !== null ? opinionOf(methodology, provisionalScore) : null;
  return {
    regionCode,
    methodologyId: methodology.id,
    unitIds: units.map((u) => u.unitId),
    score: opinion?.score ?? null,
    category: opinion?.category ?? null,
    zone: opinion?.zone ?? null,
    provisionalScore,
    incompleteUnitIds,
  };
}

function assertValid({ methodology, units, period, asOf }: AssessmentInput): void {
  const issues: FieldIssue[] = [];
  if (!(period.startAt.getTime() < period.endAt.getTime())) issues.push({ path: "period", messageKey: "scoring.errors.period_order" });
  if (Number.isNaN(asOf.getTime())) issues.push({ path: "asOf", messageKey: "errors.invalid" });
  const weights = new Map(methodology.dimensions.map((d) => [d.key, d.weight]));
  const seen = new Set<RecordId>();
  units.forEach((unit, i) => {
    if (seen.has(unit.unitId)) issues.push({ path: `units.${i}.unitId`, messageKey: "scoring.errors.duplicate_unit", params: { unitId: unit.unitId } });
    seen.add(unit.unitId);
    for (const [key, points] of Object.entries(unit.assessorPoints)) {
      const weight = weights.get(key);
      const path = `units.${i}.assessorPoints.${key}`;
      if (weight === undefined) issues.push({ path, messageKey: "scoring.errors.unknown_dimension", params: { key } });
      else if (points !== null && points !== undefined && !(Number.isFinite(points) && points >= 0 && points <= weight)) {
        issues.push({ path, messageKey: "scoring.errors.points_out_of_range", params: { minimum: 0, maximum: weight } });
      }
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
}
