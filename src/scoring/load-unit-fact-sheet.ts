import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import { forbidden, notFound } from "../http/errors.js";
import { factTable } from "./fact-tables.js";
import { canRecordUnitFacts, canViewRegionScores } from "./policy.js";
import { FACT_KINDS, type FactKind } from "./unit-fact-kinds.js";

/**
 * Everything recorded about a unit's complaint management, kind by kind, with whether this person
 * may change it. Corrective actions show the tracking number of the case they arose from.
 */
export async function loadUnitFactSheet(unitId: number, user: CurrentUser) {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, kind: true, isAssessed: true, region: { select: { id: true, code: true, name: true } } } });
  if (!unit) throw notFound();
  if (!canViewRegionScores(user, unit.region.id)) throw forbidden();
  const facts = {} as Record<FactKind, Array<Record<string, unknown> & { id: number }>>;
  for (const kind of FACT_KINDS) {
    const { table, orderBy } = factTable(db, kind);
    facts[kind] = await table.findMany({ where: { unitId }, orderBy });
  }
  const caseIds = facts.corrective_action.map((a) => a.complaintId).filter((id): id is number => typeof id === "number");
  const cases = new Map((await db.complaint.findMany({ where: { id: { in: caseIds } }, select: { id: true, trackingNumber: true } })).map((c) => [c.id, c.trackingNumber]));
  for (const action of facts.corrective_action) action.trackingNumber = typeof action.complaintId === "number" ? (cases.get(action.complaintId) ?? null) : null;
  return { unit, facts, canEdit: canRecordUnitFacts(user, unit.region.id) };
}

/** One recorded fact of a unit, for its edit form. */
export async function loadUnitFact(kind: FactKind, unitId: number, factId: number, user: CurrentUser) {
  const sheet = await loadUnitFactSheet(unitId, user);
  const fact = sheet.facts[kind].find((f) => f.id === factId);
  if (!fact) throw notFound();
  return { ...sheet, fact };
}
