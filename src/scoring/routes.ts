import { Router, type Request, type RequestHandler } from "express";
import { z } from "zod";
import { MAX_FILE_BYTES } from "../complaints/uploads.js";
import { requireRole } from "../http/authenticate.js";
import { forbidden } from "../http/errors.js";
import { form } from "../http/form.js";
import { multipartForm, uploadedFiles } from "../http/multipart.js";
import { parse } from "../http/validate.js";
import { db } from "../db.js";
import { exportScoresCsv } from "./export-scores-csv.js";
import { importAssessorCsv } from "./import-assessor-csv.js";
import { listCasesAtRisk } from "./list-cases-at-risk.js";
import { loadAssessorSheet } from "./load-assessor-sheet.js";
import { BASIS_LISTS, loadIndicatorBasis } from "./load-indicator-basis.js";
import { loadRegionScores } from "./load-region-scores.js";
import { loadScoreOverview } from "./load-score-overview.js";
import { loadUnitFact, loadUnitFactSheet } from "./load-unit-fact-sheet.js";
import { loadUnitScores } from "./load-unit-scores.js";
import { canPublishScores, canViewAllScores } from "./policy.js";
import { defaultYear } from "./score-runs.js";
import { loadRecommendationChecklist } from "./load-recommendation-checklist.js";
import { openEvidenceFile } from "./open-evidence-file.js";
import { saveRecommendationEvidence } from "./save-recommendation-evidence.js";
import { removeUnitFact } from "./remove-unit-fact.js";
import { saveAssessorPoints } from "./save-assessor-points.js";
import { saveUnitFact } from "./save-unit-fact.js";
import { FACT_FIELDS, FACT_KINDS, isFactKind, type FactKind } from "./unit-fact-kinds.js";
import { scoreFormatters } from "./view-format.js";
import { RECOMMENDATION_KEYS } from "./recommendations.js";

/**
 * Staff pages of the compliance assessment: all Pemda, a Pemda, a unit, an indicator and the
 * cases behind it; exports; the assessors' sheet and CSV import; the unit facts forms; the
 * recommendations checklist. Handlers parse, call one use case and render.
 */
export const scoreRoutes = Router();

const staff = requireRole("admin", "assistant", "focal_point", "auditor");
scoreRoutes.use("/scores", staff, (req, res, next) => {
  res.locals.sf = scoreFormatters(req.locale);
  next();
});

const yearSchema = z.coerce.number().int().min(2000).max(2100);
const regionParams = z.object({ year: yearSchema, code: z.string().regex(/^\d{2}(\.\d{2})?$/) });
const unitParams = z.object({ year: yearSchema, unitId: z.coerce.number().int().positive() });
const factParams = z.object({ unitId: z.coerce.number().int().positive(), kind: z.string().refine(isFactKind) });
const factIdParams = factParams.extend({ id: z.coerce.number().int().positive() });
const noticeOf = (req: Request) => (typeof req.query.notice === "string" ? req.query.notice : null);
const pageNumber = (value: unknown) => (typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1);

/** form() for pages addressed by route parameters: Express resets req.params before the error handler re-renders. */
function formPage(view: string, page: (req: Request, params: Request["params"]) => Promise<Record<string, unknown>>): RequestHandler {
  return (req, res, next) => {
    const params = { ...req.params };
    form(view, (r) => page(r, params))(req, res, next);
  };
}

// --- all Pemda ---------------------------------------------------------------------------------

scoreRoutes.get("/scores", async (req, res) => {
  const user = req.user!;
  const year = req.query.year === undefined ? undefined : parse(yearSchema, req.query.year);
  if (!canViewAllScores(user)) {
    const own = await db.region.findUnique({ where: { id: user.regionId ?? -1 }, select: { code: true } });
    if (!own) throw forbidden();
    return res.redirect(303, `/scores/${year ?? (await defaultYear("current"))}/regions/${own.code}`);
  }
  const overview = await loadScoreOverview({ year, view: "current", linkTo: (y, code) => `/scores/${y}/regions/${code}` });
  res.render("scores/overview", { title: req.t("scoring.pages.overview_title", { year: overview.year }), overview, canPublish: canPublishScores(user) });
});

scoreRoutes.get("/scores/:year/export.csv", async (req, res) => {
  if (!canViewAllScores(req.user!)) throw forbidden();
  const { year } = parse(z.object({ year: yearSchema }), req.params);
  const csv = await exportScoresCsv(year);
  res.set("Cache-Control", "private, no-store");
  res.attachment(`penghubung-skor-${year}.csv`).type("text/csv; charset=utf-8").send(csv);
});

// --- a Pemda -----------------------------------------------------------------------------------

async function regionPage(req: Request, view: "region" | "report") {
  const { year, code } = parse(regionParams, req.params);
  const scores = await loadRegionScores({ code, year, view: "current", user: req.user! });
  const [atRisk, checklist] = await Promise.all([listCasesAtRisk({ regionId: scores.region.id, year }), loadRecommendationChecklist({ regionCode: code, year }, req.user!)]);
  return { title: req.t(view === "report" ? "scoring.pages.report_title" : "scoring.pages.region_title", { region: scores.region.name, year }), scores, atRisk, checklist, canSeeAll: canViewAllScores(req.user!) };
}

scoreRoutes.get("/scores/:year/regions/:code", async (req, res) => {
  res.render("scores/region", { ...(await regionPage(req, "region")), notice: noticeOf(req) });
});

scoreRoutes.get("/scores/:year/regions/:code/report", async (req, res) => {
  const page = await regionPage(req, "report");
  const units = await Promise.all(page.scores.units.map((u) => loadUnitScores({ year: page.scores.year, unitId: u.unitId, user: req.user! })));
  res.render("scores/report", { ...page, unitDetails: units });
});

// --- a unit, an indicator, the cases behind it ---------------------------------------------------

scoreRoutes.get("/scores/:year/units/:unitId", async (req, res) => {
  const { year, unitId } = parse(unitParams, req.params);
  const unit = await loadUnitScores({ year, unitId, user: req.user! });
  res.render("scores/unit", { title: req.t("scoring.pages.unit_title", { unit: unit.unit.name, year }), unit });
});

scoreRoutes.get("/scores/:year/units/:unitId/indicators/:key", async (req, res) => {
  const { year, unitId } = parse(unitParams, req.params);
  const key = parse(z.string().regex(/^[a-z0-9_]{1,60}$/), req.params.key);
  const pages = Object.fromEntries(BASIS_LISTS.map((list) => [list, pageNumber(req.query[list])]));
  const basis = await loadIndicatorBasis({ year, unitId, key, user: req.user!, pages });
  res.render("scores/indicator", { title: `${req.t(`scoring.indicators.${key}.name`)} · ${basis.unit.name}`, basis });
});

// --- the assessors' points ---------------------------------------------------------------------

async function assessorPage(req: Request, params: Request["params"]) {
  const { year, code } = parse(regionParams, params);
  const sheet = await loadAssessorSheet({ year, regionCode: code }, req.user!);
  const values: Record<string, Record<string, string>> = {};
  for (const unit of sheet.units) values[`u${unit.id}`] = Object.fromEntries(Object.entries(unit.points).map(([k, v]) => [k, String(v)]));
  return { title: req.t("scoring.assessor.title", { region: sheet.region.name, year }), sheet, values: { points: values } };
}

scoreRoutes.get("/scores/:year/regions/:code/assessor", async (req, res) => {
  res.render("scores/assessor-sheet", { ...(await assessorPage(req, req.params)), errors: {}, notice: noticeOf(req) });
});

scoreRoutes.post("/scores/:year/regions/:code/assessor", formPage("scores/assessor-sheet", assessorPage), async (req, res) => {
  const { year, code } = parse(regionParams, req.params);
  const { saved } = await saveAssessorPoints({ year, regionCode: code, points: req.body?.points }, req.user!);
  res.redirect(303, `/scores/${year}/regions/${code}/assessor?notice=${saved > 0 ? "points_saved" : "points_unchanged"}`);
});

const csvUpload = multipartForm({ fileField: "file", maxFiles: 1, maxFileBytes: 2 * 1024 * 1024 });

scoreRoutes.get("/scores/assessor-import", requireRole("admin", "assistant"), (req, res) => {
  res.render("scores/assessor-import", { title: req.t("scoring.assessor.import_title"), values: {}, errors: {}, report: null });
});

scoreRoutes.post("/scores/assessor-import", requireRole("admin", "assistant"), csvUpload, async (req, res) => {
  const file = uploadedFiles(req)[0];
  const text = file ? file.buffer.toString("utf8") : typeof req.body?.csv === "string" ? req.body.csv : "";
  const report = await importAssessorCsv(text, req.user!);
  res.status(report.errors.length > 0 ? 422 : 200).render("scores/assessor-import", { title: req.t("scoring.assessor.import_title"), values: { csv: file ? "" : text }, errors: {}, report });
});

// --- facts of a unit ---------------------------------------------------------------------------

async function factSheetPage(req: Request, params: Request["params"]) {
  const { unitId } = parse(z.object({ unitId: z.coerce.number().int().positive() }), params);
  const sheet = await loadUnitFactSheet(unitId, req.user!);
  return { title: req.t("scoring.facts.title", { unit: sheet.unit.name }), sheet, fields: FACT_FIELDS, kinds: FACT_KINDS, openKind: typeof params.kind === "string" ? params.kind : null };
}

scoreRoutes.get("/scores/units/:unitId/facts", async (req, res) => {
  res.render("scores/facts", { ...(await factSheetPage(req, req.params)), values: {}, errors: {}, notice: noticeOf(req) });
});

scoreRoutes.post("/scores/units/:unitId/facts/:kind", formPage("scores/facts", factSheetPage), async (req, res) => {
  const { unitId, kind } = parse(factParams, req.params);
  await saveUnitFact({ kind: kind as FactKind, unitId, body: req.body }, req.user!);
  res.redirect(303, `/scores/units/${unitId}/facts?notice=fact_saved#${kind}`);
});

async function factFormPage(req: Request, params: Request["params"]) {
  const { unitId, kind, id } = parse(factIdParams, params);
  const loaded = await loadUnitFact(kind as FactKind, unitId, id, req.user!);
  return { title: req.t(`scoring.facts.${kind}.edit_title`), sheet: loaded, fact: loaded.fact, kind, fields: FACT_FIELDS[kind as FactKind] };
}

scoreRoutes.get("/scores/units/:unitId/facts/:kind/:id/edit", async (req, res) => {
  const page = await factFormPage(req, req.params);
  const values = Object.fromEntries(Object.entries(page.fact).map(([k, v]) => [k, v === null || v === undefined ? "" : v]));
  res.render("scores/fact-form", { ...page, values, errors: {} });
});

scoreRoutes.post("/scores/units/:unitId/facts/:kind/:id", formPage("scores/fact-form", factFormPage), async (req, res) => {
  const { unitId, kind, id } = parse(factIdParams, req.params);
  await saveUnitFact({ kind: kind as FactKind, unitId, factId: id, body: req.body }, req.user!);
  res.redirect(303, `/scores/units/${unitId}/facts?notice=fact_saved#${kind}`);
});

scoreRoutes.post("/scores/units/:unitId/facts/:kind/:id/delete", async (req, res) => {
  const { unitId, kind, id } = parse(factIdParams, req.params);
  await removeUnitFact({ kind: kind as FactKind, unitId, factId: id }, req.user!);
  res.redirect(303, `/scores/units/${unitId}/facts?notice=fact_removed#${kind}`);
});

// --- the recommendations checklist -------------------------------------------------------------

const evidenceUpload = multipartForm({ fileField: "file", maxFiles: 1, maxFileBytes: MAX_FILE_BYTES });
const itemParams = regionParams.extend({ key: z.enum(RECOMMENDATION_KEYS) });

async function checklistPage(req: Request, params: Request["params"]) {
  const { year, code } = parse(regionParams, params);
  const checklist = await loadRecommendationChecklist({ regionCode: code, year }, req.user!);
  return { title: req.t("scoring.recommendations.title", { region: checklist.region.name, year }), checklist, openKey: typeof params.key === "string" ? params.key : null };
}

scoreRoutes.get("/scores/:year/regions/:code/recommendations", async (req, res) => {
  res.render("scores/recommendations", { ...(await checklistPage(req, req.params)), values: {}, errors: {}, notice: noticeOf(req) });
});

scoreRoutes.post("/scores/:year/regions/:code/recommendations/:key", evidenceUpload, formPage("scores/recommendations", checklistPage), async (req, res) => {
  const { year, code, key } = parse(itemParams, req.params);
  await saveRecommendationEvidence({ regionCode: code, year, itemKey: key, body: req.body, file: uploadedFiles(req)[0] ? { buffer: uploadedFiles(req)[0]!.buffer, originalName: uploadedFiles(req)[0]!.originalname } : null }, req.user!);
  res.redirect(303, `/scores/${year}/regions/${code}/recommendations?notice=evidence_saved#${key}`);
});

scoreRoutes.get("/scores/:year/regions/:code/recommendations/:key/file", async (req, res) => {
  const { year, code, key } = parse(itemParams, req.params);
  const file = await openEvidenceFile({ regionCode: code, year, itemKey: key }, req.user!);
  res.set("Cache-Control", "private, no-store");
  res.attachment(file.name).type(file.mediaType).sendFile(file.path, { dotfiles: "allow" });
});

