import type { CurrentUser } from "../accounts/roles.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { DomainError, forbidden, notFound, ValidationError, type FieldIssue } from "../http/errors.js";
import { methodologyInForce } from "./load-methodologies.js";
import { canEnterAssessorPoints } from "./policy.js";
import { scheduleScoreRecompute } from "./schedule-score-recompute.js";

const POINTS = /^\d{1,3}([.,]\d+)?$/;

/**
 * Reads one typed-in number of points ("8.72" or "8,72"; blank is none). Units: points 0..weight
 * of the dimension. Returns a locale key instead of a number when the text is not acceptable.
 */
export function readPoints(text: unknown, weight: number): { points: number | null } | { messageKey: string; params?: Record<string, unknown> } {
  const value = typeof text === "string" ? text.trim() : typeof text === "number" ? String(text) : "";
  if (value === "") return { points: null };
  if (!POINTS.test(value)) return { messageKey: "scoring.csv.number_invalid", params: { value } };
  const points = Number(value.replace(",", "."));
  if (points > weight) return { messageKey: "scoring.errors.points_out_of_range", params: { minimum: 0, maximum: weight } };
  return { points };
}

/**
 * Saves the assessors' points of a Pemda's units for a year, as typed into the sheet
 * (`points[u<unitId>][dimensionKey]`). All or nothing: one bad figure refuses the sheet with every
 * problem named. A unit whose every box is blank has no points (its row is removed). Audited per
 * unit; the year is recomputed shortly after.
 */
export async function saveAssessorPoints(input: { year: number; regionCode: string; points: unknown }, user: CurrentUser, now = new Date()): Promise<{ saved: number }> {
  if (!canEnterAssessorPoints(user)) throw forbidden();
  const stored = await methodologyInForce(input.year);
  if (!stored) throw new DomainError("conflict", "scoring.assessor.no_methodology", { year: input.year });
  const typed = (input.points && typeof input.points === "object" ? input.points : {}) as Record<string, Record<string, unknown> | undefined>;
  const saved = await transaction(async (tx) => {
    const region = await tx.region.findUnique({ where: { code: input.regionCode }, select: { id: true } });
    if (!region) throw notFound();
    const units = await tx.unit.findMany({ where: { regionId: region.id, isActive: true, isAssessed: true }, select: { id: true, assessorScores: { where: { year: input.year }, select: { id: true, points: true } } } });
    const issues: FieldIssue[] = [];
    const changes: Array<{ unitId: number; existingId: number | null; before: unknown; points: Record<string, number> }> = [];
    for (const unit of units) {
      // Keys carry a letter: the query-string parser turns numeric keys into a compacted array.
      const row = typed[`u${unit.id}`];
      if (!row) continue;
      const points: Record<string, number> = {};
      for (const dimension of stored.methodology.dimensions) {
        const read = readPoints(row[dimension.key], dimension.weight);
        if ("messageKey" in read) issues.push({ path: `points.u${unit.id}.${dimension.key}`, messageKey: read.messageKey, params: read.params });
        else if (read.points !== null) points[dimension.key] = read.points;
      }
      changes.push({ unitId: unit.id, existingId: unit.assessorScores[0]?.id ?? null, before: unit.assessorScores[0]?.points ?? null, points });
    }
    if (issues.length > 0) throw new ValidationError(issues);
    let count = 0;
    for (const change of changes) {
      const isEmpty = Object.keys(change.points).length === 0;
      if (JSON.stringify(change.before ?? {}) === JSON.stringify(change.points)) continue;
      if (isEmpty) {
        if (change.existingId !== null) await tx.assessorScore.delete({ where: { id: change.existingId } });
      } else {
        await tx.assessorScore.upsert({
          where: { unitId_year: { unitId: change.unitId, year: input.year } },
          create: { unitId: change.unitId, year: input.year, points: change.points, source: "form", updatedById: user.id, createdAt: now },
          update: { points: change.points, source: "form", updatedById: user.id },
        });
      }
      await recordAuditEvent(tx, { stream: `unit:${change.unitId}`, actor: { kind: "user", userId: user.id }, action: "assessment.assessor_points.saved", entityType: "unit", entityId: change.unitId, data: { year: input.year, methodologyId: stored.methodology.id, before: change.before, after: isEmpty ? null : change.points }, at: now });
      count += 1;
    }
    return count;
  });
  if (saved > 0) await scheduleScoreRecompute([input.year], "data_change", now);
  return { saved };
}
