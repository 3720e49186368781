import { z } from "zod";
import { civilDateSchema } from "./civil-date.js";
import { HOLIDAY_KINDS } from "./holiday.js";

/** A calendar year the holiday lists cover. */
export const yearSchema = z.coerce.number().int().min(2000).max(2100);
export const yearParamsSchema = z.object({ year: yearSchema });
export const holidayParamsSchema = z.object({ year: yearSchema, id: z.coerce.number().int().positive() });

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** An administrator's holiday entry (form or JSON). Entered by a person, so confirmed unless they say otherwise. */
export const holidayInputSchema = z
  .object({
    date: civilDateSchema,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(HOLIDAY_KINDS),
    regionCode: z.preprocess(blankToNull, z.string().regex(/^\d{2}(\.\d{2})?$/, { message: "deadlines.errors.region_code" }).nullable().default(null)),
    source: z.preprocess(blankToNull, z.string().trim().max(500).nullable().default(null)),
    note: z.preprocess(blankToNull, z.string().trim().max(1000).nullable().default(null)),
    isConfirmed: z.preprocess((value) => value === true || value === "true" || value === "on", z.boolean()),
  })
  .refine((h) => (h.kind === "regional") === (h.regionCode !== null), { path: ["regionCode"], message: "deadlines.errors.regional_needs_region" });

export type HolidayInput = z.output<typeof holidayInputSchema>;

/** The public calendar query: GET /api/v1/holidays?year=YYYY[&region=53.71]. */
export const calendarQuerySchema = z.object({
  year: yearSchema,
  region: z.string().regex(/^\d{2}(\.\d{2})?$/, { message: "deadlines.errors.region_code" }).optional(),
});

/** A new policy version: the edited copy as JSON text ({ noticeTime, rules }) and why it changed. */
export const policyVersionInputSchema = z.object({
  policy: z.string().trim().min(2).max(200_000),
  note: z.string().trim().min(1).max(2000),
});
export type PolicyVersionInput = z.output<typeof policyVersionInputSchema>;

export const policyVersionParamsSchema = z.object({ version: z.coerce.number().int().min(1) });
