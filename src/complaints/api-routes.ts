import { Router } from "express";
import { z } from "zod";
import { DomainError } from "../http/errors.js";
import { publicIntakeLimiter, trackingLimiter } from "../http/rate-limit.js";
import { parse } from "../http/validate.js";
import { citizenComplaintJson, staffComplaintJson } from "./complaint-json.js";
import { findComplaintForCitizen } from "./find-complaint-for-citizen.js";
import { loadCitizenView } from "./load-citizen-view.js";
import { loadStaffView } from "./load-staff-view.js";
import { complaintInputSchema, staffIntakeSchema } from "./schemas.js";
import { submitComplaint } from "./submit-complaint.js";
import { formatAccessCode } from "./tracking-number.js";

export const complaintApiRoutes = Router();

const idempotencyKey = z.string().trim().regex(/^[\x21-\x7e]{8,100}$/, { message: "errors.idempotency_key_format" });

/**
 * POST /api/v1/complaints — public: the citizen form's fields as JSON; with a staff bearer token
 * also desk, channel, receivedAt and externalRef. An Idempotency-Key header makes retries safe.
 * 201 { trackingNumber, accessCode, status } (200 with the same body for a retried key).
 */
complaintApiRoutes.post("/api/v1/complaints", publicIntakeLimiter, async (req, res) => {
  const input = parse(complaintInputSchema, req.body);
  const staff = req.user
    ? parse(staffIntakeSchema, { desk: req.user.role === "focal_point" ? "inspektorat" : "ombudsman", channel: "api", ...pickStaffFields(req.body) })
    : undefined;
  const key = req.get("idempotency-key");
  const submissionKey = key ? `api:${req.user?.id ?? "public"}:${parse(idempotencyKey, key)}` : null;
  const result = await submitComplaint({ input, channel: "api", staff, staffUser: req.user, submissionKey, locale: req.locale });
  res.status(result.isNew ? 201 : 200).location(`/api/v1/complaints/${result.complaint.trackingNumber}`).json({
    trackingNumber: result.complaint.trackingNumber,
    accessCode: result.accessCode ? formatAccessCode(result.accessCode) : null,
    status: result.complaint.status,
  });
});

function pickStaffFields(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(["desk", "channel", "receivedAt", "externalRef"].filter((k) => b[k] !== undefined).map((k) => [k, b[k]]));
}

/**
 * GET /api/v1/complaints/{trackingNumber} — with X-Access-Code: the citizen's view; with a staff
 * token: the view the role allows. A wrong code or another Pemda's case: 404, nothing more.
 */
complaintApiRoutes.get("/api/v1/complaints/:trackingNumber", trackingLimiter, async (req, res) => {
  const trackingNumber = String(req.params.trackingNumber);
  const accessCode = req.get("x-access-code");
  res.set("Cache-Control", "no-store");
  if (accessCode) {
    const complaint = await findComplaintForCitizen(trackingNumber, accessCode);
    return res.json(citizenComplaintJson(await loadCitizenView(complaint.id), req.t));
  }
  if (!req.user) throw new DomainError("unauthenticated", "errors.access_code_or_token");
  res.json(staffComplaintJson(await loadStaffView(trackingNumber, req.user), req.t));
});
