import type { Translate } from "../i18n/index.js";
import type { HolidayDraftWarning } from "./draft-national-holidays.js";

/** One warning of a holiday draft as a sentence in the reader's language (deadlines.draft_warnings.*). */
export function renderHolidayDraftWarning(warning: HolidayDraftWarning, t: Translate): string {
  if (warning.code === "missing") return t(`deadlines.draft_warnings.missing_${warning.holiday}`);
  const { code, ...params } = warning;
  return t(`deadlines.draft_warnings.${code}`, params);
}
