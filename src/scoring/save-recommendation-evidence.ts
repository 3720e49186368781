import { z } from "zod";
import type { CurrentUser } from "../accounts/roles.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { removeStoredFile, storeUpload } from "../complaints/uploads.js";
import { transaction } from "../db.js";
import { forbidden, notFound } from "../http/errors.js";
import { parse } from "../http/validate.js";
import { logger } from "../logger.js";
import { findScoreRegion } from "./find-score-region.js";
import { canEditRecommendations } from "./policy.js";
import { isRecommendationKey } from "./recommendations.js";

const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);
export const evidenceSchema = z.object({
  isDone: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
  note: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().trim().max(2000)),
  link: z.preprocess(blankToNull, z.url({ protocol: /^https?$/, message: "scoring.facts.errors.url_format" }).max(500).nullable()),
  removeFile: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(false),
});

/**
 * Records a Pemda's evidence for one recommendation in a year: done or not, a note, a link, and
 * optionally one file (a photo or PDF, checked by its content) that replaces the previous one.
 * Focal points edit their own Pemda's checklist; assistants and administrators any. Audited.
 */
export async function saveRecommendationEvidence(
  input: { regionCode: string; year: number; itemKey: string; body: unknown; file?: { buffer: Buffer; originalName: string } | null },
  user: CurrentUser,
  now = new Date(),
): Promise<void> {
  if (!isRecommendationKey(input.itemKey)) throw notFound();
  const region = await findScoreRegion(input.regionCode, user);
  if (!canEditRecommendations(user, region.id)) throw forbidden();
  const values = parse(evidenceSchema, input.body);
  const stored = input.file ? await storeUpload(input.file, "file") : null;
  let replacedKey: string | null = null;
  await transaction(async (tx) => {
    const existing = await tx.recommendationEvidence.findUnique({ where: { regionId_year_itemKey: { regionId: region.id, year: input.year, itemKey: input.itemKey } } });
    const dropFile = stored !== null || values.removeFile;
    replacedKey = dropFile ? (existing?.fileStorageKey ?? null) : null;
    const file = stored
      ? { fileStorageKey: stored.storageKey, fileName: stored.originalName, fileMediaType: stored.mediaType, fileSizeBytes: stored.sizeBytes }
      : dropFile
        ? { fileStorageKey: null, fileName: null, fileMediaType: null, fileSizeBytes: null }
        : {};
    const data = { isDone: values.isDone, note: values.note, link: values.link, ...file, updatedById: user.id };
    await tx.recommendationEvidence.upsert({
      where: { regionId_year_itemKey: { regionId: region.id, year: input.year, itemKey: input.itemKey } },
      create: { regionId: region.id, year: input.year, itemKey: input.itemKey, ...data, createdAt: now },
      update: data,
    });
    await recordAuditEvent(tx, {
      stream: `region:${region.code}`,
      actor: { kind: "user", userId: user.id },
      action: "assessment.recommendation_evidence.saved",
      entityType: "recommendation_evidence",
      entityId: `${region.code}/${input.year}/${input.itemKey}`,
      data: { isDone: values.isDone, note: values.note, link: values.link, file: stored ? { name: stored.originalName, sha256: stored.sha256 } : dropFile ? null : "unchanged" },
      at: now,
    });
  });
  if (replacedKey) await removeStoredFile(replacedKey).catch((error: unknown) => logger.warn({ err: error }, "could not remove a replaced evidence file"));
}
