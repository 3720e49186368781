import { CATEGORIES } from "../complaints/vocabulary.js";
import { UNIT_KINDS } from "../regions/unit-kinds.js";
import { decideRoute, type RouteFacts, type RuleForRouting } from "../routing/decide-route.js";
import { COMPLAINT_TOPICS } from "./topics.js";

export interface RuleCoverage {
  /** how many of the imagined complaints the rule decides */
  wins: number;
  /** the first of them, to try on the routing page */
  example: RouteFacts | null;
}

/**
 * For each rule, which complaints it would decide: every combination of Pemda x unit kind (or
 * unknown unit) x category (or none) x topic x about-the-Inspektorat is routed with decideRoute,
 * and each win is counted for the deciding rule (key null: no rule matched, the Inspektorat
 * fallback). A rule that wins nothing is shadowed by more specific ones.
 */
export function ruleCoverage(rules: readonly RuleForRouting[], regionIds: readonly number[]) {
  const coverage = new Map<number | null, RuleCoverage>([[null, { wins: 0, example: null }], ...rules.map((r) => [r.id, { wins: 0, example: null }] as [number, RuleCoverage])]);
  let total = 0;
  for (const regionId of regionIds) {
    for (const unitKind of [...UNIT_KINDS, null]) {
      for (const category of [...CATEGORIES, null]) {
        for (const topic of COMPLAINT_TOPICS) {
          for (const isAboutInspektorat of [false, true]) {
            const facts: RouteFacts = { regionId, unitKind, category, topic, isAboutInspektorat };
            const entry = coverage.get(decideRoute(facts, rules).ruleId)!;
            entry.wins += 1;
            entry.example ??= facts;
            total += 1;
          }
        }
      }
    }
  }
  return { total, coverage };
}
