import { type DeadlinePolicy, type DeadlineRule, deadlinePolicySchema } from "../../src/deadlines/deadline-policy.js";
import { DEFAULT_DEADLINE_POLICY_INPUT } from "../../src/deadlines/default-deadline-policy.js";
import type { Holiday } from "../../src/deadlines/holiday.js";
import { buildWorkingCalendar } from "../../src/deadlines/working-calendar.js";

/**
 * Days off of 2025 and 2026 written out here, so that engine tests depend neither on the holiday
 * library nor on the reference files (which have their own tests).
 */
const OFF_DAYS: readonly [date: string, kind: "national" | "cuti_bersama"][] = [
  ["2025-01-01", "national"],
  ["2025-01-27", "national"],
  ["2025-01-28", "cuti_bersama"],
  ["2025-01-29", "national"],
  ["2025-03-28", "cuti_bersama"],
  ["2025-03-29", "national"],
  ["2025-03-31", "national"],
  ["2025-04-01", "national"],
  ["2025-04-02", "cuti_bersama"],
  ["2025-04-03", "cuti_bersama"],
  ["2025-04-04", "cuti_bersama"],
  ["2025-04-07", "cuti_bersama"],
  ["2025-04-18", "national"],
  ["2025-04-20", "national"],
  ["2025-05-01", "national"],
  ["2025-05-12", "national"],
  ["2025-05-13", "cuti_bersama"],
  ["2025-05-29", "national"],
  ["2025-05-30", "cuti_bersama"],
  ["2025-06-01", "national"],
  ["2025-06-06", "national"],
  ["2025-06-09", "cuti_bersama"],
  ["2025-06-27", "national"],
  ["2025-08-17", "national"],
  ["2025-08-18", "cuti_bersama"],
  ["2025-09-05", "national"],
  ["2025-12-25", "national"],
  ["2025-12-26", "cuti_bersama"],
  ["2026-01-01", "national"],
  ["2026-01-16", "national"],
  ["2026-02-16", "cuti_bersama"],
  ["2026-02-17", "national"],
  ["2026-03-18", "cuti_bersama"],
  ["2026-03-19", "national"],
  ["2026-03-20", "cuti_bersama"],
  ["2026-03-21", "national"],
  ["2026-03-22", "national"],
  ["2026-03-23", "cuti_bersama"],
  ["2026-03-24", "cuti_bersama"],
  ["2026-04-03", "national"],
  ["2026-04-05", "national"],
  ["2026-05-01", "national"],
  ["2026-05-14", "national"],
  ["2026-05-15", "cuti_bersama"],
  ["2026-05-27", "national"],
  ["2026-05-28", "cuti_bersama"],
  ["2026-05-31", "national"],
  ["2026-06-01", "national"],
  ["2026-06-16", "national"],
  ["2026-08-17", "national"],
  ["2026-08-25", "national"],
  ["2026-12-24", "cuti_bersama"],
  ["2026-12-25", "national"],
];

export function holiday(date: string, overrides: Partial<Holiday> = {}): Holiday {
  return { date, name: `Libur ${date}`, kind: "national", source: "test", regionCode: null, isConfirmed: true, ...overrides };
}

export const HOLIDAYS_2025_2026: Holiday[] = OFF_DAYS.map(([date, kind]) => holiday(date, { kind }));

/** National calendar of 2025 and 2026; other years count weekends only and are reported uncovered. */
export const calendar = buildWorkingCalendar({ holidays: HOLIDAYS_2025_2026 });

/** An instant given as WITA wall-clock time: wita("2026-03-02 10:00"). */
export function wita(local: string): Date {
  return new Date(`${local.replace(" ", "T")}:00+08:00`);
}

/** The instant a deadline due on a WITA date falls due: 23:59:59.999 WITA that day. */
export function endOfWitaDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

/** A policy version built from the defaults, with some rules changed or added. */
export function policyWith(changes: { version?: number; rules?: (Partial<DeadlineRule> & { kind: string })[] } = {}): DeadlinePolicy {
  const rules = DEFAULT_DEADLINE_POLICY_INPUT.rules.map((rule) => ({ ...rule })) as Record<string, unknown>[];
  for (const change of changes.rules ?? []) {
    const index = rules.findIndex((rule) => rule.kind === change.kind);
    if (index >= 0) rules[index] = { ...rules[index], ...change };
    else rules.push({ startedBy: ["received"], metBy: ["decided"], responsible: "focal_point", escalation: { to: ["ombudsman_assistant"], maxEscalations: 1, repeatEveryWorkingDays: 5 }, source: "Uji", ...change });
  }
  return deadlinePolicySchema.parse({ ...DEFAULT_DEADLINE_POLICY_INPUT, version: changes.version ?? 1, rules });
}
