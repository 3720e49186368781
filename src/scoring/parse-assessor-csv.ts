import { CsvError, parse } from "csv-parse/sync";
import { methodologyForYear, type Methodology } from "./methodology.js";

/**
 * The assessors' import: one row per assessed unit and year, with the points the Ombudsman's
 * assessors gave for the dimensions they score.
 *
 * Columns (first line, any order, case-insensitive; Indonesian names accepted):
 *   year (tahun)                    assessment year, e.g. 2023; selects the methodology
 *   region_code (kode_wilayah)      Kemendagri code of the Pemda, e.g. 53.18
 *   unit_id (id_unit)               Penghubung's unit id  } at least one of the two
 *   unit_name (nama_unit)           the unit's name       } per row
 *   input, proses, output           points of each assessor dimension, 0..its weight (21.85, …)
 *   pengaduan                       optional: the assessors' complaint-management points, which
 *                                   then override the figure computed from recorded facts
 * The dimension columns are the dimension keys of the year's methodology. Separator: comma,
 * semicolon or tab (spreadsheets set to Indonesian save with semicolons); decimals with a point or
 * a comma (8.72 or 8,72; with a comma separator a decimal comma must be quoted).
 */

export interface AssessorRow {
  /** Line of the file the row starts on (the header is line 1). */
  line: number;
  year: number;
  methodologyId: string;
  regionCode: string;
  unitId: string | null;
  unitName: string | null;
  /** Points by dimension key; the complaint-management dimension only when given (an override). */
  points: Record<string, number>;
}

export interface CsvIssue {
  line: number;
  /** The column as named in the header, or null for a problem with the whole line or file. */
  column: string | null;
  messageKey: string;
  params?: Record<string, unknown>;
}

export interface AssessorCsvResult {
  /** Rows without any problem; a caller normally refuses the import while `errors` is not empty. */
  rows: AssessorRow[];
  errors: CsvIssue[];
}

const BASE_COLUMNS = {
  year: ["year", "tahun"],
  region_code: ["region_code", "kode_wilayah", "kode_pemda"],
  unit_id: ["unit_id", "id_unit"],
  unit_name: ["unit_name", "nama_unit"],
} as const;
type BaseColumn = keyof typeof BASE_COLUMNS;

const REGION_CODE = /^\d{2}(\.\d{2})?$/;
const POINTS = /^\d{1,3}([.,]\d+)?$/;

const normalise = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, "_");

/**
 * Parses and checks the assessors' CSV against the methodologies (text in, rows and line-numbered
 * problems out; no database). Units: points 0..the dimension weight of the row's year.
 */
export function parseAssessorCsv(text: string, methodologies: readonly Methodology[]): AssessorCsvResult {
  const errors: CsvIssue[] = [];
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (source.trim() === "") return { rows: [], errors: [{ line: 1, column: null, messageKey: "scoring.csv.empty_file" }] };

  let records: { record: string[]; line: number }[];
  try {
    const parsed: unknown = parse(source, { delimiter: detectDelimiter(source), info: true, raw: true, skip_empty_lines: true, relax_column_count: true, trim: true });
    // With `info` and `raw`, csv-parse returns { record, raw, info } per record; its types do not say so.
    records = (parsed as { record: string[]; raw: string; info: { lines: number } }[]).map(({ record, raw, info }) => ({ record, line: info.lines - innerLineBreaks(raw) }));
  } catch (error) {
    if (error instanceof CsvError) return { rows: [], errors: [{ line: (error as CsvError & { lines?: number }).lines ?? 1, column: null, messageKey: "scoring.csv.unreadable", params: { code: error.code } }] };
    throw error;
  }

  const [header, ...body] = records;
  if (!header) return { rows: [], errors: [{ line: 1, column: null, messageKey: "scoring.csv.empty_file" }] };
  const dimensionKeys = new Set(methodologies.flatMap((m) => m.dimensions.map((d) => d.key)));
  const columns = readHeader(header, dimensionKeys, errors);
  if (errors.length > 0) return { rows: [], errors };
  if (body.length === 0) return { rows: [], errors: [{ line: header.line + 1, column: null, messageKey: "scoring.csv.no_rows" }] };

  const rows: AssessorRow[] = [];
  const firstLineOf = new Map<string, number>();
  const reportedMissingColumns = new Set<string>();
  for (const { record, line } of body) {
    const rowErrors: CsvIssue[] = [];
    let lacksColumn = false;
    const fail = (column: string | null, messageKey: string, params?: Record<string, unknown>) => rowErrors.push({ line, column, messageKey, ...(params ? { params } : {}) });
    const extra = record.slice(columns.names.length);
    if (record.length < columns.names.length || extra.some((cell) => cell !== "")) {
      fail(null, "scoring.csv.column_count", { expected: columns.names.length, actual: record.length });
      errors.push(...rowErrors);
      continue;
    }
    const cell = (column: string) => {
      const index = columns.indexOf.get(column);
      return index === undefined ? undefined : (record[index] ?? "");
    };
    const base = (column: BaseColumn) => cell(column) ?? "";

    let methodology: Methodology | undefined;
    const yearText = base("year");
    if (yearText === "") fail(columns.label("year"), "errors.required");
    else if (!/^\d{4}$/.test(yearText)) fail(columns.label("year"), "scoring.csv.year_invalid");
    else {
      methodology = methodologyForYear(methodologies, Number(yearText));
      if (!methodology) fail(columns.label("year"), "scoring.csv.year_without_methodology", { year: Number(yearText) });
    }

    const regionCode = base("region_code");
    if (regionCode === "") fail(columns.label("region_code"), "errors.required");
    else if (!REGION_CODE.test(regionCode)) fail(columns.label("region_code"), "errors.region_code_format");

    const unitId = base("unit_id") || null;
    const unitName = base("unit_name").replace(/\s+/g, " ") || null;
    if (unitId === null && unitName === null) fail(null, "scoring.csv.unit_missing");

    const points: Record<string, number> = {};
    if (methodology) {
      for (const dimension of methodology.dimensions) {
        const value = cell(dimension.key);
        const isOverride = dimension.origin === "complaint_management";
        if (value === undefined) {
          // A missing column is reported once, on the header; its rows are left out silently.
          if (!isOverride) {
            lacksColumn = true;
            if (!reportedMissingColumns.has(dimension.key)) {
              reportedMissingColumns.add(dimension.key);
              errors.push({ line: header.line, column: null, messageKey: "scoring.csv.missing_column", params: { column: dimension.key } });
            }
          }
          continue;
        }
        if (value === "") {
          if (!isOverride) fail(columns.label(dimension.key), "errors.required");
          continue;
        }
        if (!POINTS.test(value)) {
          fail(columns.label(dimension.key), "scoring.csv.number_invalid", { value });
          continue;
        }
        const number = Number(value.replace(",", "."));
        if (number > dimension.weight) fail(columns.label(dimension.key), "scoring.errors.points_out_of_range", { minimum: 0, maximum: dimension.weight });
        else points[dimension.key] = number;
      }
      for (const key of columns.dimensionKeys) {
        if (!methodology.dimensions.some((d) => d.key === key) && (cell(key) ?? "") !== "") {
          fail(columns.label(key), "scoring.csv.dimension_not_in_year", { year: methodology.year });
        }
      }
    }

    if (rowErrors.length === 0 && !lacksColumn && methodology) {
      const identity = [methodology.year, regionCode, unitId !== null ? `id:${unitId}` : `name:${(unitName ?? "").toLowerCase()}`].join("|");
      const firstLine = firstLineOf.get(identity);
      if (firstLine !== undefined) fail(null, "scoring.csv.duplicate_row", { firstLine });
      else firstLineOf.set(identity, line);
    }
    if (rowErrors.length > 0 || lacksColumn || !methodology) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({ line, year: methodology.year, methodologyId: methodology.id, regionCode, unitId, unitName, points });
  }
  return { rows, errors: errors.sort((a, b) => a.line - b.line) };
}

/** The header's columns by canonical name; problems are added to `errors`. */
function readHeader(header: { record: string[]; line: number }, dimensionKeys: Set<string>, errors: CsvIssue[]) {
  const indexOf = new Map<string, number>();
  const labels = new Map<string, string>();
  const names: string[] = [];
  header.record.forEach((raw, index) => {
    const name = normalise(raw);
    const canonical = (Object.keys(BASE_COLUMNS) as BaseColumn[]).find((c) => (BASE_COLUMNS[c] as readonly string[]).includes(name)) ?? (dimensionKeys.has(name) ? name : undefined);
    names.push(raw);
    if (name === "") errors.push({ line: header.line, column: null, messageKey: "scoring.csv.blank_column", params: { position: index + 1 } });
    else if (!canonical) errors.push({ line: header.line, column: raw, messageKey: "scoring.csv.unknown_column", params: { column: raw } });
    else if (indexOf.has(canonical)) errors.push({ line: header.line, column: raw, messageKey: "scoring.csv.duplicate_column", params: { column: raw } });
    else {
      indexOf.set(canonical, index);
      labels.set(canonical, raw);
    }
  });
  for (const column of ["year", "region_code"] as const) {
    if (!indexOf.has(column)) errors.push({ line: header.line, column: null, messageKey: "scoring.csv.missing_column", params: { column } });
  }
  if (!indexOf.has("unit_id") && !indexOf.has("unit_name")) {
    errors.push({ line: header.line, column: null, messageKey: "scoring.csv.missing_column", params: { column: "unit_id / unit_name" } });
  }
  return {
    names,
    indexOf,
    label: (canonical: string) => labels.get(canonical) ?? canonical,
    dimensionKeys: [...indexOf.keys()].filter((k) => dimensionKeys.has(k)),
  };
}

/** The separator used most on the first line: comma, semicolon or tab. */
function detectDelimiter(source: string): string {
  const firstLine = source.split("\n").find((l) => l.trim() !== "") ?? "";
  let best = ",";
  let bestCount = 0;
  for (const delimiter of [",", ";", "\t"]) {
    const count = firstLine.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

/** Line breaks inside a record (quoted multi-line cells), so a row reports the line it starts on. */
function innerLineBreaks(raw: string): number {
  return (raw.replace(/^\n+/, "").replace(/\n$/, "").match(/\n/g) ?? []).length;
}
