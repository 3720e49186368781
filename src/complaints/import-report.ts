import type { Translate } from "../i18n/index.js";
import type { RefusedRow, RegisterImportReport } from "./import-register.js";

/** Why a row was refused, in the reader's language, each reason naming its column. */
export function refusalReasons(row: RefusedRow, t: Translate): string[] {
  return row.problems.map((problem) => {
    const message = t(problem.messageKey, problem.params);
    return problem.column ? t("register_import.reason_in_column", { column: problem.column, message }) : message;
  });
}

/** The import report as lines of text (the command line prints these). */
export function importReportLines(report: RegisterImportReport, t: Translate): string[] {
  const lines = [
    t("register_import.cli.summary", { file: report.fileName, rows: report.rowCount, imported: report.importedCount, present: report.alreadyPresentCount, refused: report.refusedCount }),
  ];
  if (report.ignoredColumns.length) lines.push(t("register_import.ignored_columns", { columns: report.ignoredColumns.join(", ") }));
  for (const row of report.refusedRows) {
    lines.push(t("register_import.cli.refused_line", { line: row.line }));
    for (const reason of refusalReasons(row, t)) lines.push(`    ${reason}`);
  }
  const unlisted = report.refusedCount - report.refusedRows.length;
  if (unlisted > 0) lines.push(t("register_import.more_refused", { count: unlisted }));
  if (report.readProblem) lines.push(t("register_import.incomplete", { line: report.readProblem.line, reason: t(report.readProblem.messageKey, report.readProblem.params) }));
  return lines;
}

/** Whether every row of the file is now in Penghubung (imported now or before). */
export const isImportComplete = (report: RegisterImportReport) => report.refusedCount === 0 && report.readProblem === null;
