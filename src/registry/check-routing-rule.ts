import type { Tx } from "../db.js";
import { conflict, ValidationError } from "../http/errors.js";
import type { RuleForRouting } from "../routing/decide-route.js";
import { activeRules } from "../routing/route-complaint.js";
import { hasSameConditions, keepsInspektoratSafeguard } from "./routing-rule-guards.js";
import type { RoutingRuleInput } from "./schemas.js";

/** The rule's database fields from the form (the Pemda by its code). */
export async function ruleDataOf(tx: Tx, input: RoutingRuleInput) {
  const { regionCode, ...rest } = input;
  let regionId: number | null = null;
  if (regionCode !== null) {
    const region = await tx.region.findUnique({ where: { code: regionCode }, select: { id: true } });
    if (!region) throw new ValidationError([{ path: "regionCode", messageKey: "registry.errors.region_unknown" }]);
    regionId = region.id;
  }
  return { ...rest, regionId };
}

/**
 * Refuses a change that would leave the active rules ambiguous (two with the same conditions) or
 * without the rule sending complaints about the Inspektorat to Organisasi. `changed` is the rule
 * as it would be (null when it is being deactivated), `ruleId` the rule being edited, if any.
 */
export async function checkRoutingRuleSet(tx: Tx, changed: RuleForRouting | null, ruleId: number | null) {
  const others = (await activeRules(tx)).filter((r) => r.id !== ruleId);
  if (changed) {
    const twin = others.find((r) => hasSameConditions(r, changed));
    if (twin) throw conflict("registry.errors.rule_same_conditions", { id: twin.id });
  }
  if (!keepsInspektoratSafeguard(changed ? [...others, changed] : others)) throw conflict("registry.errors.rule_safeguard");
}
