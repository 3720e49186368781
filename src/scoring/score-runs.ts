import { db } from "../db.js";

/**
 * Which stored run a reader sees: staff see each year's current run (recomputed as data
 * changes); the public sees the latest run published for the year (frozen when published).
 */
export type ScoreView = "current" | "published";

export const RUN_SELECT = {
  id: true,
  year: true,
  methodologyId: true,
  methodologyFingerprint: true,
  periodStartAt: true,
  periodEndAt: true,
  computedAt: true,
  durationMs: true,
  complaintCount: true,
  isCurrent: true,
  publishedAt: true,
} as const;

export type RunSummary = Awaited<ReturnType<typeof findRun>>;

/** The run of a year a reader of this view sees, or null. */
export function findRun(year: number, view: ScoreView) {
  return view === "current"
    ? db.scoreRun.findFirst({ where: { year, isCurrent: true }, select: RUN_SELECT })
    : db.scoreRun.findFirst({ where: { year, publishedAt: { not: null } }, orderBy: { publishedAt: "desc" }, select: RUN_SELECT });
}

/** One run per year for this view, oldest year first. */
export async function runsOfView(view: ScoreView) {
  const runs =
    view === "current"
      ? await db.scoreRun.findMany({ where: { isCurrent: true }, orderBy: { year: "asc" }, select: RUN_SELECT })
      : await db.scoreRun.findMany({ where: { publishedAt: { not: null } }, orderBy: [{ year: "asc" }, { publishedAt: "desc" }], select: RUN_SELECT });
  const byYear = new Map<number, (typeof runs)[number]>();
  for (const run of runs) if (!byYear.has(run.year)) byYear.set(run.year, run);
  return [...byYear.values()];
}

/** The year to show when none is asked for: the latest year with a run, else the latest with a methodology. */
export async function defaultYear(view: ScoreView, now = new Date()): Promise<number> {
  const runs = await runsOfView(view);
  if (runs.length > 0) return runs.at(-1)!.year;
  const latest = await db.methodologyVersion.findFirst({ orderBy: { year: "desc" }, select: { year: true } });
  return latest?.year ?? now.getUTCFullYear();
}
