import fs from "node:fs";
import path from "node:path";
import { getProvinces, getRegencies } from "idn-area-data";
import { z } from "zod";
import { db } from "../db.js";
import { projectRoot } from "../paths.js";
import { displayRegionName, regionKindOfCode } from "./region-names.js";
import { UNIT_KINDS } from "./unit-kinds.js";

const referenceSchema = z.object({
  provinces: z.array(z.string().regex(/^\d{2}$/)).min(1),
  units: z.array(
    z.object({
      name: z.string().min(1),
      provinceName: z.string().min(1).optional(),
      kind: z.enum(UNIT_KINDS),
      isAssessed: z.boolean(),
      aliases: z.array(z.string()).default([]),
    }),
  ),
});

export function readReferenceData(file = path.join(projectRoot, "prisma", "reference", "regions.json")) {
  return referenceSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

/**
 * Seeds the configured provinces and all their kabupaten/kota from the idn-area-data package
 * (official Kemendagri codes and names), each with its standard units. Idempotent: re-running
 * adds what is missing and never overwrites what an administrator changed.
 */
export async function seedReferenceData(reference = readReferenceData()) {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
  let regionsCreated = 0;
  let unitsCreated = 0;
  for (const provinceCode of reference.provinces) {
    const province = provinces.find((p) => p.code === provinceCode);
    if (!province) throw new Error(`Province ${provinceCode} is not in idn-area-data`);
    const pemda = [
      { code: province.code, name: province.name, parentCode: null as string | null },
      ...regencies.filter((r) => r.province_code === provinceCode).map((r) => ({ code: r.code, name: r.name, parentCode: province.code })),
    ];
    for (const entry of pemda) {
      const kind = regionKindOfCode(entry.code);
      const parent = entry.parentCode ? await db.region.findUnique({ where: { code: entry.parentCode }, select: { id: true } }) : null;
      const existing = await db.region.findUnique({ where: { code: entry.code }, select: { id: true } });
      const region =
        existing ??
        (await db.region.create({ data: { code: entry.code, name: displayRegionName(entry.name, kind), kind, parentId: parent?.id ?? null } }));
      if (!existing) regionsCreated += 1;
      const have = new Set((await db.unit.findMany({ where: { regionId: region.id }, select: { kind: true, name: true } })).map((u) => `${u.kind}|${u.name}`));
      const haveKinds = new Set([...have].map((k) => k.split("|")[0]));
      for (const unit of reference.units) {
        const name = kind === "province" && unit.provinceName ? unit.provinceName : unit.name;
        // One standard unit per kind: an administrator may have renamed it; do not add it again.
        if (have.has(`${unit.kind}|${name}`) || (unit.kind !== "OTHER" && haveKinds.has(unit.kind))) continue;
        await db.unit.create({ data: { regionId: region.id, name, kind: unit.kind, isAssessed: unit.isAssessed, aliases: unit.aliases.join("|") } });
        unitsCreated += 1;
      }
    }
  }
  return { regionsCreated, unitsCreated };
}
