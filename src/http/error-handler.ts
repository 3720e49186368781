import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import { DATABASE_BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from "../db/database-busy.js";
import { DEFAULT_LOCALE, translator } from "../i18n/index.js";
import { logger } from "../logger.js";
import { DomainError, ValidationError, type ErrorCode, type FieldIssue } from "./errors.js";
import { SECRET_FIELDS } from "./form.js";
import { isApiRequest } from "./paths.js";
import { sendProblem } from "./problem.js";

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 422,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  invalid_credentials: 401,
  conflict: 409,
  rate_limited: 429,
  invalid_token: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  bad_request: 400,
  service_unavailable: 503,
};

/** Turns body-parser, multer, CSRF and database-capacity errors into domain errors with the right code. */
function normalise(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (isDatabaseBusy(error)) return new DomainError("service_unavailable", "errors.service_unavailable", { retryAfterSeconds: DATABASE_BUSY_RETRY_AFTER_SECONDS });
  const e = error as { type?: string; code?: string; status?: number; name?: string };
  if (e?.type === "entity.too.large" || e?.code === "LIMIT_FILE_SIZE" || e?.code === "LIMIT_FIELD_VALUE") return new DomainError("payload_too_large");
  if (e?.type === "entity.parse.failed") return new DomainError("bad_request", "errors.malformed_json");
  if (e?.type === "encoding.unsupported" || e?.type === "charset.unsupported") return new DomainError("unsupported_media_type");
  if (e?.code === "EBADCSRFTOKEN") return new DomainError("forbidden", "errors.csrf");
  if (e?.name === "MulterError") return new DomainError("bad_request", "errors.upload_invalid");
  if (typeof e?.status === "number" && e.status >= 400 && e.status < 500) return new DomainError("bad_request");
  return null;
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new DomainError("not_found"));

export const errorHandler: ErrorRequestHandler = async (error, req, res, _next) => {
  if (!req.t) {
    req.locale = DEFAULT_LOCALE;
    req.t = res.locals.t = translator(DEFAULT_LOCALE);
  }
  const domain = normalise(error);
  if (!domain) {
    logger.error({ err: error, reqId: req.id }, "unhandled error");
    if (res.headersSent) return res.end();
    return isApiRequest(req) ? sendProblem(req, res, 500, "internal") : renderPage(req, res, 500, "errors/error", { code: "internal" });
  }
  if (res.headersSent) return res.end();
  const status = STATUS[domain.code];
  if (domain.code === "service_unavailable") {
    logger.warn({ err: error, reqId: req.id }, "service unavailable; answered 503 with Retry-After");
    res.set("Retry-After", String(domain.params.retryAfterSeconds ?? DATABASE_BUSY_RETRY_AFTER_SECONDS));
  }
  const issues: FieldIssue[] | undefined = domain instanceof ValidationError ? domain.issues : undefined;

  if (isApiRequest(req)) {
    return sendProblem(req, res, status, domain.code, {
      detail: domain instanceof ValidationError ? undefined : req.t(domain.messageKey, domain.params),
      issues,
    });
  }
  if (domain.code === "unauthenticated") {
    return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
  }
  const formView = res.locals.formView as string | undefined;
  if (formView && req.method !== "GET" && domain.code !== "forbidden") {
    try {
      return await renderForm(req, res, status, formView, domain, issues ?? []);
    } catch (formError) {
      // The form's own data could not be loaded (e.g. no access): show the plain error instead.
      logger.debug({ err: formError, view: formView }, "form could not be re-rendered");
    }
  }
  return renderPage(req, res, status, "errors/error", { code: domain.code, message: req.t(domain.messageKey, domain.params) });
};

async function renderForm(req: Request, res: Response, status: number, view: string, error: DomainError, issues: FieldIssue[]) {
  const values = Object.fromEntries(
    Object.entries((req.body as Record<string, unknown>) ?? {}).filter(([key]) => !SECRET_FIELDS.has(key)),
  );
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path] ??= req.t(issue.messageKey, issue.params);
  const extra = typeof res.locals.formLocals === "function" ? await res.locals.formLocals() : {};
  return renderPage(req, res, status, view, {
    ...extra,
    values,
    errors,
    formError: error instanceof ValidationError ? null : req.t(error.messageKey, error.params),
  });
}

function renderPage(req: Request, res: Response, status: number, view: string, locals: Record<string, unknown>) {
  res.status(status).render(view, { title: req.t(`problems.${String(locals.code ?? "validation_failed")}.title`, { defaultValue: "" }), ...locals }, (renderError, html) => {
    if (renderError) {
      logger.error({ err: renderError, view }, "error page failed to render");
      res.type("text/plain").send(req.t("errors.internal"));
      return;
    }
    res.send(html);
  });
}
