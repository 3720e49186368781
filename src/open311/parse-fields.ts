import type { z } from "zod";
import { ValidationError } from "../http/errors.js";
import { unstorableTextIssues } from "../http/validate.js";

/**
 * Parses Open311 input. Like http/validate.ts, but this module's own messages are locale keys
 * under "open311.errors." (the shared parser honours only "errors."). Every check in the Open311
 * schemas names its key; an issue without one gets the generic "errors.invalid".
 */
export function parseFields<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    const unstorable = unstorableTextIssues(result.data);
    if (unstorable.length > 0) throw new ValidationError(unstorable);
    return result.data;
  }
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      messageKey: /^(open311\.)?errors\./.test(issue.message) ? issue.message : "errors.invalid",
      params: paramsOf(issue),
    })),
  );
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if ("minimum" in issue) params.minimum = Number(issue.minimum);
  if ("maximum" in issue) params.maximum = Number(issue.maximum);
  if ("params" in issue && issue.params) Object.assign(params, issue.params);
  return params;
}
