import { Router } from "express";
import { z } from "zod";
import { parse } from "../http/validate.js";
import { loadRegionScores } from "./load-region-scores.js";
import { loadScoreOverview } from "./load-score-overview.js";
import { scoreFormatters } from "./view-format.js";

/**
 * The public transparency pages (no sign-in): each Pemda's published figures per year, its
 * score, category and zone and its units' dimension points. Only published runs are shown, and
 * nothing about any person: no reporter, no officer, no case.
 */
export const publicScoreRoutes = Router();
publicScoreRoutes.use("/transparency", (req, res, next) => {
  res.locals.sf = scoreFormatters(req.locale);
  next();
});
const yearQuery = z.coerce.number().int().min(2000).max(2100).optional();

publicScoreRoutes.get("/transparency", async (req, res) => {
  const year = parse(yearQuery, req.query.year);
  const overview = await loadScoreOverview({ year, view: "published", linkTo: (y, code) => `/transparency/${code}?year=${y}` });
  res.render("scores/public-index", { title: req.t("scoring.public.title"), overview });
});

publicScoreRoutes.get("/transparency/:code", async (req, res) => {
  const code = parse(z.string().regex(/^\d{2}(\.\d{2})?$/), req.params.code);
  const year = parse(yearQuery, req.query.year);
  const scores = await loadRegionScores({ code, year, view: "published", user: null });
  res.render("scores/public-region", { title: req.t("scoring.public.region_title", { region: scores.region.name }), scores });
});
