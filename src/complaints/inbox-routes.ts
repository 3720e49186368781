import { Router } from "express";
import { requireRole } from "../http/authenticate.js";
import { parse } from "../http/validate.js";
import { listStaffNotifications } from "../notifications/list-staff-notifications.js";
import { markStaffNotificationsRead } from "../notifications/mark-staff-notifications-read.js";
import { listRegions } from "../regions/list-regions.js";
import { complaintFilterSchema, listComplaints } from "./list-complaints.js";
import { loadOverview } from "./load-overview.js";
import { STATES } from "./states.js";
import { z } from "zod";

export const inboxRoutes = Router();
const staff = requireRole("admin", "assistant", "focal_point", "auditor");

/** The inbox: the cases the person may see (a focal point: their Pemda's), nearest deadline first, with filters and notices. */
inboxRoutes.get("/inbox", staff, async (req, res) => {
  const filter = parse(complaintFilterSchema, req.query);
  const [result, notices, regions] = await Promise.all([listComplaints(req.user!, filter), listStaffNotifications(req.user!.id, { take: 20 }), listRegions()]);
  res.render("complaints/inbox", { title: req.t("inbox.title"), result, filter, notices, regions, states: STATES });
});

inboxRoutes.post("/inbox/notices/read", staff, async (req, res) => {
  const { ids } = parse(z.object({ ids: z.preprocess((v) => (v === "all" ? "all" : [v].flat().filter(Boolean).map(Number)), z.union([z.literal("all"), z.array(z.number().int().positive())])) }), req.body);
  await markStaffNotificationsRead(req.user!.id, ids);
  res.redirect(303, "/inbox");
});

/** Every Pemda's progress for the Ombudsman: open, overdue, and whose move it is. */
inboxRoutes.get("/overview", requireRole("admin", "assistant", "auditor"), async (req, res) => {
  res.render("complaints/overview", { title: req.t("overview.title"), overview: await loadOverview() });
});

/** GET /api/v1/complaints — the same list for API clients: regionCode, status (comma list or "open"), desk, office, overdue, q, page, pageSize. */
inboxRoutes.get("/api/v1/complaints", staff, async (req, res) => {
  const filter = parse(complaintFilterSchema, req.query);
  const result = await listComplaints(req.user!, filter);
  res.set("Cache-Control", "no-store").json({
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    items: result.items.map((c) => ({
      trackingNumber: c.trackingNumber,
      status: c.status,
      desk: c.desk,
      channel: c.channel,
      subject: c.subject,
      region: c.region,
      unit: c.unit ? c.unit.name : c.unitName,
      office: c.assignedOffice?.kind ?? null,
      receivedAt: c.receivedAt.toISOString(),
      statusChangedAt: c.statusChangedAt.toISOString(),
      nextDueAt: c.nextDueAt?.toISOString() ?? null,
      overdueSince: c.overdueSince?.toISOString() ?? null,
      waitingOn: c.waitingOn,
    })),
  });
});
