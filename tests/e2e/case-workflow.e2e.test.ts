import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { translator } from "../../src/i18n/index.js";
import { expectNoSeriousA11yViolations } from "./accessibility.js";
import { startAppServer, type ServerProcess } from "./app-server.js";
import { launchChromium, openPage, pageProblems } from "./chromium.js";
import { chooseRegion, DOCUMENT, field, fillComplaintForm, PHOTO, radio, readReceipt, witaDateDaysAgo, type CitizenComplaint } from "./citizen-form.js";
import { saveFailureScreenshots } from "./failure-screenshots.js";
import { expectUniqueIdsAndLabelledControls } from "./form-labels.js";
import { linksTo } from "./mailbox.js";
import { actionNotice, createStaffAccount, offeredActions, rowByHeader, signIn, takeCaseAction, waitForMail, type StaffAccount } from "./staff-pages.js";

// Issue 5's three journeys in Chromium, each step done on the page a person would use.
// Expected text comes from the locale files, so a reworded message does not break the journey.
const t = translator("id");

const KUPANG = { code: "53.01", name: "Kabupaten Kupang", inspektorat: "Inspektorat Daerah Kabupaten Kupang" };
const TTS = { code: "53.02", name: "Kabupaten Timor Tengah Selatan", inspektorat: "Inspektorat Daerah Kabupaten Timor Tengah Selatan" };

const assistant: StaffAccount = { name: "Yohanes Bani", email: "yohanes.bani@ombudsman.test", password: "asisten ombudsman ntt 2026", role: "assistant" };
const kupangFocal: StaffAccount = {
  name: "Maria Nona Bria",
  email: "maria.bria@kupangkab.test",
  password: "inspektorat kupang rahasia",
  role: "focal_point",
  region: `${KUPANG.code} ${KUPANG.name}`,
  office: "inspektorat",
};
const ttsFocal: StaffAccount = {
  name: "Daniel Tefa",
  email: "daniel.tefa@ttskab.test",
  password: "inspektorat soe rahasia",
  role: "focal_point",
  region: `${TTS.code} ${TTS.name}`,
  office: "inspektorat",
};

let browser: Browser | undefined;
let server: ServerProcess | undefined;
const pages: Page[] = [];
/** The tracking numbers of journeys (a) and (b), which the overview (c) must reflect, once each journey has ended. */
const filed: { closed?: string; rerouted?: string } = {};

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  const admin = await newPage();
  await signIn(admin, t, server.admin);
  for (const account of [assistant, kupangFocal, ttsFocal]) await createStaffAccount(admin, t, account);
  await admin.context().close();
  pages.splice(pages.indexOf(admin), 1);
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

async function newPage(options: { width?: number } = {}): Promise<Page> {
  const page = await openPage(browser!, server!.baseUrl, { locale: "id-ID", width: options.width });
  pages.push(page);
  return page;
}

async function staffPage(account: StaffAccount): Promise<Page> {
  const page = await newPage();
  await signIn(page, t, account);
  return page;
}

/** A citizen files a complaint on the web form from a phone; returns the receipt and the phone's page. */
async function fileOnTheWebForm(regionName: string, complaint: CitizenComplaint) {
  const page = await newPage({ width: 360 });
  await page.goto("/complaints/new");
  await chooseRegion(page, t, regionName);
  await fillComplaintForm(page, t, complaint);
  await page.getByRole("button", { name: t("complaint_form.submit"), exact: true }).click();
  await page.waitForURL("**/complaints/receipt");
  expect(await page.getByRole("heading", { level: 1 }).textContent(), "the web form accepts the complaint").toBe(t("complaint_submitted.title"));
  return { page, ...(await readReceipt(page, t)) };
}

/** axe-core finds nothing serious, and every field (also those in closed action forms) has its own label. */
async function expectAccessible(page: Page): Promise<void> {
  await expectNoSeriousA11yViolations(page);
  await expectUniqueIdsAndLabelledControls(page);
}

/** Opens a case from the inbox, as staff find their work. */
async function openFromInbox(page: Page, trackingNumber: string): Promise<void> {
  await page.goto("/inbox");
  await page.getByRole("link", { name: trackingNumber, exact: true }).click();
  await page.waitForURL(`**/complaints/${trackingNumber}`);
}

const statusValue = (page: Page) => page.locator(".status-box .status-value").textContent();
const notice = (page: Page) => page.getByRole("status").textContent();
const inboxRow = (page: Page, trackingNumber: string): Locator => page.getByRole("row").filter({ has: page.getByRole("link", { name: trackingNumber, exact: true }) });
const inboxNotices = (page: Page) => page.getByRole("region", { name: t("inbox.notices") }).getByRole("listitem");

/** The assistant's overview row of a Pemda, by column heading. */
async function overviewOf(page: Page, regionName: string): Promise<Record<string, string>> {
  const table = page.getByRole("table");
  return rowByHeader(table, table.getByRole("row").filter({ has: page.getByRole("link", { name: regionName, exact: true }) }));
}

describe("complaints handled from the web form to their end, in a real browser", { timeout: 420_000 }, () => {
  test("(a) a citizen's complaint is routed to Kabupaten Kupang's Inspektorat focal point, answered with a document and closed, and the citizen rates it", async () => {
    const reporterEmail = "agustina.seran@oelamasi.test";
    const decision = "KTP elektronik Anda sudah dicetak dan dapat diambil di kantor Dukcapil Oelamasi mulai 24 November.";
    const citizen = await fileOnTheWebForm(KUPANG.name, {
      name: "Agustina Seran",
      email: reporterEmail,
      confidentiality: "confidential",
      unit: "Dinas Kependudukan dan Pencatatan Sipil",
      subject: "KTP elektronik belum dicetak di Dukcapil Oelamasi",
      description: "Saya sudah merekam KTP elektronik di Oelamasi pada bulan Agustus dan sampai sekarang belum dicetak. Petugas hanya meminta saya menunggu.",
      incidentDate: witaDateDaysAgo(60),
      category: "penundaan_berlarut",
      prior: null,
      evidence: [PHOTO],
    });
    const { trackingNumber, accessCode } = citizen;

    // The Ombudsman assistant checks it and routes it; the rules choose Kupang's Inspektorat.
    const ombudsman = await staffPage(assistant);
    await openFromInbox(ombudsman, trackingNumber);
    expect(await statusValue(ombudsman)).toBe(t("complaint_status.received.citizen"));
    await expectAccessible(ombudsman);
    await takeCaseAction(ombudsman, t, "start_verification");
    await takeCaseAction(ombudsman, t, "verify");
    await takeCaseAction(ombudsman, t, "route");
    expect(await notice(ombudsman)).toBe(actionNotice(t, "route"));
    expect(await statusValue(ombudsman)).toBe(t("complaint_status.routed.citizen"));
    expect(await ombudsman.locator(".status-box .hint").textContent()).toBe(`${t("case.waiting_on.pemda")} · ${KUPANG.inspektorat}`);
    expect(await ombudsman.getByRole("heading", { name: t("case.routes") }).isVisible()).toBe(true);
    expect(await ombudsman.locator("ol.timeline").first().textContent()).toContain(KUPANG.inspektorat);

    // Kupang's focal point finds it in the inbox, without the confidential reporter's identity.
    const focal = await staffPage(kupangFocal);
    await focal.goto("/inbox");
    expect(await inboxNotices(focal).allTextContents()).toContainEqual(expect.stringContaining(t("notices.case_routed", { trackingNumber, subject: "KTP elektronik belum dicetak di Dukcapil Oelamasi" })));
    expect(await rowByHeader(focal.getByRole("table"), inboxRow(focal, trackingNumber))).toMatchObject({
      [t("inbox.status")]: expect.stringContaining(t("complaint_status.routed.citizen")),
      [t("inbox.region")]: KUPANG.name,
      [t("inbox.waiting_on")]: t("case.waiting_on.pemda"),
    });
    await expectAccessible(focal);
    await openFromInbox(focal, trackingNumber);
    expect(await focal.getByText(t("case.identity_confidential")).isVisible()).toBe(true);
    expect(await focal.getByRole("main").textContent()).not.toContain("Agustina Seran");
    await takeCaseAction(focal, t, "acknowledge");
    await takeCaseAction(focal, t, "forward_to_unit", (form) => form.getByLabel(t("case_actions.note"), { exact: true }).fill("Diteruskan kepada Kepala Dinas Dukcapil dengan nota dinas 12/IRDA/2026."));
    expect(await statusValue(focal)).toBe(t("complaint_status.in_progress.citizen"));
    await expectAccessible(focal);

    // The assistant asks for clarification with a numbered coordination letter.
    const summary = "Pelapor menunggu pencetakan KTP elektronik sejak Agustus tanpa kepastian.";
    await ombudsman.reload();
    await takeCaseAction(ombudsman, t, "request_clarification", (form) => form.getByLabel(fieldLabel("case_actions.summary"), { exact: true }).fill(summary));
    expect(await notice(ombudsman)).toBe(actionNotice(t, "request_clarification"));
    const letterLink = ombudsman.locator("ul.files a[href^='/letters/']");
    const letterNumber = ((await letterLink.textContent()) ?? "").trim();
    expect(letterNumber).toMatch(new RegExp(`^\\d{4}/KL/${KUPANG.code.replace(".", "\\.")}/[IVX]+/\\d{4}$`));

    // The focal point gets it by email with a link, opens it, and answers with a document.
    const letterMail = await waitForMail(server!.mailDir, kupangFocal.email, (mail) => mail.subject.startsWith(`Surat ${letterNumber}`));
    const link = linksTo(letterMail, server!.baseUrl).find((href) => href.includes("/letters/"));
    expect(link, letterMail.text).toBeDefined();
    await focal.goto(link!);
    expect(await focal.locator("pre.letter").textContent()).toContain(trackingNumber);
    expect(await focal.locator("pre.letter").textContent()).toContain(summary);
    await expectAccessible(focal);
    const answer = "KTP elektronik pelapor sudah dicetak pada 20 November 2026; berita acara terlampir.";
    await field(focal, t, "letters.answer_body", { required: true }).fill(answer);
    await field(focal, t, "letters.answer_files").setInputFiles(DOCUMENT);
    await focal.getByRole("button", { name: t("letters.answer_submit"), exact: true }).click();
    await focal.waitForURL(/[?&]notice=answered$/);
    expect(await notice(focal)).toBe(t("letters.notice_answered"));
    expect(await focal.locator(".message-body").textContent()).toBe(answer);
    await expectAccessible(focal);

    // The answer is part of the case: the letter marked answered, the document with the case's files.
    await focal.getByRole("link", { name: trackingNumber, exact: true }).click();
    await focal.waitForURL(`**/complaints/${trackingNumber}`);
    expect(await focal.locator("ul.files li").filter({ hasText: letterNumber }).textContent()).toContain(t("letters.answered_on", { date: "" }).trim());
    expect(await focal.getByRole("link", { name: path.basename(DOCUMENT), exact: true }).isVisible()).toBe(true);

    // The focal point decides; the assistant tells the reporter and closes the case.
    await takeCaseAction(focal, t, "decide", async (form) => {
      await form.getByRole("radio", { name: t("outcomes.resolved"), exact: true }).check();
      await form.getByLabel(fieldLabel("case_actions.decision_summary"), { exact: true }).fill(decision);
    });
    expect(await statusValue(focal)).toBe(t("complaint_status.decided.citizen"));
    await ombudsman.reload();
    await takeCaseAction(ombudsman, t, "notify_reporter");
    await takeCaseAction(ombudsman, t, "close");
    expect(await statusValue(ombudsman)).toBe(t("complaint_status.closed.citizen"));
    expect(await offeredActions(ombudsman)).toEqual([t("case_actions.reopen.label")]);

    // The reporter is told by email and sees the outcome on the status page, then rates the handling.
    const decidedMail = await waitForMail(server!.mailDir, reporterEmail, (mail) => mail.text.includes(decision));
    expect(decidedMail.subject).toBe(t("emails.complaint-update.subject", { trackingNumber }));
    const phone = citizen.page;
    await phone.goto(`/track/${trackingNumber}`);
    expect(await statusValue(phone)).toBe(t("complaint_status.closed.citizen"));
    const timeline = await phone.locator("ol.timeline").textContent();
    expect(timeline).toContain(t("timeline.complaint.route", { officeName: KUPANG.inspektorat }));
    expect(timeline).toContain(decision);
    expect(timeline).toContain(t("timeline.complaint.close"));
    expect(timeline, "internal notes and the letter's document stay with the staff").not.toContain("nota dinas");
    expect(await phone.getByRole("link", { name: path.basename(DOCUMENT) }).count()).toBe(0);
    await expectAccessible(phone);
    await radio(phone, t, "status.rate_question", t("status.rating_5"), { required: true }).check();
    await field(phone, t, "status.rate_comment").fill("Terima kasih, akhirnya KTP saya jadi.");
    await phone.getByRole("button", { name: t("status.rate_submit"), exact: true }).click();
    await phone.waitForURL(/[?&]notice=rated$/);
    expect(await notice(phone)).toBe(t("status.notice_rated"));
    expect(await phone.getByText(t("status.rated", { rating: 5 })).isVisible()).toBe(true);
    expect(await phone.locator("ol.timeline").textContent()).toContain(t("timeline.complaint.rate", { rating: 5 }));
    expect(accessCode).not.toBe("");

    for (const page of [ombudsman, focal, phone]) expect(pageProblems(page), page.url()).toEqual([]);
    filed.closed = trackingNumber;
  });

  test("(b) a complaint filed for the wrong Pemda is re-routed by that Pemda's focal point to Kabupaten Kupang with a reason", async () => {
    const subject = "Akta kelahiran anak tidak diterbitkan";
    const reason = "Pelapor tinggal di Oelamasi; kantor Dukcapil yang diadukan milik Kabupaten Kupang, bukan TTS.";
    const { trackingNumber } = await fileOnTheWebForm(TTS.name, {
      name: "Yakobus Nenabu",
      phone: "081338765432",
      confidentiality: "public",
      unit: "Dinas Kependudukan dan Pencatatan Sipil",
      subject,
      description: "Permohonan akta kelahiran anak saya sudah tiga bulan tidak diterbitkan walaupun semua syarat sudah saya serahkan.",
      incidentDate: witaDateDaysAgo(45),
      prior: { to: "unit", date: witaDateDaysAgo(30), response: "Diminta menunggu." },
    });

    const ombudsman = await staffPage(assistant);
    await openFromInbox(ombudsman, trackingNumber);
    for (const action of ["start_verification", "verify", "route"]) await takeCaseAction(ombudsman, t, action);
    expect(await ombudsman.locator(".status-box .hint").textContent()).toBe(`${t("case.waiting_on.pemda")} · ${TTS.inspektorat}`);

    // TTS's focal point sees it is not theirs and re-routes it in one action, with the reason.
    const tts = await staffPage(ttsFocal);
    await openFromInbox(tts, trackingNumber);
    await takeCaseAction(tts, t, "reroute", async (form) => {
      const region = form.getByLabel(t("case_actions.reroute_region"), { exact: true });
      expect(await region.locator("option").allTextContents(), "the re-route form lists the Pemda to choose from").toContain(KUPANG.name);
      await region.selectOption({ label: KUPANG.name });
      await form.getByLabel(fieldLabel("case_actions.reason"), { exact: true }).fill(reason);
    });
    // The case is no longer theirs to open: they are back in their inbox, which confirms the re-route.
    expect(await tts.getByRole("heading", { level: 1 }).textContent(), "after re-routing a case away, the focal point is shown 'not found' instead of a confirmation").not.toBe(t("problems.not_found.title"));
    expect(new URL(tts.url()).pathname).toBe("/inbox");
    expect(await notice(tts)).toBe(t("inbox.notice_reroute", { trackingNumber }));

    // It has left TTS: gone from the inbox, with a notice saying where it went and why.
    expect(await inboxRow(tts, trackingNumber).count()).toBe(0);
    expect(await inboxNotices(tts).allTextContents()).toContainEqual(expect.stringContaining(t("notices.case_rerouted_away", { trackingNumber, office: KUPANG.inspektorat, reason })));
    expect((await tts.goto(`/complaints/${trackingNumber}`))?.status()).toBe(404);

    // Kupang's focal point finds it in the inbox with the reason, and everything TTS had.
    const kupang = await staffPage(kupangFocal);
    await kupang.goto("/inbox");
    expect(await inboxNotices(kupang).allTextContents()).toContainEqual(expect.stringContaining(t("notices.case_rerouted", { trackingNumber, subject, reason })));
    expect(await rowByHeader(kupang.getByRole("table"), inboxRow(kupang, trackingNumber))).toMatchObject({
      [t("inbox.status")]: expect.stringContaining(t("complaint_status.routed.citizen")),
      [t("inbox.region")]: KUPANG.name,
    });
    await openFromInbox(kupang, trackingNumber);
    const routes = kupang.locator("ol.timeline").first().getByRole("listitem");
    expect(await routes.count()).toBe(2);
    expect(await routes.nth(0).textContent()).toContain(TTS.inspektorat);
    expect(await routes.nth(0).textContent()).toContain(t("case.route_ended"));
    expect(await routes.nth(1).textContent()).toContain(KUPANG.inspektorat);
    expect(await routes.nth(1).textContent()).toContain(`${t("case.route_reason")}: ${reason}`);
    expect(await kupang.locator(".facts").first().textContent()).toContain(`${KUPANG.name} (${KUPANG.code})`);
    expect(await offeredActions(kupang)).toContain(t("case_actions.acknowledge.label"));
    await expectAccessible(kupang);

    for (const page of [ombudsman, tts, kupang]) expect(pageProblems(page).filter((problem) => !problem.includes("status of 404")), page.url()).toEqual([]);
    filed.rerouted = trackingNumber;
  });

  test("(c) the assistant's overview counts the re-routed case as open at Kabupaten Kupang, waiting on the Pemda, and no longer counts the closed one", async () => {
    expect(filed.closed && filed.rerouted, "journeys (a) and (b) must have ended: the overview reflects the two complaints they handled").toBeTruthy();
    const ombudsman = await staffPage(assistant);
    await ombudsman.getByRole("navigation", { name: t("layout.nav_label") }).getByRole("link", { name: t("layout.overview"), exact: true }).click();
    await ombudsman.waitForURL("**/overview");
    expect(await ombudsman.getByRole("heading", { level: 1 }).textContent()).toBe(t("overview.title"));

    expect(await overviewOf(ombudsman, KUPANG.name)).toEqual({
      [t("dashboard.region")]: KUPANG.name,
      [t("overview.open")]: "1",
      [t("overview.overdue")]: "0",
      [t("overview.on_ombudsman")]: "0",
      [t("overview.on_pemda")]: "1",
      [t("overview.on_reporter")]: "0",
      [t("overview.not_acknowledged")]: "1",
    });
    expect(await overviewOf(ombudsman, TTS.name)).toMatchObject({ [t("overview.open")]: "0", [t("overview.on_pemda")]: "0" });
    const stat = (labelKey: string) => ombudsman.locator(".stat").filter({ hasText: t(labelKey) }).locator(".stat-value").textContent();
    expect(await stat("overview.open")).toBe("1");
    expect(await stat("case.waiting_on.pemda")).toBe("1");
    await expectAccessible(ombudsman);

    // From the overview to that Pemda's open cases: the re-routed one, not the closed one.
    await ombudsman.getByRole("link", { name: KUPANG.name, exact: true }).click();
    await ombudsman.waitForURL(`**/inbox?regionCode=${KUPANG.code}&status=open`);
    expect(await inboxRow(ombudsman, filed.rerouted!).count()).toBe(1);
    expect(await inboxRow(ombudsman, filed.closed!).count()).toBe(0);
    expect(await rowByHeader(ombudsman.getByRole("table"), inboxRow(ombudsman, filed.rerouted!))).toMatchObject({ [t("inbox.waiting_on")]: t("case.waiting_on.pemda") });
    await expectAccessible(ombudsman);
    expect(pageProblems(ombudsman)).toEqual([]);
  });
});

/** A required field's label as announced: the label and "(wajib)". */
function fieldLabel(key: string): string {
  return `${t(key)} (${t("forms.required")})`;
}
