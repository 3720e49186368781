import { Router } from "express";
import { z } from "zod";
import { checkHealth } from "../health/check-health.js";
import { LANG_COOKIE, baseCookieOptions } from "../http/cookies.js";
import { safeLocalPath } from "../http/paths.js";
import { parse } from "../http/validate.js";
import { LOCALES } from "../i18n/index.js";

export const siteRoutes = Router();

siteRoutes.get("/", (req, res) => {
  res.render("site/home", { title: req.t("home.title") });
});

siteRoutes.get("/healthz", async (_req, res) => {
  const { isHealthy, ...health } = await checkHealth();
  res.status(isHealthy ? 200 : 503).set("Cache-Control", "no-store").json(health);
});

/** The language switch: remembers the choice in a cookie and returns to the page. */
siteRoutes.get("/lang/:locale", (req, res) => {
  const { locale } = parse(z.object({ locale: z.enum(LOCALES) }), req.params);
  res.cookie(LANG_COOKIE, locale, { ...baseCookieOptions, httpOnly: false, maxAge: 365 * 24 * 3600_000 });
  res.redirect(303, safeLocalPath(req.query.next, "/"));
});

/** Human-readable description of each problem type used in API error responses (RFC 9457 `type`). */
siteRoutes.get("/problems/:code", (req, res) => {
  const { code } = parse(z.object({ code: z.string().regex(/^[a-z_]{1,40}$/) }), req.params);
  const title = req.t(`problems.${code}.title`, { defaultValue: "" });
  if (!title) return res.status(404).render("errors/error", { code: "not_found", title: req.t("problems.not_found.title"), message: req.t("errors.not_found") });
  res.render("site/problem", { title, code, description: req.t(`problems.${code}.description`, { defaultValue: "" }) });
});
