import path from "node:path";
import { parseArgs } from "node:util";
import { currentUserSelect, toCurrentUser } from "../accounts/current-user.js";
import { db } from "../db.js";
import { DomainError, ValidationError } from "../http/errors.js";
import { isLocale, translator } from "../i18n/index.js";
import { importRegister } from "./import-register.js";
import { importReportLines, isImportComplete } from "./import-report.js";

/** Exit codes (sysexits.h): rows refused or the file unreadable is a data error; the rest tells the operator what to fix. */
const EXIT = { ok: 0, usage: 64, dataError: 65, noInput: 66, noUser: 67, noPermission: 77 } as const;

/**
 * `npm run cli -- import complaints --desk inspektorat FILE.csv [--region CODE] [--as EMAIL]`:
 * imports a register and prints the same report as the web page. Without --as the import is the
 * server operator's (audited as the system); with --as it is that staff member's, with their rights
 * and language. Exit 0 when every row is imported or already present, 65 when rows were refused.
 */
export async function importComplaintsCommand(args: string[]): Promise<number> {
  const en = translator("en");
  let values: { desk?: string; region?: string; as?: string; locale?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, options: { desk: { type: "string" }, region: { type: "string" }, as: { type: "string" }, locale: { type: "string" } }, allowPositionals: true, strict: true }));
  } catch (error) {
    console.error((error as Error).message);
    console.error(en("register_import.cli.usage"));
    return EXIT.usage;
  }
  if (positionals.length !== 1 || !values.desk) {
    console.error(en("register_import.cli.usage"));
    return EXIT.usage;
  }
  const user = values.as ? await db.user.findFirst({ where: { email: values.as.trim().toLowerCase(), isActive: true }, select: currentUserSelect }) : null;
  if (values.as && !user) {
    console.error(`No active staff account with the email ${values.as}.`);
    return EXIT.noUser;
  }
  const locale = isLocale(values.locale) ? values.locale : isLocale(user?.locale) ? user.locale : "en";
  const t = translator(locale);
  const filePath = path.resolve(positionals[0]!);
  try {
    const report = await importRegister({
      filePath,
      fileName: positionals[0]!,
      desk: values.desk,
      regionCode: values.region ?? null,
      importedBy: user ? toCurrentUser(user) : null,
    });
    for (const line of importReportLines(report, t)) console.log(line);
    return isImportComplete(report) ? EXIT.ok : EXIT.dataError;
  } catch (error) {
    if (error instanceof ValidationError) {
      for (const issue of error.issues) console.error(`${issue.path === "file" ? positionals[0] : `--${issue.path === "regionCode" ? "region" : issue.path}`}: ${t(issue.messageKey, issue.params)}`);
      return error.issues.some((i) => i.messageKey === "register_import.errors.file_unreadable") ? EXIT.noInput : error.issues.some((i) => i.path === "desk") ? EXIT.usage : EXIT.dataError;
    }
    if (error instanceof DomainError && error.code === "forbidden") {
      console.error(t("errors.forbidden"));
      return EXIT.noPermission;
    }
    throw error;
  }
}
