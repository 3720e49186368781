import { getRegencies } from "idn-area-data";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { ValidationError } from "../http/errors.js";
import { displayRegionName, regionKindOfCode } from "../regions/region-names.js";
import { readReferenceData } from "../regions/seed-reference-data.js";
import { defaultOffices } from "./default-offices.js";

/** The reference unit that is the Pemda's own internal supervisor (as src/routing/seed-routing.ts marks it). */
const INSPEKTORAT_UNIT_NAME = "Inspektorat Daerah";

/**
 * Registers another Pemda: a kabupaten/kota (Kemendagri code from idn-area-data) of a province
 * already registered, with the standard units of the reference data and its two focal-point
 * offices, as the seed gives the others.
 */
export async function addPemda(code: string, actor: Actor, now = new Date()) {
  const regency = (await getRegencies()).find((r) => r.code === code);
  if (!regency) throw new ValidationError([{ path: "code", messageKey: "registry.errors.regency_unknown", params: { code } }]);
  const reference = readReferenceData();
  return transaction(async (tx) => {
    const province = await tx.region.findUnique({ where: { code: regency.province_code }, select: { id: true, kind: true, timeZone: true } });
    if (!province || province.kind !== "province") {
      throw new ValidationError([{ path: "code", messageKey: "registry.errors.province_not_registered", params: { province: regency.province_code } }]);
    }
    if (await tx.region.findUnique({ where: { code }, select: { id: true } })) throw new ValidationError([{ path: "code", messageKey: "registry.errors.region_exists", params: { code } }]);
    const kind = regionKindOfCode(code);
    const region = await tx.region.create({ data: { code, name: displayRegionName(regency.name, kind), kind, parentId: province.id, timeZone: province.timeZone, createdAt: now } });
    for (const unit of reference.units) {
      await tx.unit.create({
        data: { regionId: region.id, name: unit.name, kind: unit.kind, isAssessed: unit.isAssessed, aliases: unit.aliases.join("|"), isInspektorat: unit.name === INSPEKTORAT_UNIT_NAME },
      });
    }
    for (const office of defaultOffices(region)) await tx.office.create({ data: { regionId: region.id, ...office } });
    await recordAuditEvent(tx, {
      stream: `region:${code}`,
      actor,
      action: "region.added",
      entityType: "region",
      entityId: code,
      data: { name: region.name, kind, units: reference.units.length },
      at: now,
    });
    return region;
  });
}
