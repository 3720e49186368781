import type { CurrentUser } from "../accounts/roles.js";
import { storedFilePath } from "../complaints/uploads.js";
import { db } from "../db.js";
import { notFound } from "../http/errors.js";
import { findScoreRegion } from "./find-score-region.js";
import type { RecommendationKey } from "./recommendations.js";

/** The stored evidence file of one item, for download by those who may see the Pemda. */
export async function openEvidenceFile(input: { regionCode: string; year: number; itemKey: RecommendationKey | string }, user: CurrentUser) {
  const region = await findScoreRegion(input.regionCode, user);
  const row = await db.recommendationEvidence.findUnique({ where: { regionId_year_itemKey: { regionId: region.id, year: input.year, itemKey: input.itemKey } } });
  if (!row?.fileStorageKey) throw notFound();
  return { path: storedFilePath(row.fileStorageKey), name: row.fileName ?? "bukti", mediaType: row.fileMediaType ?? "application/octet-stream" };
}
