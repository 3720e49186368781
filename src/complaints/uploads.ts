import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { config } from "../config.js";
import { DomainError, ValidationError } from "../http/errors.js";

/** Evidence files: photos and PDF documents, checked by their content, not their name. */
export const ALLOWED_MEDIA_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "application/pdf"] as const;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_SUBMISSION = 5;

export interface StoredFile {
  storageKey: string;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** A display name that is safe to show and to put in a Content-Disposition header. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, "/")).normalize("NFC");
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?\\/]+/g, "_").replace(/^\.+/, "").trim();
  return (cleaned || "lampiran").slice(0, 150);
}

/**
 * Checks a file by its magic bytes and size and stores it under a generated name outside the web
 * root. Throws a validation-style error naming the file when it is refused.
 */
export async function storeUpload(file: { buffer: Buffer; originalName: string }, field = "files"): Promise<StoredFile> {
  const originalName = safeFileName(file.originalName);
  if (file.buffer.length === 0) throw uploadError(field, "errors.file_empty", originalName);
  if (file.buffer.length > MAX_FILE_BYTES) throw uploadError(field, "errors.file_too_large", originalName);
  const detected = await fileTypeFromBuffer(file.buffer);
  if (!detected || !(ALLOWED_MEDIA_TYPES as readonly string[]).includes(detected.mime)) throw uploadError(field, "errors.file_type", originalName);
  const now = new Date();
  const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${crypto.randomBytes(16).toString("hex")}`;
  const target = path.join(config.uploadDir, storageKey);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  await fs.promises.writeFile(target, file.buffer, { mode: 0o600, flag: "wx" });
  return { storageKey, originalName, mediaType: detected.mime, sizeBytes: file.buffer.length, sha256: crypto.createHash("sha256").update(file.buffer).digest("hex") };
}

function uploadError(field: string, messageKey: string, name: string) {
  return new ValidationError([{ path: field, messageKey, params: { name, maxMb: MAX_FILE_BYTES / 1024 / 1024 } }]);
}

/** The absolute path of a stored file; the key is ours (never user input), still checked. */
export function storedFilePath(storageKey: string): string {
  if (!/^\d{4}\/\d{2}\/[0-9a-f]{32}$/.test(storageKey)) throw new DomainError("not_found");
  return path.join(config.uploadDir, storageKey);
}

export async function removeStoredFile(storageKey: string) {
  await fs.promises.rm(storedFilePath(storageKey), { force: true });
}
