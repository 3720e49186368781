import type { Office } from "../accounts/roles.js";
import type { RuleForRouting } from "../routing/decide-route.js";

/** A routing rule row (or a rule as it would be after an edit) in the shape decideRoute takes. */
export function toRuleForRouting(rule: {
  id: number;
  regionId: number | null;
  unitKind: string | null;
  category: string | null;
  topic: string | null;
  isAboutInspektorat: boolean | null;
  targetOffice: string;
  notifyAssistant: boolean;
}): RuleForRouting {
  return {
    id: rule.id,
    regionId: rule.regionId,
    unitKind: rule.unitKind,
    category: rule.category,
    topic: rule.topic,
    isAboutInspektorat: rule.isAboutInspektorat,
    // Written only through routingRuleSchema, which allows nothing else.
    targetOffice: rule.targetOffice as Office,
    notifyAssistant: rule.notifyAssistant,
  };
}
