import { db } from "../db.js";
import { ValidationError } from "../http/errors.js";
import { decideRoute, type RouteFacts } from "../routing/decide-route.js";
import { activeRules } from "../routing/route-complaint.js";
import type { TryRouteInput } from "./schemas.js";

/**
 * Routes an imagined complaint with the active rules, as a real one would be: the office, the
 * deciding rule and the fields it matched, and the other matching rules that lost to it (less
 * specific, or as specific but newer).
 */
export async function previewRoute(input: TryRouteInput) {
  const region = await db.region.findUnique({ where: { code: input.regionCode }, select: { id: true, code: true, name: true } });
  if (!region) throw new ValidationError([{ path: "regionCode", messageKey: "registry.errors.region_unknown" }]);
  const facts: RouteFacts = { regionId: region.id, unitKind: input.unitKind, category: input.category, topic: input.topic, isAboutInspektorat: input.isAboutInspektorat };
  // The same rules, loaded the same way, as routing a real case.
  const rules = await activeRules(db);
  const decision = decideRoute(facts, rules);
  const losers = rules
    .filter((rule) => rule.id !== decision.ruleId)
    .map((rule) => ({ rule, alone: decideRoute(facts, [rule]) }))
    .filter(({ rule, alone }) => alone.ruleId === rule.id)
    .map(({ rule, alone }) => ({ ruleId: rule.id, office: rule.targetOffice, matched: alone.matched }));
  return { region, facts, decision, losers };
}
