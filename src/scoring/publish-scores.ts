import type { CurrentUser } from "../accounts/roles.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { DomainError, forbidden } from "../http/errors.js";
import { canPublishScores } from "./policy.js";

/**
 * Publishes a year's current run: the public page and the anonymous API show it from now on,
 * frozen, until another run is published; recomputations go on for staff. Audited.
 */
export async function publishScores(year: number, user: CurrentUser, now = new Date()): Promise<{ runId: number }> {
  if (!canPublishScores(user)) throw forbidden();
  return transaction(async (tx) => {
    const run = await tx.scoreRun.findFirst({ where: { year, isCurrent: true }, select: { id: true, publishedAt: true, methodologyId: true } });
    if (!run) throw new DomainError("conflict", "scoring.admin.nothing_to_publish", { year });
    if (!run.publishedAt) await tx.scoreRun.update({ where: { id: run.id }, data: { publishedAt: now, publishedById: user.id } });
    await recordAuditEvent(tx, { stream: `scores:${year}`, actor: { kind: "user", userId: user.id }, action: "assessment.published", entityType: "score_run", entityId: run.id, data: { year, methodologyId: run.methodologyId }, at: now });
    return { runId: run.id };
  });
}
