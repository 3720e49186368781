import { describe, expect, it } from "vitest";
import { affordableTokens, CANDIDATE_WINDOW_DAYS, DATE_BUCKET_DAYS, dateBucket, dayToCivilDate, indexTokens, queryTokens } from "../../src/duplicates/search-tokens.js";
import { civilDay } from "../../src/duplicates/build-matching-profile.js";

describe("search tokens", () => {
  it("qualify each stem by Pemda and incident-date bucket, so that no two triples share a token", () => {
    expect(indexTokens(12, 20_250, ["ktp", "150000"])).toEqual([`r12b${Math.floor(20_250 / DATE_BUCKET_DAYS)}tktp`, `r12b${Math.floor(20_250 / DATE_BUCKET_DAYS)}t150000`]);
    // Region 1, bucket 21 and region 12, bucket 1 would collide without the letters between the numbers.
    expect(indexTokens(1, 21 * DATE_BUCKET_DAYS, ["x"])).not.toEqual(indexTokens(12, 1 * DATE_BUCKET_DAYS, ["x"]));
    expect(indexTokens(3, 100, ["ktp", "ktp", "e-ktp"])).toEqual([`r3b${dateBucket(100)}tktp`]);
    expect(indexTokens(3, null, ["ktp"])).toEqual([]);
  });

  it("are looked up in the buckets that cover every day within the widest verdict window, whatever the day", () => {
    for (let day = 20_000; day < 20_000 + 2 * DATE_BUCKET_DAYS; day++) {
      const looked = new Set(queryTokens(7, day, ["ktp"]).map((t) => t.token));
      for (let other = day - CANDIDATE_WINDOW_DAYS; other <= day + CANDIDATE_WINDOW_DAYS; other++) {
        expect(looked.has(indexTokens(7, other, ["ktp"])[0]!), `day ${day}, other ${other}`).toBe(true);
      }
    }
  });

  it("turn days back into the civil dates they came from", () => {
    for (const date of ["2024-02-29", "2025-12-31", "2026-01-01", "1970-01-01"]) expect(dayToCivilDate(civilDay(date)!)).toBe(date);
  });
});

describe("the postings budget of a text search", () => {
  const token = (name: string, postings: number) => ({ token: name, weight: 1, postings });

  it("leaves out tokens no complaint holds, and takes the rarest first", () => {
    expect(affordableTokens([token("a", 500), token("b", 0), token("c", 20), token("d", 90)], 4_000).map((t) => t.token)).toEqual(["c", "d", "a"]);
  });

  it("stops before the budget is exceeded", () => {
    expect(affordableTokens([token("a", 1_500), token("b", 1_500), token("c", 1_500), token("d", 1_500)], 4_000, 1).map((t) => t.token)).toEqual(["a", "b"]);
  });

  it("keeps the minimum number of tokens even when each is common", () => {
    expect(affordableTokens([token("a", 9_000), token("b", 8_000), token("c", 7_000), token("d", 6_000)], 4_000, 3).map((t) => t.token)).toEqual(["d", "c", "b"]);
  });

  it("returns nothing when no token is held", () => {
    expect(affordableTokens([token("a", 0)])).toEqual([]);
  });
});
