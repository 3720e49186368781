import fs from "node:fs";
import path from "node:path";
import { buildMatchingProfile } from "../../src/duplicates/build-matching-profile.js";
import type { ComplaintForMatching, MatchingProfile } from "../../src/duplicates/matching-profile.js";
import { scoreCandidate, type Verdict } from "../../src/duplicates/score-candidate.js";
import { matchUnitName, type UnitForMatching } from "../../src/duplicates/unit-names.js";

/**
 * The labelled evaluation set of tests/fixtures/duplicates: complaints written by hand, each with the
 * person who really wrote it and the concrete matter it is about. A pair's true label follows from
 * those two facts alone (domain brief §4); pairs.json lists the pairs worth looking at, with a split.
 */
export const FIXTURE_DIR = path.resolve(import.meta.dirname, "../fixtures/duplicates");
export const EVALUATION_SECRET = "evaluation-secret-not-used-anywhere-else";

export interface FixtureComplaint extends ComplaintForMatching {
  id: string;
  person: string;
  matter: string;
  channel: "ombudsman" | "inspektorat";
}

export interface FixtureUnit extends UnitForMatching {
  regionCode: string;
  kind: string;
}

export interface LabelledPair {
  a: string;
  b: string;
  label: Verdict;
  kind: string;
  split: "tune" | "holdout";
}

export interface EvaluationSet {
  units: FixtureUnit[];
  complaints: FixtureComplaint[];
  byId: Map<string, FixtureComplaint>;
  pairs: LabelledPair[];
}

export function loadEvaluationSet(): EvaluationSet {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, file), "utf8"));
  const units: FixtureUnit[] = read("units.json").units;
  const complaints: FixtureComplaint[] = fs
    .readdirSync(FIXTURE_DIR)
    .filter((file) => file.startsWith("complaints-") && file.endsWith(".json"))
    .sort()
    .flatMap((file) => read(file).complaints as FixtureComplaint[]);
  const pairs: LabelledPair[] = read("pairs.json").pairs;
  return { units, complaints, byId: new Map(complaints.map((c) => [c.id, c])), pairs };
}

/** The true relation of two complaints, from who wrote them and what they are about. */
export function trueLabel(a: FixtureComplaint, b: FixtureComplaint): Verdict {
  if (a.matter !== b.matter) return "none";
  return a.person === b.person ? "duplicate" : "related";
}

/** Resolves the unit as intake would (matchUnitName among the Pemda's units), then builds the profile. */
export function profileOf(complaint: FixtureComplaint, units: readonly FixtureUnit[]): MatchingProfile {
  const ofRegion = units.filter((unit) => unit.regionCode === complaint.regionCode);
  const unitId = complaint.unitId ?? (complaint.unitName ? matchUnitName(complaint.unitName, ofRegion) : null);
  const unitKind = unitId === null ? null : (ofRegion.find((unit) => unit.id === unitId)?.kind ?? null);
  return buildMatchingProfile({ ...complaint, unitId, unitKind }, EVALUATION_SECRET);
}

export interface ClassMetrics {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of one verdict over pairs of (true, predicted) labels. */
export function metricsOf(outcomes: ReadonlyArray<{ label: Verdict; predicted: Verdict }>, verdict: Verdict): ClassMetrics {
  const truePositives = outcomes.filter((o) => o.label === verdict && o.predicted === verdict).length;
  const falsePositives = outcomes.filter((o) => o.label !== verdict && o.predicted === verdict).length;
  const falseNegatives = outcomes.filter((o) => o.label === verdict && o.predicted !== verdict).length;
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

export interface Evaluation {
  /** Pairs of pairs.json in the split, with the verdict given. */
  outcomes: Array<LabelledPair & { predicted: Verdict; score: number }>;
  metrics: Record<Verdict, ClassMetrics>;
}

/** Scores the labelled pairs of one split (or all) and measures each verdict. */
export function evaluate(set: EvaluationSet, profiles: ReadonlyMap<string, MatchingProfile>, split?: LabelledPair["split"]): Evaluation {
  const outcomes = set.pairs
    .filter((pair) => !split || pair.split === split)
    .map((pair) => {
      const match = scoreCandidate(profiles.get(pair.a)!, profiles.get(pair.b)!);
      return { ...pair, predicted: match.verdict, score: match.score };
    });
  const metrics = { duplicate: metricsOf(outcomes, "duplicate"), related: metricsOf(outcomes, "related"), none: metricsOf(outcomes, "none") };
  return { outcomes, metrics };
}

/**
 * Every pair of complaints in the set, not only the listed ones: how many are called duplicate or
 * related when they are not (the listed pairs hold the hard cases; this catches surprises elsewhere).
 */
export function wrongPositivesAmongAllPairs(set: EvaluationSet, profiles: ReadonlyMap<string, MatchingProfile>): { pairs: number; wrong: Array<[string, string, Verdict]> } {
  const wrong: Array<[string, string, Verdict]> = [];
  let pairs = 0;
  for (let i = 0; i < set.complaints.length; i++) {
    for (let j = i + 1; j < set.complaints.length; j++) {
      const a = set.complaints[i]!;
      const b = set.complaints[j]!;
      pairs++;
      const verdict = scoreCandidate(profiles.get(a.id)!, profiles.get(b.id)!).verdict;
      if (verdict !== "none" && verdict !== trueLabel(a, b)) wrong.push([a.id, b.id, verdict]);
    }
  }
  return { pairs, wrong };
}
