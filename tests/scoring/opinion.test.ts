import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { opinionOf } from "../../src/scoring/opinion.js";
import { meanScore, roundScore } from "../../src/scoring/rounding.js";
import { methodologies, methodology } from "./fixtures.js";

describe("rounding scores to the two published decimals", () => {
  it("rounds half up, including values binary floating point stores just below the half", () => {
    expect(roundScore(87.995)).toBe(88);
    expect(roundScore(87.994)).toBe(87.99);
    expect(roundScore(1.005)).toBe(1.01);
    expect(roundScore(0.125)).toBe(0.13);
    expect(roundScore(78)).toBe(78);
    expect(roundScore(100)).toBe(100);
    expect(roundScore(0)).toBe(0);
  });

  it("does not turn the float noise of a sum into a different score", () => {
    expect(10.1 + 20.2).not.toBe(30.3);
    expect(roundScore(10.1 + 20.2)).toBe(30.3);
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(roundScore(1.005)).toBe(1.01);
  });

  it("refuses a score that is not a number", () => {
    expect(() => roundScore(Number.NaN)).toThrow(RangeError);
    expect(() => roundScore(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("never moves a score by more than half a hundredth", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (score) => {
        expect(Math.abs(roundScore(score) - score)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Number.isInteger(Math.round(roundScore(score) * 100 * 1e6) / 1e6)).toBe(true);
      }),
    );
  });

  it("averages unit scores plainly and refuses an empty Pemda", () => {
    expect(meanScore([80, 90])).toBe(85);
    expect(meanScore([60.8014])).toBe(60.8);
    expect(() => meanScore([])).toThrow(RangeError);
  });
});

describe("the opinion of a published score", () => {
  // Antara Kupang 17 Nov 2024 and 3 Dec 2024: the twelve green Pemda of NTT in 2024.
  const ntt2024 = [
    ["Timor Tengah Utara", 91.82, "A"],
    ["Manggarai Barat", 89.62, "A"],
    ["Kota Kupang", 86.62, "B"],
    ["Belu", 83.33, "B"],
    ["Manggarai", 83.22, "B"],
    ["Kupang", 83.17, "B"],
    ["Timor Tengah Selatan", 82.87, "B"],
    ["Ende", 82.06, "B"],
    ["Manggarai Timur", 80.65, "B"],
    ["Nagekeo", 80.42, "B"],
    ["Sikka", 78.63, "B"],
    ["Sumba Barat", 78.09, "B"],
  ] as const;

  it.each(ntt2024)("puts %s (%s in 2024) in category %s, green zone", (_pemda, score, category) => {
    expect(opinionOf(methodology("2024.1"), score)).toEqual({ score, category, zone: "green" });
  });

  it("puts Sumba Barat Daya (47.41 in 2023, the lowest in NTT, seed 004) in the red zone, opinion 'kualitas rendah'", () => {
    expect(opinionOf(methodology("2023.1"), 47.41)).toEqual({ score: 47.41, category: "D", zone: "red" });
  });

  // sentralnusantara.com, 27 Feb 2024: two units red, five yellow, the Pemda yellow C.
  it.each([
    ["Puskesmas Watdek", 49.85, "red"],
    ["Dinas Pendidikan", 52.86, "red"],
    ["Puskesmas Kolser", 55.09, "yellow"],
    ["DPMPTSP", 59.85, "yellow"],
    ["Dinas Sosial", 62.06, "yellow"],
    ["Dinas Kependudukan dan Catatan Sipil", 71.08, "yellow"],
    ["Dinas Kesehatan", 74.82, "yellow"],
  ] as const)("puts Maluku Tenggara's %s (%s in 2023) in the %s zone as published", (_unit, score, zone) => {
    expect(opinionOf(methodology("2023.1"), score).zone).toBe(zone);
  });

  it("gives Maluku Tenggara 2023 (60.80) category C in the yellow zone, as published", () => {
    expect(opinionOf(methodology("2023.1"), 60.8)).toEqual({ score: 60.8, category: "C", zone: "yellow" });
  });

  it("gives the 2022 figures of Kendari (58.99) and Baubau (58.03) category C in the yellow zone, as published", () => {
    expect(opinionOf(methodology("2022.1"), 58.99)).toEqual({ score: 58.99, category: "C", zone: "yellow" });
    expect(opinionOf(methodology("2022.1"), 58.03)).toEqual({ score: 58.03, category: "C", zone: "yellow" });
  });

  it("gives Sumbawa Barat 2021 (88.38) the green zone without a category, as 2021 had zones only", () => {
    expect(opinionOf(methodology("2021.1"), 88.38)).toEqual({ score: 88.38, category: null, zone: "green" });
  });
});

describe("band boundaries", () => {
  it("places 87.995 in A (it is published as 88.00) and 87.994 in B", () => {
    expect(opinionOf(methodology("2024.1"), 87.995).category).toBe("A");
    expect(opinionOf(methodology("2024.1"), 87.994).category).toBe("B");
  });

  it("places exactly 78.00 in B and 77.99 in C", () => {
    expect(opinionOf(methodology("2024.1"), 78).category).toBe("B");
    expect(opinionOf(methodology("2024.1"), 77.99).category).toBe("C");
  });

  it("keeps 2021's zones: 50.99 red, 51.00 yellow, 80.99 yellow, 81.00 green, and 50.995 is published as 51.00", () => {
    const m = methodology("2021.1");
    expect([50.99, 51, 80.99, 81, 50.995, 0, 100].map((s) => opinionOf(m, s).zone)).toEqual(["red", "yellow", "yellow", "green", "yellow", "red", "green"]);
  });

  it("gives E the red zone until 2024 and the black zone in 2025", () => {
    expect(opinionOf(methodology("2024.1"), 31.99)).toEqual({ score: 31.99, category: "E", zone: "red" });
    expect(opinionOf(methodology("2025.1"), 31.99)).toEqual({ score: 31.99, category: "E", zone: "black" });
    expect(opinionOf(methodology("2025.1"), 32)).toEqual({ score: 32, category: "D", zone: "red" });
  });

  it("at every boundary of every year: the boundary and what rounds up to it are in the band, a hundredth less is in the band below", () => {
    for (const m of methodologies) {
      m.bands.forEach((band, i) => {
        const below = m.bands[i + 1];
        const expected = { category: band.category, zone: band.zone };
        expect(opinionOf(m, band.min), `${m.id} ${band.min}`).toMatchObject(expected);
        if (!below) return;
        expect(opinionOf(m, band.min - 0.005), `${m.id} ${band.min} - 0.005`).toMatchObject(expected);
        expect(opinionOf(m, band.min - 0.0051), `${m.id} ${band.min} - 0.0051`).toMatchObject({ category: below.category, zone: below.zone });
        expect(opinionOf(m, band.min - 0.01), `${m.id} ${band.min} - 0.01`).toMatchObject({ category: below.category, zone: below.zone });
      });
    }
  });

  it("never gives a higher score a lower band", () => {
    for (const m of methodologies) {
      const rank = (score: number) => m.bands.findIndex((b) => b.category === opinionOf(m, score).category && b.zone === opinionOf(m, score).zone);
      fc.assert(
        fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(rank(high)).toBeLessThanOrEqual(rank(low));
        }),
      );
    }
  });

  it("refuses scores outside 0..100 but accepts what is published as 100.00", () => {
    expect(() => opinionOf(methodology("2024.1"), 100.01)).toThrow(RangeError);
    expect(() => opinionOf(methodology("2024.1"), -0.01)).toThrow(RangeError);
    expect(opinionOf(methodology("2024.1"), 100.004).score).toBe(100);
  });
});
