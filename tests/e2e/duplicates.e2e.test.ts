import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { translator } from "../../src/i18n/index.js";
import { expectNoSeriousA11yViolations } from "./accessibility.js";
import { startAppServer, type ServerProcess } from "./app-server.js";
import { launchChromium, openPage, pageProblems } from "./chromium.js";

// Expected text comes from the locale files, so a reworded message does not break the journey.
const t = translator("id");
const startingWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
const assistant = { name: "Yohanes Bani", email: "yohanes.bani@ombudsman.test", password: "asisten ombudsman ntt 2026" };

let browser: Browser | undefined;
let server: ServerProcess | undefined;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  const admin = await newPage();
  await signIn(admin, server.admin);
  await admin.goto("/admin/users/new");
  await admin.getByLabel(startingWith(t("admin_users.name"))).fill(assistant.name);
  await admin.getByLabel(startingWith(t("admin_users.email"))).fill(assistant.email);
  await admin.getByLabel(startingWith(t("admin_users.role"))).selectOption("assistant");
  await admin.getByLabel(startingWith(t("admin_users.password"))).fill(assistant.password);
  await admin.getByRole("button", { name: t("admin_users.submit"), exact: true }).click();
  await admin.waitForURL("**/admin/users?notice=user_created");
});

afterEach(async (context) => {
  if (context.task.result?.state === "fail" && server) console.error(`Server output:\n${server.output()}`);
  for (const page of pages.splice(0)) await page.context().close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage() {
  const page = await openPage(browser!, server!.baseUrl);
  pages.push(page);
  return page;
}

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel(startingWith(t("login.email"))).fill(account.email);
  await page.getByLabel(startingWith(t("login.password"))).fill(account.password);
  await page.getByRole("button", { name: t("login.submit"), exact: true }).click();
  await page.waitForURL("**/dashboard");
}

/** A complaint filed through the public JSON API, as a citizen's app would. */
async function file(body: Record<string, unknown>): Promise<{ trackingNumber: string; accessCode: string }> {
  const response = await fetch(`${server!.baseUrl}/api/v1/complaints`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return (await response.json()) as { trackingNumber: string; accessCode: string };
}

const daysAgo = (days: number) => new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
const dukcapil = { regionCode: "53.01", unitName: "Dinas Kependudukan dan Pencatatan Sipil", priorComplaint: { made: false } };

describe("duplicate decisions in a real browser", { timeout: 120_000 }, () => {
  test("the assistant compares a complaint with the earlier one side by side and links it as a duplicate; its reporter's status page says who handles it", async () => {
    const earlier = await file({
      ...dukcapil,
      reporter: { name: "Yohanes Bere", nik: "5301011203850001", phone: "0812-3456-7890", email: "yohanes.bere@contoh.id", confidentiality: "confidential" },
      subject: "KTP elektronik belum dicetak dan diminta uang Rp 150.000",
      description: "Saya sudah merekam KTP elektronik di kantor Dukcapil Oelamasi pada bulan Juli tetapi sampai sekarang belum dicetak. Petugas loket bernama Pak Markus meminta uang Rp 150.000 supaya KTP saya dicetak lebih cepat. Saya tidak mau membayar karena pelayanan KTP gratis.",
      incidentDate: daysAgo(20),
    });
    const again = await file({
      ...dukcapil,
      unitName: "Disdukcapil",
      reporter: { name: "Bpk. Yohanis Bere", phone: "+62 812 3456 7890", email: "yohanis.bere@contoh.id", confidentiality: "public" },
      subject: "Pungutan liar cetak e-KTP di Disdukcapil",
      description: "Sy mau lapor, e-KTP sy sdh rekam dr bln 7 tp blm jg dicetak. Wkt sy tanya di loket, pak Markus blg hrs bayar 150rb baru bs cetak cepat. Sy tdk bayar krn setau sy urus KTP itu gratis. Mohon ditindak.",
      incidentDate: daysAgo(17),
    });

    const staff = await newPage();
    await signIn(staff, assistant);
    // The check runs in a queue job right after intake: the page shows it once it has run.
    const candidate = staff.locator(`#candidate-${earlier.trackingNumber}`);
    await expect
      .poll(async () => {
        await staff.goto(`/complaints/${again.trackingNumber}`);
        return candidate.count();
      }, { timeout: 20_000, interval: 500 })
      .toBe(1);

    const comparison = candidate.getByRole("table", { name: t("duplicates.review.caption", { own: again.trackingNumber, other: earlier.trackingNumber }) });
    await expect.poll(() => comparison.isVisible()).toBe(true);
    expect(await comparison.locator("ins").first().textContent()).toMatch(/\S/);
    expect(await comparison.locator("del").first().textContent()).toMatch(/\S/);
    const evidence = await candidate.locator("ul.evidence li").allTextContents();
    expect(evidence).toContain(t("duplicates.reasons.reporter_phone.equal"));
    expect(evidence).toContain(t("duplicates.reasons.unit.same"));
    await expectNoSeriousA11yViolations(staff);

    await candidate.getByRole("button", { name: t("duplicates.actions.link_duplicate"), exact: true }).click();
    await staff.waitForURL(/[?&]notice=link_duplicate$/);
    await expect.poll(() => staff.locator(".status-value").textContent()).toBe(t("complaint_status.duplicate.citizen"));
    expect(await staff.locator(".duplicate-decisions").textContent()).toContain(t("duplicates.decisions.duplicate"));

    const citizen = await newPage();
    await citizen.goto(`/track?tn=${again.trackingNumber}`);
    await citizen.getByLabel(startingWith(t("track.code_label"))).fill(again.accessCode);
    await citizen.getByRole("button", { name: t("track.submit"), exact: true }).click();
    await citizen.waitForURL(`**/track/${again.trackingNumber}`);
    const timeline = await citizen.locator(".timeline").textContent();
    expect(timeline).toContain(t("duplicates.citizen.linked", { existing: earlier.trackingNumber, handler: t("desks.ombudsman") }));
    expect(timeline).not.toContain("Yohanes Bere");
    expect(pageProblems(staff)).toEqual([]);
    expect(pageProblems(citizen)).toEqual([]);
  });
});
