import { Router, type Request } from "express";
import { z } from "zod";
import { requireRole } from "../http/authenticate.js";
import { notFound } from "../http/errors.js";
import { form } from "../http/form.js";
import { multipartForm, uploadedFiles } from "../http/multipart.js";
import { parse } from "../http/validate.js";
import { addMethodologyVersion } from "./add-methodology-version.js";
import { methodologyDraftFrom } from "./methodology-draft.js";
import { findMethodology, loadMethodologies } from "./load-methodologies.js";
import { listScoreYears } from "./list-score-years.js";
import { publishScores } from "./publish-scores.js";
import { requestScoreRecompute } from "./request-score-recompute.js";
import { canManageMethodology, canPublishScores } from "./policy.js";
import { scoreFormatters } from "./view-format.js";

/**
 * Administration of the assessment: methodology versions (administrators add a year or a
 * revision by pasting or uploading JSON, or by copying an earlier version), and per year the
 * current and published runs (assistants and administrators publish and ask for a recomputation).
 */
export const scoreAdminRoutes = Router();
scoreAdminRoutes.use("/admin/scoring", requireRole("admin", "assistant"), (req, res, next) => {
  res.locals.sf = scoreFormatters(req.locale);
  next();
});
const admins = requireRole("admin");
const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const noticeOf = (req: Request) => (typeof req.query.notice === "string" ? req.query.notice : null);

scoreAdminRoutes.get("/admin/scoring", async (req, res) => {
  res.render("admin/scoring/index", {
    title: req.t("scoring.admin.title"),
    overview: await listScoreYears(),
    canManage: canManageMethodology(req.user!),
    canPublish: canPublishScores(req.user!),
    notice: noticeOf(req),
  });
});

async function newMethodologyPage(req: Request) {
  return { title: req.t("scoring.admin.new_title"), versions: (await loadMethodologies()).map((m) => ({ id: m.methodology.id, year: m.methodology.year, revision: m.methodology.revision })) };
}

scoreAdminRoutes.get("/admin/scoring/methodologies/new", admins, async (req, res) => {
  const query = z.object({ from: z.string().regex(/^\d{4}\.\d+$/).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }).safeParse(req.query);
  const page = await newMethodologyPage(req);
  let content = "";
  if (query.success && query.data.from) {
    const from = await findMethodology(query.data.from);
    if (!from) throw notFound();
    const year = query.data.year ?? from.methodology.year;
    const revision = Math.max(0, ...page.versions.filter((v) => v.year === year).map((v) => v.revision)) + 1;
    content = methodologyDraftFrom(from.methodology, { year, revision });
  }
  res.render("admin/scoring/methodology-form", { ...page, values: { content }, errors: {} });
});

const jsonUpload = multipartForm({ fileField: "file", maxFiles: 1, maxFileBytes: 1024 * 1024 });

scoreAdminRoutes.post("/admin/scoring/methodologies", admins, jsonUpload, form("admin/scoring/methodology-form", newMethodologyPage), async (req, res) => {
  const file = uploadedFiles(req)[0];
  const content = file ? file.buffer.toString("utf8") : typeof req.body?.content === "string" ? req.body.content : "";
  const { id } = await addMethodologyVersion(content, req.user!);
  res.redirect(303, `/admin/scoring/methodologies/${id}?notice=methodology_added`);
});

scoreAdminRoutes.get("/admin/scoring/methodologies/:id", async (req, res) => {
  const id = parse(z.string().regex(/^\d{4}\.\d+$/), req.params.id);
  const stored = await findMethodology(id);
  if (!stored) throw notFound();
  res.render("admin/scoring/methodology", { title: stored.methodology.title, stored, json: JSON.stringify(stored.methodology, null, 2), canManage: canManageMethodology(req.user!), notice: noticeOf(req) });
});

scoreAdminRoutes.post("/admin/scoring/:year/publish", async (req, res) => {
  const { year } = parse(yearParams, req.params);
  await publishScores(year, req.user!);
  res.redirect(303, "/admin/scoring?notice=published");
});

scoreAdminRoutes.post("/admin/scoring/:year/recompute", async (req, res) => {
  const { year } = parse(yearParams, req.params);
  await requestScoreRecompute(year, req.user!);
  res.redirect(303, "/admin/scoring?notice=recompute_requested");
});
