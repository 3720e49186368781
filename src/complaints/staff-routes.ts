import crypto from "node:crypto";
import { Router, type Request } from "express";
import { z } from "zod";
import { requireRole } from "../http/authenticate.js";
import { baseCookieOptions, cookieName } from "../http/cookies.js";
import { RECEIPT_MS, openReceipt, sealReceipt } from "./receipt.js";
import { form } from "../http/form.js";
import { multipartForm, uploadedFiles } from "../http/multipart.js";
import { parse } from "../http/validate.js";
import { findRegionByCode, listRegions } from "../regions/list-regions.js";
import { loadStaffView } from "./load-staff-view.js";
import { openAttachment } from "./open-attachment.js";
import { listPendingUploads, savePendingUploads } from "./pending-uploads.js";
import { complaintInputSchema, staffIntakeSchema } from "./schemas.js";
import { canRegisterComplaint } from "./policy.js";
import { submitComplaint } from "./submit-complaint.js";
import { formatAccessCode, normalizeTrackingNumber } from "./tracking-number.js";
import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION } from "./uploads.js";
import { CATEGORIES, DESKS, PRIOR_COMPLAINT_TARGETS, STAFF_CHANNELS } from "./vocabulary.js";
import { forbidden, notFound } from "../http/errors.js";

export const staffComplaintRoutes = Router();
const RECEIPT_COOKIE = cookieName("pgh_staff_receipt");

const evidence = multipartForm({ fileField: "files", maxFiles: MAX_FILES_PER_SUBMISSION, maxFileBytes: MAX_FILE_BYTES });
const submissionKeySchema = z.string().regex(/^[A-Za-z0-9-]{16,64}$/);
const registrars = requireRole("admin", "assistant", "focal_point");

/** The Pemda a staff member registers for: a focal point's own, otherwise the one chosen. */
async function intakeRegion(req: Request) {
  if (req.user!.role === "focal_point") return findRegionByCode({ id: req.user!.regionId! });
  const code = String(req.body?.regionCode ?? req.query.region ?? "");
  return findRegionByCode(code);
}

async function staffFormLocals(req: Request) {
  const submissionKey = submissionKeySchema.safeParse(req.body?.submissionKey).success ? String(req.body.submissionKey) : crypto.randomUUID();
  return {
    title: req.t("staff_intake.title"),
    region: await intakeRegion(req),
    desks: req.user!.role === "admin" ? DESKS : req.user!.role === "assistant" ? ["ombudsman"] : ["inspektorat"],
    channels: STAFF_CHANNELS.filter((c) => c !== "inspektorat_register"),
    categories: CATEGORIES,
    priorTargets: PRIOR_COMPLAINT_TARGETS,
    submissionKey,
    pendingUploads: await listPendingUploads(submissionKey),
    maxFiles: MAX_FILES_PER_SUBMISSION,
    maxFileMb: MAX_FILE_BYTES / 1024 / 1024,
    changeRegionUrl: req.user!.role === "focal_point" ? null : "/staff/complaints/new",
  };
}

staffComplaintRoutes.get("/staff/complaints/new", registrars, async (req, res) => {
  const locals = await staffFormLocals(req);
  if (!locals.region) return res.render("complaints/choose-region", { title: locals.title, regions: await listRegions(), action: "/staff/complaints/new" });
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: locals.region.timeZone }).format(new Date());
  res.render("complaints/staff-new", {
    ...locals,
    values: { regionCode: locals.region.code, desk: locals.desks[0], channel: "walk_in", receivedAt: today, reporter: { confidentiality: "confidential" } },
    errors: {},
  });
});

/**
 * A registration for a Pemda or desk the person may not register for is refused before any of its
 * files is kept (submitComplaint refuses it too, but only after the pending files were stored).
 */
async function refuseForeignIntake(req: Request) {
  const desk = DESKS.find((d) => d === req.body?.desk);
  const region = typeof req.body?.regionCode === "string" ? await findRegionByCode(req.body.regionCode) : null;
  if (desk && region && !canRegisterComplaint(req.user!, desk, region.id)) throw forbidden();
}

staffComplaintRoutes.post("/staff/complaints", registrars, evidence, form("complaints/staff-new", staffFormLocals), async (req, res) => {
  const submissionKey = parse(submissionKeySchema, req.body?.submissionKey);
  await refuseForeignIntake(req);
  const files = uploadedFiles(req);
  if (files.length) await savePendingUploads(submissionKey, files);
  const staff = parse(staffIntakeSchema, req.body);
  const input = parse(complaintInputSchema, req.body);
  const result = await submitComplaint({ input, channel: staff.channel, staff, staffUser: req.user, submissionKey, files: await listPendingUploads(submissionKey), locale: req.body.locale === "en" ? "en" : "id" });
  const receipt = { trackingNumber: result.complaint.trackingNumber, accessCode: result.accessCode ? formatAccessCode(result.accessCode) : null, hasEmail: Boolean(input.reporter.email) };
  res.cookie(RECEIPT_COOKIE, sealReceipt(receipt), { ...baseCookieOptions, maxAge: RECEIPT_MS });
  res.redirect(303, "/staff/complaints/registered");
});

/** The staff receipt (to hand to a walk-in reporter), shown again for an hour in this browser only. */
staffComplaintRoutes.get("/staff/complaints/registered", registrars, (req, res) => {
  const receipt = openReceipt(req.cookies?.[RECEIPT_COOKIE]);
  if (!receipt) return res.redirect(303, "/staff/complaints/new");
  res.set("Cache-Control", "no-store").render("complaints/staff-registered", { title: req.t("staff_intake.registered_title"), ...receipt });
});

// --- the case page ---------------------------------------------------------------------------

staffComplaintRoutes.get("/complaints/:trackingNumber", requireRole("admin", "assistant", "focal_point", "auditor"), async (req, res, next) => {
  if (!normalizeTrackingNumber(String(req.params.trackingNumber))) return next();
  const complaint = await loadStaffView(String(req.params.trackingNumber), req.user!);
  res.render("complaints/case", { title: `${complaint.trackingNumber} · ${complaint.subject}`, complaint, regions: await listRegions() });
});

staffComplaintRoutes.get("/complaints/:trackingNumber/attachments/:id", requireRole("admin", "assistant", "focal_point", "auditor"), async (req, res) => {
  const trackingNumber = normalizeTrackingNumber(String(req.params.trackingNumber));
  if (!trackingNumber) throw notFound();
  const { id } = parse(z.object({ id: z.coerce.number().int().positive() }), req.params);
  const file = await openAttachment(id, trackingNumber, { kind: "staff", user: req.user! });
  res.set("Cache-Control", "private, no-store");
  res.attachment(file.name).type(file.mediaType).sendFile(file.path, { dotfiles: "allow" });
});
