import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { civilDateIn } from "../../src/complaints/intake-rules.js";
import { translator } from "../../src/i18n/index.js";
import { complaintBody } from "../helpers/complaints.js";
import { expectNoSeriousA11yViolations } from "./accessibility.js";
import { startAppServer, type ServerProcess } from "./app-server.js";
import { launchChromium, openPage, pageProblems } from "./chromium.js";

// Everything here goes through the running application (admin pages, the JSON API, the forms), so
// the journey holds on SQLite and PostgreSQL alike and rests on the real intake and deadline rules.

const id = translator("id");
const SCREENSHOTS = path.join(import.meta.dirname, "screenshots");
const startingWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
const PASSWORD = "kata sandi penilai yang panjang";
const staff = { assistant: { name: "Yosua Karbeka", email: "penilai@ombudsman.test" }, focal: { name: "Maria Nona Bria", email: "penghubung@kupangkab.test" } };
const DAY = 86_400_000;
const today = new Date();
const wita = (date: Date) => civilDateIn("Asia/Makassar", date);
/** Cases received 15 days ago whose 14-day answer never came, and 13 days ago answered today (on time); the year is theirs. */
const lateReceived = wita(new Date(today.getTime() - 15 * DAY));
const onTimeReceived = wita(new Date(today.getTime() - 13 * DAY));
const YEAR = Number(lateReceived.slice(0, 4));

let browser: Browser | undefined;
let server: ServerProcess | undefined;
const pages: Page[] = [];
const late: string[] = [];
const onTime: string[] = [];
let dukcapilId = 0;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterEach(async (context) => {
  if (context.task.result?.state === "fail" && server) console.error(`Server output:\n${server.output()}`);
  for (const page of pages.splice(0)) await page.context().close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(email: string, password = PASSWORD) {
  // 1040 px: the pages are at most 62rem wide, so the screenshots stay small and show everything.
  const page = await openPage(browser!, server!.baseUrl, { width: 1040 });
  pages.push(page);
  await page.goto("/login");
  await page.getByLabel(startingWith(id("login.email"))).fill(email);
  await page.getByLabel(startingWith(id("login.password"))).fill(password);
  await page.getByRole("button", { name: id("login.submit"), exact: true }).click();
  await page.waitForURL("**/dashboard");
  return page;
}

/** A JSON API call that must succeed; T is the shape the caller relies on. */
async function api<T = unknown>(pathname: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${server!.baseUrl}${pathname}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${pathname}: ${response.status} ${JSON.stringify(body)}`);
  return body as T;
}

/** The administrator adds this year's methodology (a copy of the last one) and the two staff accounts. */
async function prepareAsAdministrator() {
  const admin = await signedIn(server!.admin.email, server!.admin.password);
  await admin.goto("/admin/scoring/methodologies/new?from=2025.1&year=" + YEAR);
  if (YEAR !== 2025) {
    await admin.getByRole("button", { name: id("scoring.admin.save_version") }).click();
    await admin.waitForURL(`**/admin/scoring/methodologies/${YEAR}.1?notice=methodology_added`);
  }
  for (const [role, person] of [["assistant", staff.assistant], ["focal_point", staff.focal]] as const) {
    await admin.goto("/admin/users/new");
    await admin.getByLabel(startingWith(id("admin_users.name"))).fill(person.name);
    await admin.getByLabel(startingWith(id("admin_users.email"))).fill(person.email);
    await admin.getByLabel(startingWith(id("admin_users.role"))).selectOption(role);
    if (role === "focal_point") {
      await admin.getByLabel(startingWith(id("admin_users.region"))).selectOption({ label: "53.01 Kabupaten Kupang" });
      await admin.getByLabel(startingWith(id("admin_users.office"))).selectOption("inspektorat");
    }
    await admin.getByLabel(startingWith(id("admin_users.password"))).fill(PASSWORD);
    await admin.getByRole("button", { name: id("admin_users.submit") }).click();
    await admin.waitForURL("**/admin/users?notice=user_created");
  }
}

/** The focal point registers the Inspektorat's cases through the API; the deadline rules start their 14-day answer. */
async function registerCases() {
  const { token } = await api<{ token: string }>("/api/v1/auth/token", { method: "POST", body: { email: staff.focal.email, password: PASSWORD } });
  const units = await api<Array<{ id: number; kind: string }>>("/api/v1/regions/53.01/units");
  dukcapilId = units.find((u) => u.kind === "DUKCAPIL")!.id;
  const before = (date: string, days: number) => wita(new Date(Date.parse(`${date}T12:00:00+08:00`) - days * DAY));
  for (const [receivedAt, list] of [[lateReceived, late], [lateReceived, late], [onTimeReceived, onTime], [onTimeReceived, onTime], [onTimeReceived, onTime]] as const) {
    const body = complaintBody({ unitName: undefined, unitId: dukcapilId, incidentDate: before(receivedAt, 30), priorComplaint: { made: true, to: "unit", date: before(receivedAt, 10), response: "Disuruh menunggu" }, receivedAt, reporter: { name: "Agustina Fallo" } });
    const { trackingNumber } = await api<{ trackingNumber: string }>("/api/v1/complaints", { method: "POST", token, body });
    list.push(trackingNumber);
  }
  for (const trackingNumber of onTime) {
    await api(`/api/v1/complaints/${trackingNumber}/actions/send_answer`, { method: "POST", token, body: { message: "Berkas Anda lengkap dan sedang diproses Dinas Dukcapil." } });
  }
}

/** The assessors' CSV for every assessed unit of every Pemda, the points spread so that every zone appears. */
async function assessorCsv(): Promise<string> {
  const regions = ((await api("/api/v1/regions")) as Array<{ code: string }>).map((r) => r.code).sort();
  const lines: string[] = [];
  for (const [index, code] of regions.entries()) {
    const level = index / (regions.length - 1);
    const units = ((await api(`/api/v1/regions/${code}/units`)) as Array<{ id: number; kind: string; isAssessed: boolean }>).filter((u) => u.isAssessed);
    units.forEach((u, i) => {
      // Kabupaten Kupang's Dukcapil is scored from its recorded cases; elsewhere the assessors gave the complaint figure too.
      const pengaduan = u.id === dukcapilId ? "" : (6 + 15 * (1 - level)).toFixed(2);
      lines.push([YEAR, code, u.id, (6 + 13 * (1 - level) + (i % 3)).toFixed(2), (12 + 19 * (1 - level) + (i % 2)).toFixed(2), (10 + 13 * (1 - level)).toFixed(2), pengaduan].join(";"));
    });
  }
  return ["tahun;kode_wilayah;id_unit;input;proses;output;pengaduan", ...lines].join("\n");
}

describe("compliance scores in a real browser", { timeout: 240_000 }, () => {
  test("an assessor imports the points, recomputes, sees every Pemda on the map and clicks through to the cases behind a figure", async () => {
    await prepareAsAdministrator();
    await registerCases();
    const page = await signedIn(staff.assistant.email);
    await page.goto("/scores/assessor-import");
    const csv = await assessorCsv();
    await page.getByLabel(startingWith(id("scoring.assessor.paste"))).fill(csv);
    await page.getByRole("button", { name: id("scoring.assessor.import_submit") }).click();
    expect(await page.getByRole("status").textContent()).toBe(id("scoring.assessor.imported", { count: csv.split("\n").length - 1 }));

    await page.goto("/admin/scoring");
    await page.getByRole("button", { name: `${id("scoring.admin.recompute")} ${YEAR}` }).click();
    await page.waitForURL("**/admin/scoring?notice=recompute_requested");
    await expect.poll(async () => (await page.goto(`/scores?year=${YEAR}`), await page.locator(".tile-map a").count()), { timeout: 90_000, interval: 1_000 }).toBe(23);

    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(id("scoring.pages.overview_heading", { year: YEAR }));
    await expectNoSeriousA11yViolations(page);
    // Down to the zone columns: the long trend table below them is the same figures as text.
    const chart = (await page.locator("figure.zone-columns").boundingBox())!;
    await page.screenshot({ path: path.join(SCREENSHOTS, "latest-scores-assistant.png"), fullPage: true, clip: { x: 0, y: 0, width: 1040, height: chart.y + chart.height + 16 } });

    await page.locator('.tile-map a[href$="/regions/53.01"]').click();
    await page.waitForURL(`**/scores/${YEAR}/regions/53.01`);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("table", { name: id("scoring.pages.units_caption", { region: "Kabupaten Kupang", year: YEAR }) }).getByRole("link", { name: "Dinas Kependudukan dan Pencatatan Sipil" }).click();
    await page.waitForURL(`**/scores/${YEAR}/units/${dukcapilId}`);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: id("scoring.indicators.answered_within_14_days.name") }).click();
    await page.waitForURL("**/indicators/answered_within_14_days");
    await expectNoSeriousA11yViolations(page);

    const listed = async (list: string) => (await page.locator("section", { has: page.locator(`#list-${list}`) }).getByRole("link").allTextContents()).sort();
    expect(await listed("notMet")).toEqual([...late].sort());
    expect(await listed("met")).toEqual([...onTime].sort());
    expect(await page.content()).not.toContain("Agustina Fallo");

    await page.getByRole("link", { name: late[0] }).click();
    await page.waitForURL(`**/complaints/${late[0]}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(late[0]);
    expect(pageProblems(page)).toEqual([]);
  });

  test("the focal point of Kabupaten Kupang sees their units, what lowers the complaint score, the cases at risk and the recommendations", async () => {
    const page = await signedIn(staff.focal.email);
    expect(await page.getByRole("heading", { name: id("scoring.summary.heading", { year: YEAR }) }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: id("scoring.summary.open_region") }).click();
    await page.waitForURL(`**/scores/${YEAR}/regions/53.01`);
    expect(await page.getByRole("heading", { name: id("scoring.pages.lowering_heading") }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Dinas Kependudukan dan Pencatatan Sipil" }).count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "latest-scores-pemda.png"), fullPage: true });

    await page.getByRole("link", { name: new RegExp(`^${id("scoring.recommendations.heading")}`) }).click();
    await page.waitForURL("**/recommendations");
    expect(await page.locator(".checklist-item").count()).toBe(7);
    await expectNoSeriousA11yViolations(page);
    expect(pageProblems(page)).toEqual([]);
  });
});
