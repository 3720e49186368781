import type { Office } from "../accounts/roles.js";

export interface RouteFacts {
  regionId: number;
  unitKind: string | null;
  category: string | null;
  /** service | service_standard | assessment */
  topic: string;
  /** the reported unit is the Pemda's own Inspektorat */
  isAboutInspektorat: boolean;
}

export interface RuleForRouting {
  id: number;
  regionId: number | null;
  unitKind: string | null;
  category: string | null;
  topic: string | null;
  isAboutInspektorat: boolean | null;
  targetOffice: Office;
  notifyAssistant: boolean;
}

export interface RouteDecision {
  office: Office;
  ruleId: number | null;
  notifyAssistant: boolean;
  /** which fields of the rule matched, for the record kept with the route */
  matched: string[];
}

/**
 * How much a matching field makes a rule specific: a complaint about the Inspektorat itself must
 * never be routed to the Inspektorat, so that condition outranks all others; then the topic
 * (service standards and the assessment belong to Organisasi), the Pemda, the category, the kind of unit.
 */
const WEIGHTS = { isAboutInspektorat: 16, topic: 8, regionId: 4, category: 2, unitKind: 1 } as const;

/**
 * The office a complaint goes to: the most specific active rule whose every set field matches
 * (ties: the older rule). Without any matching rule, the Pemda's Inspektorat (domain brief §2).
 */
export function decideRoute(facts: RouteFacts, rules: readonly RuleForRouting[]): RouteDecision {
  let best: { rule: RuleForRouting; weight: number; matched: string[] } | null = null;
  for (const rule of rules) {
    const matched: string[] = [];
    let weight = 0;
    let isMatch = true;
    for (const field of Object.keys(WEIGHTS) as Array<keyof typeof WEIGHTS>) {
      const wanted = rule[field];
      if (wanted === null || wanted === undefined) continue;
      if (wanted !== facts[field]) {
        isMatch = false;
        break;
      }
      matched.push(field);
      weight += WEIGHTS[field];
    }
    if (!isMatch) continue;
    if (!best || weight > best.weight || (weight === best.weight && rule.id < best.rule.id)) best = { rule, weight, matched };
  }
  if (!best) return { office: "inspektorat", ruleId: null, notifyAssistant: false, matched: [] };
  return { office: best.rule.targetOffice, ruleId: best.rule.id, notifyAssistant: best.rule.notifyAssistant, matched: best.matched };
}
