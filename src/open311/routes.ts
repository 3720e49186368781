import { Router, type RequestHandler } from "express";
import { z } from "zod";
import { resolveApiToken } from "../accounts/resolve-api-token.js";
import { config } from "../config.js";
import { DomainError, notFound } from "../http/errors.js";
import { publicIntakeLimiter } from "../http/rate-limit.js";
import { open311ErrorHandler } from "./error-handler.js";
import { fileServiceRequest } from "./file-service-request.js";
import { findJurisdiction } from "./find-jurisdiction.js";
import { findServiceRequest } from "./find-service-request.js";
import { isFormat, sendOpen311, type Format } from "./format.js";
import { loadDiscovery } from "./load-discovery.js";
import { parseFields } from "./parse-fields.js";
import { toPublicRequest } from "./public-requests.js";
import { jurisdictionQuerySchema, requestsQuerySchema, singleRequestQuerySchema } from "./requests-query.js";
import { searchServiceRequests } from "./search-service-requests.js";
import { describeService } from "./service-definition.js";
import { collectServiceRequestFields } from "./service-request-fields.js";
import { isServiceCode, serviceList } from "./services.js";

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/v2, so that existing
 * civic-reporting clients can file and follow complaints. jurisdiction_id is a Pemda's Kemendagri
 * code ("53.01"). Field names follow the spec (snake_case), not our JSON API.
 */
const router = Router();

/** Only .json and .xml exist; any other extension falls through to 404. */
const requireFormat: RequestHandler = (req, _res, next) => next(isFormat(req.params.format) ? undefined : "route");
const formatOf = (params: Record<string, string | string[] | undefined>) => params.format as Format;

/** Public data and token-only authentication (no cookies): browser apps on any origin may use it. */
router.use("/open311", (req, res, next) => {
  res.set("Access-Control-Allow-Origin", "*");
  if (req.method !== "OPTIONS") return next();
  res.set({ "Access-Control-Allow-Methods": "GET, POST", "Access-Control-Allow-Headers": "Accept-Language, Authorization, Content-Type, Idempotency-Key", "Access-Control-Max-Age": "86400" });
  res.status(204).end();
});

/** GET /open311/discovery.{json|xml}: the spec's service discovery document. */
router.get("/open311/discovery.:format", requireFormat, async (req, res) => {
  res.set("Cache-Control", "public, max-age=300").vary("Accept-Language");
  sendOpen311(res, formatOf(req.params), "discovery", await loadDiscovery(req.t));
});

/** GET services: the maladministration categories and "other", named in the request's language. */
router.get("/open311/v2/services.:format", requireFormat, async (req, res) => {
  await findJurisdiction(parseFields(jurisdictionQuerySchema, req.query).jurisdiction_id);
  res.set("Cache-Control", "public, max-age=300").vary("Accept-Language");
  sendOpen311(res, formatOf(req.params), "services", serviceList(req.t));
});

/** GET services/{service_code}: the attributes a complaint needs, with the jurisdiction's units. */
router.get("/open311/v2/services/:serviceCode.:format", requireFormat, async (req, res) => {
  const region = await findJurisdiction(parseFields(jurisdictionQuerySchema, req.query).jurisdiction_id);
  const code = req.params.serviceCode;
  if (!isServiceCode(code)) throw notFound("open311.errors.service_not_found");
  res.set("Cache-Control", "public, max-age=300").vary("Accept-Language");
  sendOpen311(res, formatOf(req.params), "service_definition", describeService(code, region.units, req.t));
});

/** api_key (spec) is a staff API token; a request without one is a citizen's and is rate-limited. */
const resolveApiKey: RequestHandler = async (req, _res, next) => {
  const apiKey = (req.body as Record<string, unknown> | undefined)?.api_key ?? req.query.api_key;
  if (typeof apiKey === "string" && apiKey !== "" && !req.user) {
    const resolved = await resolveApiToken(apiKey);
    if (!resolved) throw new DomainError("forbidden", "open311.errors.api_key_invalid");
    req.user = resolved.user;
    req.apiTokenId = resolved.tokenId;
  }
  next();
};

const idempotencyKeySchema = z.object({
  "Idempotency-Key": z.string().trim().regex(/^[\x21-\x7e]{8,100}$/, { message: "errors.idempotency_key_format" }),
});

/**
 * POST requests (form-encoded as the spec says, or JSON). Answers 200 with the spec's
 * [{ service_request_id, service_notice, account_id }] plus our extension access_code: the
 * citizen's secret to follow the complaint (GET /api/v1/complaints/{id} with X-Access-Code, or
 * the /track page). An Idempotency-Key header makes retries file one complaint.
 */
router.post("/open311/v2/requests.:format", requireFormat, resolveApiKey, publicIntakeLimiter, async (req, res) => {
  const key = req.get("idempotency-key");
  const submissionKey = key ? `open311:${req.user?.id ?? "public"}:${parseFields(idempotencyKeySchema, { "Idempotency-Key": key })["Idempotency-Key"]}` : null;
  const result = await fileServiceRequest({ fields: collectServiceRequestFields(req.body, req.query), locale: req.locale, staffUser: req.user, submissionKey });
  res.set("Cache-Control", "no-store");
  sendOpen311(res, formatOf(req.params), "service_requests", [
    {
      service_request_id: result.trackingNumber,
      service_notice: req.t("open311.service_notice", { url: `${config.baseUrl}/track` }),
      account_id: null,
      access_code: result.accessCode,
    },
  ]);
});

/** GET requests: public complaints of a Pemda (never a confidential one, never the reporter's words). */
router.get("/open311/v2/requests.:format", requireFormat, async (req, res) => {
  const query = parseFields(requestsQuerySchema, req.query);
  const { requests, hasNextPage } = await searchServiceRequests(query);
  if (hasNextPage) {
    const next = new URL(req.originalUrl, config.baseUrl);
    next.searchParams.set("page", String(query.page + 1));
    res.links({ next: next.toString() });
  }
  res.set("Cache-Control", "public, max-age=60").vary("Accept-Language");
  sendOpen311(res, formatOf(req.params), "service_requests", requests.map((row) => toPublicRequest(row, req.t)));
});

/** GET requests/{service_request_id}: one public complaint by tracking number. */
router.get("/open311/v2/requests/:serviceRequestId.:format", requireFormat, async (req, res) => {
  const { jurisdiction_id } = parseFields(singleRequestQuerySchema, req.query);
  const row = await findServiceRequest(String(req.params.serviceRequestId), jurisdiction_id);
  res.set("Cache-Control", "public, max-age=60").vary("Accept-Language");
  sendOpen311(res, formatOf(req.params), "service_requests", [toPublicRequest(row, req.t)]);
});

router.all("/open311/*rest", (_req, _res, next) => next(notFound()));

/** The Open311 routes and the error handler that answers in Open311's format: mount both with app.use(open311Routes). */
export const open311Routes = [router, open311ErrorHandler];
