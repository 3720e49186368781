import { db } from "../db.js";
import { logger } from "../logger.js";
import { methodologyFingerprint } from "./methodology.js";
import { readMethodologyFiles } from "./read-methodology-files.js";
import { scheduleScoreRecompute } from "./schedule-score-recompute.js";

/**
 * Stores the methodology files of prisma/reference/methodology that the database does not have
 * yet. Safe to repeat: a stored version is never overwritten (results were computed with it; a
 * changed file must become a new revision), a file that differs from its stored version is only
 * reported. Then asks for the first computation of every year that has a methodology but no
 * results yet (a no-op where no queue runs, as in `cli seed`).
 */
export async function seedMethodologies(dir?: string): Promise<{ created: string[]; differing: string[] }> {
  const files = await readMethodologyFiles(dir);
  const stored = new Map((await db.methodologyVersion.findMany({ select: { id: true, fingerprint: true } })).map((m) => [m.id, m.fingerprint]));
  const created: string[] = [];
  const differing: string[] = [];
  for (const methodology of files) {
    const fingerprint = methodologyFingerprint(methodology);
    const existing = stored.get(methodology.id);
    if (existing !== undefined) {
      if (existing !== fingerprint) differing.push(methodology.id);
      continue;
    }
    await db.methodologyVersion.create({
      data: { id: methodology.id, year: methodology.year, revision: methodology.revision, title: methodology.title, content: JSON.stringify(methodology), fingerprint, origin: "file" },
    });
    created.push(methodology.id);
  }
  if (differing.length > 0) logger.warn({ differing }, "methodology files differ from their stored versions; the stored versions are kept (add a new revision instead)");

  const years = (await db.methodologyVersion.findMany({ select: { year: true }, distinct: ["year"] })).map((m) => m.year);
  const computed = new Set((await db.scoreRun.findMany({ where: { isCurrent: true }, select: { year: true } })).map((r) => r.year));
  await scheduleScoreRecompute(years.filter((y) => !computed.has(y)));
  return { created, differing };
}
