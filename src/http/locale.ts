import type { RequestHandler } from "express";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, translator } from "../i18n/index.js";
import { LANG_COOKIE } from "./cookies.js";

/**
 * Chooses the language: an explicit choice (cookie set by the language switch), else the
 * browser's Accept-Language, else Indonesian. Runs before authentication; `applyUserLocale`
 * afterwards prefers a signed-in user's saved language when no explicit choice was made.
 */
export const chooseLocale: RequestHandler = (req, res, next) => {
  const fromCookie = req.cookies?.[LANG_COOKIE];
  const locale = isLocale(fromCookie) ? fromCookie : (localeFromAcceptLanguage(req.get("accept-language")) ?? DEFAULT_LOCALE);
  req.locale = locale;
  req.t = translator(locale);
  res.locals.locale = locale;
  res.locals.t = req.t;
  next();
};

export const applyUserLocale: RequestHandler = (req, res, next) => {
  if (req.user && !isLocale(req.cookies?.[LANG_COOKIE]) && isLocale(req.user.locale) && req.user.locale !== req.locale) {
    req.locale = req.user.locale;
    req.t = translator(req.locale);
    res.locals.locale = req.locale;
    res.locals.t = req.t;
  }
  next();
};
