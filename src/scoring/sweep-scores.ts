import { db } from "../db.js";
import { methodologyInForce } from "./load-methodologies.js";
import { recomputeScores, type RecomputeResult } from "./recompute-scores.js";
import { currentAssessmentYear } from "./schedule-score-recompute.js";

/** A year other than the current one is recomputed by the sweep when its run is older than this (milliseconds). */
export const PAST_YEAR_REFRESH_MS = 24 * 3600_000;

/**
 * Which years the periodic sweep recomputes: always the current year (its figures move every
 * day); the previous year when its run is older than a day (its decisions and answers still come
 * in early in the next year); and any year with a methodology whose current run is missing or was
 * computed with a methodology that is no longer the one in force. Pure: values in, years out.
 */
export function yearsToSweep(input: {
  now: Date;
  currentYear: number;
  years: ReadonlyArray<{ year: number; fingerprintInForce: string; run: { computedAt: Date; methodologyFingerprint: string } | null }>;
}): number[] {
  const due = input.years.filter(({ year, fingerprintInForce, run }) => {
    if (year === input.currentYear) return true;
    if (!run || run.methodologyFingerprint !== fingerprintInForce) return true;
    return year === input.currentYear - 1 && input.now.getTime() - run.computedAt.getTime() >= PAST_YEAR_REFRESH_MS;
  });
  return due.map((y) => y.year).sort((a, b) => b - a);
}

/** The hourly sweep: recomputes the years yearsToSweep names, one after another; repairs lost triggers. */
export async function sweepScores(now = new Date()): Promise<RecomputeResult[]> {
  const years = (await db.methodologyVersion.findMany({ select: { year: true }, distinct: ["year"] })).map((m) => m.year);
  const runs = await db.scoreRun.findMany({ where: { isCurrent: true }, select: { year: true, computedAt: true, methodologyFingerprint: true } });
  const candidates = [];
  for (const year of years) {
    const inForce = await methodologyInForce(year);
    if (inForce) candidates.push({ year, fingerprintInForce: inForce.fingerprint, run: runs.find((r) => r.year === year) ?? null });
  }
  const results: RecomputeResult[] = [];
  for (const year of yearsToSweep({ now, currentYear: currentAssessmentYear(now), years: candidates })) {
    results.push(await recomputeScores({ year, trigger: "sweep", now: new Date() }));
  }
  return results;
}
