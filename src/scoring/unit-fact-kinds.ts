import { z } from "zod";
import { isCivilDate } from "../deadlines/civil-date.js";

/**
 * The facts about a unit's complaint management that no other module records, as the forms take
 * them: complaint channels, complaint officers, the complaint procedure (SOP), periodic reports to
 * the superior, and the Ombudsman's corrective actions and Recommendations. Dates are civil dates
 * "YYYY-MM-DD" (WITA). Each kind lists its form fields in order, for the views.
 */
export const FACT_KINDS = ["channel", "officer", "procedure", "periodic_report", "corrective_action"] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export const CHANNEL_KINDS = ["web", "sp4n_lapor", "email", "whatsapp", "phone", "social_media", "desk", "box", "letter", "other"] as const;
/** Channel kinds that are electronic unless said otherwise. */
export const ELECTRONIC_CHANNEL_KINDS: readonly string[] = ["web", "sp4n_lapor", "email", "whatsapp", "social_media"];
export const ACTION_KINDS = ["corrective_action", "recommendation"] as const;

const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);
const text = (max: number) => z.string().trim().min(1, { message: "errors.required" }).max(max);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable());
const date = z.string().trim().refine(isCivilDate, { message: "scoring.facts.errors.date_format" });
const optionalDate = z.preprocess(blankToNull, date.nullable());
const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());
const optionalUrl = z.preprocess(blankToNull, z.url({ protocol: /^https?$/, message: "scoring.facts.errors.url_format" }).max(500).nullable());

/** Adds an issue when `later` is before `earlier` (both civil dates, either may be null). */
function notBefore(earlierKey: string, laterKey: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const earlier = value[earlierKey];
    const later = value[laterKey];
    if (typeof earlier === "string" && typeof later === "string" && later < earlier) {
      ctx.addIssue({ code: "custom", path: [laterKey], message: "scoring.facts.errors.date_order", params: { field: earlierKey } });
    }
  };
}

export const FACT_SCHEMAS = {
  channel: z
    .object({
      kind: z.enum(CHANNEL_KINDS, { message: "errors.invalid_choice" }),
      name: text(200),
      isElectronic: checkbox,
      openedDate: date,
      publishedDate: optionalDate,
      publishedWhere: optionalText(300),
      closedDate: optionalDate,
    })
    .superRefine(notBefore("openedDate", "closedDate")),
  officer: z
    .object({
      name: text(160),
      position: optionalText(160),
      decreeNumber: optionalText(120),
      decreeDate: optionalDate,
      appointedFrom: date,
      appointedUntil: optionalDate,
      trainedDate: optionalDate,
    })
    .superRefine(notBefore("appointedFrom", "appointedUntil")),
  procedure: z
    .object({
      title: text(200),
      documentNumber: optionalText(120),
      adoptedDate: optionalDate,
      publishedDate: optionalDate,
      url: optionalUrl,
    }),
  periodic_report: z.object({
    period: text(80),
    dueDate: date,
    sentDate: optionalDate,
    note: optionalText(1000),
  }),
  corrective_action: z
    .object({
      kind: z.enum(ACTION_KINDS, { message: "errors.invalid_choice" }),
      reference: text(120),
      trackingNumber: optionalText(40),
      receivedDate: date,
      dueDate: date,
      followedUpDate: optionalDate,
      note: optionalText(1000),
    })
    .superRefine(notBefore("receivedDate", "dueDate"))
    .superRefine(notBefore("receivedDate", "followedUpDate")),
} as const;

export type FactInput<K extends FactKind> = z.output<(typeof FACT_SCHEMAS)[K]>;

export interface FactField {
  name: string;
  type: "text" | "date" | "select" | "checkbox" | "url" | "textarea";
  required?: boolean;
  /** For selects: the values; their labels are scoring.facts.<kind>.options.<name>.<value>. */
  options?: readonly string[];
}

export const FACT_FIELDS: Record<FactKind, readonly FactField[]> = {
  channel: [
    { name: "kind", type: "select", required: true, options: CHANNEL_KINDS },
    { name: "name", type: "text", required: true },
    { name: "isElectronic", type: "checkbox" },
    { name: "openedDate", type: "date", required: true },
    { name: "publishedDate", type: "date" },
    { name: "publishedWhere", type: "text" },
    { name: "closedDate", type: "date" },
  ],
  officer: [
    { name: "name", type: "text", required: true },
    { name: "position", type: "text" },
    { name: "decreeNumber", type: "text" },
    { name: "decreeDate", type: "date" },
    { name: "appointedFrom", type: "date", required: true },
    { name: "appointedUntil", type: "date" },
    { name: "trainedDate", type: "date" },
  ],
  procedure: [
    { name: "title", type: "text", required: true },
    { name: "documentNumber", type: "text" },
    { name: "adoptedDate", type: "date" },
    { name: "publishedDate", type: "date" },
    { name: "url", type: "url" },
  ],
  periodic_report: [
    { name: "period", type: "text", required: true },
    { name: "dueDate", type: "date", required: true },
    { name: "sentDate", type: "date" },
    { name: "note", type: "textarea" },
  ],
  corrective_action: [
    { name: "kind", type: "select", required: true, options: ACTION_KINDS },
    { name: "reference", type: "text", required: true },
    { name: "trackingNumber", type: "text" },
    { name: "receivedDate", type: "date", required: true },
    { name: "dueDate", type: "date", required: true },
    { name: "followedUpDate", type: "date" },
    { name: "note", type: "textarea" },
  ],
};

/** The civil dates of a fact, for the years its change can affect. */
export function datesOfFact(kind: FactKind, input: Record<string, unknown>): Array<string | null> {
  const pick = (...keys: string[]) => keys.map((k) => (typeof input[k] === "string" ? (input[k] as string) : null));
  switch (kind) {
    case "channel":
      return pick("openedDate", "publishedDate", "closedDate");
    case "officer":
      return pick("appointedFrom", "appointedUntil", "trainedDate");
    case "procedure":
      return pick("adoptedDate", "publishedDate");
    case "periodic_report":
      return pick("dueDate", "sentDate");
    case "corrective_action":
      return pick("receivedDate", "dueDate", "followedUpDate");
  }
}

export function isFactKind(value: string): value is FactKind {
  return (FACT_KINDS as readonly string[]).includes(value);
}
