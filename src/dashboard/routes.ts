import { Router } from "express";
import { requireRole, requireUser } from "../http/authenticate.js";
import { loadDashboard } from "./load-dashboard.js";

export const dashboardRoutes = Router();

dashboardRoutes.get("/dashboard", requireUser, async (req, res) => {
  const dashboard = await loadDashboard(req.user!);
  res.render(`dashboard/${dashboard.kind}`, { title: req.t("dashboard.title"), dashboard });
});

/** The administrator's index of every administration page (one menu entry instead of eight). */
const ADMIN_SECTIONS = [
  { key: "users", href: "/admin/users" },
  { key: "registry", href: "/admin/regions" },
  { key: "routing", href: "/admin/routing" },
  { key: "letters", href: "/admin/letter-templates" },
  { key: "holidays", href: "/admin/holidays" },
  { key: "deadlines", href: "/admin/deadlines" },
  { key: "scoring", href: "/admin/scoring" },
  { key: "queues", href: "/admin/queues" },
] as const;

dashboardRoutes.get("/admin", requireRole("admin"), (req, res) => {
  res.render("admin/index", { title: req.t("admin_index.title"), sections: ADMIN_SECTIONS });
});
