import type { z } from "zod";
import { ValidationError, type FieldIssue } from "./errors.js";

/**
 * Parses input with a zod schema; on failure throws a ValidationError whose issues carry the
 * field path (as in the request body, e.g. "reporter.nik") and a locale key. Schemas give their
 * own keys as messages ("errors.nik_format"); zod's built-in checks map to generic keys.
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(result.error.issues.map(toFieldIssue));
  const unstorable = unstorableTextIssues(result.data);
  if (unstorable.length > 0) throw new ValidationError(unstorable);
  return result.data;
}

/**
 * Fields of parsed input whose text holds U+0000: PostgreSQL cannot store it in a text column (the
 * write fails), and no keyboard types it, so it is refused like any other invalid value, naming
 * the field. Only what the schema kept is looked at (not a form's other fields).
 */
export function unstorableTextIssues(input: unknown, path: string[] = [], issues: FieldIssue[] = []): FieldIssue[] {
  if (typeof input === "string") {
    if (input.includes("\u0000")) issues.push({ path: path.join("."), messageKey: "errors.invalid_characters" });
  } else if (input !== null && typeof input === "object" && path.length < 64) {
    for (const [key, value] of Object.entries(input)) unstorableTextIssues(value, [...path, key], issues);
  }
  return issues;
}

function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String).join(".");
  // Schemas give locale keys ("errors.nik_format", "scoring.weights_sum") as their messages.
  if (/^[a-z_]+(\.[A-Za-z0-9_-]+)+$/.test(issue.message)) return { path, messageKey: issue.message, params: paramsOf(issue) };
  switch (issue.code) {
    case "invalid_type":
      return { path, messageKey: issue.input === undefined || issue.input === null ? "errors.required" : "errors.invalid_type", params: { expected: issue.expected } };
    case "too_small":
      if (issue.origin === "string") {
        return { path, messageKey: Number(issue.minimum) <= 1 ? "errors.required" : "errors.too_short", params: { minimum: Number(issue.minimum) } };
      }
      return { path, messageKey: "errors.too_small", params: { minimum: Number(issue.minimum) } };
    case "too_big":
      return { path, messageKey: issue.origin === "string" ? "errors.too_long" : "errors.too_big", params: { maximum: Number(issue.maximum) } };
    case "invalid_format":
      return { path, messageKey: issue.format === "email" ? "errors.email_format" : "errors.invalid_format" };
    case "invalid_value":
      return { path, messageKey: "errors.invalid_choice" };
    case "unrecognized_keys":
      return { path: [path, ...issue.keys].filter(Boolean).join("."), messageKey: "errors.unknown_field" };
    default:
      return { path, messageKey: "errors.invalid" };
  }
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if ("minimum" in issue) params.minimum = Number(issue.minimum);
  if ("maximum" in issue) params.maximum = Number(issue.maximum);
  if ("params" in issue && issue.params) Object.assign(params, issue.params);
  return params;
}
