import { describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { seedRouting } from "../../src/routing/seed-routing.js";

describe("focal-point offices and default routing rules", () => {
  it("gives every Pemda an Inspektorat and an Organisasi office with their superiors", async () => {
    const offices = await db.office.findMany({ include: { region: true } });
    expect(offices).toHaveLength(46);
    const kupang = offices.filter((o) => o.region.code === "53.01");
    expect(kupang.map((o) => [o.kind, o.name, o.superiorTitle]).sort()).toEqual([
      ["inspektorat", "Inspektorat Daerah Kabupaten Kupang", "Inspektur"],
      ["organisasi", "Bagian Organisasi Sekretariat Daerah Kabupaten Kupang", "Sekretaris Daerah"],
    ]);
    expect(offices.find((o) => o.region.code === "53" && o.kind === "organisasi")!.name).toBe("Biro Organisasi Sekretariat Daerah Provinsi Nusa Tenggara Timur");
  });

  it("marks each Pemda's Inspektorat unit and installs the four default rules once", async () => {
    expect(await db.unit.count({ where: { isInspektorat: true } })).toBe(23);
    expect(await db.routingRule.count()).toBe(4);
    expect(await seedRouting()).toEqual({ officesCreated: 0, rulesCreated: 0 });
    expect(await db.routingRule.count()).toBe(4);
  });
});
