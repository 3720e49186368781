import crypto from "node:crypto";
import fs from "node:fs";
import { parse as csvParser } from "csv-parse";
import type { CurrentUser } from "../accounts/roles.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { db, transaction } from "../db.js";
import { forbidden, ValidationError, type FieldIssue } from "../http/errors.js";
import { translator } from "../i18n/index.js";
import { actorOf, storeChunk, type PendingRow } from "./import-store-chunk.js";
import { civilDateIn } from "./intake-rules.js";
import { canImportRegister } from "./policy.js";
import { delimiterOf, headerName, readHeader, type HeaderLayout } from "./register-columns.js";
import { checkRegisterRow, normalizeWords, registerVocabulary, type RegisterRegion, type RowContext, type RowProblem, type RowValues } from "./register-row.js";

/** Rows per transaction: large enough to amortise a commit, small enough to keep other writers waiting only briefly. */
const DEFAULT_CHUNK_SIZE = 500;
/** Refused rows listed in the report (all are counted); 100,000 reasons help nobody. */
export const MAX_LISTED_REFUSALS = 1000;

/** Focal points of a Pemda's Inspektorat office and administrators bring the Inspektorat's register in. */
export const mayImportRegister = (user: CurrentUser, regionId?: number) => canImportRegister(user, regionId) && (user.role !== "focal_point" || user.office === "inspektorat");

export interface ImportRegister {
  filePath: string;
  /** The name the user knows the file by (the upload's name, or the path on the command line). */
  fileName: string;
  /** Only "inspektorat": the Ombudsman has no register to import (checked, since the command line passes any word). */
  desk: string;
  /** The Pemda whose register the file is; a focal point's own when not given; otherwise each row names its Pemda. */
  regionCode?: string | null;
  /** Null on the command line without --as: the server's operator. */
  importedBy: CurrentUser | null;
  now?: Date;
  chunkSize?: number;
}

export interface RefusedRow {
  /** Line of the file where the row starts (the header is line 1). */
  line: number;
  externalRef: string | null;
  /** Each problem names its column as the file's header wrote it. */
  problems: Array<{ column: string | null; messageKey: string; params?: Record<string, unknown> }>;
}

export interface RegisterImportReport {
  importId: string;
  fileName: string;
  regionCode: string | null;
  delimiter: ";" | ",";
  rowCount: number;
  importedCount: number;
  alreadyPresentCount: number;
  refusedCount: number;
  /** The first MAX_LISTED_REFUSALS refused rows, in file order. */
  refusedRows: RefusedRow[];
  ignoredColumns: string[];
  /** Set when the file could not be read to its end; rows before `line` were processed. */
  readProblem: { line: number; messageKey: string; params: Record<string, unknown> } | null;
  durationMs: number;
}

/**
 * Brings an Inspektorat's complaint register (a CSV file) into Penghubung: each row is checked
 * with the intake rules, stored as a complaint of the `inspektorat` desk with its register number
 * as external reference, and gets its audit entry. Streams the file and writes in chunks, so a
 * register of 100,000 rows takes about a minute. Idempotent: a register number already stored is
 * skipped and left unchanged, so importing the same file again changes nothing.
 */
export async function importRegister(command: ImportRegister): Promise<RegisterImportReport> {
  const startedAt = Date.now();
  const now = command.now ?? new Date();
  const actor = command.importedBy;
  if (command.desk !== "inspektorat") throw new ValidationError([{ path: "desk", messageKey: "register_import.errors.desk_inspektorat_only" }]);
  if (actor && !mayImportRegister(actor)) throw forbidden();

  const regions = await loadRegions(now);
  const requestedCode = command.regionCode?.trim() || null;
  const ownCode = actor?.role === "focal_point" ? ([...regions.values()].find((r) => r.id === actor.regionId)?.code ?? null) : null;
  const registerRegionCode = requestedCode ?? ownCode;
  if (requestedCode && !regions.has(requestedCode)) throw new ValidationError([{ path: "regionCode", messageKey: "errors.region_unknown" }]);
  if (actor && registerRegionCode && !mayImportRegister(actor, regions.get(registerRegionCode)!.id)) throw forbidden();

  const head = await readHead(command.filePath);
  const delimiter = delimiterOf(head.split(/\r?\n/, 1)[0] ?? "");
  const context: RowContext = {
    regions,
    registerRegionCode,
    mayImportRegion: (regionId) => !actor || mayImportRegister(actor, regionId),
    vocabulary: registerVocabulary([translator("id"), translator("en")]),
  };

  const importId = crypto.randomUUID();
  const report: RegisterImportReport = {
    importId,
    fileName: command.fileName,
    regionCode: registerRegionCode,
    delimiter,
    rowCount: 0,
    importedCount: 0,
    alreadyPresentCount: 0,
    refusedCount: 0,
    refusedRows: [],
    ignoredColumns: [],
    readProblem: null,
    durationMs: 0,
  };
  let layout: HeaderLayout | null = null;
  const refuse = (line: number, externalRef: string | null, problems: RowProblem[]) => {
    report.refusedCount += 1;
    if (report.refusedRows.length >= MAX_LISTED_REFUSALS) return;
    report.refusedRows.push({ line, externalRef, problems: problems.map((p) => ({ column: p.column ? (layout?.headerOf[p.column] ?? headerName(p.column)) : null, messageKey: p.messageKey, ...(p.params ? { params: p.params } : {}) })) });
  };
  const chunkSize = command.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const store = async (rows: PendingRow[]) => {
    const result = await storeChunk(rows, { actor, importId, now });
    report.importedCount += result.importedCount;
    report.alreadyPresentCount += result.alreadyPresentCount;
    for (const taken of result.takenElsewhere) {
      refuse(taken.line, taken.externalRef, [{ column: "externalRef", messageKey: "register_import.errors.ref_taken", params: { ref: taken.externalRef, code: taken.regionCode } }]);
    }
  };

  const fileHash = crypto.createHash("sha256");
  const source = fs.createReadStream(command.filePath);
  source.on("data", (chunk) => fileHash.update(chunk));
  const parser = source.pipe(csvParser({ delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }));
  const firstLineOf = new Map<string, number>();
  let pending: PendingRow[] = [];
  let lastLine = 0;
  let lastEmptyLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      // csv-parse counts the line where a record ends; a quoted field may span lines, and skipped blank lines sit in between.
      const line = lastLine + 1 + (info.empty_lines - lastEmptyLines);
      lastLine = info.lines;
      lastEmptyLines = info.empty_lines;
      if (!layout) {
        layout = readHeader(record, { hasRegion: Boolean(registerRegionCode) });
        if (layout.problems.length) throw new ValidationError(layout.problems.map((p): FieldIssue => ({ path: "file", messageKey: p.messageKey, params: p.params })));
        report.ignoredColumns = layout.ignored;
        continue;
      }
      if (record.every((field) => field.trim() === "")) continue; // spreadsheets export empty rows as ";;;;"
      report.rowCount += 1;
      const values: RowValues = {};
      for (const [index, key] of layout.indexes) values[key] = record[index] ?? "";
      const externalRef = values.externalRef?.trim() || null;
      // More fields than the header usually means a separator inside an unquoted value: the columns have shifted.
      if (record.slice(layout.width).some((field) => field.trim() !== "")) {
        refuse(line, externalRef, [{ column: null, messageKey: "register_import.errors.extra_fields", params: { found: record.length, expected: layout.width } }]);
        continue;
      }
      const outcome = checkRegisterRow(values, context);
      const earlier = externalRef ? firstLineOf.get(externalRef) : undefined;
      if (externalRef && earlier === undefined) firstLineOf.set(externalRef, line);
      if (earlier !== undefined) {
        refuse(line, externalRef, [{ column: "externalRef", messageKey: "register_import.errors.duplicate_in_file", params: { ref: externalRef, line: earlier } }]);
      } else if (!outcome.isValid) {
        refuse(line, externalRef, outcome.problems);
      } else {
        pending.push({ line, row: outcome.row });
        if (pending.length >= chunkSize) {
          await store(pending);
          pending = [];
        }
      }
    }
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const e = error as { code?: string; lines?: number; message?: string };
    if (!e?.code?.startsWith("CSV_")) throw error;
    report.readProblem = { line: e.lines ?? lastLine + 1, messageKey: "register_import.errors.unreadable", params: { reason: e.message ?? e.code } };
  }
  if (!layout) throw new ValidationError([{ path: "file", messageKey: "register_import.errors.empty_file" }]);
  if (pending.length) await store(pending);

  report.durationMs = Date.now() - startedAt;
  await transaction(async (tx) => {
    await recordAuditEvent(tx, {
      stream: `import:${importId}`,
      actor: actorOf(actor),
      action: "register.imported",
      entityType: "register_import",
      entityId: importId,
      data: {
        fileName: command.fileName,
        sha256: fileHash.digest("hex"),
        desk: command.desk,
        regionCode: registerRegionCode,
        rows: report.rowCount,
        imported: report.importedCount,
        alreadyPresent: report.alreadyPresentCount,
        refused: report.refusedCount,
        isComplete: report.readProblem === null,
      },
      at: now,
    });
  });
  return report;
}

async function readHead(filePath: string): Promise<string> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(filePath, "r");
  } catch {
    throw new ValidationError([{ path: "file", messageKey: "register_import.errors.file_unreadable" }]);
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, "");
    // A cut multi-byte character at the very end is not an encoding problem; anything earlier is.
    if (head.slice(0, -4).includes("\uFFFD")) throw new ValidationError([{ path: "file", messageKey: "register_import.errors.not_utf8" }]);
    return head;
  } finally {
    await handle.close();
  }
}

/** Every active Pemda with its units, indexed for the rows (a few dozen Pemda, a few hundred units). */
async function loadRegions(now: Date): Promise<Map<string, RegisterRegion>> {
  const rows = await db.region.findMany({
    where: { isActive: true },
    select: { id: true, code: true, timeZone: true, units: { where: { isActive: true }, select: { id: true, name: true, aliases: true } } },
  });
  const todayIn = new Map<string, string>();
  return new Map(
    rows.map((region) => {
      const unitByName = new Map<string, number>();
      // Official names win over aliases when an alias of one unit is the name of another.
      for (const unit of region.units) for (const alias of unit.aliases.split("|").filter(Boolean)) unitByName.set(normalizeWords(alias), unit.id);
      for (const unit of region.units) unitByName.set(normalizeWords(unit.name), unit.id);
      if (!todayIn.has(region.timeZone)) todayIn.set(region.timeZone, civilDateIn(region.timeZone, now));
      return [region.code, { id: region.id, code: region.code, timeZone: region.timeZone, today: todayIn.get(region.timeZone)!, unitByName, unitIds: new Set(region.units.map((u) => u.id)) }];
    }),
  );
}
