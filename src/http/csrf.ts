import crypto from "node:crypto";
import type { RequestHandler } from "express";
import { doubleCsrf } from "csrf-csrf";
import { config } from "../config.js";
import { baseCookieOptions, CSRF_COOKIE, VISITOR_COOKIE } from "./cookies.js";
import { isApiRequest } from "./paths.js";

/**
 * CSRF protection for every form (signed double-submit token bound to the staff session, or for
 * citizens to a random visitor cookie). Forms send `_csrf` in the body; forms with file uploads
 * (multipart, parsed later) send it in the query string of their action.
 */
const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
  getSecret: () => config.sessionSecret,
  getSessionIdentifier: (req) => req.sessionId ?? (req.cookies?.[VISITOR_COOKIE] as string | undefined) ?? "",
  cookieName: CSRF_COOKIE,
  cookieOptions: { ...baseCookieOptions, sameSite: "lax" },
  getCsrfTokenFromRequest: (req) => {
    const fromBody = req.body && typeof req.body === "object" ? (req.body as Record<string, unknown>)._csrf : undefined;
    const fromQuery = req.query?._csrf;
    const candidate = fromBody ?? req.get("x-csrf-token") ?? fromQuery;
    return typeof candidate === "string" ? candidate : undefined;
  },
  skipCsrfProtection: (req) => isApiRequest(req),
  errorConfig: { statusCode: 403, code: "EBADCSRFTOKEN" },
});

/** Gives every browser a random visitor id (the CSRF binding for people who are not signed in). */
export const ensureVisitorCookie: RequestHandler = (req, res, next) => {
  if (!isApiRequest(req) && !req.cookies?.[VISITOR_COOKIE]) {
    const id = crypto.randomBytes(18).toString("base64url");
    req.cookies[VISITOR_COOKIE] = id;
    res.cookie(VISITOR_COOKIE, id, { ...baseCookieOptions, maxAge: 365 * 24 * 3600_000 });
  }
  next();
};

export const csrfProtection: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = () => generateCsrfToken(req, res);
  doubleCsrfProtection(req, res, next);
};
