import { db } from "../db.js";

const OFFICE_DEFAULTS = {
  inspektorat: { name: (pemda: string) => `Inspektorat Daerah ${pemda}`, superiorTitle: "Inspektur" },
  organisasi: { name: (pemda: string, isProvince: boolean) => `${isProvince ? "Biro" : "Bagian"} Organisasi Sekretariat Daerah ${pemda}`, superiorTitle: "Sekretaris Daerah" },
} as const;

/** The default routing rules (issue #5): units -> Inspektorat; standards, the assessment and the Inspektorat itself -> Organisasi. */
export const DEFAULT_ROUTING_RULES = [
  { topic: null, isAboutInspektorat: null, targetOffice: "inspektorat", notifyAssistant: false, note: "Pengaduan tentang unit layanan: pejabat penghubung Inspektorat (bawaan)" },
  { topic: "service_standard", isAboutInspektorat: null, targetOffice: "organisasi", notifyAssistant: false, note: "Standar pelayanan: pejabat penghubung Organisasi" },
  { topic: "assessment", isAboutInspektorat: null, targetOffice: "organisasi", notifyAssistant: false, note: "Penilaian kepatuhan: pejabat penghubung Organisasi" },
  { topic: null, isAboutInspektorat: true, targetOffice: "organisasi", notifyAssistant: true, note: "Inspektorat sebagai terlapor: pejabat penghubung Organisasi, asisten Ombudsman diberi tahu" },
] as const;

/**
 * Gives every Pemda its two focal-point offices, marks each Pemda's Inspektorat unit, and
 * installs the default routing rules once. Idempotent; never overwrites an administrator's edits.
 */
export async function seedRouting() {
  const regions = await db.region.findMany({ select: { id: true, name: true, kind: true, offices: { select: { kind: true } } } });
  let officesCreated = 0;
  for (const region of regions) {
    const pemda = region.name.replace(/^Provinsi /, "Provinsi ");
    for (const kind of ["inspektorat", "organisasi"] as const) {
      if (region.offices.some((o) => o.kind === kind)) continue;
      await db.office.create({ data: { regionId: region.id, kind, name: OFFICE_DEFAULTS[kind].name(pemda, region.kind === "province"), superiorTitle: OFFICE_DEFAULTS[kind].superiorTitle } });
      officesCreated += 1;
    }
  }
  await db.unit.updateMany({ where: { name: "Inspektorat Daerah", isInspektorat: false }, data: { isInspektorat: true } });
  let rulesCreated = 0;
  if ((await db.routingRule.count()) === 0) {
    for (const rule of DEFAULT_ROUTING_RULES) {
      await db.routingRule.create({ data: { ...rule } });
      rulesCreated += 1;
    }
  }
  return { officesCreated, rulesCreated };
}
