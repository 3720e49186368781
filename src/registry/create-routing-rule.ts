import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { checkRoutingRuleSet, ruleDataOf } from "./check-routing-rule.js";
import { toRuleForRouting } from "./rule-for-routing.js";
import type { RoutingRuleInput } from "./schemas.js";

/** Adds an active routing rule; it takes part in routing from the next complaint on. */
export async function createRoutingRule(input: RoutingRuleInput, actor: Actor, now = new Date()) {
  return transaction(async (tx) => {
    const data = await ruleDataOf(tx, input);
    await checkRoutingRuleSet(tx, toRuleForRouting({ id: 0, ...data }), null);
    const rule = await tx.routingRule.create({ data: { ...data, createdAt: now } });
    await recordAuditEvent(tx, { actor, action: "routing_rule.created", entityType: "routing_rule", entityId: rule.id, data: { ...input }, at: now });
    return rule;
  });
}
