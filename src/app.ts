import compression from "compression";
import cookieParser from "cookie-parser";
import express from "express";
import helmet from "helmet";
import "./http/context.js";
import { accountApiRoutes } from "./accounts/api-routes.js";
import { adminUserRoutes } from "./accounts/admin-routes.js";
import { accountRoutes } from "./accounts/routes.js";
import { complaintApiRoutes } from "./complaints/api-routes.js";
import { citizenComplaintRoutes } from "./complaints/citizen-routes.js";
import { registerImportRoutes } from "./complaints/register-routes.js";
import { staffComplaintRoutes } from "./complaints/staff-routes.js";
import { inboxRoutes } from "./complaints/inbox-routes.js";
import { workflowRoutes } from "./complaints/workflow-routes.js";
import { letterRoutes } from "./letters/routes.js";
import { config } from "./config.js";
import { queueMonitorRoutes } from "./dashboard/queue-monitor.js";
import { dashboardRoutes } from "./dashboard/routes.js";
import { deadlineRoutes } from "./deadlines/routes.js";
import { duplicateApiRoutes } from "./duplicates/api-routes.js";
import { assetUrl } from "./http/assets.js";
import { authenticate } from "./http/authenticate.js";
import { isSecureSite } from "./http/cookies.js";
import { csrfProtection, ensureVisitorCookie } from "./http/csrf.js";
import { errorHandler, notFoundHandler } from "./http/error-handler.js";
import { applyUserLocale, chooseLocale } from "./http/locale.js";
import { requestLogger } from "./http/request-logger.js";
import { ejsWithLayout } from "./http/view-engine.js";
import { LOCALES } from "./i18n/index.js";
import { open311Routes } from "./open311/routes.js";
import { publicDir, viewsDir } from "./paths.js";
import { regionApiRoutes } from "./regions/api-routes.js";
import { registryRoutes } from "./registry/routes.js";
import { scoreAdminRoutes } from "./scoring/admin-routes.js";
import { scoreApiRoutes } from "./scoring/api-routes.js";
import { publicScoreRoutes } from "./scoring/public-routes.js";
import { scoreRoutes } from "./scoring/routes.js";
import { siteRoutes } from "./site/routes.js";

/** Builds the Express application (no listen: tests import it). Start the queue first. */
export function createApp() {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  app.engine("ejs", ejsWithLayout(viewsDir, { cache: config.isProduction }));
  app.set("view engine", "ejs");
  app.set("views", viewsDir);
  Object.assign(app.locals, { assetUrl, locales: LOCALES, baseUrl: config.baseUrl });

  app.use(requestLogger);
  app.use(securityHeaders());
  app.use(compression());
  app.use("/static", express.static(publicDir, { maxAge: "365d", immutable: true, index: false, fallthrough: true }));

  app.use(cookieParser());
  app.use(chooseLocale);
  app.use(express.json({ limit: "200kb", type: ["application/json", "application/*+json"] }));
  app.use(express.urlencoded({ extended: true, limit: "200kb", parameterLimit: 500 }));
  app.use((req, res, next) => {
    res.locals.path = req.path;
    res.locals.query = req.query;
    // Where the language switch returns: this page, or for an answer to a form, the page the form was on.
    res.locals.returnTo = req.method === "GET" ? req.originalUrl : sameSiteReferrer(req.get("referer"));
    next();
  });
  app.use(authenticate);
  app.use(applyUserLocale);
  app.use(ensureVisitorCookie);
  app.use(csrfProtection);
  app.use((req, res, next) => {
    // Pages that show personal data must not be kept by shared computers' caches.
    if (req.user) res.set("Cache-Control", "no-store");
    next();
  });

  app.use(siteRoutes);
  app.use(accountRoutes);
  app.use(accountApiRoutes);
  app.use(adminUserRoutes);
  app.use(registryRoutes);
  app.use(dashboardRoutes);
  app.use(scoreRoutes);
  app.use(scoreAdminRoutes);
  app.use(publicScoreRoutes);
  app.use(scoreApiRoutes);
  app.use(citizenComplaintRoutes);
  app.use(registerImportRoutes);
  app.use(inboxRoutes);
  app.use(staffComplaintRoutes);
  app.use(workflowRoutes);
  app.use(letterRoutes);
  app.use(complaintApiRoutes);
  app.use(regionApiRoutes);
  app.use(deadlineRoutes);
  app.use(duplicateApiRoutes);
  app.use(open311Routes);
  app.use(queueMonitorRoutes());

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

function sameSiteReferrer(referer: string | undefined): string {
  if (!referer) return "/";
  try {
    const url = new URL(referer, config.baseUrl);
    return url.origin === new URL(config.baseUrl).origin || url.host === "" ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}

function securityHeaders() {
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": isSecureSite ? [] : null,
      },
    },
    strictTransportSecurity: isSecureSite ? { maxAge: 31536000, includeSubDomains: true } : false,
    // Same-origin only: the language switch after a form post returns to the page the form was on.
    referrerPolicy: { policy: "same-origin" },
  });
  // bull-board's own UI needs inline scripts and styles; it is reachable by administrators only.
  const monitor = helmet({ contentSecurityPolicy: false, strictTransportSecurity: isSecureSite ? undefined : false });
  return ((req, res, next) => (req.path.startsWith("/admin/queues") ? monitor : strict)(req, res, next)) as express.RequestHandler;
}
