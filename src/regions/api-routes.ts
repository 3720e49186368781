import { Router } from "express";
import { notFound } from "../http/errors.js";
import { findRegionByCode, listRegions } from "./list-regions.js";

export const regionApiRoutes = Router();

/** GET /api/v1/regions: every active Pemda with its Kemendagri code. */
regionApiRoutes.get("/api/v1/regions", async (_req, res) => {
  const regions = await listRegions();
  res.set("Cache-Control", "public, max-age=300").json(regions.map((r) => ({ code: r.code, name: r.name, kind: r.kind })));
});

/** GET /api/v1/regions/{code}/units: the Pemda's service units, each with its kind. */
regionApiRoutes.get("/api/v1/regions/:code/units", async (req, res) => {
  const region = await findRegionByCode(String(req.params.code));
  if (!region) throw notFound();
  res.set("Cache-Control", "public, max-age=300").json(
    region.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, aliases: u.aliases ? u.aliases.split("|") : [], isAssessed: u.isAssessed })),
  );
});
