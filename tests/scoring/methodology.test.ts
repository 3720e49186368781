import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/http/errors.js";
import { INDICATOR_KEYS } from "../../src/scoring/indicators.js";
import { methodologyFingerprint, methodologyForYear, methodologySchema, parseMethodology, type Methodology } from "../../src/scoring/methodology.js";
import { methodologyDir, readMethodologyFiles } from "../../src/scoring/read-methodology-files.js";
import { methodologies, methodology } from "./fixtures.js";

const weightsOf = (m: Methodology) => Object.fromEntries(m.dimensions.map((d) => [d.key, d.weight]));
const raw = (id: string) => JSON.parse(fs.readFileSync(path.join(methodologyDir, `${id}.json`), "utf8")) as Record<string, unknown> & Methodology;

describe("the methodology files shipped", () => {
  it("has one valid version for each year from 2021 to 2025, each file named after its id", () => {
    expect(methodologies.map((m) => m.id)).toEqual(["2021.1", "2022.1", "2023.1", "2024.1", "2025.1"]);
  });

  it("uses the published 2022-2023 weights, which add up to 100, and does not mark them assumed", () => {
    for (const id of ["2022.1", "2023.1"]) {
      const m = methodology(id);
      expect(weightsOf(m)).toEqual({ input: 21.85, proses: 32.37, output: 24.24, pengaduan: 21.54 });
      expect(m.dimensions.every((d) => !d.assumed && d.sourceIds.length > 0)).toBe(true);
    }
  });

  it("marks the 2021, 2024 and 2025 weights as assumed, saying why, instead of inventing them", () => {
    for (const id of ["2021.1", "2024.1", "2025.1"]) {
      for (const d of methodology(id).dimensions) {
        expect(d.assumed, `${id} ${d.key}`).toBe(true);
        expect(d.note, `${id} ${d.key}`).toMatch(/unknown/);
      }
    }
  });

  it("gives 2021 zones only: green from 81, yellow from 51, red from 0", () => {
    expect(methodology("2021.1").bands.map((b) => [b.min, b.category, b.zone])).toEqual([
      [81, null, "green"],
      [51, null, "yellow"],
      [0, null, "red"],
    ]);
  });

  it("gives 2024 the published categories: A from 88 and B from 78 green, C from 54 yellow, D from 32 and E red", () => {
    const bands = methodology("2024.1").bands;
    expect(bands.map((b) => [b.min, b.category, b.zone])).toEqual([
      [88, "A", "green"],
      [78, "B", "green"],
      [54, "C", "yellow"],
      [32, "D", "red"],
      [0, "E", "red"],
    ]);
    expect(bands.every((b) => !b.assumed)).toBe(true);
  });

  it("gives 2025 a black zone for E and marks the carried-over boundaries as assumed", () => {
    const bands = methodology("2025.1").bands;
    expect(bands.at(-1)).toMatchObject({ min: 0, category: "E", zone: "black", assumed: false });
    expect(bands.slice(0, -1).every((b) => b.assumed)).toBe(true);
  });

  it("gives 2022 and 2023 the A-E categories with boundaries marked assumed, and cites the Maluku Tenggara evidence for 2023's red/yellow boundary", () => {
    for (const id of ["2022.1", "2023.1"]) {
      expect(methodology(id).bands.map((b) => [b.min, b.category, b.assumed])).toEqual([
        [88, "A", true],
        [78, "B", true],
        [54, "C", true],
        [32, "D", true],
        [0, "E", true],
      ]);
    }
    const c2023 = methodology("2023.1").bands.find((b) => b.category === "C");
    expect(c2023?.sourceIds).toContain("malra_2023");
    expect(c2023?.note).toMatch(/52\.86.*55\.09/);
  });

  it("backs every weight, band and indicator with at least one source, and explains every assumed band", () => {
    for (const m of methodologies) {
      const items = [...m.dimensions, ...m.bands, ...m.complaintManagement.indicators, m.complaintManagement];
      expect(items.every((item) => item.sourceIds.length > 0), m.id).toBe(true);
      expect(m.bands.filter((b) => b.assumed).every((b) => (b.note ?? "").length > 0), m.id).toBe(true);
    }
  });

  it("uses all eleven complaint indicators every year, each with explicit parameters in the file", () => {
    for (const m of methodologies) {
      expect(m.complaintManagement.indicators.map((i) => i.key), m.id).toEqual([...INDICATOR_KEYS]);
      expect(m.complaintManagement.minimumCases).toBe(5);
    }
    expect(raw("2023.1").complaintManagement.indicators.find((i) => i.key === "records_complete")?.params).toEqual({
      requiredFields: ["reporter", "channel", "category", "summary", "handler"],
      requiredWhenClosed: ["outcome"],
    });
  });
});

describe("validating a methodology an administrator adds", () => {
  const base = () => structuredClone(raw("2024.1"));

  function problems(edit: (m: ReturnType<typeof base>) => void) {
    const m = base();
    edit(m);
    const result = methodologySchema.safeParse(m);
    return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  }

  it("accepts a new year copied from an existing one", () => {
    expect(problems((m) => Object.assign(m, { id: "2026.1", year: 2026 }))).toEqual([]);
  });

  it.each([
    ["weights that do not add up to 100", (m: Methodology) => void (m.dimensions[0]!.weight = 22), "dimensions", "scoring.errors.weights_sum"],
    ["two complaint-management dimensions", (m: Methodology) => void (m.dimensions[0]!.origin = "complaint_management"), "dimensions", "scoring.errors.one_complaint_dimension"],
    ["a repeated dimension", (m: Methodology) => void (m.dimensions[1]!.key = "input"), "dimensions.1.key", "scoring.errors.duplicate_key"],
    ["bands out of order", (m: Methodology) => void (m.bands[1]!.min = 90), "bands.1.min", "scoring.errors.bands_order"],
    ["a band boundary with three decimals", (m: Methodology) => void (m.bands[0]!.min = 87.995), "bands.0.min", "scoring.errors.two_decimals"],
    ["no band from zero", (m: Methodology) => void m.bands.pop(), "bands", "scoring.errors.bands_from_zero"],
    ["categories on some bands only", (m: Methodology) => void (m.bands[0]!.category = null), "bands", "scoring.errors.bands_categories_mixed"],
    ["one category on two bands", (m: Methodology) => void (m.bands[1]!.category = "A"), "bands", "scoring.errors.bands_categories_repeated"],
    ["an unknown source", (m: Methodology) => void m.bands[0]!.sourceIds.push("rumour"), "bands.0.sourceIds.2", "scoring.errors.unknown_source"],
    ["an indicator Penghubung cannot compute", (m: Methodology) => void (m.complaintManagement.indicators[0]!.key = "mystery"), "complaintManagement.indicators.0.key", "scoring.errors.unknown_indicator"],
    ["a repeated indicator", (m: Methodology) => void (m.complaintManagement.indicators[1]!.key = "channel_published"), "complaintManagement.indicators.1.key", "scoring.errors.duplicate_key"],
    ["thresholds that rise", (m: Methodology) => void (m.complaintManagement.indicators[3]!.thresholds[1]!.min = 0.95), "complaintManagement.indicators.3.thresholds.1", "scoring.errors.thresholds_order"],
    ["a rate threshold above 1", (m: Methodology) => void (m.complaintManagement.indicators[3]!.thresholds[0]!.min = 90), "complaintManagement.indicators.3.thresholds.0.min", "scoring.errors.threshold_range"],
    ["a top threshold worth less than 3", (m: Methodology) => void m.complaintManagement.indicators[3]!.thresholds.shift(), "complaintManagement.indicators.3.thresholds.0.points", "scoring.errors.thresholds_top"],
    ["thresholds that leave low values unscored", (m: Methodology) => void m.complaintManagement.indicators[3]!.thresholds.pop(), "complaintManagement.indicators.3.thresholds", "scoring.errors.thresholds_from_zero"],
    ["a minimum number of cases on a level", (m: Methodology) => void (m.complaintManagement.indicators[0]!.minimumCases = 5), "complaintManagement.indicators.0.minimumCases", "scoring.errors.minimum_cases_for_rates_only"],
    ["a rating outside 1-5", (m: Methodology) => void (m.complaintManagement.indicators[9]!.params = { satisfiedFromRating: 6 }), "complaintManagement.indicators.9.params", "scoring.errors.indicator_params"],
    ["an id that does not match the year", (m: Methodology) => void (m.year = 2026), "id", "scoring.errors.methodology_id_mismatch"],
  ])("refuses %s", (_what, edit, pathOf, message) => {
    expect(problems(edit)).toContainEqual({ path: pathOf, message });
  });

  it("refuses a misspelt field instead of ignoring it", () => {
    expect(problems((m) => Object.assign(m.dimensions[0]!, { weigth: 21.85 })).map((p) => p.path)).toContain("dimensions.0");
  });

  it("throws a ValidationError listing the problems with their paths", () => {
    const m = base();
    m.dimensions[0]!.weight = 22;
    expect(() => parseMethodology(m)).toThrow(ValidationError);
    try {
      parseMethodology(m);
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path)).toContain("dimensions");
    }
  });
});

describe("reading methodology files", () => {
  function folderWith(files: Record<string, string>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "methodology-"));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it("refuses a file not named after its id, so two files can never claim one version", async () => {
    const dir = folderWith({ "2024.json": JSON.stringify(raw("2024.1")) });
    await expect(readMethodologyFiles(dir)).rejects.toMatchObject({ issues: [{ path: "2024.json", messageKey: "scoring.errors.methodology_file_name", params: { expected: "2024.1.json" } }] });
  });

  it("names the file of a broken or invalid methodology", async () => {
    await expect(readMethodologyFiles(folderWith({ "2024.1.json": "{ not json" }))).rejects.toMatchObject({ issues: [{ path: "2024.1.json", messageKey: "errors.malformed_json" }] });
    const invalid = { ...raw("2024.1"), bands: [] };
    await expect(readMethodologyFiles(folderWith({ "2024.1.json": JSON.stringify(invalid) }))).rejects.toBeInstanceOf(ValidationError);
  });

  it("picks a year's highest revision as the one in force", async () => {
    const revised = { ...raw("2024.1"), id: "2024.2", revision: 2 };
    const list = await readMethodologyFiles(folderWith({ "2024.2.json": JSON.stringify(revised), "2024.1.json": JSON.stringify(raw("2024.1")), "notes.txt": "ignored" }));
    expect(list.map((m) => m.id)).toEqual(["2024.1", "2024.2"]);
    expect(methodologyForYear(list, 2024)?.id).toBe("2024.2");
    expect(methodologyForYear(list, 2019)).toBeUndefined();
  });

  it("fingerprints a version by its content", () => {
    const copy = parseMethodology(structuredClone(raw("2024.1")));
    expect(methodologyFingerprint(copy)).toBe(methodologyFingerprint(methodology("2024.1")));
    copy.bands[0]!.min = 87;
    expect(methodologyFingerprint(copy)).not.toBe(methodologyFingerprint(methodology("2024.1")));
  });
});
