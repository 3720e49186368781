import { getRegencies } from "idn-area-data";
import { db } from "../db.js";
import { displayRegionName, regionKindOfCode } from "../regions/region-names.js";

/**
 * The kabupaten/kota of the provinces already registered that are not Pemda here yet (from
 * idn-area-data, official Kemendagri codes). Another province is a data change, not a click.
 */
export async function listAddableRegencies() {
  const [regencies, known] = await Promise.all([getRegencies(), db.region.findMany({ select: { code: true, kind: true } })]);
  const provinces = new Set(known.filter((r) => r.kind === "province").map((r) => r.code));
  const codes = new Set(known.map((r) => r.code));
  return regencies
    .filter((r) => provinces.has(r.province_code) && !codes.has(r.code))
    .map((r) => ({ code: r.code, name: displayRegionName(r.name, regionKindOfCode(r.code)) }));
}
