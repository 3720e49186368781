import type { RequestHandler } from "express";
import multer from "multer";
import { DomainError } from "./errors.js";

/**
 * Parses a multipart form (fields and up to `maxFiles` files in memory, each at most
 * `maxFileBytes`). The CSRF token of such forms travels in the action's query string, because
 * the global CSRF check runs before the body is parsed.
 */
export function multipartForm(options: { fileField: string; maxFiles: number; maxFileBytes: number }): RequestHandler {
  return readableMultipart(
    multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: options.maxFileBytes, files: options.maxFiles, fields: 80, fieldSize: 30_000, parts: 80 + options.maxFiles },
    }).array(options.fileField, options.maxFiles),
  );
}

/**
 * A body the multipart parser cannot read (no boundary or another one, cut off, a malformed part)
 * is the client's mistake: busboy reports it as a plain Error without a code, which would
 * otherwise be answered as our own failure (500). Storage errors carry a code and stay ours.
 */
export function readableMultipart(parse: RequestHandler): RequestHandler {
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      const e = error as { name?: string; code?: unknown } | undefined;
      if (e && !(error instanceof DomainError) && e.name !== "MulterError" && e.code === undefined) return next(new DomainError("bad_request", "errors.upload_invalid"));
      if (!error) req.body = plainFields(req.body);
      next(error);
    });
}

/**
 * multer nests bracketed field names (reporter[name][0]) in null-prototype objects, which a form
 * sent back for correction cannot print (String() throws on them): copy them as plain objects,
 * as the urlencoded parser gives, leaving out keys that would set a prototype.
 */
function plainFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainFields);
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (key !== "__proto__") copy[key] = plainFields(entry);
  return copy;
}

export function uploadedFiles(req: Parameters<RequestHandler>[0]): Array<{ buffer: Buffer; originalname: string }> {
  return Array.isArray(req.files) ? req.files.filter((f) => f.size > 0) : [];
}
