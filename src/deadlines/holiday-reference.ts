import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "../paths.js";
import { holidaySchema } from "./holiday.js";

/** prisma/reference/holidays/<year>.json: one year's official list, transcribed from its decrees. */
export const HOLIDAY_REFERENCE_DIR = path.join(projectRoot, "prisma", "reference", "holidays");

export const holidayReferenceSchema = z
  .strictObject({
    year: z.int().min(2000).max(2100),
    /** The decrees the list comes from, first the SKB of the year, then its amendments. */
    decrees: z.array(z.string().trim().min(1)).min(1),
    /** How the list was transcribed and checked, and what a person should still verify. */
    notes: z.array(z.string()).default([]),
    holidays: z.array(holidaySchema).min(1),
  })
  .superRefine((reference, ctx) => {
    const seen = new Set<string>();
    reference.holidays.forEach((holiday, i) => {
      if (!holiday.date.startsWith(`${reference.year}-`)) {
        ctx.addIssue({ code: "custom", path: ["holidays", i, "date"], message: "deadlines.errors.holiday_outside_year", params: { year: reference.year } });
      }
      const key = `${holiday.date}|${holiday.kind}|${holiday.name}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["holidays", i], message: "deadlines.errors.duplicate_holiday" });
      seen.add(key);
    });
  });

export type HolidayReference = z.output<typeof holidayReferenceSchema>;

/** Years that have a reference file, ascending. */
export function listHolidayReferenceYears(dir = HOLIDAY_REFERENCE_DIR): number[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((file) => /^(\d{4})\.json$/.exec(file)?.[1])
    .filter((year): year is string => year !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The reference list of one year, validated; null when there is no file for that year. */
export function readHolidayReference(year: number, dir = HOLIDAY_REFERENCE_DIR): HolidayReference | null {
  const file = path.join(dir, `${year}.json`);
  if (!fs.existsSync(file)) return null;
  const reference = holidayReferenceSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (reference.year !== year) throw new Error(`${file} holds year ${reference.year}`);
  return reference;
}
