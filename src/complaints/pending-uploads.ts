import { db } from "../db.js";
import { MAX_FILES_PER_SUBMISSION, removeStoredFile, storeUpload, type StoredFile } from "./uploads.js";
import { ValidationError } from "../http/errors.js";

/**
 * Keeps files uploaded with a form under the form's submission key until the form is accepted,
 * so that someone who has to correct a field does not upload their photos again.
 */
export async function savePendingUploads(submissionKey: string, files: Array<{ buffer: Buffer; originalname: string }>, field = "files") {
  const already = await db.pendingUpload.count({ where: { submissionKey } });
  if (already + files.length > MAX_FILES_PER_SUBMISSION) {
    throw new ValidationError([{ path: field, messageKey: "errors.too_many_files", params: { max: MAX_FILES_PER_SUBMISSION } }]);
  }
  for (const file of files) {
    const stored = await storeUpload({ buffer: file.buffer, originalName: file.originalname }, field);
    await db.pendingUpload.create({ data: { submissionKey, ...stored } });
  }
  return listPendingUploads(submissionKey);
}

export async function listPendingUploads(submissionKey: string | undefined): Promise<StoredFile[]> {
  if (!submissionKey) return [];
  return db.pendingUpload.findMany({
    where: { submissionKey },
    orderBy: { id: "asc" },
    select: { storageKey: true, originalName: true, mediaType: true, sizeBytes: true, sha256: true },
  });
}

/** Removes files of forms abandoned for more than a day. */
export async function purgePendingUploads(now: Date) {
  const stale = await db.pendingUpload.findMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3600_000) } }, select: { id: true, storageKey: true }, take: 1000 });
  for (const upload of stale) {
    await removeStoredFile(upload.storageKey);
    await db.pendingUpload.delete({ where: { id: upload.id } });
  }
  return { purged: stale.length };
}
