import { Router } from "express";
import { requireUser } from "../http/authenticate.js";
import { loginIpLimiter, loginLimiter } from "../http/rate-limit.js";
import { parse } from "../http/validate.js";
import { authenticateUser } from "./authenticate-user.js";
import { issueApiToken } from "./issue-api-token.js";
import { revokeApiToken } from "./revoke-api-token.js";
import { tokenRequestSchema } from "./schemas.js";

export const accountApiRoutes = Router();

/** POST /api/v1/auth/token {email, password, name?} -> 201 {token, expiresAt} */
accountApiRoutes.post("/api/v1/auth/token", loginIpLimiter, loginLimiter, async (req, res) => {
  const input = parse(tokenRequestSchema, req.body);
  const user = await authenticateUser(input);
  const issued = await issueApiToken(user.id, input.name || `API ${new Date().toISOString().slice(0, 10)}`);
  res.status(201).set("Cache-Control", "no-store").json({ token: issued.token, expiresAt: issued.expiresAt.toISOString() });
});

/** DELETE /api/v1/auth/token revokes the token used for this request. */
accountApiRoutes.delete("/api/v1/auth/token", requireUser, async (req, res) => {
  await revokeApiToken(req.apiTokenId!, req.user!);
  res.status(204).end();
});

/** GET /api/v1/me: who the token belongs to. */
accountApiRoutes.get("/api/v1/me", requireUser, (req, res) => {
  const { id, email, name, role, office, locale } = req.user!;
  res.json({ id, email, name, role, office, locale, regionId: req.user!.regionId });
});
