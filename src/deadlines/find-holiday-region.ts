import type { Tx } from "../db.js";
import { ValidationError } from "../http/errors.js";

/** The Pemda a regional holiday belongs to, by its Kemendagri code; null for national entries. */
export async function findHolidayRegion(tx: Tx, regionCode: string | null): Promise<number | null> {
  if (regionCode === null) return null;
  const region = await tx.region.findUnique({ where: { code: regionCode }, select: { id: true } });
  if (!region) throw new ValidationError([{ path: "regionCode", messageKey: "errors.region_unknown" }]);
  return region.id;
}
