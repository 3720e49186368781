import { Router, type Request } from "express";
import { requireRole } from "../http/authenticate.js";
import { notFound } from "../http/errors.js";
import { form } from "../http/form.js";
import { parse } from "../http/validate.js";
import { listRegions } from "../regions/list-regions.js";
import { staffComplaintJson } from "./complaint-json.js";
import { loadStaffView } from "./load-staff-view.js";
import { CASE_ACTIONS, isCaseAction } from "./workflow/case-actions.js";

export const workflowRoutes = Router();
const staff = requireRole("admin", "assistant", "focal_point", "auditor");

async function casePage(req: Request) {
  const complaint = await loadStaffView(String(req.params.trackingNumber), req.user!);
  return { title: `${complaint.trackingNumber} · ${complaint.subject}`, complaint, regions: await listRegions(), openAction: String(req.params.action ?? "") };
}

/** Staff take a workflow action on a case from its page; the page comes back with any problem. */
workflowRoutes.post("/complaints/:trackingNumber/actions/:action", staff, form("complaints/case", casePage), async (req, res) => {
  const action = String(req.params.action);
  if (!isCaseAction(action)) throw notFound();
  const handler = CASE_ACTIONS[action]!;
  const input = parse(handler.schema, req.body);
  await handler.run(String(req.params.trackingNumber), { kind: "user", user: req.user! }, input as never);
  // A re-route to another Pemda or office may take the case out of this person's reach.
  const stillVisible = await loadStaffView(String(req.params.trackingNumber), req.user!).then(() => true, () => false);
  res.redirect(303, stillVisible ? `/complaints/${req.params.trackingNumber}?notice=${action}` : `/inbox?notice=${action}&tn=${encodeURIComponent(String(req.params.trackingNumber))}`);
});

/**
 * POST /api/v1/complaints/{trackingNumber}/actions/{action} — the same actions for API clients,
 * with the same rules; answers with the case as the caller may see it.
 */
workflowRoutes.post("/api/v1/complaints/:trackingNumber/actions/:action", requireRole("admin", "assistant", "focal_point", "auditor"), async (req, res) => {
  const action = String(req.params.action);
  if (!isCaseAction(action)) throw notFound();
  const handler = CASE_ACTIONS[action]!;
  const input = parse(handler.schema, req.body ?? {});
  await handler.run(String(req.params.trackingNumber), { kind: "user", user: req.user! }, input as never);
  res.json(staffComplaintJson(await loadStaffView(String(req.params.trackingNumber), req.user!), req.t));
});
