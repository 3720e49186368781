import { stringify } from "csv-stringify/sync";
import { db } from "../db.js";
import { notFound } from "../http/errors.js";
import { findMethodology } from "./load-methodologies.js";
import { findRun, type ScoreView } from "./score-runs.js";

/**
 * A year's results as CSV for the yearly round: one line per Pemda (level "pemda") followed by one
 * line per unit (level "unit"), with the methodology version, the points of each dimension, the
 * total, category and zone, and for units each complaint indicator's status and points. Points
 * with a decimal point; UTF-8 with a byte-order mark so spreadsheets read Indonesian names right.
 */
export async function exportScoresCsv(year: number, view: ScoreView = "current"): Promise<string> {
  const run = await findRun(year, view);
  if (!run) throw notFound("scoring.api.no_results");
  const stored = await findMethodology(run.methodologyId);
  const dimensionKeys = stored?.methodology.dimensions.map((d) => d.key) ?? [];
  const indicatorKeys = stored?.methodology.complaintManagement.indicators.map((i) => i.key) ?? [];
  const [regions, units, indicators] = await Promise.all([
    db.scoreRegionResult.findMany({ where: { runId: run.id }, orderBy: { regionCode: "asc" } }),
    db.scoreUnitResult.findMany({ where: { runId: run.id }, orderBy: [{ regionId: "asc" }, { unitName: "asc" }] }),
    db.scoreIndicatorResult.findMany({ where: { runId: run.id }, select: { unitId: true, key: true, status: true, points: true } }),
  ]);
  const pointsOf = (dimensions: unknown, key: string) => (dimensions as Array<{ key: string; points: number | null }>).find((d) => d.key === key)?.points ?? "";
  const header = ["year", "methodology_id", "level", "region_code", "region_name", "unit_id", "unit_name", ...dimensionKeys, "total", "provisional_total", "category", "zone", "rank", ...indicatorKeys.flatMap((k) => [`${k}_status`, `${k}_points`])];
  const lines: unknown[][] = [];
  for (const region of regions) {
    lines.push([year, run.methodologyId, "pemda", region.regionCode, region.regionName, "", "", ...dimensionKeys.map((k) => pointsOf(region.dimensions, k)), region.score ?? "", region.provisionalScore ?? "", region.category ?? "", region.zone ?? "", region.rank ?? "", ...indicatorKeys.flatMap(() => ["", ""])]);
    for (const unit of units.filter((u) => u.regionId === region.regionId)) {
      const own = indicators.filter((i) => i.unitId === unit.unitId);
      lines.push([
        year, run.methodologyId, "unit", region.regionCode, region.regionName, unit.unitId, unit.unitName,
        ...dimensionKeys.map((k) => pointsOf(unit.dimensions, k)), unit.total ?? "", "", unit.category ?? "", unit.zone ?? "", "",
        ...indicatorKeys.flatMap((k) => {
          const indicator = own.find((i) => i.key === k);
          return [indicator?.status ?? "", indicator?.points ?? ""];
        }),
      ]);
    }
  }
  return "\uFEFF" + stringify([header, ...lines.map((line) => line.map(asSpreadsheetText))]);
}

/**
 * Text a spreadsheet would run as a formula (a unit named "=HYPERLINK(…)" or "+1+cmd|…") gets a
 * leading apostrophe, which spreadsheets read as "this is text" (OWASP's CSV-injection advice);
 * numbers are left alone, so negative points stay numbers.
 */
export function asSpreadsheetText(value: unknown): unknown {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
