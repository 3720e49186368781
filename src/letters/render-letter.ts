/**
 * Fills a letter template's placeholders ({{name}}) with values; an unknown placeholder is left
 * visible (so a mistake in a template shows in the preview instead of silently vanishing). Pure.
 */
export function renderLetter(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (whole, key: string) => (key in values ? values[key]! : whole));
}

const ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/**
 * The number of the n-th letter of a year, in the usual Indonesian form
 * "0042/KL/53.01/XI/2026" (sequence / kind / Pemda code / month in Roman numerals / year).
 */
export function letterNumber(sequence: number, regionCode: string, civilDate: string): string {
  const [year, month] = civilDate.split("-");
  return `${String(sequence).padStart(4, "0")}/KL/${regionCode}/${ROMAN_MONTHS[Number(month) - 1]}/${year}`;
}

/** The placeholders a coordination letter template may use, for the template editor's help text. */
export const LETTER_PLACEHOLDERS = ["number", "date", "office", "regionName", "trackingNumber", "subject", "unit", "incidentDate", "reporter", "summary", "dueDate", "sender"] as const;
