import type { Tx } from "../db.js";
import { notFound } from "../http/errors.js";

/** A unit by id, only if it belongs to the Pemda named in the address (anything else is "not found"). */
export async function findPemdaUnit(tx: Tx, regionCode: string, unitId: number) {
  const unit = await tx.unit.findUnique({ where: { id: unitId }, include: { region: { select: { code: true } } } });
  if (!unit || unit.region.code !== regionCode) throw notFound();
  return unit;
}
