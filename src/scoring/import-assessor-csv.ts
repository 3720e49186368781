import type { CurrentUser } from "../accounts/roles.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { db, transaction } from "../db.js";
import { forbidden } from "../http/errors.js";
import { loadMethodologies } from "./load-methodologies.js";
import { parseAssessorCsv, type CsvIssue } from "./parse-assessor-csv.js";
import { canEnterAssessorPoints } from "./policy.js";
import { scheduleScoreRecompute } from "./schedule-score-recompute.js";
import { unitsNamed } from "./unit-names.js";

export interface AssessorImportReport {
  /** Rows stored; 0 whenever a line was refused (the import is all or nothing). */
  imported: number;
  /** The rows as read, with the unit each was matched to. */
  rows: Array<{ line: number; year: number; regionCode: string; unitId: number; unitName: string; points: Record<string, number> }>;
  /** Every refused line and why (line 1 is the header). */
  errors: CsvIssue[];
}

/**
 * Imports the assessors' CSV (parse-assessor-csv.ts describes the columns): each row's unit is
 * found within its Pemda by Penghubung id, or by name or alias ("Dinkes" is Dinas Kesehatan),
 * among the active assessed units. All or nothing: when any line is refused nothing is stored and
 * the report lists every refused line with its reason, so the assessor fixes the file and imports
 * it again. A stored row replaces that unit's points for that year. Audited; the years imported
 * are recomputed shortly after.
 */
export async function importAssessorCsv(text: string, user: CurrentUser, now = new Date()): Promise<AssessorImportReport> {
  if (!canEnterAssessorPoints(user)) throw forbidden();
  const methodologies = (await loadMethodologies()).map((m) => m.methodology);
  const parsed = parseAssessorCsv(text, methodologies);
  const errors: CsvIssue[] = [...parsed.errors];
  const codes = [...new Set(parsed.rows.map((r) => r.regionCode))];
  const regions = await db.region.findMany({
    where: { code: { in: codes } },
    select: { code: true, isActive: true, units: { select: { id: true, name: true, aliases: true, isActive: true, isAssessed: true } } },
  });
  const regionOf = new Map(regions.map((r) => [r.code, r]));
  const rows: AssessorImportReport["rows"] = [];
  const lineOfUnitYear = new Map<string, number>();
  for (const row of parsed.rows) {
    const refuse = (column: string | null, messageKey: string, params?: Record<string, unknown>) => errors.push({ line: row.line, column, messageKey, ...(params ? { params } : {}) });
    const region = regionOf.get(row.regionCode);
    if (!region || !region.isActive) {
      refuse("region_code", "scoring.import.region_unknown", { code: row.regionCode });
      continue;
    }
    const active = region.units.filter((u) => u.isActive);
    let matches = active;
    if (row.unitId !== null) matches = active.filter((u) => String(u.id) === row.unitId);
    if (row.unitName !== null) matches = unitsNamed(matches, row.unitName);
    const column = row.unitId !== null ? "unit_id" : "unit_name";
    if (matches.length === 0) {
      refuse(column, "scoring.import.unit_unknown", { unit: row.unitName ?? row.unitId, code: row.regionCode });
      continue;
    }
    if (matches.length > 1) {
      refuse(column, "scoring.import.unit_ambiguous", { unit: row.unitName ?? row.unitId, names: matches.map((u) => u.name).join(", ") });
      continue;
    }
    const unit = matches[0]!;
    if (!unit.isAssessed) {
      refuse(column, "scoring.import.unit_not_assessed", { unit: unit.name });
      continue;
    }
    const key = `${unit.id}|${row.year}`;
    const firstLine = lineOfUnitYear.get(key);
    if (firstLine !== undefined) {
      refuse(null, "scoring.csv.duplicate_row", { firstLine });
      continue;
    }
    lineOfUnitYear.set(key, row.line);
    rows.push({ line: row.line, year: row.year, regionCode: row.regionCode, unitId: unit.id, unitName: unit.name, points: row.points });
  }
  errors.sort((a, b) => a.line - b.line);
  if (errors.length > 0) return { imported: 0, rows, errors };

  await transaction(async (tx) => {
    for (const row of rows) {
      await tx.assessorScore.upsert({
        where: { unitId_year: { unitId: row.unitId, year: row.year } },
        create: { unitId: row.unitId, year: row.year, points: row.points, source: "csv", updatedById: user.id, createdAt: now },
        update: { points: row.points, source: "csv", updatedById: user.id },
      });
      await recordAuditEvent(tx, { stream: `unit:${row.unitId}`, actor: { kind: "user", userId: user.id }, action: "assessment.assessor_points.imported", entityType: "unit", entityId: row.unitId, data: { year: row.year, line: row.line, points: row.points }, at: now });
    }
  });
  await scheduleScoreRecompute(new Set(rows.map((r) => r.year)), "data_change", now);
  return { imported: rows.length, rows, errors: [] };
}
