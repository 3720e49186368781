import crypto from "node:crypto";
import { Router, type Request } from "express";
import { z } from "zod";
import { savePendingUploads } from "../complaints/pending-uploads.js";
import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION } from "../complaints/uploads.js";
import { requireRole } from "../http/authenticate.js";
import { form } from "../http/form.js";
import { multipartForm, uploadedFiles } from "../http/multipart.js";
import { parse } from "../http/validate.js";
import { answerCoordinationLetter } from "./answer-coordination-letter.js";
import { loadLetter } from "./load-letter.js";
import { LETTER_PLACEHOLDERS, renderLetter } from "./render-letter.js";
import { letterTemplateSchema, loadLetterTemplate, updateLetterTemplate } from "./update-letter-template.js";

export const letterRoutes = Router();
const staff = requireRole("admin", "assistant", "focal_point", "auditor");
const idParams = z.object({ id: z.coerce.number().int().positive() });
const documents = multipartForm({ fileField: "files", maxFiles: MAX_FILES_PER_SUBMISSION, maxFileBytes: MAX_FILE_BYTES });

async function letterPage(req: Request) {
  const { id } = parse(idParams, req.params);
  const letter = await loadLetter(id, req.user!);
  return { title: `${letter.number} · ${letter.subject}`, letter };
}

/** A coordination letter, printable, with the answer form for the office that handles the case. */
letterRoutes.get("/letters/:id", staff, async (req, res) => {
  res.render("letters/letter", { ...(await letterPage(req)), values: {}, errors: {} });
});

letterRoutes.post("/letters/:id/answer", staff, documents, form("letters/letter", letterPage), async (req, res) => {
  const { id } = parse(idParams, req.params);
  const { body } = parse(z.object({ body: z.string().trim().min(1, { message: "errors.required" }).max(10_000, { message: "errors.too_long" }) }), req.body);
  // Someone who may not answer (another Pemda, another office, already answered) is refused by the
  // use case below; their files are never kept. loadLetter itself refuses another Pemda's letter.
  const mayAnswer = (await loadLetter(id, req.user!)).canAnswer;
  const files = mayAnswer ? uploadedFiles(req) : [];
  const stored = files.length ? await savePendingUploads(`letter-${id}-${crypto.randomUUID()}`, files) : [];
  await answerCoordinationLetter(id, { kind: "user", user: req.user! }, { body, files: stored });
  res.redirect(303, `/letters/${id}?notice=answered`);
});

const SAMPLE = { number: "0042/KL/53.01/XI/2026", date: "2026-11-23", office: "Inspektorat Daerah Kabupaten Kupang", regionName: "Kabupaten Kupang", trackingNumber: "PGH-7KMQ-4X9C", subject: "KTP elektronik belum dicetak", unit: "Dinas Kependudukan dan Pencatatan Sipil", incidentDate: "2026-10-01", reporter: "(identitas dirahasiakan / confidential)", summary: "…", dueDate: "2026-12-07", sender: "Asisten Ombudsman" };

async function templatePage(req: Request) {
  const template = await loadLetterTemplate();
  const subject = String(req.body?.subject ?? template.subject);
  const body = String(req.body?.body ?? template.body);
  return { title: req.t("letters.template_title"), placeholders: LETTER_PLACEHOLDERS, preview: { subject: renderLetter(subject, SAMPLE), body: renderLetter(body, SAMPLE) } };
}

letterRoutes.get("/admin/letter-templates", requireRole("admin"), async (req, res) => {
  const template = await loadLetterTemplate();
  res.render("admin/letter-template", { ...(await templatePage(req)), values: { subject: template.subject, body: template.body }, errors: {}, notice: req.query.notice ?? null });
});

letterRoutes.post("/admin/letter-templates", requireRole("admin"), form("admin/letter-template", templatePage), async (req, res) => {
  const input = parse(letterTemplateSchema, req.body);
  await updateLetterTemplate(input, req.user!.id);
  res.redirect(303, "/admin/letter-templates?notice=saved");
});
