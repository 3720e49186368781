import { describe, expect, it } from "vitest";
import { methodologyDraftFrom } from "../../src/scoring/methodology-draft.js";
import { stackedBar, tileMapChart, tileNameLines, trendChart, zoneColumnsChart } from "../../src/scoring/charts.js";
import { computeAssessment } from "../../src/scoring/compute-assessment.js";
import { computeComplaintDimension, type IndicatorResult } from "../../src/scoring/compute-complaint-dimension.js";
import { parseMethodology } from "../../src/scoring/methodology.js";
import { readPoints } from "../../src/scoring/save-assessor-points.js";
import { assessorPointsFor, dimensionMeans, lostPointsOf, rankByScore } from "../../src/scoring/score-rows.js";
import { currentAssessmentYear, RECOMPUTE_DEBOUNCE_MS, recomputeJobOf, yearsAffectedBy } from "../../src/scoring/schedule-score-recompute.js";
import { PAST_YEAR_REFRESH_MS, yearsToSweep } from "../../src/scoring/sweep-scores.js";
import { tilePositions, TILE_POSITIONS } from "../../src/scoring/tile-layout.js";
import { unitNameKey, unitsNamed } from "../../src/scoring/unit-names.js";
import { exemplaryFacts, methodology, window2023 } from "./fixtures.js";

const m2023 = methodology("2023.1");

describe("assessor points against a methodology", () => {
  it("keeps points within each dimension's weight and reports the others without failing", () => {
    const { points, problems } = assessorPointsFor(m2023, { input: 8.72, proses: 40, output: -1, sarana: 3, pengaduan: null });
    expect(points).toEqual({ input: 8.72 });
    expect(problems).toEqual([
      { key: "proses", problem: "points_out_of_range" },
      { key: "output", problem: "points_out_of_range" },
      { key: "sarana", problem: "unknown_dimension" },
    ]);
  });

  it("accepts the weight itself and zero, and reads nothing from nothing", () => {
    expect(assessorPointsFor(m2023, { input: 21.85, output: 0 }).points).toEqual({ input: 21.85, output: 0 });
    expect(assessorPointsFor(m2023, null)).toEqual({ points: {}, problems: [] });
    expect(assessorPointsFor(m2023, "8.72").points).toEqual({});
  });

  it("reads typed points with a decimal point or comma, and refuses words and figures above the weight", () => {
    expect(readPoints("8,72", 21.85)).toEqual({ points: 8.72 });
    expect(readPoints(" 20.76 ", 24.24)).toEqual({ points: 20.76 });
    expect(readPoints("", 21.85)).toEqual({ points: null });
    expect(readPoints(undefined, 21.85)).toEqual({ points: null });
    expect(readPoints("21.86", 21.85)).toMatchObject({ messageKey: "scoring.errors.points_out_of_range" });
    expect(readPoints("delapan", 21.85)).toMatchObject({ messageKey: "scoring.csv.number_invalid" });
    expect(readPoints("-1", 21.85)).toMatchObject({ messageKey: "scoring.csv.number_invalid" });
  });
});

describe("a Pemda's rank and dimension means", () => {
  it("ranks by score with ties sharing a rank, and gives none without a score", () => {
    const ranks = rankByScore([
      { key: "a", score: 70 },
      { key: "b", score: 91.82 },
      { key: "c", score: 70 },
      { key: "d", score: null },
      { key: "e", score: 47.41 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ b: 1, a: 2, c: 2, e: 4 });
  });

  it("averages each dimension over the units that have it", () => {
    const result = computeAssessment({
      methodology: m2023,
      ...window2023,
      units: [
        { unitId: 1, regionCode: "53.01", assessorPoints: { input: 8.72, proses: 10.76, output: 20.76, pengaduan: 9.61 } },
        { unitId: 2, regionCode: "53.01", assessorPoints: { input: 5.83, proses: 16.42, output: 22.14 } },
      ],
    });
    expect(dimensionMeans(m2023, result.units)).toEqual([
      { key: "input", weight: 21.85, points: 7.28 },
      { key: "proses", weight: 32.37, points: 13.59 },
      { key: "output", weight: 24.24, points: 21.45 },
      { key: "pengaduan", weight: 21.54, points: 9.61 },
    ]);
  });
});

describe("the points an indicator cost", () => {
  const dimension = computeComplaintDimension({ methodology: m2023, facts: exemplaryFacts(), ...window2023 });
  const scored = dimension.indicators[0]!;

  it("is nothing for an indicator at full points, and a share of the weight per point missed", () => {
    expect(lostPointsOf(scored, dimension)).toBe(0);
    const twoOfThree: IndicatorResult = { ...scored, points: 2 };
    expect(lostPointsOf(twoOfThree, dimension)).toBeCloseTo((1 / dimension.availablePoints) * 21.54, 12);
  });

  it("is nothing for an indicator left out for lack of data", () => {
    expect(lostPointsOf({ ...scored, points: null, status: "insufficient_data" }, dimension)).toBe(0);
    expect(lostPointsOf({ ...scored, points: 0 }, { availablePoints: 0, weight: 21.54 })).toBe(0);
  });
});

describe("debouncing a year's recomputation", () => {
  it("gives every change in one 30-second window the same job, run when the window closes", () => {
    const start = new Date(Date.UTC(2025, 5, 1, 3, 0, 0));
    const a = recomputeJobOf(2025, start);
    const b = recomputeJobOf(2025, new Date(start.getTime() + RECOMPUTE_DEBOUNCE_MS - 1));
    expect(a.jobId).toBe(b.jobId);
    expect(a.delayMs).toBe(RECOMPUTE_DEBOUNCE_MS);
    expect(b.delayMs).toBe(1);
    expect(a.jobId).not.toContain(":");
  });

  it("gives the next window and another year their own job", () => {
    const start = new Date(Date.UTC(2025, 5, 1, 3, 0, 0));
    expect(recomputeJobOf(2025, new Date(start.getTime() + RECOMPUTE_DEBOUNCE_MS)).jobId).not.toBe(recomputeJobOf(2025, start).jobId);
    expect(recomputeJobOf(2024, start).jobId).not.toBe(recomputeJobOf(2025, start).jobId);
  });

  it("takes the year in WITA, so New Year's Eve after 16:00 UTC is already the next year", () => {
    expect(currentAssessmentYear(new Date("2025-12-31T15:59:59Z"))).toBe(2025);
    expect(currentAssessmentYear(new Date("2025-12-31T16:00:00Z"))).toBe(2026);
  });

  it("recomputes every year from a fact's earliest date up to the current year", () => {
    const now = new Date("2025-06-01T00:00:00Z");
    expect(yearsAffectedBy(["2023-05-01", null, "2025-01-01"], now)).toEqual([2023, 2024, 2025]);
    expect(yearsAffectedBy([null], now)).toEqual([2025]);
    expect(yearsAffectedBy(["2027-01-01"], now)).toEqual([2025]);
    expect(yearsAffectedBy(["1990-01-01"], now, 3)).toEqual([2023, 2024, 2025]);
  });
});

describe("what the hourly sweep recomputes", () => {
  const now = new Date("2026-03-01T00:00:00Z");
  const fresh = { computedAt: new Date(now.getTime() - 3600_000), methodologyFingerprint: "f" };
  const old = { computedAt: new Date(now.getTime() - PAST_YEAR_REFRESH_MS), methodologyFingerprint: "f" };

  it("always recomputes the current year, and the previous year once its run is a day old", () => {
    expect(yearsToSweep({ now, currentYear: 2026, years: [{ year: 2026, fingerprintInForce: "f", run: fresh }, { year: 2025, fingerprintInForce: "f", run: fresh }] })).toEqual([2026]);
    expect(yearsToSweep({ now, currentYear: 2026, years: [{ year: 2025, fingerprintInForce: "f", run: old }, { year: 2024, fingerprintInForce: "f", run: old }] })).toEqual([2025]);
  });

  it("repairs a year without results or computed with a methodology no longer in force", () => {
    expect(yearsToSweep({ now, currentYear: 2026, years: [{ year: 2022, fingerprintInForce: "f", run: null }, { year: 2023, fingerprintInForce: "g", run: fresh }, { year: 2021, fingerprintInForce: "f", run: old }] })).toEqual([2023, 2022]);
  });
});

describe("finding a unit by the name an assessor typed", () => {
  const units = [
    { id: 1, name: "Dinas Kesehatan", aliases: "Dinkes|Dinas Kesehatan Daerah" },
    { id: 2, name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", aliases: "DPMPTSP|DPM-PTSP|PTSP" },
    { id: 3, name: "UPT Puskesmas Oesao", aliases: "Puskesmas" },
    { id: 4, name: "UPT Puskesmas Camplong", aliases: "Puskesmas" },
  ];

  it("ignores case, spaces and punctuation, and knows the aliases", () => {
    expect(unitNameKey(" DPM-PTSP ")).toBe("dpmptsp");
    expect(unitsNamed(units, "dinkes").map((u) => u.id)).toEqual([1]);
    expect(unitsNamed(units, "Dinas  kesehatan").map((u) => u.id)).toEqual([1]);
    expect(unitsNamed(units, "DPM PTSP").map((u) => u.id)).toEqual([2]);
  });

  it("returns every match, so that an ambiguous name is refused, and nothing for a blank name", () => {
    expect(unitsNamed(units, "Puskesmas").map((u) => u.id)).toEqual([3, 4]);
    expect(unitsNamed(units, " - ")).toEqual([]);
    expect(unitsNamed(units, "Dinas Pertanian")).toEqual([]);
  });
});

describe("copying a methodology", () => {
  it("makes the next revision of a year, or revision 1 of another year with its title moved along, every number kept", () => {
    const revision = parseMethodology(JSON.parse(methodologyDraftFrom(m2023, { year: 2023, revision: 2 })));
    expect([revision.id, revision.year, revision.revision, revision.title]).toEqual(["2023.2", 2023, 2, m2023.title]);
    const next = parseMethodology(JSON.parse(methodologyDraftFrom(m2023, { year: 2024, revision: 1 })));
    expect([next.id, next.title.includes("2024"), next.title.includes("2023")]).toEqual(["2024.1", m2023.title.includes("2023"), false]);
    expect(next.dimensions).toEqual(m2023.dimensions);
    expect(next.bands).toEqual(m2023.bands);
  });
});

describe("chart geometry", () => {
  it("writes a Pemda's name on its tile in at most three short lines, without 'Kabupaten'", () => {
    expect(tileNameLines("Kabupaten Timor Tengah Selatan")).toEqual(["Timor Tengah", "Selatan"]);
    expect(tileNameLines("Kota Kupang")).toEqual(["Kota Kupang"]);
    expect(tileNameLines("Provinsi Nusa Tenggara Timur")).toEqual(["Provinsi Nusa", "Tenggara", "Timur"]);
    expect(tileNameLines("A B C D E F G H I J K L M N O P Q R S T", 3)).toHaveLength(3);
  });

  it("places NTT's 23 Pemda on distinct tiles, and any other Pemda after them without overlap", () => {
    const codes = [...Object.keys(TILE_POSITIONS), "52.01", "52.02", "11"];
    const positions = tilePositions(codes);
    const cells = [...positions.values()].map((p) => `${p.column},${p.row}`);
    expect(new Set(cells).size).toBe(codes.length);
    expect(Object.keys(TILE_POSITIONS)).toHaveLength(23);
    const lastNttRow = Math.max(...Object.values(TILE_POSITIONS).map(([, row]) => row));
    for (const code of ["11", "52.01", "52.02"]) expect(positions.get(code)!.row).toBeGreaterThan(lastNttRow);
  });

  it("sizes the tile map to the tiles it holds", () => {
    const map = tileMapChart([{ code: "53.15", name: "Kabupaten Manggarai Barat", zone: "green", score: 80, isProvisional: false, href: null }, { code: "53.05", name: "Kabupaten Alor", zone: null, score: null, isProvisional: false, href: null }]);
    expect(map.tiles.map((t) => t.zoneKey)).toEqual(["green", "none"]);
    expect(map.width).toBe(Math.max(...map.tiles.map((t) => t.x + t.size)));
  });

  it("stacks a score's parts on a 0-100 bar and skips missing parts", () => {
    const bar = stackedBar([{ key: "input", points: 10 }, { key: "proses", points: null }, { key: "output", points: 25 }], 200);
    expect(bar).toEqual([
      { key: "input", index: 0, x: 0, width: 20, points: 10 },
      { key: "output", index: 2, x: 20, width: 50, points: 25 },
    ]);
  });

  it("breaks a trend line where a year has no score, and puts 100 at the top", () => {
    const chart = trendChart(
      [{ year: 2021, score: 50, zone: "red" }, { year: 2022, score: null, zone: null }, { year: 2023, score: 60, zone: "yellow" }, { year: 2024, score: 100, zone: "green" }],
      [{ min: 88, zone: "green" }, { min: 54, zone: "yellow" }, { min: 0, zone: "red" }],
    );
    expect(chart.lines).toHaveLength(2);
    expect(chart.points.find((p) => p.year === 2024)!.y).toBe(chart.plot.top);
    expect(chart.zoneBands.map((b) => b.zoneKey)).toEqual(["green", "yellow", "red"]);
    expect(chart.zoneBands.reduce((sum, b) => sum + b.height, 0)).toBeCloseTo(chart.plot.bottom - chart.plot.top, 0);
  });

  it("stacks the Pemda of each zone per year, one unit of height per Pemda", () => {
    const chart = zoneColumnsChart([{ year: 2023, counts: { green: 10, yellow: 9, red: 4 } }, { year: 2024, counts: { green: 12, yellow: 11 } }]);
    const [first, second] = chart.columns;
    expect(first!.segments.map((s) => s.zoneKey)).toEqual(["green", "yellow", "red"]);
    expect(first!.segments[0]!.height / first!.segments[0]!.count).toBeCloseTo(second!.segments[0]!.height / second!.segments[0]!.count, 1);
    expect(Math.min(...first!.segments.map((s) => s.y))).toBeCloseTo(chart.plot.top, 0);
  });
});
