import type { Translate } from "../i18n/index.js";
import type { DeadlineBasis } from "./compute-deadline.js";

/**
 * The basis of a deadline as one line of text in the reader's language, from the locale keys
 * deadlines.basis.*: "14 hari kalender sejak 2026-03-02, UU 25/2009" / "14 calendar days from
 * 2026-03-02, UU 25/2009", with the extension by pauses appended when there was one.
 */
export function renderDeadlineBasis(basis: Pick<DeadlineBasis, "unit" | "count" | "from" | "rule" | "extendedBy">, t: Translate): string {
  const line = t(`deadlines.basis.${basis.unit}`, { count: basis.count, from: basis.from, rule: basis.rule });
  if (!basis.extendedBy) return line;
  return t(`deadlines.basis.extended_${basis.unit}`, { count: basis.extendedBy, basis: line });
}
