import type { RequestHandler } from "express";
import { resolveApiToken } from "../accounts/resolve-api-token.js";
import { resolveSession } from "../accounts/resolve-session.js";
import type { Role } from "../accounts/roles.js";
import { SESSION_COOKIE } from "./cookies.js";
import { DomainError, forbidden, unauthenticated } from "./errors.js";
import { isApiRequest } from "./paths.js";

/**
 * Identifies the staff member: by bearer token on the API (cookies are ignored there, so the
 * API needs no CSRF protection), by session cookie on pages. Anonymous requests pass through.
 */
export const authenticate: RequestHandler = async (req, res, next) => {
  try {
    if (isApiRequest(req)) {
      const header = req.get("authorization");
      if (header) {
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        const resolved = match ? await resolveApiToken(match[1]!) : null;
        if (!resolved) throw new DomainError("unauthenticated", "errors.invalid_api_token");
        req.user = resolved.user;
        req.apiTokenId = resolved.tokenId;
      }
    } else {
      const token = req.cookies?.[SESSION_COOKIE];
      if (typeof token === "string" && token.length > 0 && token.length < 200) {
        const resolved = await resolveSession(token);
        if (resolved) {
          req.user = resolved.user;
          req.sessionId = resolved.sessionId;
        }
      }
    }
    res.locals.currentUser = req.user ?? null;
    next();
  } catch (error) {
    next(error);
  }
};

/** Only signed-in staff; pages send others to the sign-in form, the API answers 401. */
export const requireUser: RequestHandler = (req, _res, next) => {
  next(req.user ? undefined : unauthenticated());
};

/** Only staff with one of these roles (403 for other staff). */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) return next(unauthenticated());
    next(roles.includes(req.user.role) ? undefined : forbidden());
  };
}
