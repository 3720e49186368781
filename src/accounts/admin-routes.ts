import { Router, type Request } from "express";
import { z } from "zod";
import { requireRole } from "../http/authenticate.js";
import { form } from "../http/form.js";
import { parse } from "../http/validate.js";
import { listRegions } from "../regions/list-regions.js";
import { createUser } from "./create-user.js";
import { listUsers } from "./list-users.js";
import { resendInvitation } from "./resend-invitation.js";
import { OFFICES, ROLES } from "./roles.js";
import { newUserSchema, userUpdateSchema } from "./schemas.js";
import { setUserActive } from "./set-user-active.js";

export const adminUserRoutes = Router();
adminUserRoutes.use("/admin/users", requireRole("admin"));

async function newUserPage(req: Request) {
  return { title: req.t("admin_users.new_title"), regions: await listRegions(), roles: ROLES, offices: OFFICES };
}

adminUserRoutes.get("/admin/users", async (req, res) => {
  res.render("admin/users", { title: req.t("admin_users.title"), users: await listUsers(), notice: typeof req.query.notice === "string" ? req.query.notice : null });
});

adminUserRoutes.get("/admin/users/new", async (req, res) => {
  res.render("admin/new-user", { ...(await newUserPage(req)), values: { locale: "id" }, errors: {} });
});

adminUserRoutes.post("/admin/users", form("admin/new-user", newUserPage), async (req, res) => {
  const input = parse(newUserSchema, req.body);
  await createUser(input, { kind: "user", userId: req.user!.id });
  res.redirect(303, `/admin/users?notice=${input.password ? "user_created" : "user_invited"}`);
});

const idParams = z.object({ id: z.coerce.number().int().positive() });

adminUserRoutes.post("/admin/users/:id/active", async (req, res) => {
  const { id } = parse(idParams, req.params);
  const { isActive } = parse(userUpdateSchema, req.body);
  await setUserActive(id, isActive, req.user!);
  res.redirect(303, `/admin/users?notice=${isActive ? "user_activated" : "user_deactivated"}`);
});

adminUserRoutes.post("/admin/users/:id/invitation", async (req, res) => {
  const { id } = parse(idParams, req.params);
  await resendInvitation(id, req.user!);
  res.redirect(303, "/admin/users?notice=user_invited");
});
