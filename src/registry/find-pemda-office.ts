import type { Tx } from "../db.js";
import { notFound } from "../http/errors.js";

/** A Pemda's office of one kind (inspektorat | organisasi), or "not found". */
export async function findPemdaOffice(tx: Tx, regionCode: string, kind: string) {
  const office = await tx.office.findFirst({ where: { kind, region: { code: regionCode } }, include: { region: { select: { id: true, code: true, name: true } } } });
  if (!office) throw notFound();
  return office;
}
