import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/http/errors.js";
import { computeAssessment, type UnitAssessmentInput } from "../../src/scoring/compute-assessment.js";
import { methodologyFingerprint, parseMethodology } from "../../src/scoring/methodology.js";
import { opinionOf } from "../../src/scoring/opinion.js";
import { meanScore, roundScore } from "../../src/scoring/rounding.js";
import { complaints, exemplaryFacts, methodology, window2023 } from "./fixtures.js";

const m2023 = methodology("2023.1");
const assess = (units: UnitAssessmentInput[], m = m2023) => computeAssessment({ methodology: m, ...window2023, units });

// Maluku Tenggara 2023 (sentralnusantara.com, 27 Feb 2024): the two units published with their
// dimension points, and the totals of all seven.
const watdek = { input: 8.72, proses: 10.76, output: 20.76, pengaduan: 9.61 };
const dinasPendidikan = { input: 5.83, proses: 16.42, output: 22.14, pengaduan: 8.46 };
const malra2023Totals = { "Puskesmas Watdek": 49.85, "Dinas Pendidikan": 52.86, "Puskesmas Kolser": 55.09, DPMPTSP: 59.85, "Dinas Sosial": 62.06, Dukcapil: 71.08, "Dinas Kesehatan": 74.82 };

describe("published figures", () => {
  it("reproduces Puskesmas Watdek 2023: 8.72 + 10.76 + 20.76 + 9.61 = 49.85, red zone", () => {
    const [unit] = assess([{ unitId: "watdek", regionCode: "81.02", assessorPoints: watdek }]).units;
    expect(unit).toMatchObject({ total: 49.85, category: "D", zone: "red", methodologyId: "2023.1", missingDimensionKeys: [] });
    expect(unit?.dimensions.map((d) => [d.key, d.points, d.source])).toEqual([
      ["input", 8.72, "assessor"],
      ["proses", 10.76, "assessor"],
      ["output", 20.76, "assessor"],
      ["pengaduan", 9.61, "assessor_override"],
    ]);
  });

  it("averages Maluku Tenggara's seven unit totals to the published 60.80, category C, yellow zone", () => {
    const score = meanScore(Object.values(malra2023Totals));
    expect(score).toBe(60.8);
    expect(opinionOf(m2023, score)).toEqual({ score: 60.8, category: "C", zone: "yellow" });
  });

  it("rounds a total once, from full-precision parts, as the Ombudsman does: Dinas Pendidikan's parts are published as 52.85 in all but its total is 52.86", () => {
    const published = assess([{ unitId: "disdik", regionCode: "81.02", assessorPoints: dinasPendidikan }]).units[0];
    expect(published?.total).toBe(roundScore(5.83 + 16.42 + 22.14 + 8.46));
    expect(published?.total).not.toBe(malra2023Totals["Dinas Pendidikan"]);

    // Any parts that round to the published ones may add up to 52.86; the engine keeps them unrounded.
    const precise = { input: 5.834, proses: 16.424, output: 22.144, pengaduan: 8.455 };
    const unit = assess([{ unitId: "disdik", regionCode: "81.02", assessorPoints: precise }]).units[0];
    expect(unit?.dimensions.map((d) => d.points)).toEqual([5.83, 16.42, 22.14, 8.46]);
    expect(unit).toMatchObject({ total: 52.86, zone: "red" });
  });

  it("takes a Pemda's score as the plain mean of its units' full-precision totals", () => {
    const result = assess([
      { unitId: "watdek", regionCode: "81.02", assessorPoints: watdek },
      { unitId: "disdik", regionCode: "81.02", assessorPoints: dinasPendidikan },
    ]);
    const totals = result.units.map((u) => u.exactTotal ?? Number.NaN);
    expect(result.regions).toEqual([
      {
        regionCode: "81.02",
        methodologyId: "2023.1",
        unitIds: ["watdek", "disdik"],
        score: meanScore(totals),
        category: "D",
        zone: "red",
        provisionalScore: meanScore(totals),
        incompleteUnitIds: [],
      },
    ]);
  });
});

describe("the complaint-management dimension in the assessment", () => {
  const assessorOnly = { input: 20, proses: 30, output: 24 };

  it("computes it from recorded facts when the assessors give no figure", () => {
    const [unit] = assess([{ unitId: 1, regionCode: "53.71", assessorPoints: assessorOnly, complaintFacts: exemplaryFacts() }]).units;
    const pengaduan = unit?.dimensions.find((d) => d.key === "pengaduan");
    expect(pengaduan).toMatchObject({ source: "computed", points: 21.54 });
    expect(pengaduan?.complaintManagement?.indicators).toHaveLength(11);
    expect(unit?.total).toBe(roundScore(20 + 30 + 24 + 21.54));
  });

  it("uses the assessors' figure when given, and still shows the computation beside it", () => {
    const [unit] = assess([{ unitId: 1, regionCode: "53.71", assessorPoints: { ...assessorOnly, pengaduan: 10 }, complaintFacts: exemplaryFacts() }]).units;
    const pengaduan = unit?.dimensions.find((d) => d.key === "pengaduan");
    expect(pengaduan).toMatchObject({ source: "assessor_override", points: 10 });
    expect(pengaduan?.complaintManagement?.points).toBe(21.54);
    expect(unit?.total).toBe(84);
  });

  it("leaves the total open while a dimension has no figure, and the Pemda without an opinion", () => {
    const result = assess([
      { unitId: 1, regionCode: "53.18", assessorPoints: { input: 20, proses: 30, output: 24, pengaduan: 20 } },
      { unitId: 2, regionCode: "53.18", assessorPoints: { input: 20, proses: 30 }, complaintFacts: { complaints: complaints(2) } },
    ]);
    expect(result.units[1]).toMatchObject({ total: null, exactTotal: null, category: null, zone: null, missingDimensionKeys: ["output", "pengaduan"] });
    expect(result.units[1]?.dimensions.find((d) => d.key === "pengaduan")).toMatchObject({ source: "missing", points: null });
    expect(result.regions[0]).toMatchObject({ score: null, category: null, zone: null, provisionalScore: 94, incompleteUnitIds: [2] });
  });

  it("groups units into their Pemda in the order they come", () => {
    const points = { input: 10, proses: 10, output: 10, pengaduan: 10 };
    const result = assess([
      { unitId: 1, regionCode: "53.18", assessorPoints: points },
      { unitId: 2, regionCode: "53.71", assessorPoints: { ...points, input: 20 } },
      { unitId: 3, regionCode: "53.18", assessorPoints: { ...points, proses: 30 } },
    ]);
    expect(result.regions.map((r) => [r.regionCode, r.unitIds, r.score])).toEqual([
      ["53.18", [1, 3], meanScore([40, 60])],
      ["53.71", [2], 50],
    ]);
  });
});

describe("methodology versions", () => {
  it("keeps the version a result was computed with, even after a new revision of that year exists", () => {
    const revised = parseMethodology({ ...structuredClone(m2023), id: "2023.2", revision: 2, bands: m2023.bands.map((b) => (b.category === "C" ? { ...b, min: 50 } : b)) });
    const units = [{ unitId: "watdek", regionCode: "81.02", assessorPoints: { ...watdek, input: 11 } }];
    const before = assess(units);
    const after = assess(units, revised);
    expect(before.methodology).toEqual({ id: "2023.1", year: 2023, revision: 1, fingerprint: methodologyFingerprint(m2023) });
    expect(after.methodology.id).toBe("2023.2");
    expect(after.methodology.fingerprint).not.toBe(before.methodology.fingerprint);
    expect([before.units[0]?.zone, after.units[0]?.zone]).toEqual(["red", "yellow"]);
    expect(before.units[0]?.methodologyId).toBe("2023.1");
  });

  it("uses each year's own weights as the ceiling of assessor points", () => {
    expect(() => assess([{ unitId: 1, regionCode: "53.01", assessorPoints: { input: 21.86 } }])).toThrow(ValidationError);
    expect(() => assess([{ unitId: 1, regionCode: "53.01", assessorPoints: { input: 21.85 } }])).not.toThrow();
  });
});

describe("refusing bad input", () => {
  function issuesOf(run: () => unknown) {
    try {
      run();
    } catch (error) {
      if (error instanceof ValidationError) return error.issues;
      throw error;
    }
    throw new Error("expected a ValidationError");
  }

  it("lists every out-of-range, unknown or duplicated figure with its path", () => {
    const issues = issuesOf(() =>
      assess([
        { unitId: 1, regionCode: "53.01", assessorPoints: { input: -0.01, proses: 32.38, output: Number.NaN, pengaduan: 21.55 } },
        { unitId: 1, regionCode: "53.01", assessorPoints: { kepuasan: 3 } },
      ]),
    );
    expect(issues).toEqual([
      { path: "units.0.assessorPoints.input", messageKey: "scoring.errors.points_out_of_range", params: { minimum: 0, maximum: 21.85 } },
      { path: "units.0.assessorPoints.proses", messageKey: "scoring.errors.points_out_of_range", params: { minimum: 0, maximum: 32.37 } },
      { path: "units.0.assessorPoints.output", messageKey: "scoring.errors.points_out_of_range", params: { minimum: 0, maximum: 24.24 } },
      { path: "units.0.assessorPoints.pengaduan", messageKey: "scoring.errors.points_out_of_range", params: { minimum: 0, maximum: 21.54 } },
      { path: "units.1.unitId", messageKey: "scoring.errors.duplicate_unit", params: { unitId: 1 } },
      { path: "units.1.assessorPoints.kepuasan", messageKey: "scoring.errors.unknown_dimension", params: { key: "kepuasan" } },
    ]);
  });

  it("refuses a period that ends before it starts", () => {
    const issues = issuesOf(() => computeAssessment({ methodology: m2023, period: { startAt: window2023.period.endAt, endAt: window2023.period.startAt }, asOf: window2023.asOf, units: [] }));
    expect(issues).toEqual([{ path: "period", messageKey: "scoring.errors.period_order" }]);
  });
});
