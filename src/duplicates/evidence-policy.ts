import type { CurrentUser } from "../accounts/roles.js";
import { canSeeReporterIdentity } from "../complaints/policy.js";
import type { Confidentiality } from "../complaints/vocabulary.js";
import type { MatchReason } from "./score-candidate.js";

/** A reason as shown: the engine's, or the note that identity evidence was withheld. */
export type ShownReason = MatchReason | { field: "reporter"; code: "withheld"; params: Record<string, never> };

/**
 * The evidence of one pair as this staff member may see it. Reasons carry no identity values, but
 * "NIK equal" next to a complaint whose NIK is on screen would tell a focal point the confidential
 * reporter's NIK all the same: when either side's reporter is hidden from the viewer, the identity
 * reasons are replaced by one note. Verdict and score stay: they are what prevents double handling.
 */
export function evidenceFor(user: CurrentUser, reasons: readonly MatchReason[], confidentialities: ReadonlyArray<Confidentiality | null>): ShownReason[] {
  const isHidden = confidentialities.some((c) => !canSeeReporterIdentity({ kind: "staff", user }, c ?? "confidential"));
  if (!isHidden) return [...reasons];
  const matter = reasons.filter((reason) => !reason.field.startsWith("reporter."));
  return matter.length === reasons.length ? matter : [{ field: "reporter", code: "withheld", params: {} }, ...matter];
}

/** The API form of a shown reason: `{ field, detail }` in the caller's language. */
export function presentShownReason(reason: ShownReason, t: (key: string, values?: Record<string, unknown>) => string): { field: string; detail: string } {
  const values: Record<string, unknown> = { ...reason.params };
  if (typeof values.days === "number") values.count = values.days;
  return { field: reason.field, detail: t(`duplicates.reasons.${reason.field.replace(".", "_")}.${reason.code}`, values) };
}
