import type { CurrentUser } from "../accounts/roles.js";
import { complaintInputSchema } from "../complaints/schemas.js";
import { submitComplaint } from "../complaints/submit-complaint.js";
import { formatAccessCode } from "../complaints/tracking-number.js";
import { notFound, ValidationError, type FieldIssue } from "../http/errors.js";
import { parse } from "../http/validate.js";
import { translator, type Locale } from "../i18n/index.js";
import { findJurisdiction } from "./find-jurisdiction.js";
import { parseFields } from "./parse-fields.js";
import { open311FieldRulesSchema, serviceRequestFieldsSchema, toComplaintInput, toOpen311Issues, withLocationNote } from "./service-request-fields.js";
import { isServiceCode } from "./services.js";

export interface FileServiceRequest {
  /** The request's fields as collectServiceRequestFields gathered them. */
  fields: Record<string, unknown>;
  locale: Locale;
  /** The staff member whose API token came with the request (api_key or bearer token). */
  staffUser?: CurrentUser;
  /** Same key, same complaint (from an Idempotency-Key header). */
  submissionKey?: string | null;
  now?: Date;
}

/**
 * POST requests: files an Open311 service request as a complaint through the one intake use case
 * (channel "open311"). Unknown jurisdiction or service: 404; invalid fields: one issue per field,
 * named as the client sent it.
 */
export async function fileServiceRequest(command: FileServiceRequest) {
  const fields = renamingIssues(() => parseFields(serviceRequestFieldsSchema, command.fields));
  const region = await findJurisdiction(fields.jurisdiction_id);
  if (!isServiceCode(fields.service_code)) throw notFound("open311.errors.service_not_found");

  const { input: raw, isSubjectDerived } = toComplaintInput(fields, fields.service_code, region.code, region.timeZone);
  const issues: FieldIssue[] = [];
  const open311Values = collectingIssues(issues, () => parseFields(open311FieldRulesSchema, fields));
  const input = collectingIssues(issues, () => parse(complaintInputSchema, raw));
  if (!open311Values || !input) throw new ValidationError(toOpen311Issues(issues, { isSubjectDerived }));
  input.description = withLocationNote(input.description, open311Values, translator(command.locale));

  const { staffUser } = command;
  const staff = staffUser ? { desk: staffUser.role === "focal_point" ? ("inspektorat" as const) : ("ombudsman" as const), channel: "open311" as const } : undefined;
  const result = await submitComplaint({ input, channel: "open311", staff, staffUser, submissionKey: command.submissionKey, locale: command.locale, now: command.now }).catch(
    (error: unknown) => {
      // Rules that need the database (the unit's Pemda, the incident's age) are named as the client sent them too.
      throw error instanceof ValidationError ? new ValidationError(toOpen311Issues(error.issues)) : error;
    },
  );
  return {
    trackingNumber: result.complaint.trackingNumber,
    accessCode: result.accessCode ? formatAccessCode(result.accessCode) : null,
    isNew: result.isNew,
  };
}

function renamingIssues<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw error instanceof ValidationError ? new ValidationError(toOpen311Issues(error.issues)) : error;
  }
}

/** Runs one validation and keeps its issues instead of stopping, so that one answer lists them all. */
function collectingIssues<T>(issues: FieldIssue[], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
}
