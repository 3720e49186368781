import { enqueue } from "../../jobs/queue.js";
import { db } from "../db.js";
import { civilDateIn } from "../complaints/intake-rules.js";
import { WITA_TIME_ZONE } from "../deadlines/civil-date.js";

/** Changes within this window are recomputed together, once, at its end (milliseconds). */
export const RECOMPUTE_DEBOUNCE_MS = 30_000;

/**
 * The job id and delay that debounce a year's recomputation: every change in the same 30-second
 * window gets the same job id (adding it again is harmless), and the job runs when the window
 * closes, so a burst of edits or a CSV import costs one computation. A change made while that job
 * runs falls in a later window and gets its own job, so it is never lost. Units: milliseconds.
 */
export function recomputeJobOf(year: number, now: Date): { jobId: string; delayMs: number } {
  const window = Math.floor(now.getTime() / RECOMPUTE_DEBOUNCE_MS);
  // BullMQ refuses ":" in custom job ids.
  return { jobId: `scores-${year}-${window}`, delayMs: (window + 1) * RECOMPUTE_DEBOUNCE_MS - now.getTime() };
}

/** The assessment year `now` falls in (WITA, where the assessing Ombudsman office works). */
export function currentAssessmentYear(now: Date): number {
  return Number(civilDateIn(WITA_TIME_ZONE, now).slice(0, 4));
}

/**
 * Asks for the recomputation of the given years after a change to the data they rest on. Call it
 * after the change has committed. Years without a methodology are skipped (nothing to compute).
 */
export async function scheduleScoreRecompute(years: Iterable<number>, trigger: "data_change" | "methodology" = "data_change", now = new Date()): Promise<number[]> {
  const wanted = [...new Set(years)].filter((y) => Number.isInteger(y));
  if (wanted.length === 0) return [];
  const known = new Set((await db.methodologyVersion.findMany({ where: { year: { in: wanted } }, select: { year: true }, distinct: ["year"] })).map((m) => m.year));
  const scheduled = wanted.filter((y) => known.has(y));
  for (const year of scheduled) await enqueue("recompute-scores", { year, trigger }, recomputeJobOf(year, now));
  return scheduled;
}

/**
 * The years a fact dated `dates` can change: from the earliest of them up to the current year (a
 * channel opened in 2022 counts in every year after), at most `maxYears` back.
 */
export function yearsAffectedBy(dates: ReadonlyArray<string | null | undefined>, now: Date, maxYears = 10): number[] {
  const current = currentAssessmentYear(now);
  const years = dates.filter((d): d is string => typeof d === "string" && /^\d{4}-/.test(d)).map((d) => Number(d.slice(0, 4)));
  const from = Math.max(Math.min(current, ...years), current - maxYears + 1);
  return Array.from({ length: current - from + 1 }, (_, i) => from + i);
}
