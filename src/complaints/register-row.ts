import { ValidationError } from "../http/errors.js";
import { parse } from "../http/validate.js";
import type { Translate } from "../i18n/index.js";
import { intakeDateIssues, isCivilDate } from "./intake-rules.js";
import type { ColumnKey } from "./register-columns.js";
import { complaintInputSchema, staffIntakeSchema, type ComplaintInput } from "./schemas.js";
import { CATEGORIES, CONFIDENTIALITY, PRIOR_COMPLAINT_TARGETS, type Category, type Confidentiality } from "./vocabulary.js";

/**
 * One row of an Inspektorat register, checked with the same intake rules as every other complaint
 * (complaintInputSchema, staffIntakeSchema, intakeDateIssues) after the register's own spellings
 * are read: DD/MM/YYYY dates, "ya"/"tidak", Indonesian labels, unit names. Pure: the Pemda, their
 * units and today's date come in the context.
 */

export interface RegisterRegion {
  id: number;
  code: string;
  /** Today's civil date in the Pemda's time zone. */
  today: string;
  timeZone: string;
  /** Normalised unit name or alias → unit id; and the ids themselves. */
  unitByName: Map<string, number>;
  unitIds: Set<number>;
}

export interface RowContext {
  regions: Map<string, RegisterRegion>;
  /** The Pemda whose register the file is, when known (a focal point's own, or chosen for the file). */
  registerRegionCode: string | null;
  mayImportRegion: (regionId: number) => boolean;
  vocabulary: RegisterVocabulary;
}

export interface RowProblem {
  column: ColumnKey | null;
  messageKey: string;
  params?: Record<string, unknown>;
}

export interface RegisterRow {
  externalRef: string;
  receivedDate: string;
  region: RegisterRegion;
  input: ComplaintInput;
  registerStatus: string | null;
}

export type RowOutcome = { isValid: true; row: RegisterRow } | { isValid: false; problems: RowProblem[] };

export type RowValues = Partial<Record<ColumnKey, string>>;

/** Words compared without case, accents, punctuation or a note in brackets ("Permintaan imbalan (uang/barang/jasa)"). */
export function normalizeWords(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\([^)]*\)/g, " ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A register date as a civil date "YYYY-MM-DD": accepts YYYY-MM-DD and DD/MM/YYYY (Indonesian order), with or without a time after it. */
export function parseRegisterDate(value: string): string | null {
  const text = value.trim().replace(/[ T]\d{1,2}[:.]\d{2}([:.]\d{2})?$/, "");
  let iso = text;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dmy) iso = `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}`;
  return isCivilDate(iso) ? iso : null;
}

const YES = new Set(["ya", "y", "yes", "sudah", "pernah", "true", "1"]);
const NO = new Set(["tidak", "t", "tdk", "no", "n", "belum", "tidak pernah", "false", "0"]);

/** The spellings a register may use for our vocabulary, by normalised word. */
export interface RegisterVocabulary {
  confidentiality: Map<string, Confidentiality>;
  category: Map<string, Category>;
  priorTarget: Map<string, (typeof PRIOR_COMPLAINT_TARGETS)[number]>;
}

/** Builds the vocabulary from our keys, the labels of every language, and the words registers use. */
export function registerVocabulary(translators: Translate[]): RegisterVocabulary {
  const index = <T extends string>(values: readonly T[], labelsOf: (value: T) => string[], extra: Record<string, T>) => {
    const map = new Map<string, T>();
    for (const value of values) for (const label of [value, ...labelsOf(value)]) map.set(normalizeWords(label), value);
    for (const [word, value] of Object.entries(extra)) map.set(normalizeWords(word), value);
    return map;
  };
  return {
    confidentiality: index(CONFIDENTIALITY, (c) => translators.map((t) => t(`confidentiality.${c}.label`)), { rahasia: "confidential", anonim: "anonymous", terbuka: "public", publik: "public" }),
    category: index(CATEGORIES, (c) => translators.map((t) => t(`categories.${c}.label`)), { pungli: "permintaan_imbalan", "pungutan liar": "permintaan_imbalan" }),
    priorTarget: index(PRIOR_COMPLAINT_TARGETS, (p) => translators.map((t) => t(`prior_targets.${p}`)), {
      "unit layanan": "unit",
      atasan: "superior",
      pimpinan: "superior",
      "inspektorat daerah": "inspektorat",
      lain: "other",
      "lain lain": "other",
    }),
  };
}

/** Where the intake schema's paths are in the register. */
const COLUMN_OF_PATH: Record<string, ColumnKey | null> = {
  "reporter.name": "reporterName",
  "reporter.nik": "nik",
  "reporter.phone": "phone",
  "reporter.email": "email",
  "reporter.address": "address",
  "reporter.confidentiality": "confidentiality",
  regionCode: "regionCode",
  unitId: "unit",
  unitName: "unit",
  subject: "subject",
  description: "description",
  incidentDate: "incidentDate",
  category: "category",
  "priorComplaint.made": "priorMade",
  "priorComplaint.to": "priorTo",
  "priorComplaint.date": "priorDate",
  "priorComplaint.response": "priorResponse",
  receivedAt: "receivedDate",
  externalRef: "externalRef",
};

/** The citizen form's wording addresses the reporter ("you"); a register is read by staff. */
const STAFF_WORDING: Record<string, string> = {
  "errors.date_format": "register_import.errors.date_format",
  "errors.contact_required": "register_import.errors.contact_required",
  "errors.prior_to_required": "register_import.errors.prior_to_required",
  "errors.unit_required": "errors.required",
};

/** Checks one register row; every problem is reported with its column, not only the first. */
export function checkRegisterRow(values: RowValues, context: RowContext): RowOutcome {
  const problems: RowProblem[] = [];
  const problem = (column: ColumnKey | null, messageKey: string, params?: Record<string, unknown>) => problems.push({ column, messageKey, ...(params ? { params } : {}) });
  const text = (key: ColumnKey) => values[key]?.trim() ?? "";

  const externalRef = text("externalRef");
  if (!externalRef) problem("externalRef", "errors.required");
  const receivedDate = readDate("receivedDate", true);

  const staff = safely(() => parse(staffIntakeSchema, { desk: "inspektorat", channel: "inspektorat_register", receivedAt: receivedDate ?? undefined, externalRef: externalRef || undefined }));
  for (const issue of staff.issues) problem(COLUMN_OF_PATH[issue.path] ?? null, issue.messageKey, issue.params);

  const regionCode = text("regionCode") || context.registerRegionCode || "";
  const region = context.regions.get(regionCode);
  if (!regionCode) problem("regionCode", "errors.required");
  else if (!region) problem("regionCode", "errors.region_unknown");
  else if (context.registerRegionCode && regionCode !== context.registerRegionCode) problem("regionCode", "register_import.errors.other_region", { code: regionCode, expected: context.registerRegionCode });
  else if (!context.mayImportRegion(region.id)) problem("regionCode", "register_import.errors.region_not_allowed", { code: regionCode });

  const unit = text("unit");
  let unitId: number | undefined;
  if (region && /^\d+$/.test(unit)) {
    unitId = Number(unit);
    if (!region.unitIds.has(unitId)) problem("unit", "register_import.errors.unit_not_in_region", { id: unit, code: region.code });
  } else if (region && unit) {
    unitId = region.unitByName.get(normalizeWords(unit));
  }

  const confidentiality = text("confidentiality") ? lookUp("confidentiality", context.vocabulary.confidentiality, "register_import.errors.confidentiality") : "confidential";
  const category = text("category") ? lookUp("category", context.vocabulary.category, "register_import.errors.category", { choices: CATEGORIES.join(", ") }) : undefined;
  const priorTo = text("priorTo") ? lookUp("priorTo", context.vocabulary.priorTarget, "register_import.errors.prior_to") : undefined;
  const priorDate = readDate("priorDate", false);
  const incidentDate = readDate("incidentDate", true);
  let priorMade: boolean | undefined;
  const made = normalizeWords(text("priorMade"));
  if (YES.has(made)) priorMade = true;
  else if (NO.has(made)) priorMade = false;
  else if (made) problem("priorMade", "register_import.errors.yes_no");
  // A register that names to whom or when the reporter complained before has answered "yes".
  else priorMade = Boolean(text("priorTo") || text("priorDate") || text("priorResponse"));

  const checked = safely(() =>
    parse(complaintInputSchema, {
      reporter: { name: text("reporterName"), nik: text("nik"), phone: text("phone"), email: text("email"), address: text("address"), confidentiality },
      regionCode: region?.code ?? "00",
      unitId: unitId ?? "",
      unitName: unitId ? "" : unit,
      // An empty cell is a missing value ("required"), not a too-short one.
      subject: text("subject") || undefined,
      description: text("description") || undefined,
      incidentDate: incidentDate ?? "",
      category: category ?? "",
      priorComplaint: { made: priorMade ?? false, to: priorTo ?? "", date: priorDate ?? "", response: text("priorResponse") },
    }),
  );
  // A column already explained by the register's own reading is not explained twice.
  const explained = new Set(problems.map((p) => p.column));
  for (const issue of checked.issues) {
    const column = COLUMN_OF_PATH[issue.path] ?? null;
    if (!explained.has(column)) problem(column, STAFF_WORDING[issue.messageKey] ?? issue.messageKey, issue.params);
  }

  if (region && receivedDate && incidentDate) {
    for (const issue of intakeDateIssues({ receivedDate, incidentDate, priorComplaintDate: priorDate, today: region.today })) {
      const column = COLUMN_OF_PATH[issue.path] ?? null;
      if (issue.messageKey === "errors.incident_too_old") problem(column, "register_import.errors.incident_too_old", { ...issue.params, incidentDate, receivedDate });
      else if (issue.messageKey === "errors.incident_in_future") problem(column, "register_import.errors.incident_after_received", { incidentDate, receivedDate });
      else problem(column, issue.messageKey, issue.params);
    }
  }

  if (problems.length || !checked.value || !region || !receivedDate) return { isValid: false, problems };
  return { isValid: true, row: { externalRef, receivedDate, region, input: checked.value, registerStatus: text("registerStatus") || null } };

  function readDate(column: ColumnKey, isRequired: boolean): string | null {
    const value = text(column);
    if (!value) {
      if (isRequired) problem(column, "errors.required");
      return null;
    }
    const date = parseRegisterDate(value);
    if (!date) problem(column, "register_import.errors.date_format", { value });
    return date;
  }

  function lookUp<T>(column: ColumnKey, map: Map<string, T>, messageKey: string, params?: Record<string, unknown>): T | undefined {
    const found = map.get(normalizeWords(text(column)));
    if (found === undefined) problem(column, messageKey, { value: text(column), ...params });
    return found;
  }
}

function safely<T>(work: () => T): { value: T | null; issues: ValidationError["issues"] } {
  try {
    return { value: work(), issues: [] };
  } catch (error) {
    if (error instanceof ValidationError) return { value: null, issues: error.issues };
    throw error;
  }
}
