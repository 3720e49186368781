import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import { forbidden, notFound } from "../http/errors.js";
import { canViewRegionScores } from "./policy.js";

/** A Pemda by code for someone who may see its scores; not found or forbidden otherwise. */
export async function findScoreRegion(code: string, user: CurrentUser) {
  const region = await db.region.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
  if (!region) throw notFound();
  if (!canViewRegionScores(user, region.id)) throw forbidden();
  return region;
}
