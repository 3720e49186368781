import type { CurrentUser } from "../accounts/roles.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { forbidden, notFound } from "../http/errors.js";
import { factTable } from "./fact-tables.js";
import { canRecordUnitFacts } from "./policy.js";
import { scheduleScoreRecompute, yearsAffectedBy } from "./schedule-score-recompute.js";
import { datesOfFact, type FactKind } from "./unit-fact-kinds.js";

/** Removes a unit fact recorded by mistake (the audit trail keeps what it said); the years it touched are recomputed. */
export async function removeUnitFact(input: { kind: FactKind; unitId: number; factId: number }, user: CurrentUser, now = new Date()): Promise<void> {
  let years: number[] = [];
  await transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true, regionId: true } });
    if (!unit) throw notFound();
    if (!canRecordUnitFacts(user, unit.regionId)) throw forbidden();
    const { table } = factTable(tx, input.kind);
    const previous = await table.findFirst({ where: { id: input.factId, unitId: unit.id } });
    if (!previous) throw notFound();
    await table.delete({ where: { id: input.factId } });
    await recordAuditEvent(tx, { stream: `unit:${unit.id}`, actor: { kind: "user", userId: user.id }, action: `assessment.${input.kind}.removed`, entityType: input.kind, entityId: input.factId, data: { ...previous }, at: now });
    years = yearsAffectedBy(datesOfFact(input.kind, previous), now);
  });
  await scheduleScoreRecompute(years, "data_change", now);
}
