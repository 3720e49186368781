import { describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { displayRegionName, regionKindOfCode } from "../../src/regions/region-names.js";
import { seedReferenceData } from "../../src/regions/seed-reference-data.js";

describe("reference data for Nusa Tenggara Timur", () => {
  it("has the province and its 22 kabupaten/kota with official Kemendagri codes", async () => {
    const regions = await db.region.findMany({ orderBy: { code: "asc" } });
    expect(regions).toHaveLength(23);
    expect(regions.map((r) => r.code)).toEqual(["53", ...Array.from({ length: 21 }, (_, i) => `53.${String(i + 1).padStart(2, "0")}`), "53.71"]);
    expect(regions.find((r) => r.code === "53")).toMatchObject({ name: "Provinsi Nusa Tenggara Timur", kind: "province", parentId: null });
    expect(regions.find((r) => r.code === "53.18")).toMatchObject({ name: "Kabupaten Sumba Barat Daya", kind: "regency" });
    expect(regions.find((r) => r.code === "53.71")).toMatchObject({ name: "Kota Kupang", kind: "city" });
    expect(regions.every((r) => r.timeZone === "Asia/Makassar")).toBe(true);
  });

  it("gives every Pemda the five assessed dinas, its Inspektorat and its Organisasi", async () => {
    const regions = await db.region.findMany({ include: { units: true } });
    for (const region of regions) {
      const assessed = region.units.filter((u) => u.isAssessed).map((u) => u.kind).sort();
      expect(assessed).toEqual(["DPMPTSP", "DUKCAPIL", "KESEHATAN", "PENDIDIKAN", "SOSIAL"]);
      expect(region.units.some((u) => u.name === "Inspektorat Daerah")).toBe(true);
    }
    const dukcapil = await db.unit.findFirstOrThrow({ where: { kind: "DUKCAPIL" } });
    expect(dukcapil.aliases.split("|")).toContain("Dukcapil");
  });

  it("can be run again without duplicating or overwriting anything", async () => {
    await db.unit.updateMany({ where: { kind: "PENDIDIKAN", region: { code: "53.01" } }, data: { name: "Dinas Pendidikan dan Kebudayaan" } });
    const before = await db.unit.count();
    expect(await seedReferenceData()).toEqual({ regionsCreated: 0, unitsCreated: 0 });
    expect(await db.unit.count()).toBe(before);
    expect(await db.unit.count({ where: { name: "Dinas Pendidikan dan Kebudayaan" } })).toBe(1);
  });

  it("writes official names the way people do", () => {
    expect(displayRegionName("KABUPATEN TIMOR TENGAH SELATAN", "regency")).toBe("Kabupaten Timor Tengah Selatan");
    expect(displayRegionName("NUSA TENGGARA TIMUR", "province")).toBe("Provinsi Nusa Tenggara Timur");
    expect(displayRegionName("KEPULAUAN BANGKA BELITUNG", "province")).toBe("Provinsi Kepulauan Bangka Belitung");
    expect(displayRegionName("KABUPATEN TOLI-TOLI", "regency")).toBe("Kabupaten Toli-Toli");
    expect(regionKindOfCode("53")).toBe("province");
    expect(regionKindOfCode("53.71")).toBe("city");
    expect(regionKindOfCode("53.21")).toBe("regency");
  });
});
