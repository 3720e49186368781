import fs from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { generateTrackingNumber, READABLE_ALPHABET } from "../../src/complaints/tracking-number.js";
import { translator, type Translate } from "../../src/i18n/index.js";
import { expectNoSeriousA11yViolations, expectUsableAtNarrowWidths } from "./accessibility.js";
import { startAppServer, type ServerProcess } from "./app-server.js";
import { hasFocus, launchChromium, openPage, pageProblems } from "./chromium.js";
import {
  chooseRegion,
  EVIDENCE_DIR,
  errorMessageOf,
  errorSummaryItems,
  field,
  fillComplaintForm,
  PHOTO,
  radio,
  readReceipt,
  witaDateDaysAgo,
  type CitizenComplaint,
} from "./citizen-form.js";
import { saveFailureScreenshots } from "./failure-screenshots.js";
import { linksTo, waitForMailTo } from "./mailbox.js";
import { expectNoSidewaysScrollingHere } from "./narrow-screen.js";
import { describePageWeight, measurePageWeight } from "./page-weight.js";

// Expected text comes from the locale files, so a reworded message does not break the journey.
const id = translator("id");
const en = translator("en");

/** Issue 3: the complaint form page, with its stylesheet and script, under 60 KB as transferred. */
const FORM_PAGE_BUDGET_BYTES = 60 * 1024;
const SUMBA_TIMUR = { code: "53.11", name: "Kabupaten Sumba Timur" };
const ADDED_DOCUMENT = path.join(EVIDENCE_DIR, "bukti-perekaman-ktp.pdf");

const readable = `[${READABLE_ALPHABET}]`;
const TRACKING_NUMBER = new RegExp(`^PGH-${readable}{4}-${readable}{4}$`);
const ACCESS_CODE = new RegExp(`^${readable}{5}-${readable}{5}$`);

let browser: Browser | undefined;
let server: ServerProcess | undefined;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
});

afterEach(async (context) => {
  if (context.task.result?.state === "fail") {
    const shots = await saveFailureScreenshots(context.task.name, pages);
    console.error(`Screenshots: ${shots.join(", ") || "none"}\nServer output:\n${server?.output() ?? ""}`);
  }
  for (const page of pages.splice(0)) await page.context().close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPhonePage(): Promise<Page> {
  const page = await openPage(browser!, server!.baseUrl, { locale: "id-ID", width: 360, height: 740 });
  pages.push(page);
  return page;
}

/** Clicks a language in the header's switch and waits for the page to come back in that language. */
async function switchLanguage(page: Page, to: "ID" | "EN"): Promise<void> {
  const from = to === "ID" ? en : id;
  await page.getByRole("navigation", { name: from("layout.language") }).getByRole("link", { name: to, exact: true }).click();
  await page.waitForFunction((lang) => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === lang, to.toLowerCase());
}

/**
 * Clicks a submit button and waits for the answer to the form's POST and the page the browser
 * shows for it: the page the POST rendered, or the one it redirected to (post/redirect/get).
 * Returns the POST's own status.
 */
async function submit(page: Page, button: Locator): Promise<number> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.request().isNavigationRequest()), button.click()]);
  const location = response.status() >= 300 && response.status() < 400 ? await response.headerValue("location") : null;
  if (location) await page.waitForURL(new URL(location, response.url()).href);
  await page.waitForLoadState("domcontentloaded");
  return response.status();
}

/**
 * The page's problems except the failed-status answers the journey provokes on purpose (a form
 * sent back with 422, a wrong access code answered 404), which Chromium logs as console errors.
 */
function unexpectedProblems(page: Page): string[] {
  return pageProblems(page).filter((problem) => !/Failed to load resource: the server responded with a status of (422|404) .*\/(complaints\?_csrf=[^)]*|track)\)$/.test(problem));
}

function complaintOf(language: "id" | "en"): CitizenComplaint {
  return {
    name: language === "id" ? "Umbu Hina Ndapamerang" : "Rambu Kahi Ndakularak",
    // One digit short: the mistake this journey makes and then fixes.
    nik: "531101450389000",
    address: "Jl. Ahmad Yani No. 12, Kambajawa, Waingapu",
    confidentiality: "anonymous",
    unit: "Dinas Kependudukan dan Pencatatan Sipil",
    subject: language === "id" ? "KTP elektronik belum dicetak setelah 4 bulan" : "Electronic ID card still not printed after 4 months",
    description:
      language === "id"
        ? "Saya merekam KTP elektronik di Dukcapil Waingapu pada bulan Juli. Setiap kali datang, petugas mengatakan blangko habis dan meminta saya kembali minggu depan."
        : "I had my electronic ID card recorded at the Waingapu Dukcapil office in July. Each time I come back the staff say the blank cards have run out and tell me to return next week.",
    incidentDate: witaDateDaysAgo(40),
    category: "penundaan_berlarut",
    prior: { to: "unit", date: witaDateDaysAgo(20), response: language === "id" ? "Tidak ada jawaban." : "No answer." },
    evidence: [PHOTO],
  };
}

/** Checks that what the citizen typed came back in the form sent back for correction. */
async function expectTypedValuesKept(page: Page, t: Translate, complaint: CitizenComplaint): Promise<void> {
  expect(await field(page, t, "complaint_form.name", { required: true }).inputValue()).toBe(complaint.name);
  expect(await field(page, t, "complaint_form.nik").inputValue()).toBe(complaint.nik);
  expect(await field(page, t, "complaint_form.address").inputValue()).toBe(complaint.address);
  expect(await radio(page, t, "complaint_form.confidentiality", t(`confidentiality.${complaint.confidentiality}.label`), { required: true }).isChecked()).toBe(true);
  expect(await field(page, t, "complaint_form.unit_label", { required: true }).locator("option:checked").textContent()).toBe(complaint.unit);
  expect(await field(page, t, "complaint_form.subject", { required: true }).inputValue()).toBe(complaint.subject);
  expect(await field(page, t, "complaint_form.description", { required: true }).inputValue()).toBe(complaint.description);
  expect(await field(page, t, "complaint_form.incident_date", { required: true }).inputValue()).toBe(complaint.incidentDate);
  expect(await radio(page, t, "complaint_form.category", t(`categories.${complaint.category}.label`)).isChecked()).toBe(true);
  expect(await radio(page, t, "complaint_form.prior_made", t("forms.yes"), { required: true }).isChecked()).toBe(true);
  expect(await field(page, t, "complaint_form.prior_to").locator("option:checked").textContent()).toBe(t(`prior_targets.${complaint.prior!.to}`));
  expect(await field(page, t, "complaint_form.prior_date").inputValue()).toBe(complaint.prior!.date);
  expect(await field(page, t, "complaint_form.prior_response").inputValue()).toBe(complaint.prior!.response);
}

/**
 * The whole citizen journey of issue 3 on a 360 px phone in one language: choose the Pemda, fill
 * the form, fail, fix, resubmit, receipt and email, then follow the complaint with its code.
 */
async function fileAndFollowComplaint(language: "id" | "en"): Promise<void> {
  const t = language === "id" ? id : en;
  const complaint = complaintOf(language);
  const email = `${complaint.name.split(" ")[0]!.toLowerCase()}.${language}@waingapu.test`;
  const page = await newPhonePage();

  await page.goto("/");
  await page.getByRole("navigation", { name: id("layout.nav_label") }).getByRole("link", { name: id("layout.file_complaint"), exact: true }).click();
  await page.waitForURL("**/complaints/new");
  if (language === "en") {
    await switchLanguage(page, "EN");
    expect(new URL(page.url()).pathname).toBe("/complaints/new");
  }
  expect(await page.locator("html").getAttribute("lang")).toBe(language);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(t("complaint_form.title"));

  // The Pemda first, then the form for it.
  await chooseRegion(page, t, SUMBA_TIMUR.name);
  expect(new URL(page.url()).searchParams.get("region")).toBe(SUMBA_TIMUR.code);
  await expect(page.getByText(t("complaint_form.region_chosen", { name: SUMBA_TIMUR.name })).isVisible()).resolves.toBe(true);
  await expectNoSeriousA11yViolations(page);

  // A first try with a 15-digit NIK and neither a phone number nor an email address.
  await fillComplaintForm(page, t, complaint);
  expect(await submit(page, page.getByRole("button", { name: t("complaint_form.submit"), exact: true })), "the form comes back with its errors").toBe(422);
  expect((await errorSummaryItems(page, t)).sort()).toEqual([t("errors.nik_format"), t("errors.contact_required")].sort());
  expect(await hasFocus(page.getByRole("alert")), "the error summary takes the focus, so it is read out first").toBe(true);
  const nik = field(page, t, "complaint_form.nik");
  const emailField = field(page, t, "complaint_form.email");
  expect(await errorMessageOf(nik)).toBe(t("errors.nik_format"));
  expect(await nik.getAttribute("aria-invalid")).toBe("true");
  expect(await errorMessageOf(emailField)).toBe(t("errors.contact_required"));
  expect(await emailField.getAttribute("aria-invalid")).toBe("true");
  expect(await page.getByRole("alert").getByRole("link", { name: t("errors.nik_format") }).getAttribute("href")).toBe(`#${await nik.getAttribute("id")}`);
  await expectTypedValuesKept(page, t, complaint);
  await expect(page.getByText(t("complaint_form.already_uploaded")).isVisible()).resolves.toBe(true);
  expect(await page.locator("ul.files li").allTextContents()).toEqual([expect.stringContaining(path.basename(PHOTO))]);
  await expectNoSeriousA11yViolations(page);
  await expectNoSidewaysScrollingHere(page);

  // Fixed: the full NIK and an email address; the photo is not picked a second time.
  await nik.fill("5311014503890002");
  await emailField.fill(email);
  // Accepted, the browser is sent on to the receipt (post/redirect/get), so a reload cannot file it again.
  expect(await submit(page, page.getByRole("button", { name: t("complaint_form.submit"), exact: true })), "the corrected complaint is accepted").toBe(303);
  expect(new URL(page.url()).pathname).toBe("/complaints/receipt");
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(t("complaint_submitted.title"));
  const { trackingNumber, accessCode } = await readReceipt(page, t);
  expect(trackingNumber).toMatch(TRACKING_NUMBER);
  expect(accessCode).toMatch(ACCESS_CODE);
  await expect(page.getByText(t("complaint_submitted.email_sent")).isVisible()).resolves.toBe(true);
  await expectNoSeriousA11yViolations(page);
  await expectNoSidewaysScrollingHere(page);
  await page.reload();
  expect(await readReceipt(page, t), "a reload shows the same receipt").toEqual({ trackingNumber, accessCode });
  if (language === "en") {
    // Switching language on the receipt shows it again in the other language, and back.
    for (const [to, inThat] of [["ID", id], ["EN", en]] as const) {
      await switchLanguage(page, to);
      expect(new URL(page.url()).pathname).toBe("/complaints/receipt");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(inThat("complaint_submitted.title"));
      expect(await readReceipt(page, inThat), `the receipt after switching to ${to}`).toEqual({ trackingNumber, accessCode });
    }
  }

  // The confirmation email, in the citizen's language, with both.
  const mail = await waitForMailTo(server!.mailDir, email);
  expect(mail.subject).toBe(t("emails.complaint-received.subject", { trackingNumber }));
  expect(mail.text).toContain(t("emails.complaint-received.tracking", { trackingNumber }));
  expect(mail.text).toContain(t("emails.complaint-received.code", { accessCode }));
  expect(linksTo(mail, server!.baseUrl)).toContain(`${server!.baseUrl}/track?tn=${trackingNumber}`);

  // Days later, on a phone that forgot the receipt: the status page asks for the code again.
  await page.context().clearCookies({ name: /pgh_track/ });
  await page.getByRole("navigation", { name: t("layout.nav_label") }).getByRole("link", { name: t("layout.track_complaint"), exact: true }).click();
  await page.waitForURL("**/track");
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(t("track.title"));
  const trackingField = field(page, t, "track.tracking_label", { required: true });
  const codeField = field(page, t, "track.code_label", { required: true });
  const track = page.getByRole("button", { name: t("track.submit"), exact: true });

  // A wrong code and an unknown number get the same neutral answer.
  await trackingField.fill(trackingNumber);
  await codeField.fill(accessCode.split("").reverse().join(""));
  const wrongCodeStatus = await submit(page, track);
  const wrongCodeSummary = await errorSummaryItems(page, t);
  expect(wrongCodeSummary).toEqual([t("errors.tracking_not_found")]);
  const unknownNumber = generateTrackingNumber(() => 0);
  await field(page, t, "track.tracking_label", { required: true }).fill(unknownNumber);
  await field(page, t, "track.code_label", { required: true }).fill(accessCode);
  const unknownNumberStatus = await submit(page, page.getByRole("button", { name: t("track.submit"), exact: true }));
  expect(await errorSummaryItems(page, t)).toEqual(wrongCodeSummary);
  expect(unknownNumberStatus).toBe(wrongCodeStatus);
  expect(await page.getByRole("main").textContent()).not.toContain(trackingNumber);

  await field(page, t, "track.tracking_label", { required: true }).fill(trackingNumber);
  await field(page, t, "track.code_label", { required: true }).fill(accessCode);
  await page.getByRole("button", { name: t("track.submit"), exact: true }).click();
  await page.waitForURL(`**/track/${trackingNumber}`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`${t("status.title")} ${trackingNumber}`);
  expect(await page.locator(".status-value").textContent()).toBe(t("complaint_status.received.citizen"));
  const timeline = page.locator("ol.timeline > li");
  expect(await timeline.first().textContent()).toContain(t("timeline.complaint.received", { channel: t("channels.web") }));
  const photoLink = page.getByRole("link", { name: path.basename(PHOTO), exact: true });
  const photo = await page.request.get((await photoLink.getAttribute("href"))!);
  expect(photo.status()).toBe(200);
  expect(Buffer.compare(await photo.body(), fs.readFileSync(PHOTO)), "the evidence comes back exactly as uploaded").toBe(0);
  await expectNoSeriousA11yViolations(page);

  // More information, with a document, from the status page.
  const information = language === "id" ? "Nomor antrean perekaman saya 0217; buktinya terlampir." : "My recording queue number is 0217; the receipt is attached.";
  await field(page, t, "status.add_body", { required: true }).fill(information);
  await field(page, t, "status.add_files").setInputFiles(ADDED_DOCUMENT);
  await page.getByRole("button", { name: t("status.add_submit"), exact: true }).click();
  await page.waitForURL(`**/track/${trackingNumber}?notice=information_added`);
  expect(await page.getByRole("status").textContent()).toBe(t("status.notice_information_added"));
  const added = timeline.filter({ hasText: information });
  expect(await added.textContent()).toContain(t("timeline.message_by_citizen"));
  await expect(added.getByRole("link", { name: path.basename(ADDED_DOCUMENT), exact: true }).isVisible()).resolves.toBe(true);
  await expectNoSeriousA11yViolations(page);

  // Every page of the journey fits a 320 and a 360 px screen.
  await expectUsableAtNarrowWidths(page, `/complaints/new?region=${SUMBA_TIMUR.code}`);
  await expectUsableAtNarrowWidths(page, "/track");
  await expectUsableAtNarrowWidths(page, `/track/${trackingNumber}`);

  expect(unexpectedProblems(page)).toEqual([]);
}

/** The most recent past WITA date like 2026-11-11 (day = month), so typing it cannot depend on the field's order. */
function latestDayWhoseDayAndMonthAreEqual(): string {
  for (let days = 1; days < 400; days++) {
    const date = witaDateDaysAgo(days);
    if (date.slice(5, 7) === date.slice(8, 10)) return date;
  }
  throw new Error("no day with day = month in the last 400 days");
}

/** Presses Tab until the element has the focus, as a keyboard user does; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${max} presses of Tab never reached ${target}`);
}

describe("a citizen in Waingapu files a complaint on a 360 px phone", { timeout: 300_000 }, () => {
  test("in Indonesian: chooses Kabupaten Sumba Timur, fixes a failed submission, gets the receipt and its email, and follows the complaint with the code", async () => {
    await fileAndFollowComplaint("id");
  });

  test("in English, switched in the header: the same journey, every message and the email in English", async () => {
    await fileAndFollowComplaint("en");
  });

  test("the complaint form can be filled in, with a photo, and sent with the keyboard alone", async () => {
    const t = id;
    const page = await newPhonePage();
    await page.goto(`/complaints/new?region=${SUMBA_TIMUR.code}`);

    await page.keyboard.press("Tab");
    expect(await hasFocus(page.getByRole("link", { name: t("layout.skip") }))).toBe(true);
    await page.keyboard.press("Enter");
    const type = async (target: Locator, text: string) => {
      await tabTo(page, target);
      await page.keyboard.type(text);
    };
    await type(field(page, t, "complaint_form.name", { required: true }), "Yohana Kahi Ata");
    await type(field(page, t, "complaint_form.phone"), "081339012345");

    // The radio groups: Tab reaches the chosen answer, the arrow keys change it.
    await tabTo(page, radio(page, t, "complaint_form.confidentiality", t("confidentiality.confidential.label"), { required: true }));
    await page.keyboard.press("ArrowDown");
    expect(await radio(page, t, "complaint_form.confidentiality", t("confidentiality.anonymous.label"), { required: true }).isChecked()).toBe(true);

    // A closed list takes the first letters typed.
    const unit = field(page, t, "complaint_form.unit_label", { required: true });
    await tabTo(page, unit);
    await page.keyboard.type("Dinas Kep");
    expect(await unit.locator("option:checked").textContent()).toBe("Dinas Kependudukan dan Pencatatan Sipil");

    await type(field(page, t, "complaint_form.subject", { required: true }), "Antrean KTP elektronik tidak jelas");
    await type(field(page, t, "complaint_form.description", { required: true }), "Sudah tiga kali datang ke Dukcapil Waingapu tetapi selalu disuruh kembali tanpa kepastian.");
    // The browser's date field takes day and month in the order of the browser's own language
    // (dd mm or mm dd); a day such as 11 November reads the same either way.
    const date = field(page, t, "complaint_form.incident_date", { required: true });
    const incidentDate = latestDayWhoseDayAndMonthAreEqual();
    const [year, month, day] = incidentDate.split("-");
    await type(date, `${day}${month}${year}`);
    expect(await date.inputValue()).toBe(incidentDate);

    await tabTo(page, radio(page, t, "complaint_form.prior_made", t("forms.yes"), { required: true }));
    await page.keyboard.press("ArrowDown");
    expect(await radio(page, t, "complaint_form.prior_made", t("forms.no"), { required: true }).isChecked()).toBe(true);

    // The file picker opens from the keyboard too.
    const files = field(page, t, "complaint_form.files");
    await tabTo(page, files);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
    await chooser.setFiles(PHOTO);

    const send = page.getByRole("button", { name: t("complaint_form.submit"), exact: true });
    await tabTo(page, send);
    await Promise.all([page.waitForURL("**/complaints/receipt"), page.keyboard.press("Enter")]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(t("complaint_submitted.title"));
    expect((await readReceipt(page, t)).trackingNumber).toMatch(TRACKING_NUMBER);
    expect(pageProblems(page)).toEqual([]);
  });

  test("switching language on the complaint form keeps the chosen Pemda, also when the form came back with errors", async () => {
    const page = await newPhonePage();
    const languageSwitch = (t: Translate, to: string) => page.getByRole("navigation", { name: t("layout.language") }).getByRole("link", { name: to, exact: true });
    await page.goto(`/complaints/new?region=${SUMBA_TIMUR.code}`);

    await languageSwitch(id, "EN").click();
    await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === "en");
    expect(await page.getByText(en("complaint_form.region_chosen", { name: SUMBA_TIMUR.name })).count(), `still the form for ${SUMBA_TIMUR.name} after the switch, at ${page.url()}`).toBe(1);

    expect(await submit(page, page.getByRole("button", { name: en("complaint_form.submit"), exact: true })), "the empty form comes back with its errors").toBe(422);
    const [back] = await Promise.all([page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().method() === "GET" && !r.url().includes("/lang/")), languageSwitch(en, "ID").click()]);
    expect(back.status(), `switching language on the form sent back with errors leads to ${back.url()}`).toBe(200);
    expect(await page.getByText(id("complaint_form.region_chosen", { name: SUMBA_TIMUR.name })).count(), `the form for ${SUMBA_TIMUR.name}, in Indonesian, at ${page.url()}`).toBe(1);
  });

  test("the complaint form page weighs less than 60 KB as transferred, with its stylesheet and script", async () => {
    const page = await newPhonePage();
    const weight = await measurePageWeight(page, `/complaints/new?region=${SUMBA_TIMUR.code}`);
    const types = weight.responses.map((response) => response.type);
    expect(types, describePageWeight(weight)).toEqual(expect.arrayContaining(["Document", "Stylesheet", "Script"]));
    console.info(`Complaint form page weight: ${describePageWeight(weight)}`);
    expect(weight.totalBytes, describePageWeight(weight)).toBeLessThan(FORM_PAGE_BUDGET_BYTES);
  });
});
