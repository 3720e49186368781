import type { ErrorRequestHandler } from "express";
import { DATABASE_BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from "../db/database-busy.js";
import { DomainError, ValidationError, type ErrorCode } from "../http/errors.js";
import { DEFAULT_LOCALE, translator, type Translate } from "../i18n/index.js";
import { logger } from "../logger.js";
import { formatOfPath, sendOpen311 } from "./format.js";
import { open311FieldName } from "./service-request-fields.js";

/**
 * GeoReport v2 errors: "404 for resources that don't exist, 403 for errors because of wrong or
 * missing api_key and basically 400 for any other error" (validation included). 413, 429 and 503
 * keep their own status so that clients back off or shrink the request.
 */
const STATUS: Partial<Record<ErrorCode, number>> = {
  not_found: 404,
  unauthenticated: 403,
  invalid_credentials: 403,
  invalid_token: 403,
  forbidden: 403,
  payload_too_large: 413,
  rate_limited: 429,
  service_unavailable: 503,
};

/** Body-parser errors thrown before the Open311 routes run (malformed JSON or form, oversized body), and a busy database. */
function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (isDatabaseBusy(error)) return new DomainError("service_unavailable", "errors.service_unavailable", { retryAfterSeconds: DATABASE_BUSY_RETRY_AFTER_SECONDS });
  const e = error as { type?: string; status?: number };
  if (e?.type === "entity.too.large") return new DomainError("payload_too_large");
  if (e?.type === "entity.parse.failed") return new DomainError("bad_request", "open311.errors.malformed");
  if (typeof e?.status === "number" && e.status >= 400 && e.status < 500) return new DomainError("bad_request");
  return null;
}

/** One entry per field (the first problem found), named as the client sent it. */
function fieldErrors(error: ValidationError, status: number, t: Translate) {
  const byField = new Map<string, string>();
  for (const issue of error.issues) {
    const field = open311FieldName(issue.path);
    if (!byField.has(field)) byField.set(field, `${field}: ${t(issue.messageKey, issue.params)}`);
  }
  return [...byField.values()].map((description) => ({ code: status, description }));
}

/**
 * Answers every error under /open311/ — including those of the middleware that runs before the
 * Open311 routes (body parsing, bearer token, rate limit) — as the spec's list of
 * { code, description } in the format the path asked for, never as problem+json. Validation
 * errors give one entry per field, the description starting with the field's name.
 */
export const open311ErrorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (!req.path.startsWith("/open311/") || res.headersSent) return next(error);
  const t = req.t ?? translator(DEFAULT_LOCALE);
  const format = formatOfPath(req.path);
  res.set("Access-Control-Allow-Origin", "*");
  const domain = toDomainError(error);
  if (!domain) {
    logger.error({ err: error, reqId: req.id }, "unhandled error");
    return sendOpen311(res, format, "errors", [{ code: 500, description: t("errors.internal") }], 500);
  }
  const status = STATUS[domain.code] ?? 400;
  if (domain.code === "service_unavailable") res.set("Retry-After", String(domain.params.retryAfterSeconds ?? DATABASE_BUSY_RETRY_AFTER_SECONDS));
  const errors = domain instanceof ValidationError ? fieldErrors(domain, status, t) : [{ code: status, description: t(domain.messageKey, domain.params) }];
  sendOpen311(res, format, "errors", errors, status);
};
