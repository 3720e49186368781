import { db } from "../db.js";
import { toRuleForRouting } from "./rule-for-routing.js";
import { ruleCoverage, type RuleCoverage } from "./rule-coverage.js";

/**
 * Every routing rule (active first, oldest first) with its Pemda, and for each active rule how many
 * imagined complaints across the active Pemda it would decide, with one example.
 */
export async function listRoutingRules() {
  const [rules, regions] = await Promise.all([
    db.routingRule.findMany({ orderBy: [{ isActive: "desc" }, { id: "asc" }], include: { region: { select: { code: true, name: true } } } }),
    db.region.findMany({ where: { isActive: true }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
  ]);
  const { total, coverage } = ruleCoverage(rules.filter((r) => r.isActive).map(toRuleForRouting), regions.map((r) => r.id));
  const codeOf = new Map(regions.map((r) => [r.id, r.code]));
  const withExample = (entry: RuleCoverage | undefined) =>
    entry ? { wins: entry.wins, example: entry.example ? { ...entry.example, regionCode: codeOf.get(entry.example.regionId) ?? "" } : null } : null;
  return {
    regions,
    total,
    fallback: withExample(coverage.get(null)),
    rules: rules.map((rule) => ({ ...rule, coverage: rule.isActive ? withExample(coverage.get(rule.id)) : null })),
  };
}
