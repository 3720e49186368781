import { Router } from "express";
import { z } from "zod";
import { parse } from "../http/validate.js";
import { loadScoresForApi } from "./load-scores-for-api.js";

/**
 * GET /api/v1/scores?year=YYYY[&region=CODE]: published figures without a token, the current
 * figures with the records behind each indicator with a staff token (load-scores-for-api.ts).
 */
export const scoreApiRoutes = Router();

const querySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  region: z.string().regex(/^\d{2}(\.\d{2})?$/, { message: "errors.region_code_format" }).optional(),
});

scoreApiRoutes.get("/api/v1/scores", async (req, res) => {
  const query = parse(querySchema, req.query);
  const body = await loadScoresForApi({ year: query.year, regionCode: query.region }, req.user ?? null);
  // Staff answers carry case references; published ones may be cached briefly by anyone.
  res.set("Cache-Control", req.user ? "private, no-store" : "public, max-age=300");
  res.json(body);
});
