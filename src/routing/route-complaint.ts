import { applyTransition } from "../complaints/workflow/apply-transition.js";
import type { CaseActor } from "../complaints/workflow/case-actor.js";
import { loadCaseForAction, type LoadedCase } from "../complaints/workflow/load-case.js";
import { notifyReporters } from "../complaints/workflow/notify-reporter.js";
import { transaction, type AfterCommit, type Tx } from "../db.js";
import { DomainError } from "../http/errors.js";
import { notifyStaff } from "../notifications/notify-staff.js";
import { decideRoute, type RouteFacts, type RuleForRouting } from "./decide-route.js";
import type { Office } from "../accounts/roles.js";

/** The routing facts of a case: a unit named freely as "Inspektorat…" counts as the Inspektorat. */
export function routeFactsOf(complaint: Pick<LoadedCase, "regionId" | "unit" | "unitName" | "category" | "topic">): RouteFacts {
  return {
    regionId: complaint.regionId,
    unitKind: complaint.unit?.kind ?? null,
    category: complaint.category,
    topic: complaint.topic,
    isAboutInspektorat: complaint.unit?.isInspektorat ?? /\binspektorat\b/i.test(complaint.unitName ?? ""),
  };
}

export async function activeRules(tx: Tx): Promise<RuleForRouting[]> {
  const rules = await tx.routingRule.findMany({ where: { isActive: true }, orderBy: { id: "asc" } });
  return rules.map((r) => ({ ...r, targetOffice: r.targetOffice as Office }));
}

/**
 * Writes a route to the office of the case's Pemda, keeping the rule that decided it (as it was
 * at that moment) with the route, and tells that office's focal points (inbox and email), the
 * assistant when the rule says so, and the reporter.
 */
export async function assignRoute(tx: Tx, afterCommit: AfterCommit, complaint: LoadedCase, input: { actor: CaseActor; now: Date; office?: Office; reason?: string | null }) {
  const facts = routeFactsOf(complaint);
  const rules = await activeRules(tx);
  const decision = input.office ? { office: input.office, ruleId: null, notifyAssistant: false, matched: ["override"] } : decideRoute(facts, rules);
  const office = await tx.office.findUnique({ where: { regionId_kind: { regionId: complaint.regionId, kind: decision.office } }, select: { id: true, kind: true, name: true } });
  if (!office) throw new DomainError("conflict", "errors.office_missing", { office: decision.office });
  const rule = rules.find((r) => r.id === decision.ruleId) ?? null;
  await tx.complaintRoute.updateMany({ where: { complaintId: complaint.id, endedAt: null }, data: { endedAt: input.now } });
  const route = await tx.complaintRoute.create({
    data: {
      complaintId: complaint.id,
      officeId: office.id,
      ruleId: decision.ruleId,
      basis: { facts: { ...facts }, matched: decision.matched, rule: rule ? { ...rule } : null, isOverride: Boolean(input.office) },
      reason: input.reason ?? null,
      routedById: input.actor.kind === "user" ? input.actor.user.id : null,
      routedAt: input.now,
    },
  });
  const link = `/complaints/${complaint.trackingNumber}`;
  await notifyStaff(tx, afterCommit, {
    audience: { office: { regionId: complaint.regionId, kind: office.kind } },
    kind: "case.routed",
    messageKey: input.reason ? "notices.case_rerouted" : "notices.case_routed",
    params: { trackingNumber: complaint.trackingNumber, subject: complaint.subject, reason: input.reason ?? "" },
    link,
    complaintId: complaint.id,
    dedupeKey: `route:${route.id}`,
    email: { template: "case-routed", data: { trackingNumber: complaint.trackingNumber, subject: complaint.subject, office: office.name, reason: input.reason ?? null, url: link } },
  });
  if (decision.notifyAssistant) {
    await notifyStaff(tx, afterCommit, {
      audience: { role: "assistant" },
      kind: "case.inspektorat_reported",
      messageKey: "notices.inspektorat_reported",
      params: { trackingNumber: complaint.trackingNumber, office: office.name },
      link,
      complaintId: complaint.id,
      dedupeKey: `route-assistant:${route.id}`,
    });
  }
  return { route, office, decision };
}

/**
 * Routes a verified case to the focal point office its rules choose. A case whose duplicate check
 * found candidates is routed only after someone decided on them.
 */
export async function routeComplaint(ref: string, actor: CaseActor, now = new Date()) {
  return transaction(async (tx, afterCommit) => {
    const complaint = await loadCaseForAction(tx, ref, actor, "route");
    if (complaint.duplicateVerdict === "duplicate" || complaint.duplicateVerdict === "related") {
      const decided = await tx.duplicateDecision.count({ where: { complaintId: complaint.id, reversedAt: null } });
      if (decided === 0) throw new DomainError("conflict", "errors.duplicates_undecided");
    }
    const { office, decision } = await assignRoute(tx, afterCommit, complaint, { actor, now });
    const state = await applyTransition(tx, afterCommit, {
      complaint,
      action: "route",
      actor,
      at: now,
      update: { assignedOfficeId: office.id, routedAt: now },
      data: { office: office.kind, officeName: office.name, ruleId: decision.ruleId },
      isPublic: true,
    });
    await notifyReporters(tx, afterCommit, complaint, { key: `routed:${complaint.id}:${now.getTime()}`, messageKey: "reporter_messages.routed", params: { office: office.name } });
    return { trackingNumber: complaint.trackingNumber, status: state, office: office.name };
  });
}
