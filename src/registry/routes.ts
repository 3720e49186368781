import { Router, type Request, type RequestHandler } from "express";
import { OFFICES } from "../accounts/roles.js";
import type { Actor } from "../audit/record-audit-event.js";
import { CATEGORIES } from "../complaints/vocabulary.js";
import { requireRole } from "../http/authenticate.js";
import { forbidden, notFound } from "../http/errors.js";
import { form } from "../http/form.js";
import { parse } from "../http/validate.js";
import { UNIT_KINDS } from "../regions/unit-kinds.js";
import { addPemda } from "./add-pemda.js";
import { addUnit } from "./add-unit.js";
import { appointFocalPoint } from "./appoint-focal-point.js";
import { APPOINTMENT_ROLES } from "./appointment-validity.js";
import { createRoutingRule } from "./create-routing-rule.js";
import { endAppointment } from "./end-appointment.js";
import { listAddableRegencies } from "./list-addable-regencies.js";
import { listPemda } from "./list-pemda.js";
import { listRoutingRules } from "./list-routing-rules.js";
import { loadPemda } from "./load-pemda.js";
import { canManageRegistry } from "./policy.js";
import { previewRoute } from "./preview-route.js";
import { removeUnit } from "./remove-unit.js";
import {
  activeSchema,
  appointmentSchema,
  endAppointmentSchema,
  idParamsSchema,
  newPemdaSchema,
  officeParamsSchema,
  officeSchema,
  regionParamsSchema,
  routingRuleSchema,
  tryRouteSchema,
  unitSchema,
} from "./schemas.js";
import { setPemdaActive } from "./set-pemda-active.js";
import { setRoutingRuleActive } from "./set-routing-rule-active.js";
import { setUnitActive } from "./set-unit-active.js";
import { COMPLAINT_TOPICS } from "./topics.js";
import { updateOffice } from "./update-office.js";
import { updateRoutingRule } from "./update-routing-rule.js";
import { updateUnit } from "./update-unit.js";

/**
 * The focal-point registry: Pemda, units, offices, appointments and routing rules. Administrators
 * change it; the Ombudsman assistant reads it (pages only: every form and every post is theirs to
 * be refused); other staff are refused.
 */
export const registryRoutes = Router();

registryRoutes.use(["/admin/regions", "/admin/routing"], requireRole("admin", "assistant"), (req, res, next) => {
  res.locals.canEdit = canManageRegistry(req.user!);
  next(req.method === "GET" || req.method === "HEAD" || res.locals.canEdit ? undefined : forbidden());
});
const managers = requireRole("admin");

type Params = Request["params"];
type PageLoader = (req: Request, params: Params) => Promise<Record<string, unknown>>;

/**
 * form() for pages addressed by route parameters: Express has reset req.params by the time the
 * error handler re-renders the form, so the parameters are captured while the route runs.
 */
function formPage(view: string, page: PageLoader): RequestHandler {
  return (req, res, next) => {
    const params = { ...req.params };
    form(view, (r) => page(r, params))(req, res, next);
  };
}

const actorOf = (req: Request): Actor => ({ kind: "user", userId: req.user!.id });
const noticeOf = (req: Request) => (typeof req.query.notice === "string" ? req.query.notice : null);
const choices = { unitKinds: UNIT_KINDS, categories: CATEGORIES, topics: COMPLAINT_TOPICS, offices: OFFICES, roles: APPOINTMENT_ROLES };
const regionPath = (code: string) => `/admin/regions/${code}`;

// --- Pemda -------------------------------------------------------------------------------------

async function regionsPage(req: Request) {
  const [regions, addable] = await Promise.all([listPemda(), listAddableRegencies()]);
  return { title: req.t("registry.regions.title"), regions, addable, notice: noticeOf(req) };
}

registryRoutes.get("/admin/regions", async (req, res) => {
  res.render("admin/registry/regions", { ...(await regionsPage(req)), values: {}, errors: {} });
});

registryRoutes.post("/admin/regions", form("admin/registry/regions", regionsPage), async (req, res) => {
  const { code } = parse(newPemdaSchema, req.body);
  await addPemda(code, actorOf(req));
  res.redirect(303, `${regionPath(code)}?notice=region_added`);
});

registryRoutes.post("/admin/regions/:code/active", async (req, res) => {
  const { code } = parse(regionParamsSchema, req.params);
  const { isActive } = parse(activeSchema, req.body);
  await setPemdaActive(code, isActive, actorOf(req));
  res.redirect(303, `/admin/regions?notice=${isActive ? "region_activated" : "region_deactivated"}`);
});

async function regionPage(req: Request, params: Params) {
  const { code } = parse(regionParamsSchema, params);
  const pemda = await loadPemda(code);
  return { title: pemda.region.name, ...pemda, notice: noticeOf(req) };
}

registryRoutes.get("/admin/regions/:code", async (req, res) => {
  res.render("admin/registry/region", await regionPage(req, req.params));
});

// --- units -------------------------------------------------------------------------------------

async function unitFormPage(req: Request, params: Params) {
  const { code } = parse(regionParamsSchema, params);
  const { region, units } = await loadPemda(code);
  const unitId = params.id === undefined ? null : parse(idParamsSchema, params).id;
  const unit = unitId === null ? null : units.find((u) => u.id === unitId);
  if (unit === undefined) throw notFound();
  return {
    title: req.t(unit ? "registry.unit.edit_title" : "registry.unit.new_title", { region: region.name }),
    region,
    unit,
    action: unit ? `${regionPath(code)}/units/${unit.id}` : `${regionPath(code)}/units`,
    ...choices,
  };
}

registryRoutes.get("/admin/regions/:code/units/new", managers, async (req, res) => {
  res.render("admin/registry/unit-form", { ...(await unitFormPage(req, req.params)), values: { kind: "OTHER", isAssessed: false, isInspektorat: false }, errors: {} });
});

registryRoutes.post("/admin/regions/:code/units", formPage("admin/registry/unit-form", unitFormPage), async (req, res) => {
  const { code } = parse(regionParamsSchema, req.params);
  await addUnit(code, parse(unitSchema, req.body), actorOf(req));
  res.redirect(303, `${regionPath(code)}?notice=unit_added#units`);
});

registryRoutes.get("/admin/regions/:code/units/:id/edit", managers, async (req, res) => {
  const page = await unitFormPage(req, req.params);
  res.render("admin/registry/unit-form", { ...page, values: page.unit ? { ...page.unit, aliases: page.unit.aliasList.join(" | ") } : {}, errors: {} });
});

registryRoutes.post("/admin/regions/:code/units/:id", formPage("admin/registry/unit-form", unitFormPage), async (req, res) => {
  const { code } = parse(regionParamsSchema, req.params);
  const { id } = parse(idParamsSchema, req.params);
  await updateUnit(code, id, parse(unitSchema, req.body), actorOf(req));
  res.redirect(303, `${regionPath(code)}?notice=unit_updated#units`);
});

registryRoutes.post("/admin/regions/:code/units/:id/active", async (req, res) => {
  const { code } = parse(regionParamsSchema, req.params);
  const { id } = parse(idParamsSchema, req.params);
  const { isActive } = parse(activeSchema, req.body);
  await setUnitActive(code, id, isActive, actorOf(req));
  res.redirect(303, `${regionPath(code)}?notice=${isActive ? "unit_activated" : "unit_deactivated"}#units`);
});

// A unit with complaints is refused on the Pemda page itself, which offers deactivation instead.
registryRoutes.post("/admin/regions/:code/units/:id/delete", formPage("admin/registry/region", regionPage), async (req, res) => {
  const { code } = parse(regionParamsSchema, req.params);
  const { id } = parse(idParamsSchema, req.params);
  await removeUnit(code, id, actorOf(req));
  res.redirect(303, `${regionPath(code)}?notice=unit_removed#units`);
});

// --- offices and appointments ------------------------------------------------------------------

async function officeOf(req: Request, params: Params) {
  const { code, kind } = parse(officeParamsSchema, params);
  const pemda = await loadPemda(code);
  const office = pemda.offices.find((o) => o.kind === kind);
  if (!office) throw notFound();
  return { ...pemda, office };
}

async function officeFormPage(req: Request, params: Params) {
  const { region, office } = await officeOf(req, params);
  return { title: req.t("registry.office.edit_title", { office: office.name }), region, office, action: `${regionPath(region.code)}/offices/${office.kind}` };
}

registryRoutes.get("/admin/regions/:code/offices/:kind/edit", managers, async (req, res) => {
  const page = await officeFormPage(req, req.params);
  res.render("admin/registry/office-form", { ...page, values: page.office, errors: {} });
});

registryRoutes.post("/admin/regions/:code/offices/:kind", formPage("admin/registry/office-form", officeFormPage), async (req, res) => {
  const { code, kind } = parse(officeParamsSchema, req.params);
  await updateOffice(code, kind, parse(officeSchema, req.body), actorOf(req));
  res.redirect(303, `${regionPath(code)}?notice=office_updated#office-${kind}`);
});

async function appointmentFormPage(req: Request, params: Params) {
  const { region, office, today } = await officeOf(req, params);
  return { title: req.t("registry.appointment.new_title", { office: office.name }), region, office, today, action: `${regionPath(region.code)}/offices/${office.kind}/appointments`, ...choices };
}

registryRoutes.get("/admin/regions/:code/offices/:kind/appointments/new", managers, async (req, res) => {
  const page = await appointmentFormPage(req, req.params);
  res.render("admin/registry/appointment-form", { ...page, values: { role: "primary", validFrom: page.today }, errors: {} });
});

registryRoutes.post("/admin/regions/:code/offices/:kind/appointments", formPage("admin/registry/appointment-form", appointmentFormPage), async (req, res) => {
  const { code, kind } = parse(officeParamsSchema, req.params);
  await appointFocalPoint(code, kind, parse(appointmentSchema, req.body), actorOf(req));
  res.redirect(303, `${regionPath(code)}?notice=appointment_added#office-${kind}`);
});

async function endAppointmentPage(req: Request, params: Params) {
  const { code } = parse(regionParamsSchema, params);
  const { id } = parse(idParamsSchema, params);
  const pemda = await loadPemda(code);
  const office = pemda.offices.find((o) => o.current.some((s) => s.appointment.id === id));
  const status = office?.current.find((s) => s.appointment.id === id);
  if (!office || !status) throw notFound();
  return { title: req.t("registry.end.title", { name: status.appointment.name }), region: pemda.region, office, status, today: pemda.today, action: `${regionPath(code)}/appointments/${id}/end` };
}

registryRoutes.get("/admin/regions/:code/appointments/:id/end", managers, async (req, res) => {
  const page = await endAppointmentPage(req, req.params);
  res.render("admin/registry/end-appointment", { ...page, values: { endedOn: page.today }, errors: {} });
});

registryRoutes.post("/admin/regions/:code/appointments/:id/end", formPage("admin/registry/end-appointment", endAppointmentPage), async (req, res) => {
  const { code } = parse(regionParamsSchema, req.params);
  const { id } = parse(idParamsSchema, req.params);
  await endAppointment(code, id, parse(endAppointmentSchema, req.body), actorOf(req));
  res.redirect(303, `${regionPath(code)}?notice=appointment_ended`);
});

// --- routing rules -----------------------------------------------------------------------------

async function routingPage(req: Request) {
  const isTrying = req.method === "GET" && typeof req.query.regionCode === "string";
  return {
    title: req.t("registry.routing.title"),
    ...(await listRoutingRules()),
    ...choices,
    preview: isTrying ? await previewRoute(parse(tryRouteSchema, req.query)) : null,
    tryValues: isTrying ? req.query : { topic: "service" },
    notice: noticeOf(req),
  };
}

registryRoutes.get("/admin/routing", async (req, res) => {
  res.render("admin/registry/routing", await routingPage(req));
});

async function ruleFormPage(req: Request, params: Params) {
  const { regions, rules } = await listRoutingRules();
  const ruleId = params.id === undefined ? null : parse(idParamsSchema, params).id;
  const rule = ruleId === null ? null : rules.find((r) => r.id === ruleId);
  if (rule === undefined) throw notFound();
  return { title: req.t(rule ? "registry.rule.edit_title" : "registry.rule.new_title", { id: rule?.id }), rule, regions, action: rule ? `/admin/routing/${rule.id}` : "/admin/routing", ...choices };
}

registryRoutes.get("/admin/routing/new", managers, async (req, res) => {
  res.render("admin/registry/rule-form", { ...(await ruleFormPage(req, req.params)), values: { targetOffice: "inspektorat" }, errors: {} });
});

registryRoutes.post("/admin/routing", formPage("admin/registry/rule-form", ruleFormPage), async (req, res) => {
  const rule = await createRoutingRule(parse(routingRuleSchema, req.body), actorOf(req));
  res.redirect(303, `/admin/routing?notice=rule_added#rule-${rule.id}`);
});

registryRoutes.get("/admin/routing/:id/edit", managers, async (req, res) => {
  const page = await ruleFormPage(req, req.params);
  const rule = page.rule!;
  res.render("admin/registry/rule-form", {
    ...page,
    values: { ...rule, regionCode: rule.region?.code ?? "", isAboutInspektorat: rule.isAboutInspektorat === true ? "true" : "" },
    errors: {},
  });
});

registryRoutes.post("/admin/routing/:id", formPage("admin/registry/rule-form", ruleFormPage), async (req, res) => {
  const { id } = parse(idParamsSchema, req.params);
  await updateRoutingRule(id, parse(routingRuleSchema, req.body), actorOf(req));
  res.redirect(303, `/admin/routing?notice=rule_updated#rule-${id}`);
});

// A refused change (the last safeguard rule, a twin rule) is explained on the routing page itself.
registryRoutes.post("/admin/routing/:id/active", form("admin/registry/routing", routingPage), async (req, res) => {
  const { id } = parse(idParamsSchema, req.params);
  const { isActive } = parse(activeSchema, req.body);
  await setRoutingRuleActive(id, isActive, actorOf(req));
  res.redirect(303, `/admin/routing?notice=${isActive ? "rule_activated" : "rule_deactivated"}#rule-${id}`);
});
