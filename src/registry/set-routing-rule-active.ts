import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { notFound } from "../http/errors.js";
import { checkRoutingRuleSet } from "./check-routing-rule.js";
import { toRuleForRouting } from "./rule-for-routing.js";

/** Deactivates a routing rule (kept for the routes it decided) or reactivates it. */
export async function setRoutingRuleActive(ruleId: number, isActive: boolean, actor: Actor, now = new Date()) {
  await transaction(async (tx) => {
    const rule = await tx.routingRule.findUnique({ where: { id: ruleId } });
    if (!rule) throw notFound();
    if (rule.isActive === isActive) return;
    await checkRoutingRuleSet(tx, isActive ? toRuleForRouting(rule) : null, rule.id);
    await tx.routingRule.update({ where: { id: rule.id }, data: { isActive } });
    await recordAuditEvent(tx, { actor, action: isActive ? "routing_rule.activated" : "routing_rule.deactivated", entityType: "routing_rule", entityId: rule.id, at: now });
  });
}
