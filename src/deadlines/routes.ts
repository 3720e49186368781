import { Router, type Request } from "express";
import type { Actor } from "../audit/record-audit-event.js";
import { requireRole } from "../http/authenticate.js";
import { forbidden, notFound } from "../http/errors.js";
import { form } from "../http/form.js";
import { parse } from "../http/validate.js";
import { addHoliday } from "./add-holiday.js";
import { civilDateOf } from "./civil-date.js";
import { confirmHolidays } from "./confirm-holidays.js";
import { createDeadlinePolicyVersion } from "./create-deadline-policy-version.js";
import { DEADLINE_UNITS, ESCALATION_TARGETS, RESPONSIBLE_PARTIES } from "./deadline-policy.js";
import { deleteHoliday } from "./delete-holiday.js";
import { draftHolidaysFromLibrary } from "./draft-holidays-from-library.js";
import { HOLIDAY_KINDS } from "./holiday.js";
import { listDeadlinePolicyVersions } from "./list-deadline-policy-versions.js";
import { listHolidayYear } from "./list-holiday-year.js";
import { loadHolidayCalendar } from "./load-holiday-calendar.js";
import { canManageDeadlines } from "./policy.js";
import { renderHolidayDraftWarning } from "./render-holiday-draft-warning.js";
import { calendarQuerySchema, holidayInputSchema, holidayParamsSchema, policyVersionInputSchema, policyVersionParamsSchema, yearParamsSchema } from "./schemas.js";
import { updateHoliday } from "./update-holiday.js";

/**
 * The working-day calendar and the deadline policy: administrators change them, the Ombudsman
 * assistant reads them (pages only; every post is refused), the public reads the calendar in
 * force and the policy through the API.
 */
export const deadlineRoutes = Router();

deadlineRoutes.use(["/admin/holidays", "/admin/deadlines"], requireRole("admin", "assistant"), (req, res, next) => {
  res.locals.canEdit = canManageDeadlines(req.user!);
  next(req.method === "GET" || req.method === "HEAD" || res.locals.canEdit ? undefined : forbidden());
});
const managers = requireRole("admin");

const actorOf = (req: Request): Actor => ({ kind: "user", userId: req.user!.id });
const noticeOf = (req: Request) => (typeof req.query.notice === "string" ? req.query.notice : null);
const yearPath = (year: number) => `/admin/holidays/${year}`;

// --- public API ---------------------------------------------------------------------------------

/** GET /api/v1/holidays?year=YYYY[&region=53.71]: the calendar deadlines count with (confirmed entries count). */
deadlineRoutes.get("/api/v1/holidays", async (req, res) => {
  const { year, region } = parse(calendarQuerySchema, req.query);
  res.set("Cache-Control", "public, max-age=300").json(await loadHolidayCalendar(year, region));
});

/** GET /api/v1/deadline-policy[?version=N]: the rules deadlines are set under (the newest version unless asked). */
deadlineRoutes.get("/api/v1/deadline-policy", async (req, res) => {
  const { version } = req.query.version === undefined ? { version: undefined } : parse(policyVersionParamsSchema, req.query);
  const { policy, inForceVersion } = await listDeadlinePolicyVersions(version);
  res.set("Cache-Control", "public, max-age=60").json({ inForceVersion, ...policy });
});

// --- holidays -----------------------------------------------------------------------------------

deadlineRoutes.get("/admin/holidays", (_req, res) => {
  res.redirect(303, yearPath(Number(civilDateOf(new Date()).slice(0, 4))));
});

async function yearPage(req: Request) {
  const { year } = parse(yearParamsSchema, req.params);
  const page = await listHolidayYear(year);
  return {
    title: req.t("deadlines.holidays.title", { year }),
    ...page,
    warnings: page.warnings.map((warning) => renderHolidayDraftWarning(warning, req.t)),
    kinds: HOLIDAY_KINDS,
    notice: noticeOf(req),
    action: yearPath(year),
  };
}

deadlineRoutes.get("/admin/holidays/:year", async (req, res) => {
  res.render("admin/holidays/year", { ...(await yearPage(req)), values: { kind: "national", isConfirmed: true }, errors: {} });
});

deadlineRoutes.post("/admin/holidays/:year", form("admin/holidays/year", yearPage), async (req, res) => {
  const { year } = parse(yearParamsSchema, req.params);
  await addHoliday(year, parse(holidayInputSchema, req.body), actorOf(req));
  res.redirect(303, `${yearPath(year)}?notice=added`);
});

deadlineRoutes.post("/admin/holidays/:year/draft", form("admin/holidays/year", yearPage), async (req, res) => {
  const { year } = parse(yearParamsSchema, req.params);
  const { created } = await draftHolidaysFromLibrary(year, actorOf(req));
  res.redirect(303, `${yearPath(year)}?notice=${created > 0 ? "drafted" : "nothing_drafted"}`);
});

deadlineRoutes.post("/admin/holidays/:year/confirm", form("admin/holidays/year", yearPage), async (req, res) => {
  const { year } = parse(yearParamsSchema, req.params);
  await confirmHolidays(year, actorOf(req));
  res.redirect(303, `${yearPath(year)}?notice=confirmed`);
});

async function holidayFormPage(req: Request) {
  const { year, id } = parse(holidayParamsSchema, req.params);
  const page = await listHolidayYear(year);
  const holiday = page.holidays.find((h) => h.id === id);
  if (!holiday) throw notFound();
  return { title: req.t("deadlines.holidays.edit_title", { date: holiday.date }), year, holiday, regions: page.regions, kinds: HOLIDAY_KINDS, action: `${yearPath(year)}/${id}` };
}

deadlineRoutes.get("/admin/holidays/:year/:id/edit", managers, async (req, res) => {
  const page = await holidayFormPage(req);
  const { holiday } = page;
  res.render("admin/holidays/edit", { ...page, values: { ...holiday, regionCode: holiday.region?.code ?? "", note: holiday.note ?? "" }, errors: {} });
});

deadlineRoutes.post("/admin/holidays/:year/:id", form("admin/holidays/edit", holidayFormPage), async (req, res) => {
  const { year, id } = parse(holidayParamsSchema, req.params);
  await updateHoliday(year, id, parse(holidayInputSchema, req.body), actorOf(req));
  res.redirect(303, `${yearPath(year)}?notice=updated`);
});

deadlineRoutes.post("/admin/holidays/:year/:id/delete", form("admin/holidays/year", yearPage), async (req, res) => {
  const { year, id } = parse(holidayParamsSchema, req.params);
  await deleteHoliday(year, id, actorOf(req));
  res.redirect(303, `${yearPath(year)}?notice=deleted`);
});

// --- deadline policy ----------------------------------------------------------------------------

const policyChoices = { units: DEADLINE_UNITS, responsibleParties: RESPONSIBLE_PARTIES, escalationTargets: ESCALATION_TARGETS };

deadlineRoutes.get("/admin/deadlines", async (req, res) => {
  const version = req.query.version === undefined ? undefined : parse(policyVersionParamsSchema, req.query).version;
  res.render("admin/deadlines/policy", { title: req.t("deadlines.policy_page.title"), ...(await listDeadlinePolicyVersions(version)), ...policyChoices, notice: noticeOf(req) });
});

async function newVersionPage(req: Request) {
  const from = req.query.from === undefined ? undefined : parse(policyVersionParamsSchema, { version: req.query.from }).version;
  const page = await listDeadlinePolicyVersions(from);
  return { title: req.t("deadlines.policy_page.new_title"), ...page, ...policyChoices };
}

deadlineRoutes.get("/admin/deadlines/new", managers, async (req, res) => {
  const page = await newVersionPage(req);
  res.render("admin/deadlines/new-version", { ...page, values: { policy: page.editableJson, note: "" }, errors: {} });
});

deadlineRoutes.post("/admin/deadlines", form("admin/deadlines/new-version", newVersionPage), async (req, res) => {
  const policy = await createDeadlinePolicyVersion(parse(policyVersionInputSchema, req.body), actorOf(req));
  res.redirect(303, `/admin/deadlines?notice=version_created&version=${policy.version}`);
});
