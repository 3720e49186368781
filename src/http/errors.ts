/**
 * Typed domain errors with stable codes. Domain code throws these; only the error handler
 * (http/error-handler.ts) knows HTTP statuses and which form to re-render.
 */
export type ErrorCode =
  | "validation_failed"
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "invalid_credentials"
  | "conflict"
  | "rate_limited"
  | "invalid_token"
  | "payload_too_large"
  | "unsupported_media_type"
  | "bad_request"
  | "service_unavailable";

export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    /** A locale key (e.g. "errors.not_found") or plain text for logs. */
    public readonly messageKey: string = `errors.${code}`,
    public readonly params: Record<string, unknown> = {},
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}

/** One problem with one input field: `path` as in the request body, `messageKey` a locale key. */
export interface FieldIssue {
  path: string;
  messageKey: string;
  params?: Record<string, unknown>;
}

export class ValidationError extends DomainError {
  constructor(public readonly issues: FieldIssue[]) {
    super("validation_failed", "errors.validation_failed");
    this.name = "ValidationError";
  }
}

export const notFound = (what = "errors.not_found") => new DomainError("not_found", what);
export const forbidden = () => new DomainError("forbidden");
export const unauthenticated = () => new DomainError("unauthenticated");
export const conflict = (messageKey = "errors.conflict", params?: Record<string, unknown>) => new DomainError("conflict", messageKey, params);
