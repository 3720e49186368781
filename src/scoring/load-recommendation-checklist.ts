import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import { findScoreRegion } from "./find-score-region.js";
import { canEditRecommendations } from "./policy.js";
import { RECOMMENDATION_INDICATORS, RECOMMENDATION_KEYS } from "./recommendations.js";
import { findRun } from "./score-runs.js";

/**
 * A Pemda's checklist of the Ombudsman's seven standing recommendations for a year (seed 004):
 * per item whether it is done, the note, link and file given as evidence, and what the year's
 * complaint indicators say about it (how many units reach full points on the related indicators).
 */
export async function loadRecommendationChecklist(input: { regionCode: string; year: number }, user: CurrentUser) {
  const region = await findScoreRegion(input.regionCode, user);
  const [rows, run] = await Promise.all([db.recommendationEvidence.findMany({ where: { regionId: region.id, year: input.year } }), findRun(input.year, "current")]);
  const indicators = run ? await db.scoreIndicatorResult.findMany({ where: { runId: run.id, regionId: region.id }, select: { key: true, status: true, points: true, maxPoints: true } }) : [];
  const items = RECOMMENDATION_KEYS.map((key) => {
    const row = rows.find((r) => r.itemKey === key) ?? null;
    return {
      key,
      isDone: row?.isDone ?? false,
      note: row?.note ?? "",
      link: row?.link ?? null,
      file: row?.fileStorageKey ? { name: row.fileName ?? "", mediaType: row.fileMediaType ?? "", sizeBytes: row.fileSizeBytes ?? 0 } : null,
      updatedAt: row?.updatedAt ?? null,
      indicators: RECOMMENDATION_INDICATORS[key].map((indicatorKey) => {
        const list = indicators.filter((i) => i.key === indicatorKey);
        const scored = list.filter((i) => i.status === "scored");
        return { key: indicatorKey, units: list.length, scored: scored.length, full: scored.filter((i) => i.points === i.maxPoints).length };
      }),
    };
  });
  return { region, year: input.year, items, doneCount: items.filter((i) => i.isDone).length, canEdit: canEditRecommendations(user, region.id) };
}
