import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { baseCookieOptions, SESSION_COOKIE } from "../http/cookies.js";
import { requireUser } from "../http/authenticate.js";
import { DomainError } from "../http/errors.js";
import { form } from "../http/form.js";
import { safeLocalPath } from "../http/paths.js";
import { loginIpLimiter, loginLimiter, passwordResetLimiter } from "../http/rate-limit.js";
import { parse } from "../http/validate.js";
import { authenticateUser } from "./authenticate-user.js";
import { changePassword } from "./change-password.js";
import { completeFirstAdminSetup } from "./complete-first-admin-setup.js";
import { endAllSessions } from "./end-all-sessions.js";
import { endSession } from "./end-session.js";
import { findOneTimeToken } from "./find-one-time-token.js";
import { issueApiToken } from "./issue-api-token.js";
import { listApiTokens } from "./list-api-tokens.js";
import { requestPasswordReset } from "./request-password-reset.js";
import { revokeApiToken } from "./revoke-api-token.js";
import { firstAdminSchema, loginSchema, newApiTokenSchema, passwordChangeSchema, passwordResetRequestSchema, passwordSetSchema } from "./schemas.js";
import { setPasswordWithToken } from "./set-password-with-token.js";
import { startSession } from "./start-session.js";

export const accountRoutes = Router();

function setSessionCookie(res: Response, session: { token: string; expiresAt: Date }) {
  res.cookie(SESSION_COOKIE, session.token, { ...baseCookieOptions, expires: session.expiresAt });
}

const clientOf = (req: Request) => ({ userAgent: req.get("user-agent"), ipAddress: req.ip });

// --- sign in / out -------------------------------------------------------------------------

accountRoutes.get("/login", (req, res) => {
  if (req.user) return res.redirect(303, safeLocalPath(req.query.next));
  res.render("accounts/login", { title: req.t("login.title"), values: { next: safeLocalPath(req.query.next) }, errors: {} });
});

accountRoutes.post("/login", form("accounts/login"), loginIpLimiter, loginLimiter, async (req, res) => {
  const input = parse(loginSchema, req.body);
  const user = await authenticateUser(input);
  setSessionCookie(res, await startSession(user.id, clientOf(req)));
  res.redirect(303, safeLocalPath(req.body.next));
});

accountRoutes.post("/logout", requireUser, async (req, res) => {
  await endSession(req.sessionId!, req.user!.id);
  res.clearCookie(SESSION_COOKIE, baseCookieOptions);
  res.redirect(303, "/");
});

accountRoutes.post("/logout/everywhere", requireUser, async (req, res) => {
  await endAllSessions(req.user!.id, { kind: "user", userId: req.user!.id });
  res.clearCookie(SESSION_COOKIE, baseCookieOptions);
  res.redirect(303, "/login?loggedOutEverywhere=1");
});

// --- own account: password and API tokens ----------------------------------------------------

async function accountPage(req: Request) {
  return { title: req.t("account.title"), tokens: await listApiTokens(req.user!.id), values: {}, errors: {}, newToken: null };
}

accountRoutes.get("/account", requireUser, async (req, res) => {
  res.render("accounts/account", { ...(await accountPage(req)), notice: typeof req.query.notice === "string" ? req.query.notice : null });
});

accountRoutes.post("/account/password", requireUser, form("accounts/account", accountPage), async (req, res) => {
  const input = parse(passwordChangeSchema, req.body);
  await changePassword({ userId: req.user!.id, currentSessionId: req.sessionId, currentPassword: input.currentPassword, newPassword: input.newPassword });
  res.redirect(303, "/account?notice=password_changed");
});

accountRoutes.post("/account/tokens", requireUser, form("accounts/account", accountPage), async (req, res) => {
  const input = parse(newApiTokenSchema, req.body);
  const issued = await issueApiToken(req.user!.id, input.name);
  // The secret is shown exactly once, on this response; it is never stored in clear.
  res.status(201).render("accounts/account", { ...(await accountPage(req)), newToken: issued, notice: null });
});

accountRoutes.post("/account/tokens/:id/revoke", requireUser, async (req, res) => {
  const { id } = parse(z.object({ id: z.coerce.number().int().positive() }), req.params);
  await revokeApiToken(id, req.user!);
  res.redirect(303, "/account?notice=token_revoked");
});

// --- forgotten password, invitations, first administrator ------------------------------------

accountRoutes.get("/password/forgot", (req, res) => {
  res.render("accounts/forgot-password", { title: req.t("password.forgot_title"), values: {}, errors: {}, isSent: false });
});

accountRoutes.post("/password/forgot", form("accounts/forgot-password"), passwordResetLimiter, async (req, res) => {
  const input = parse(passwordResetRequestSchema, req.body);
  await requestPasswordReset(input.email);
  res.render("accounts/forgot-password", { title: req.t("password.forgot_title"), values: {}, errors: {}, isSent: true });
});

const tokenQuery = z.object({ token: z.string().min(1).max(200) });

accountRoutes.get("/password/reset", async (req, res) => {
  const { token } = parse(tokenQuery, req.query);
  const row = await findOneTimeToken(token, ["password_reset", "invitation"]);
  if (!row) throw new DomainError("invalid_token", "errors.link_invalid");
  res.render("accounts/reset-password", { title: req.t(row.purpose === "invitation" ? "password.invitation_title" : "password.reset_title"), token, email: row.user?.email, values: {}, errors: {} });
});

accountRoutes.post(
  "/password/reset",
  form("accounts/reset-password", (req) => ({ title: req.t("password.reset_title"), token: String(req.body.token ?? "") })),
  async (req, res) => {
    const { token } = parse(tokenQuery, req.body);
    const input = parse(passwordSetSchema, req.body);
    await setPasswordWithToken(token, input.newPassword);
    res.redirect(303, "/login?passwordSet=1");
  },
);

accountRoutes.get("/setup", async (req, res) => {
  const { token } = parse(tokenQuery, req.query);
  if (!(await findOneTimeToken(token, ["first_admin"]))) throw new DomainError("invalid_token", "errors.link_invalid");
  res.render("accounts/setup", { title: req.t("setup.title"), token, values: {}, errors: {} });
});

accountRoutes.post(
  "/setup",
  form("accounts/setup", (req) => ({ title: req.t("setup.title"), token: String(req.body.token ?? "") })),
  async (req, res) => {
    const { token } = parse(tokenQuery, req.body);
    const input = parse(firstAdminSchema, req.body);
    const user = await completeFirstAdminSetup({ token, name: input.name, email: input.email, newPassword: input.newPassword });
    setSessionCookie(res, await startSession(user.id, clientOf(req)));
    res.redirect(303, "/dashboard");
  },
);
