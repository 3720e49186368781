import type { RuleForRouting } from "../routing/decide-route.js";

type Conditions = Pick<RuleForRouting, "regionId" | "unitKind" | "category" | "topic" | "isAboutInspektorat">;
const CONDITIONS = ["regionId", "unitKind", "category", "topic", "isAboutInspektorat"] as const;

/** Two rules with the same conditions would be decided by age alone: a silent, confusing tie. */
export function hasSameConditions(a: Conditions, b: Conditions): boolean {
  return CONDITIONS.every((field) => (a[field] ?? null) === (b[field] ?? null));
}

/**
 * Domain brief §2 and issue #5: in every Pemda a complaint about the Inspektorat itself goes to
 * the Organisasi office. True when the active rules still contain the unconditional rule saying so.
 */
export function keepsInspektoratSafeguard(activeRules: readonly RuleForRouting[]): boolean {
  return activeRules.some(
    (r) => r.isAboutInspektorat === true && r.regionId === null && r.unitKind === null && r.category === null && r.topic === null && r.targetOffice === "organisasi",
  );
}
