import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { notFound } from "../http/errors.js";
import { changedFields } from "./changed-fields.js";
import { checkRoutingRuleSet, ruleDataOf } from "./check-routing-rule.js";
import { toRuleForRouting } from "./rule-for-routing.js";
import type { RoutingRuleInput } from "./schemas.js";

/** Changes a routing rule's conditions, target office, assistant notice or note. Routes already taken keep the rule as it was. */
export async function updateRoutingRule(ruleId: number, input: RoutingRuleInput, actor: Actor, now = new Date()) {
  return transaction(async (tx) => {
    const rule = await tx.routingRule.findUnique({ where: { id: ruleId } });
    if (!rule) throw notFound();
    const data = await ruleDataOf(tx, input);
    if (rule.isActive) await checkRoutingRuleSet(tx, toRuleForRouting({ id: rule.id, ...data }), rule.id);
    const changes = changedFields(rule, data);
    if (Object.keys(changes).length === 0) return rule;
    const updated = await tx.routingRule.update({ where: { id: rule.id }, data });
    await recordAuditEvent(tx, { actor, action: "routing_rule.updated", entityType: "routing_rule", entityId: rule.id, data: { changes }, at: now });
    return updated;
  });
}
