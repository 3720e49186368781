import crypto from "node:crypto";
import { z } from "zod";
import { parse } from "../http/validate.js";
import { INDICATORS, isIndicatorKey } from "./indicators.js";
import { roundScore } from "./rounding.js";

/**
 * A methodology version: how one assessment year turns dimension points into a score and a score
 * into an opinion. Kept as data (prisma/reference/methodology/*.json) so that an administrator
 * adds a year, or corrects one with a new revision, without code. Every number carries the ids of
 * its sources and `assumed: true` when no source gives it for that year.
 */

export const ZONES = ["green", "yellow", "red", "black"] as const;
export type Zone = (typeof ZONES)[number];
export const CATEGORIES = ["A", "B", "C", "D", "E"] as const;
export type Category = (typeof CATEGORIES)[number];
export const DIMENSION_ORIGINS = ["assessor", "complaint_management"] as const;
export type DimensionOrigin = (typeof DIMENSION_ORIGINS)[number];

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, { message: "scoring.errors.key_format" });
const provenance = {
  /** True when no source gives this number for this year and it is carried over or chosen by us. */
  assumed: z.boolean(),
  sourceIds: z.array(z.string()).default([]),
  note: z.string().optional(),
};

const sourceSchema = z.strictObject({
  id: key,
  citation: z.string().min(1),
  url: z.url().nullable().default(null),
});

const dimensionSchema = z.strictObject({
  key,
  /** Locale keys under scoring.variables (what the dimension looks at). */
  variables: z.array(key).default([]),
  /** Maximum points of the dimension; the weights of a year add up to 100. */
  weight: z.number().gt(0).max(100),
  origin: z.enum(DIMENSION_ORIGINS),
  ...provenance,
});

/** A score band: from `min` (inclusive, on the two-decimal score) up to the next band's `min`. */
const bandSchema = z.strictObject({
  min: z.number().min(0).max(100),
  category: z.enum(CATEGORIES).nullable().default(null),
  zone: z.enum(ZONES),
  ...provenance,
});

const thresholdSchema = z.strictObject({ min: z.number().min(0), points: z.int().min(0).max(3) });

const indicatorSchema = z.strictObject({
  key,
  /** From the highest `min` down; a value scores the points of the first threshold it reaches. */
  thresholds: z.array(thresholdSchema).min(1),
  /** For rates: fewer records than this and the indicator reports insufficient data. */
  minimumCases: z.int().min(1).optional(),
  params: z.record(z.string(), z.unknown()).default({}),
  ...provenance,
});

export const methodologySchema = z
  .strictObject({
    $schema: z.string().optional(),
    /** "<year>.<revision>", e.g. "2023.1"; results store it and keep it. */
    id: z.string().regex(/^\d{4}\.\d+$/, { message: "scoring.errors.methodology_id_format" }),
    year: z.int().min(2000).max(2100),
    revision: z.int().min(1),
    title: z.string().min(1),
    notes: z.array(z.string()).default([]),
    sources: z.array(sourceSchema).min(1),
    dimensions: z.array(dimensionSchema).min(1),
    bands: z.array(bandSchema).min(1),
    complaintManagement: z.strictObject({
      /** Default minimum number of records for a rate to be scored. */
      minimumCases: z.int().min(1),
      indicators: z.array(indicatorSchema).min(1),
      ...provenance,
    }),
  })
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string, params?: Record<string, unknown>) =>
      ctx.addIssue({ code: "custom", path, message, params });

    if (m.id !== `${m.year}.${m.revision}`) issue(["id"], "scoring.errors.methodology_id_mismatch", { expected: `${m.year}.${m.revision}` });

    const sourceIds = new Set<string>();
    m.sources.forEach((s, i) => {
      if (sourceIds.has(s.id)) issue(["sources", i, "id"], "scoring.errors.duplicate_key", { key: s.id });
      sourceIds.add(s.id);
    });
    const checkSources = (ids: string[], path: (string | number)[]) =>
      ids.forEach((id, i) => {
        if (!sourceIds.has(id)) issue([...path, "sourceIds", i], "scoring.errors.unknown_source", { source: id });
      });

    const dimensionKeys = new Set<string>();
    m.dimensions.forEach((d, i) => {
      if (dimensionKeys.has(d.key)) issue(["dimensions", i, "key"], "scoring.errors.duplicate_key", { key: d.key });
      dimensionKeys.add(d.key);
      checkSources(d.sourceIds, ["dimensions", i]);
    });
    const weightSum = roundScore(m.dimensions.reduce((sum, d) => sum + d.weight, 0));
    if (weightSum !== 100) issue(["dimensions"], "scoring.errors.weights_sum", { sum: weightSum });
    if (m.dimensions.filter((d) => d.origin === "complaint_management").length !== 1) {
      issue(["dimensions"], "scoring.errors.one_complaint_dimension");
    }

    m.bands.forEach((b, i) => {
      checkSources(b.sourceIds, ["bands", i]);
      if (roundScore(b.min) !== b.min) issue(["bands", i, "min"], "scoring.errors.two_decimals");
      const next = m.bands[i + 1];
      if (next && next.min >= b.min) issue(["bands", i + 1, "min"], "scoring.errors.bands_order");
    });
    if (m.bands.at(-1)?.min !== 0) issue(["bands"], "scoring.errors.bands_from_zero");
    const categories = m.bands.map((b) => b.category);
    if (categories.some((c) => c === null) && categories.some((c) => c !== null)) issue(["bands"], "scoring.errors.bands_categories_mixed");
    if (new Set(categories.filter((c) => c !== null)).size !== categories.filter((c) => c !== null).length) {
      issue(["bands"], "scoring.errors.bands_categories_repeated");
    }

    checkSources(m.complaintManagement.sourceIds, ["complaintManagement"]);
    const indicatorKeys = new Set<string>();
    m.complaintManagement.indicators.forEach((indicator, i) => {
      const path = ["complaintManagement", "indicators", i];
      checkSources(indicator.sourceIds, path);
      if (indicatorKeys.has(indicator.key)) issue([...path, "key"], "scoring.errors.duplicate_key", { key: indicator.key });
      indicatorKeys.add(indicator.key);
      if (!isIndicatorKey(indicator.key)) {
        issue([...path, "key"], "scoring.errors.unknown_indicator", { key: indicator.key });
        return;
      }
      const definition = INDICATORS[indicator.key];
      const maxValue = definition.valueKind === "level" ? 3 : 1;
      indicator.thresholds.forEach((t, j) => {
        if (t.min > maxValue) issue([...path, "thresholds", j, "min"], "scoring.errors.threshold_range", { maximum: maxValue });
        const next = indicator.thresholds[j + 1];
        if (next && (next.min >= t.min || next.points >= t.points)) issue([...path, "thresholds", j + 1], "scoring.errors.thresholds_order");
      });
      if (indicator.thresholds[0]?.points !== 3) issue([...path, "thresholds", 0, "points"], "scoring.errors.thresholds_top");
      if (indicator.thresholds.at(-1)?.min !== 0) issue([...path, "thresholds"], "scoring.errors.thresholds_from_zero");
      if (definition.valueKind === "level" && indicator.minimumCases !== undefined) {
        issue([...path, "minimumCases"], "scoring.errors.minimum_cases_for_rates_only");
      }
      const params = definition.params.safeParse(indicator.params);
      if (!params.success) issue([...path, "params"], "scoring.errors.indicator_params", { detail: params.error.issues.map((p) => p.path.join(".")).join(", ") });
    });
  });

export type Methodology = z.output<typeof methodologySchema>;
export type MethodologyDimension = Methodology["dimensions"][number];
export type MethodologyBand = Methodology["bands"][number];
export type MethodologyIndicator = Methodology["complaintManagement"]["indicators"][number];

/**
 * Validates a methodology (e.g. an administrator's upload or a file of
 * prisma/reference/methodology); throws a ValidationError listing every problem with its path.
 */
export function parseMethodology(input: unknown): Methodology {
  return parse(methodologySchema, input);
}

/** The methodology in force for an assessment year: its highest revision, or undefined. */
export function methodologyForYear(methodologies: readonly Methodology[], year: number): Methodology | undefined {
  return methodologies.filter((m) => m.year === year).sort((a, b) => b.revision - a.revision)[0];
}

/**
 * A SHA-256 of the methodology's content, stored with results: if a file is ever edited in place
 * instead of getting a new revision, results computed with the old content can still be told apart.
 */
export function methodologyFingerprint(methodology: Methodology): string {
  return crypto.createHash("sha256").update(JSON.stringify(methodology)).digest("hex");
}

/** The complaint-management dimension of a methodology (the schema guarantees exactly one). */
export function complaintDimensionOf(methodology: Methodology): MethodologyDimension {
  const dimension = methodology.dimensions.find((d) => d.origin === "complaint_management");
  if (!dimension) throw new Error(`methodology ${methodology.id} has no complaint-management dimension`);
  return dimension;
}
