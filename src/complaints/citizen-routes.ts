import crypto from "node:crypto";
import { Router, type Request } from "express";
import { z } from "zod";
import { baseCookieOptions, cookieName } from "../http/cookies.js";
import { form } from "../http/form.js";
import { multipartForm, uploadedFiles } from "../http/multipart.js";
import { trackingLimiter } from "../http/rate-limit.js";
import { parse } from "../http/validate.js";
import { listRegions, findRegionByCode } from "../regions/list-regions.js";
import { addCitizenInformation } from "./add-citizen-information.js";
import { rateComplaint } from "./workflow/rate-complaint.js";
import { CITIZEN_ACCESS_MS, grantCitizenAccess, readCitizenAccess } from "./citizen-access.js";
import { openReceipt, RECEIPT_MS, sealReceipt } from "./receipt.js";
import { findComplaintByGrant, findComplaintForCitizen } from "./find-complaint-for-citizen.js";
import { loadCitizenView } from "./load-citizen-view.js";
import { openAttachment } from "./open-attachment.js";
import { listPendingUploads, savePendingUploads } from "./pending-uploads.js";
import { complaintInputSchema } from "./schemas.js";
import { submitComplaint } from "./submit-complaint.js";
import { formatAccessCode } from "./tracking-number.js";
import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION } from "./uploads.js";
import { CATEGORIES, PRIOR_COMPLAINT_TARGETS } from "./vocabulary.js";
import { DomainError } from "../http/errors.js";

export const citizenComplaintRoutes = Router();

const ACCESS_COOKIE = cookieName("pgh_track");
const RECEIPT_COOKIE = cookieName("pgh_receipt");
const evidence = multipartForm({ fileField: "files", maxFiles: MAX_FILES_PER_SUBMISSION, maxFileBytes: MAX_FILE_BYTES });
const submissionKeySchema = z.string().regex(/^[A-Za-z0-9-]{16,64}$/);

/** What the complaint form needs besides the values: the Pemda, its units, files already uploaded. */
async function complaintFormLocals(req: Request) {
  const regionCode = String(req.body?.regionCode ?? req.query.region ?? "");
  const region = await findRegionByCode(regionCode);
  const submissionKey = submissionKeySchema.safeParse(req.body?.submissionKey).success ? String(req.body.submissionKey) : crypto.randomUUID();
  return {
    title: req.t("complaint_form.title"),
    region,
    categories: CATEGORIES,
    priorTargets: PRIOR_COMPLAINT_TARGETS,
    submissionKey,
    pendingUploads: await listPendingUploads(submissionKey),
    maxFiles: MAX_FILES_PER_SUBMISSION,
    maxFileMb: MAX_FILE_BYTES / 1024 / 1024,
  };
}

citizenComplaintRoutes.get("/complaints/new", async (req, res) => {
  const region = typeof req.query.region === "string" ? await findRegionByCode(req.query.region) : null;
  if (!region) {
    return res.render("complaints/choose-region", { title: req.t("complaint_form.title"), regions: await listRegions() });
  }
  res.render("complaints/new", { ...(await complaintFormLocals(req)), values: { regionCode: region.code, reporter: { confidentiality: "confidential" } }, errors: {} });
});

citizenComplaintRoutes.post("/complaints", evidence, form("complaints/new", complaintFormLocals), async (req, res) => {
  const submissionKey = parse(submissionKeySchema, req.body?.submissionKey);
  // Files are kept before validation, so a form sent back for correction keeps them.
  const files = uploadedFiles(req);
  if (files.length) await savePendingUploads(submissionKey, files);
  const input = parse(complaintInputSchema, req.body);
  const result = await submitComplaint({ input, channel: "web", submissionKey, files: await listPendingUploads(submissionKey), locale: req.locale });
  res.cookie(ACCESS_COOKIE, grantCitizenAccess(result.complaint.trackingNumber), { ...baseCookieOptions, maxAge: CITIZEN_ACCESS_MS });
  const receipt = { trackingNumber: result.complaint.trackingNumber, accessCode: result.accessCode ? formatAccessCode(result.accessCode) : null, hasEmail: Boolean(input.reporter.email) };
  res.cookie(RECEIPT_COOKIE, sealReceipt(receipt), { ...baseCookieOptions, maxAge: RECEIPT_MS });
  res.redirect(303, "/complaints/receipt");
});

/** The receipt page (tracking number and access code), shown again for an hour in this browser only. */
citizenComplaintRoutes.get("/complaints/receipt", (req, res) => {
  const receipt = openReceipt(req.cookies?.[RECEIPT_COOKIE]);
  if (!receipt) return res.redirect(303, "/track");
  res.set("Cache-Control", "no-store").render("complaints/submitted", { title: req.t("complaint_submitted.title"), ...receipt });
});

// --- following a complaint ---------------------------------------------------------------------

citizenComplaintRoutes.get("/track", (req, res) => {
  res.render("complaints/track", { title: req.t("track.title"), values: { trackingNumber: typeof req.query.tn === "string" ? req.query.tn : "" }, errors: {} });
});

const trackSchema = z.object({
  trackingNumber: z.string().trim().min(1, { message: "errors.required" }).max(40),
  accessCode: z.string().trim().min(1, { message: "errors.required" }).max(40),
});

citizenComplaintRoutes.post("/track", form("complaints/track", (req) => ({ title: req.t("track.title") })), trackingLimiter, async (req, res) => {
  const input = parse(trackSchema, req.body);
  const complaint = await findComplaintForCitizen(input.trackingNumber, input.accessCode);
  res.cookie(ACCESS_COOKIE, grantCitizenAccess(complaint.trackingNumber), { ...baseCookieOptions, maxAge: CITIZEN_ACCESS_MS });
  res.redirect(303, `/track/${complaint.trackingNumber}`);
});

/** The complaint this browser may open (signed cookie), or a redirect to the code form. */
function citizenComplaint(req: Request) {
  return findComplaintByGrant(String(req.params.trackingNumber ?? ""), readCitizenAccess(req.cookies?.[ACCESS_COOKIE]));
}

citizenComplaintRoutes.get("/track/:trackingNumber", async (req, res) => {
  const complaint = await citizenComplaint(req);
  if (!complaint) return res.redirect(303, `/track?tn=${encodeURIComponent(String(req.params.trackingNumber))}`);
  res.set("Cache-Control", "no-store");
  res.render("complaints/status", { title: req.t("status.title"), complaint: await loadCitizenView(complaint.id), values: {}, errors: {}, notice: req.query.notice ?? null });
});

const informationSchema = z.object({ body: z.string().trim().min(1, { message: "errors.required" }).max(5000, { message: "errors.too_long" }) });

citizenComplaintRoutes.post(
  "/track/:trackingNumber/information",
  evidence,
  form("complaints/status", async (req) => {
    const complaint = await citizenComplaint(req);
    if (!complaint) throw new DomainError("forbidden");
    return { title: req.t("status.title"), complaint: await loadCitizenView(complaint.id), notice: null };
  }),
  async (req, res) => {
    const complaint = await citizenComplaint(req);
    if (!complaint) return res.redirect(303, `/track?tn=${encodeURIComponent(String(req.params.trackingNumber))}`);
    const input = parse(informationSchema, req.body);
    const key = `info-${complaint.id}-${crypto.randomUUID()}`;
    const files = uploadedFiles(req);
    const stored = files.length ? await savePendingUploads(key, files) : [];
    await addCitizenInformation(complaint.id, { body: input.body, files: stored });
    res.redirect(303, `/track/${complaint.trackingNumber}?notice=information_added`);
  },
);

citizenComplaintRoutes.get("/track/:trackingNumber/attachments/:id", async (req, res) => {
  const complaint = await citizenComplaint(req);
  if (!complaint) throw new DomainError("not_found");
  const { id } = parse(z.object({ id: z.coerce.number().int().positive() }), req.params);
  const file = await openAttachment(id, complaint.trackingNumber, { kind: "citizen", complaintId: complaint.id });
  res.set("Cache-Control", "private, no-store");
  res.attachment(file.name).type(file.mediaType).sendFile(file.path, { dotfiles: "allow" });
});

const ratingSchema = z.object({
  rating: z.coerce.number({ message: "errors.rating_required" }).int().min(1, { message: "errors.rating_required" }).max(5, { message: "errors.rating_required" }),
  comment: z.string().trim().max(2000, { message: "errors.too_long" }).optional(),
});

/** The reporter rates the handling once the case has ended (used by the complaint-management score). */
citizenComplaintRoutes.post(
  "/track/:trackingNumber/rating",
  form("complaints/status", async (req) => {
    const complaint = await citizenComplaint(req);
    if (!complaint) throw new DomainError("forbidden");
    return { title: req.t("status.title"), complaint: await loadCitizenView(complaint.id), notice: null };
  }),
  async (req, res) => {
    const complaint = await citizenComplaint(req);
    if (!complaint) return res.redirect(303, `/track?tn=${encodeURIComponent(String(req.params.trackingNumber))}`);
    const input = parse(ratingSchema, req.body);
    await rateComplaint(complaint.id, input);
    res.redirect(303, `/track/${complaint.trackingNumber}?notice=rated`);
  },
);
