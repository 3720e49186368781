import { notFound } from "../http/errors.js";
import { findRegionByCode } from "../regions/list-regions.js";

/** The Pemda an Open311 jurisdiction_id (its Kemendagri code, e.g. "53.01") names, with its units; 404 if none is active. */
export async function findJurisdiction(jurisdictionId: string) {
  const region = await findRegionByCode(jurisdictionId.trim());
  if (!region) throw notFound("open311.errors.jurisdiction_not_found");
  return region;
}
