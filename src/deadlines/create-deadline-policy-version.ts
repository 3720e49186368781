import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { ValidationError } from "../http/errors.js";
import { parse } from "../http/validate.js";
import { deadlinePolicySchema } from "./deadline-policy.js";
import type { PolicyVersionInput } from "./schemas.js";

/**
 * Saves an edited copy of the deadline policy as a new version, validated as a whole. New
 * deadlines are set under it from now on; deadlines already running keep the version they were
 * set with. The JSON holds { noticeTime, rules }; the version number is the next one.
 */
export async function createDeadlinePolicyVersion(input: PolicyVersionInput, actor: Actor, now = new Date()) {
  let edited: unknown;
  try {
    edited = JSON.parse(input.policy);
  } catch {
    throw new ValidationError([{ path: "policy", messageKey: "deadlines.errors.policy_json" }]);
  }
  if (typeof edited !== "object" || edited === null || Array.isArray(edited)) throw new ValidationError([{ path: "policy", messageKey: "deadlines.errors.policy_json" }]);
  return transaction(async (tx) => {
    const newest = await tx.deadlinePolicyVersion.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    const version = (newest?.version ?? 0) + 1;
    // Issue paths point into the JSON ("rules.3.count"), so the administrator knows where to look.
    const policy = parse(deadlinePolicySchema, { ...(edited as Record<string, unknown>), version, note: input.note });
    await tx.deadlinePolicyVersion.create({
      data: { version, noticeTime: policy.noticeTime, note: input.note, rules: JSON.parse(JSON.stringify(policy.rules)), createdById: actor.userId ?? null, createdAt: now },
    });
    await recordAuditEvent(tx, { stream: "deadline-policy", actor, action: "deadline_policy.version_created", entityType: "deadline_policy", entityId: version, data: { version, note: input.note, kinds: policy.rules.map((r) => r.kind) }, at: now });
    return policy;
  });
}
