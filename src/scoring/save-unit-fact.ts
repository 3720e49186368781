import type { CurrentUser } from "../accounts/roles.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { normalizeTrackingNumber } from "../complaints/tracking-number.js";
import { transaction } from "../db.js";
import { forbidden, notFound, ValidationError } from "../http/errors.js";
import { parse } from "../http/validate.js";
import { factTable } from "./fact-tables.js";
import { canRecordUnitFacts } from "./policy.js";
import { scheduleScoreRecompute, yearsAffectedBy } from "./schedule-score-recompute.js";
import { datesOfFact, ELECTRONIC_CHANNEL_KINDS, FACT_SCHEMAS, type FactKind } from "./unit-fact-kinds.js";

/**
 * Records a fact about a unit's complaint management (a channel, an officer, the SOP, a periodic
 * report, a corrective action), or corrects one (`factId`). A focal point records its own Pemda's
 * units; assistants and administrators any. A corrective action may name the case it arose from
 * by tracking number, which must be a case of the same Pemda. Audited; the years the fact's dates
 * touch are recomputed shortly after.
 */
export async function saveUnitFact(input: { kind: FactKind; unitId: number; factId?: number; body: unknown }, user: CurrentUser, now = new Date()): Promise<{ id: number }> {
  const values = parse(FACT_SCHEMAS[input.kind], input.body) as Record<string, unknown>;
  let years: number[] = [];
  const saved = await transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true, regionId: true, region: { select: { code: true } } } });
    if (!unit) throw notFound();
    if (!canRecordUnitFacts(user, unit.regionId)) throw forbidden();
    const data: Record<string, unknown> = { ...values };
    // A web form or SP4N-LAPOR! is electronic whether or not the box was ticked.
    if (input.kind === "channel") data.isElectronic = values.isElectronic === true || ELECTRONIC_CHANNEL_KINDS.includes(String(values.kind));
    if (input.kind === "corrective_action") {
      delete data.trackingNumber;
      data.complaintId = null;
      const text = values.trackingNumber as string | null;
      if (text) {
        const trackingNumber = normalizeTrackingNumber(text);
        const complaint = trackingNumber ? await tx.complaint.findUnique({ where: { trackingNumber }, select: { id: true, regionId: true } }) : null;
        if (!complaint || complaint.regionId !== unit.regionId) throw new ValidationError([{ path: "trackingNumber", messageKey: "scoring.facts.errors.case_not_found" }]);
        data.complaintId = complaint.id;
      }
    }
    const { table } = factTable(tx, input.kind);
    let previous: Record<string, unknown> | null = null;
    let id: number;
    if (input.factId !== undefined) {
      previous = await table.findFirst({ where: { id: input.factId, unitId: unit.id } });
      if (!previous) throw notFound();
      id = (await table.update({ where: { id: input.factId }, data: { ...data, updatedAt: now } })).id;
    } else {
      id = (await table.create({ data: { ...data, unitId: unit.id, createdById: user.id, createdAt: now, updatedAt: now } })).id;
    }
    await recordAuditEvent(tx, {
      stream: `unit:${unit.id}`,
      actor: { kind: "user", userId: user.id },
      action: previous ? `assessment.${input.kind}.updated` : `assessment.${input.kind}.recorded`,
      entityType: input.kind,
      entityId: id,
      data: { ...values },
      at: now,
    });
    years = yearsAffectedBy([...datesOfFact(input.kind, values), ...(previous ? datesOfFact(input.kind, previous) : [])], now);
    return { id };
  });
  await scheduleScoreRecompute(years, "data_change", now);
  return saved;
}
