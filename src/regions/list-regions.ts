import { db } from "../db.js";

/** Every active Pemda (province first, then by code) with its number of units and staff. */
export function listRegions() {
  return db.region.findMany({
    where: { isActive: true },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, kind: true, _count: { select: { units: true, users: true } } },
  });
}

export function findRegionById(id: number) {
  return db.region.findUnique({ where: { id }, include: { units: { where: { isActive: true }, orderBy: [{ kind: "asc" }, { name: "asc" }] } } });
}

/** An active Pemda by its Kemendagri code (or id), with its active units (the lists people choose from). */
export function findRegionByCode(code: string | { id: number }) {
  if (typeof code === "string" && !/^\d{2}(\.\d{2})?$/.test(code)) return Promise.resolve(null);
  return db.region.findFirst({
    where: { ...(typeof code === "string" ? { code } : { id: code.id }), isActive: true },
    select: { id: true, code: true, name: true, kind: true, timeZone: true, units: { where: { isActive: true }, orderBy: [{ isAssessed: "desc" }, { name: "asc" }], select: { id: true, name: true, kind: true, aliases: true, isAssessed: true } } },
  });
}
