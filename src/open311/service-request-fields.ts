import { z } from "zod";
import { civilDateIn } from "../complaints/intake-rules.js";
import { PRIOR_COMPLAINT_TARGETS } from "../complaints/vocabulary.js";
import type { FieldIssue } from "../http/errors.js";
import type { Translate } from "../i18n/index.js";
import { NO_PRIOR_COMPLAINT } from "./service-definition.js";
import { categoryOfService, type ServiceCode } from "./services.js";

/**
 * POST requests: the fields of GeoReport v2 (form-encoded as the spec says, or JSON) and how they
 * become our complaint. Open311 has no subject, unit, incident date, prior complaint,
 * confidentiality or NIK: those come as attribute[...] (see service-definition.ts).
 */

/** Spec, "Optional Arguments": an empty or null parameter is the same as one not sent. */
const absentToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
/** Form values are strings; JSON clients send numbers too. */
const text = z.preprocess((v) => (typeof v === "number" ? String(v) : absentToUndefined(v)), z.string({ message: "errors.invalid_type" }).trim().optional());
const required = (messageKey: string) => z.preprocess(absentToUndefined, z.string({ message: messageKey }).trim().max(60, { message: "errors.too_long" }));
const always = () => true;

/**
 * The shape of a request: every field a string, attributes by code. Only a missing
 * jurisdiction_id or service_code (or a field that is not text at all) stops a request here;
 * everything else is checked together with the complaint, so that one answer lists every problem.
 */
export const serviceRequestFieldsSchema = z.object({
  jurisdiction_id: required("open311.errors.jurisdiction_required"),
  service_code: required("open311.errors.service_code_required"),
  api_key: text,
  description: text,
  first_name: text,
  last_name: text,
  email: text,
  phone: text,
  address_string: text,
  address_id: text,
  lat: text,
  long: text,
  media_url: text,
  device_id: text,
  account_id: text,
  attribute: z.record(z.string(), text, { message: "errors.invalid_type" }).optional(),
});
export type ServiceRequestFields = z.output<typeof serviceRequestFieldsSchema>;

const upTo = (max: number) => z.string().max(max, { message: "errors.too_long" }).optional();
const coordinate = (limit: number, messageKey: string) =>
  z.coerce.number({ message: messageKey }).min(-limit, { message: messageKey }).max(limit, { message: messageKey }).optional();

/** The rules of Open311's own fields (the complaint's are complaintInputSchema's). */
export const open311FieldRulesSchema = z
  .object({
    // The spec limits the description to 4,000 characters; with the location note it stays within our 5,000.
    description: upTo(4000),
    first_name: upTo(60),
    last_name: upTo(60),
    address_string: upTo(300),
    address_id: upTo(100),
    device_id: upTo(200),
    account_id: upTo(200),
    lat: coordinate(90, "open311.errors.latitude"),
    long: coordinate(180, "open311.errors.longitude"),
    media_url: z.url({ protocol: /^https?$/, message: "open311.errors.media_url" }).max(500, { message: "errors.too_long" }).optional(),
  })
  .refine((f) => (f.lat === undefined) === (f.long === undefined), { path: ["long"], message: "open311.errors.coordinates_pair", when: always });
export type Open311FieldValues = z.output<typeof open311FieldRulesSchema>;

/**
 * Gathers attribute[code] values into one object, whether the body parser nested them (form
 * bodies: attribute[unit]=5) or a JSON client sent flat "attribute[unit]" keys; also takes
 * fields from the query string, which some clients use for jurisdiction_id and api_key.
 */
export function collectServiceRequestFields(body: unknown, query: unknown): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...asRecord(query), ...asRecord(body) };
  const attributes: Record<string, unknown> = { ...asRecord(merged.attribute) };
  for (const [key, value] of Object.entries(merged)) {
    const match = /^attribute\[([^\]]+)\]$/.exec(key);
    if (match) {
      attributes[match[1]!] = value;
      delete merged[key];
    }
  }
  return { ...merged, attribute: attributes };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The complaint input (before complaintInputSchema) an Open311 request describes. Unvalidated
 * values pass through so that complaintInputSchema reports every problem at once.
 */
export function toComplaintInput(fields: ServiceRequestFields, service: ServiceCode, regionCode: string, timeZone: string) {
  const attribute = fields.attribute ?? {};
  const prior = attribute.prior_complaint;
  const hasSubject = attribute.subject !== undefined;
  return {
    isSubjectDerived: !hasSubject,
    input: {
      reporter: {
        name: [fields.first_name, fields.last_name].filter(Boolean).join(" ") || undefined,
        nik: attribute.nik,
        phone: fields.phone,
        email: fields.email,
        // Open311's address_string is where the problem is, not where the reporter lives.
        confidentiality: attribute.confidentiality ?? "confidential",
      },
      regionCode,
      unitId: attribute.unit,
      unitName: attribute.unit_name,
      subject: hasSubject ? attribute.subject : subjectFromDescription(fields.description),
      description: fields.description,
      incidentDate: toCivilDate(attribute.incident_date, timeZone),
      category: categoryOfService(service),
      priorComplaint:
        prior === NO_PRIOR_COMPLAINT
          ? { made: false }
          : (PRIOR_COMPLAINT_TARGETS as readonly string[]).includes(prior ?? "")
            ? { made: true, to: prior, date: toCivilDate(attribute.prior_complaint_date, timeZone), response: attribute.prior_complaint_response }
            : { made: prior },
      isBeforeCourt: attribute.before_court,
    },
  };
}

const SUBJECT_LENGTH = 120;

/** A subject for clients that have none: the description's first line, cut at a word before 120 characters. */
export function subjectFromDescription(description: string | undefined): string | undefined {
  const firstLine = description?.split(/\r?\n/).find((line) => line.trim() !== "")?.replace(/\s+/g, " ").trim();
  if (!firstLine || firstLine.length <= SUBJECT_LENGTH) return firstLine;
  const cut = firstLine.slice(0, SUBJECT_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > SUBJECT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * Open311 "datetime" attributes: a civil date "YYYY-MM-DD" is kept, an ISO 8601 date-time with
 * an offset becomes the civil date in the Pemda's time zone, anything else passes through for
 * the complaint schema to refuse.
 */
export function toCivilDate(value: string | undefined, timeZone: string): string | undefined {
  if (value === undefined || /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return z.iso.datetime({ offset: true }).safeParse(value).success ? civilDateIn(timeZone, new Date(value)) : value;
}

/** Where the problem is and the media the client linked, kept in the description for staff (never published). */
export function withLocationNote(description: string, fields: Open311FieldValues, t: Translate): string {
  const lines = [
    fields.address_string ? `${t("open311.submitted.location")}: ${fields.address_string}` : null,
    fields.address_id ? `${t("open311.submitted.address_id")}: ${fields.address_id}` : null,
    fields.lat !== undefined && fields.long !== undefined ? `${t("open311.submitted.coordinates")}: ${fields.lat}, ${fields.long}` : null,
    fields.media_url ? `${t("open311.submitted.media")}: ${fields.media_url}` : null,
  ].filter((line): line is string => line !== null);
  return lines.length ? `${description}\n\n${lines.join("\n")}` : description;
}

/** Where each complaint field comes from in an Open311 request, so that errors name the field the client sent. */
const OPEN311_FIELD: Record<string, { field: string; messageKey?: string }> = {
  "reporter.name": { field: "first_name" },
  "reporter.email": { field: "email" },
  "reporter.phone": { field: "phone" },
  "reporter.nik": { field: "attribute[nik]" },
  "reporter.confidentiality": { field: "attribute[confidentiality]" },
  regionCode: { field: "jurisdiction_id" },
  unitId: { field: "attribute[unit]" },
  unitName: { field: "attribute[unit_name]" },
  subject: { field: "attribute[subject]" },
  description: { field: "description" },
  incidentDate: { field: "attribute[incident_date]" },
  category: { field: "service_code" },
  "priorComplaint.made": { field: "attribute[prior_complaint]", messageKey: "open311.errors.prior_complaint_choice" },
  "priorComplaint.to": { field: "attribute[prior_complaint]", messageKey: "open311.errors.prior_complaint_choice" },
  "priorComplaint.date": { field: "attribute[prior_complaint_date]" },
  "priorComplaint.response": { field: "attribute[prior_complaint_response]" },
  isBeforeCourt: { field: "attribute[before_court]" },
};

/** A field path as clients write it: "attribute.unit" is attribute[unit]; a list item's index is dropped ("status.1" is status). */
export const open311FieldName = (path: string) => path.replace(/\.\d+$/, "").replace(/^attribute\.(.+)$/, "attribute[$1]");

/**
 * Renames complaint field paths to Open311 field names. A derived subject's problems are dropped:
 * they are the description's, which is reported under its own name.
 */
export function toOpen311Issues(issues: FieldIssue[], options: { isSubjectDerived?: boolean } = {}): FieldIssue[] {
  return issues
    .filter((issue) => !(options.isSubjectDerived && issue.path === "subject"))
    .map((issue) => {
      const known = OPEN311_FIELD[issue.path];
      return { ...issue, path: known?.field ?? open311FieldName(issue.path), messageKey: known?.messageKey ?? issue.messageKey };
    });
}
