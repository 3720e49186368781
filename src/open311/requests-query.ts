import { z } from "zod";
import { normalizeTrackingNumber } from "../complaints/tracking-number.js";
import { OPEN311_STATUSES } from "./status.js";
import { SERVICE_CODES } from "./services.js";

export const MAX_PAGE_SIZE = 1000;
export const MAX_REQUEST_IDS = 100;

const absentToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
/** The spec's lists are comma-delimited and "can be declared multiple times": both forms give one list. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => {
    const joined = Array.isArray(v) ? v.join(",") : v;
    return typeof joined === "string" ? joined.split(",").map((s) => s.trim()).filter(Boolean) : absentToUndefined(joined);
  }, z.array(item).optional());
const w3Datetime = z.preprocess(absentToUndefined, z.iso.datetime({ offset: true, message: "open311.errors.datetime" }).transform((v) => new Date(v)).optional());

/** The jurisdiction_id every call but GET requests/{id} requires (one endpoint serves every Pemda). */
export const jurisdictionQuerySchema = z.object({
  jurisdiction_id: z.preprocess(absentToUndefined, z.string({ message: "open311.errors.jurisdiction_required" }).trim().max(10, { message: "errors.too_long" })),
});

/** GET requests/{id}: jurisdiction_id is optional there, because tracking numbers are unique across Pemda. */
export const singleRequestQuerySchema = z.object({
  jurisdiction_id: z.preprocess(absentToUndefined, z.string({ message: "errors.invalid_type" }).trim().max(10, { message: "errors.too_long" }).optional()),
});

/**
 * GET requests. Spec arguments plus two extensions for paging: page (from 1) and page_size (at
 * most 1,000, the spec's default limit, which is also our default).
 */
export const requestsQuerySchema = jurisdictionQuerySchema.extend({
  service_request_id: list(z.string({ message: "errors.invalid_type" }).max(40, { message: "errors.too_long" }).transform((v) => normalizeTrackingNumber(v) ?? v)).refine((ids) => !ids || ids.length <= MAX_REQUEST_IDS, {
    message: "open311.errors.too_many_ids",
    params: { max: MAX_REQUEST_IDS },
  }),
  service_code: list(z.enum(SERVICE_CODES, { message: "errors.invalid_choice" })),
  status: list(z.enum(OPEN311_STATUSES, { message: "errors.invalid_choice" })),
  start_date: w3Datetime,
  end_date: w3Datetime,
  page: z.preprocess(absentToUndefined, z.coerce.number({ message: "errors.invalid_type" }).int({ message: "errors.invalid_type" }).min(1, { message: "errors.too_small" }).default(1)),
  page_size: z.preprocess(
    absentToUndefined,
    z.coerce.number({ message: "errors.invalid_type" }).int({ message: "errors.invalid_type" }).min(1, { message: "errors.too_small" }).max(MAX_PAGE_SIZE, { message: "errors.too_big" }).default(MAX_PAGE_SIZE),
  ),
});
export type RequestsQuery = z.output<typeof requestsQuerySchema>;
