import { z } from "zod";
import { civilDateSchema } from "./civil-date.js";

/**
 * Days off besides weekends. National holidays (libur nasional) and cuti bersama are set each
 * year by a joint decree of the Ministers of Religious Affairs, Manpower and PANRB (SKB 3
 * Menteri) under Keppres 8/2024; regional holidays are decreed by a Pemda for its own offices.
 */
export const HOLIDAY_KINDS = ["national", "cuti_bersama", "regional"] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export const holidaySchema = z
  .strictObject({
    date: civilDateSchema,
    /** The official Indonesian name, as the decree writes it. */
    name: z.string().trim().min(1).max(200),
    kind: z.enum(HOLIDAY_KINDS),
    /** Where the entry comes from: a decree ("SKB 3 Menteri ..."), "date-holidays" for a draft, or who entered it. */
    source: z.string().trim().min(1).max(500),
    /** Kemendagri code of the Pemda a regional holiday applies to ("53.71"); null otherwise. */
    regionCode: z
      .string()
      .regex(/^\d{2}(\.\d{2})?$/, { message: "deadlines.errors.region_code" })
      .nullable()
      .default(null),
    /** False for a machine draft until a person has checked it against the decree. */
    isConfirmed: z.boolean(),
    note: z.string().max(1000).optional(),
  })
  .refine((h) => (h.kind === "regional") === (h.regionCode !== null), {
    path: ["regionCode"],
    message: "deadlines.errors.regional_needs_region",
  });

export type Holiday = z.output<typeof holidaySchema>;
