import { z } from "zod";
import { OFFICES } from "../accounts/roles.js";
import { CATEGORIES } from "../complaints/vocabulary.js";
import { isCivilDate } from "../deadlines/civil-date.js";
import { UNIT_KINDS } from "../regions/unit-kinds.js";
import { APPOINTMENT_ROLES } from "./appointment-validity.js";
import { COMPLAINT_TOPICS } from "./topics.js";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v === undefined ? null : v);
/** An HTML checkbox: present ("true"/"on") is yes, absent is no. */
const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());
const text = (max: number) => z.string().trim().min(1, { message: "errors.required" }).max(max);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable());
const optionalEmail = z.preprocess(blankToNull, z.string().trim().toLowerCase().max(254).pipe(z.email({ message: "errors.email_format" })).nullable());
const civilDate = z.string().trim().refine(isCivilDate, { message: "registry.errors.date_format" });
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankToNull, z.enum(values, { message: "errors.invalid_choice" }).nullable());

/** A Kemendagri code of a province ("53") or a kabupaten/kota ("53.01"). */
export const regionCodeSchema = z.string().regex(/^\d{2}(\.\d{2})?$/, { message: "registry.errors.region_code_format" });

export const regionParamsSchema = z.object({ code: regionCodeSchema });
export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const officeParamsSchema = z.object({ code: regionCodeSchema, kind: z.enum(OFFICES) });

/** Another Pemda: a kabupaten/kota by its Kemendagri code, e.g. "53.01". */
export const newPemdaSchema = z.object({
  code: z.string().trim().regex(/^\d{2}\.\d{2}$/, { message: "registry.errors.regency_code_format" }),
});

export const activeSchema = z.object({ isActive: checkbox });

/** A service unit of a Pemda; aliases are other names citizens use, separated by "|". */
export const unitSchema = z.object({
  name: text(160),
  kind: z.enum(UNIT_KINDS, { message: "errors.invalid_choice" }),
  aliases: z.preprocess(
    (v) => (typeof v === "string" ? v : ""),
    z
      .string()
      .max(1000)
      .transform((v) => [...new Set(v.split("|").map((alias) => alias.trim().replace(/\s+/g, " ")).filter(Boolean))].join("|")),
  ),
  isAssessed: checkbox,
  isInspektorat: checkbox,
});
export type UnitInput = z.output<typeof unitSchema>;

/** A focal-point office's contact details and the superior missed deadlines escalate to. */
export const officeSchema = z.object({
  name: text(200),
  email: optionalEmail,
  phone: optionalText(40),
  address: optionalText(300),
  superiorTitle: optionalText(120),
  superiorName: optionalText(160),
  superiorEmail: optionalEmail,
});
export type OfficeInput = z.output<typeof officeSchema>;

/** A focal point appointed by decree (SK), with its term; NIP is the 18-digit civil-servant number. */
export const appointmentSchema = z
  .object({
    name: text(160),
    position: optionalText(200),
    nip: z.preprocess(
      (v) => (typeof v === "string" ? v.replace(/\s+/g, "") : v),
      z.preprocess(blankToNull, z.string().regex(/^\d{18}$/, { message: "registry.errors.nip_format" }).nullable()),
    ),
    email: optionalEmail,
    phone: optionalText(40),
    role: z.enum(APPOINTMENT_ROLES, { message: "errors.invalid_choice" }),
    decreeNumber: text(120),
    decreeDate: civilDate,
    validFrom: civilDate,
    validUntil: z.preprocess(blankToNull, civilDate.nullable()),
    userId: z.preprocess(blankToNull, z.coerce.number().int().positive().nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.validUntil !== null && v.validUntil < v.validFrom) ctx.addIssue({ code: "custom", path: ["validUntil"], message: "registry.errors.until_before_from" });
  });
export type AppointmentInput = z.output<typeof appointmentSchema>;

/** Ending an appointment before its term: from which day it no longer counts, and why. */
export const endAppointmentSchema = z.object({
  endedOn: civilDate,
  reason: text(500),
});
export type EndAppointmentInput = z.output<typeof endAppointmentSchema>;

/** A routing rule: empty conditions match anything (src/routing/decide-route.ts). */
export const routingRuleSchema = z
  .object({
    regionCode: z.preprocess(blankToNull, regionCodeSchema.nullable()),
    unitKind: optionalChoice(UNIT_KINDS),
    category: optionalChoice(CATEGORIES),
    topic: optionalChoice(COMPLAINT_TOPICS),
    /** "true": only complaints about the Inspektorat itself; empty: any */
    isAboutInspektorat: z.preprocess((v) => (v === "true" || v === true ? true : null), z.literal(true).nullable()),
    targetOffice: z.enum(OFFICES, { message: "errors.invalid_choice" }),
    notifyAssistant: checkbox,
    note: optionalText(300),
  })
  .superRefine((v, ctx) => {
    // Domain brief §2: the Inspektorat never handles a complaint about itself.
    if (v.isAboutInspektorat === true && v.targetOffice === "inspektorat") {
      ctx.addIssue({ code: "custom", path: ["targetOffice"], message: "registry.errors.inspektorat_to_itself" });
    }
  });
export type RoutingRuleInput = z.output<typeof routingRuleSchema>;

/** The "try it" form: the facts of an imagined complaint. */
export const tryRouteSchema = z.object({
  regionCode: regionCodeSchema,
  unitKind: optionalChoice(UNIT_KINDS),
  category: optionalChoice(CATEGORIES),
  topic: z.preprocess((v) => (v === "" || v === undefined ? "service" : v), z.enum(COMPLAINT_TOPICS, { message: "errors.invalid_choice" })),
  isAboutInspektorat: checkbox,
});
export type TryRouteInput = z.output<typeof tryRouteSchema>;
