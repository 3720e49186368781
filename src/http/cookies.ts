import type { CookieOptions } from "express";
import { config } from "../config.js";

/** Cookies are Secure (and __Host- prefixed) whenever the site is served over HTTPS. */
export const isSecureSite = config.baseUrl.startsWith("https://");

export function cookieName(name: string) {
  return isSecureSite ? `__Host-${name}` : name;
}

export const baseCookieOptions: CookieOptions = { httpOnly: true, sameSite: "lax", secure: isSecureSite, path: "/" };

export const SESSION_COOKIE = cookieName("pgh_session");
export const VISITOR_COOKIE = cookieName("pgh_visitor");
export const CSRF_COOKIE = cookieName("pgh_csrf");
export const LANG_COOKIE = "pgh_lang";
