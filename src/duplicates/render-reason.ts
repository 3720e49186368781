import type { MatchReason } from "./score-candidate.js";

/** Any translation function taking a key and values (i18next's TFunction fits). */
export type TranslateReason = (key: string, values?: Record<string, unknown>) => string;

/**
 * The human wording of one piece of evidence ("NIK sama", "nama mirip 0,93", "tanggal kejadian
 * berselisih 3 hari"), from locales/*.json under duplicates.reasons.<field>.<code>. Only the
 * reason's own numbers go into the text, so it never shows an identity value.
 */
export function renderReason(reason: MatchReason, t: TranslateReason): string {
  const field = reason.field.replace(".", "_");
  const values: Record<string, unknown> = { ...reason.params };
  // i18next picks the plural form ("1 day", "3 days") from `count`.
  if (typeof reason.params.days === "number") values.count = reason.params.days;
  return t(`duplicates.reasons.${field}.${reason.code}`, values);
}

/** The API form of a reason: `{ field, detail }` (issue #4). */
export function presentReason(reason: MatchReason, t: TranslateReason): { field: string; detail: string } {
  return { field: reason.field, detail: renderReason(reason, t) };
}
