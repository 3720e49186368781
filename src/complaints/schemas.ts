import { z } from "zod";
import { CATEGORIES, CHANNELS, CONFIDENTIALITY, DESKS, PRIOR_COMPLAINT_TARGETS } from "./vocabulary.js";
import { isCivilDate, normalizeNik, normalizePhone } from "./intake-rules.js";

/** Form fields arrive as strings; an empty field means "not given". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, { message: "errors.too_long" }).optional());
const yesNo = z.preprocess((v) => (v === "yes" || v === "true" || v === true ? true : v === "no" || v === "false" || v === false ? false : v), z.boolean({ message: "errors.choose_yes_no" }));

const always = () => true;
const civilDate = z.string({ message: "errors.required" }).trim().refine(isCivilDate, { message: "errors.date_format" });

const reporterSchema = z
  .object({
    name: z.string({ message: "errors.required" }).trim().min(1, { message: "errors.required" }).max(120, { message: "errors.too_long" }),
    nik: z.preprocess(blankToUndefined, z.string().trim().transform((v, ctx) => normalizeNik(v) ?? (ctx.addIssue({ code: "custom", message: "errors.nik_format" }), z.NEVER)).optional()),
    phone: z.preprocess(blankToUndefined, z.string().trim().max(40).transform((v, ctx) => normalizePhone(v) ?? (ctx.addIssue({ code: "custom", message: "errors.phone_format" }), z.NEVER)).optional()),
    email: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(254).pipe(z.email({ message: "errors.email_format" })).optional()),
    address: optionalText(300),
    confidentiality: z.enum(CONFIDENTIALITY, { message: "errors.confidentiality_required" }),
  })
  // `when: always` runs cross-field rules even when a field is invalid, so the form lists every problem at once.
  .refine((reporter) => Boolean(reporter?.phone || reporter?.email), { path: ["email"], message: "errors.contact_required", when: always });

const priorComplaintSchema = z
  .object({
    made: yesNo,
    to: z.preprocess(blankToUndefined, z.enum(PRIOR_COMPLAINT_TARGETS, { message: "errors.invalid_choice" }).optional()),
    date: z.preprocess(blankToUndefined, civilDate.optional()),
    response: optionalText(2000),
  })
  .refine((prior) => prior?.made !== true || Boolean(prior?.to), { path: ["to"], message: "errors.prior_to_required", when: always });

/**
 * The complaint as the citizen gives it (web form and JSON API share this shape; the form's field
 * names are the same paths, e.g. reporter[name]). Rules that need "today" or the database
 * (incident age, the unit belonging to the Pemda) are checked in the use case.
 */
export const complaintInputSchema = z
  .object({
    reporter: reporterSchema,
    regionCode: z.string({ message: "errors.region_required" }).trim().regex(/^\d{2}(\.\d{2})?$/, { message: "errors.region_required" }),
    unitId: z.preprocess((v) => (v === "other" ? undefined : blankToUndefined(v)), z.coerce.number({ message: "errors.invalid_choice" }).int().positive({ message: "errors.invalid_choice" }).optional()),
    unitName: optionalText(200),
    subject: z.string({ message: "errors.required" }).trim().min(5, { message: "errors.subject_too_short" }).max(200, { message: "errors.too_long" }),
    description: z.string({ message: "errors.required" }).trim().min(20, { message: "errors.description_too_short" }).max(5000, { message: "errors.too_long" }),
    incidentDate: civilDate,
    category: z.preprocess(blankToUndefined, z.enum(CATEGORIES, { message: "errors.invalid_choice" }).optional()),
    priorComplaint: z.preprocess((v) => v ?? { made: false }, priorComplaintSchema),
    isBeforeCourt: z.preprocess((v) => (v === undefined || v === "" ? false : v), yesNo).optional(),
  })
  .refine((input) => Boolean(input?.unitId || input?.unitName), { path: ["unitId"], message: "errors.unit_required", when: always })
  .refine((input) => input?.isBeforeCourt !== true, { path: ["isBeforeCourt"], message: "errors.before_court", when: always });
export type ComplaintInput = z.output<typeof complaintInputSchema>;

/** What staff add when they register a complaint that arrived by another channel. */
export const staffIntakeSchema = z.object({
  desk: z.enum(DESKS, { message: "errors.invalid_choice" }),
  channel: z.enum(CHANNELS, { message: "errors.invalid_choice" }),
  receivedAt: z.preprocess(blankToUndefined, civilDate.optional()),
  externalRef: optionalText(100),
});
export type StaffIntake = z.output<typeof staffIntakeSchema>;
