import { db } from "../db.js";
import { currentAssessmentYear } from "./schedule-score-recompute.js";

/**
 * Every methodology version and, per year, the version in force, the current run and the latest
 * published run: the administrators' and assistants' view of what has been computed and published.
 */
export async function listScoreYears(now = new Date()) {
  const [versions, runs] = await Promise.all([
    db.methodologyVersion.findMany({ orderBy: [{ year: "desc" }, { revision: "desc" }], select: { id: true, year: true, revision: true, title: true, fingerprint: true, origin: true, createdAt: true } }),
    db.scoreRun.findMany({
      where: { OR: [{ isCurrent: true }, { publishedAt: { not: null } }] },
      orderBy: { computedAt: "desc" },
      select: { id: true, year: true, methodologyId: true, computedAt: true, durationMs: true, complaintCount: true, isCurrent: true, publishedAt: true, trigger: true },
    }),
  ]);
  const years = [...new Set(versions.map((v) => v.year))].sort((a, b) => b - a);
  const currentYear = currentAssessmentYear(now);
  return {
    /** The current year when it has no methodology yet (nothing can be computed for it), else null. */
    missingCurrentYear: years.includes(currentYear) ? null : { year: currentYear, copyFrom: versions[0]?.id ?? null },
    versions,
    years: years.map((year) => ({
      year,
      inForce: versions.find((v) => v.year === year)!,
      current: runs.find((r) => r.year === year && r.isCurrent) ?? null,
      published: runs.filter((r) => r.year === year && r.publishedAt).sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime())[0] ?? null,
    })),
  };
}
