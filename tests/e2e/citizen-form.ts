import path from "node:path";
import type { Locator, Page } from "playwright-core";
import type { Translate } from "../../src/i18n/index.js";

/** Evidence files a citizen or a focal point picks from their phone. */
export const EVIDENCE_DIR = path.resolve(import.meta.dirname, "../fixtures/evidence");
export const PHOTO = path.join(EVIDENCE_DIR, "antrean-dukcapil-waingapu.jpg");
export const DOCUMENT = path.join(EVIDENCE_DIR, "berita-acara-pencetakan-ktp.pdf");

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Matches an accessible name that starts with the given text (a radio's name carries its hint after the label). */
export const startingWith = (text: string) => new RegExp(`^${escape(text)}`);

/** The name a field's label gives it: the label, then "(wajib)"/"(required)" when it must be filled in. */
export const fieldName = (t: Translate, key: string, options: { required?: boolean } = {}) =>
  options.required ? `${t(key)} (${t("forms.required")})` : t(key);

/** The form field labelled by a locale key, found the way a screen reader announces it. */
export const field = (page: Page, t: Translate, key: string, options: { required?: boolean } = {}) => page.getByLabel(fieldName(t, key, options), { exact: true });

/** A radio button in the group whose legend is the given locale key. */
export const radio = (page: Page, t: Translate, legendKey: string, optionLabel: string, options: { required?: boolean } = {}) =>
  page.getByRole("group", { name: fieldName(t, legendKey, options), exact: true }).getByRole("radio", { name: startingWith(optionLabel) });

/** A date in the WITA calendar (Asia/Makassar), `days` before today, as YYYY-MM-DD. */
export function witaDateDaysAgo(days: number, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Makassar" }).format(new Date(now.getTime() - days * 86_400_000));
}

export interface CitizenComplaint {
  name: string;
  nik?: string;
  phone?: string;
  email?: string;
  address?: string;
  confidentiality: "confidential" | "anonymous" | "public";
  /** The unit as listed in the Pemda's units. */
  unit: string;
  subject: string;
  description: string;
  incidentDate: string;
  /** A maladministration category key (categories.*), or none. */
  category?: string;
  prior: { to: "unit" | "superior" | "inspektorat" | "ombudsman" | "other"; date: string; response: string } | null;
  evidence?: string[];
}

/** Chooses the Pemda on /complaints/new, as the first step of the form asks. */
export async function chooseRegion(page: Page, t: Translate, regionName: string): Promise<void> {
  await field(page, t, "complaint_form.region_label").selectOption({ label: regionName });
  await page.getByRole("button", { name: t("complaint_form.continue"), exact: true }).click();
  await page.waitForURL(/\/complaints\/new\?region=/);
}

/** Fills the complaint form by its labels, as a person reads it; fields not given are left as they are. */
export async function fillComplaintForm(page: Page, t: Translate, complaint: CitizenComplaint): Promise<void> {
  await field(page, t, "complaint_form.name", { required: true }).fill(complaint.name);
  if (complaint.nik !== undefined) await field(page, t, "complaint_form.nik").fill(complaint.nik);
  if (complaint.phone !== undefined) await field(page, t, "complaint_form.phone").fill(complaint.phone);
  if (complaint.email !== undefined) await field(page, t, "complaint_form.email").fill(complaint.email);
  if (complaint.address !== undefined) await field(page, t, "complaint_form.address").fill(complaint.address);
  await radio(page, t, "complaint_form.confidentiality", t(`confidentiality.${complaint.confidentiality}.label`), { required: true }).check();
  await field(page, t, "complaint_form.unit_label", { required: true }).selectOption({ label: complaint.unit });
  await field(page, t, "complaint_form.subject", { required: true }).fill(complaint.subject);
  await field(page, t, "complaint_form.description", { required: true }).fill(complaint.description);
  await field(page, t, "complaint_form.incident_date", { required: true }).fill(complaint.incidentDate);
  if (complaint.category) await radio(page, t, "complaint_form.category", t(`categories.${complaint.category}.label`)).check();
  await radio(page, t, "complaint_form.before_court", t("forms.no")).check();
  await radio(page, t, "complaint_form.prior_made", t(complaint.prior ? "forms.yes" : "forms.no"), { required: true }).check();
  if (complaint.prior) {
    await field(page, t, "complaint_form.prior_to").selectOption({ label: t(`prior_targets.${complaint.prior.to}`) });
    await field(page, t, "complaint_form.prior_date").fill(complaint.prior.date);
    await field(page, t, "complaint_form.prior_response").fill(complaint.prior.response);
  }
  if (complaint.evidence?.length) await field(page, t, "complaint_form.files").setInputFiles(complaint.evidence);
}

/** The error message tied to a field (through aria-describedby), as assistive technology reads it; null if none. */
export async function errorMessageOf(control: Locator): Promise<string | null> {
  const ids = ((await control.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter((id) => id.endsWith("-error"));
  if (ids.length === 0) return null;
  const texts = await Promise.all(ids.map((id) => control.page().locator(`[id="${id}"]`).textContent()));
  return texts.map((text) => (text ?? "").trim()).join(" ");
}

/** The items of the error summary at the top of a form sent back for correction. */
export async function errorSummaryItems(page: Page, t: Translate): Promise<string[]> {
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: t("forms.error_summary"), exact: true }) });
  return (await summary.getByRole("listitem").allTextContents()).map((text) => text.trim());
}

/** Tracking number and access code as the receipt page shows them. */
export async function readReceipt(page: Page, t: Translate): Promise<{ trackingNumber: string; accessCode: string }> {
  const value = (labelKey: string) => page.locator(".receipt p").filter({ hasText: t(labelKey) }).locator(".receipt-value").textContent();
  return { trackingNumber: ((await value("complaint_submitted.tracking_label")) ?? "").trim(), accessCode: ((await value("complaint_submitted.code_label")) ?? "").trim() };
}
