/** Kinds of service unit, as the API and the routing rules name them (issue #2). */
export const UNIT_KINDS = ["KESEHATAN", "PENDIDIKAN", "SOSIAL", "DPMPTSP", "DUKCAPIL", "PUSKESMAS", "OTHER"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const REGION_KINDS = ["province", "regency", "city"] as const;
export type RegionKind = (typeof REGION_KINDS)[number];
