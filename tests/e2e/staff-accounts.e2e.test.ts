import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { translator } from "../../src/i18n/index.js";
import { expectNoSeriousA11yViolations, expectUsableAtNarrowWidths } from "./accessibility.js";
import { startAppServer, type ServerProcess } from "./app-server.js";
import { hasFocus, launchChromium, openPage, pageProblems } from "./chromium.js";
import { linksTo, waitForMailTo } from "./mailbox.js";

// Expected text comes from the locale files, so a reworded message does not break the journey.
const id = translator("id");
const en = translator("en");

/** Matches an accessible name that starts with the given text (labels carry "(wajib)" after it). */
const startingWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

let browser: Browser | undefined;
let server: ServerProcess | undefined;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
});

afterEach(async (context) => {
  if (context.task.result?.state === "fail" && server) console.error(`Server output:\n${server.output()}`);
  for (const page of pages.splice(0)) await page.context().close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(options: { locale?: string } = {}) {
  const page = await openPage(browser!, server!.baseUrl, options);
  pages.push(page);
  return page;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel(startingWith(id("login.email"))).fill(email);
  await page.getByLabel(startingWith(id("login.password"))).fill(password);
  await page.getByRole("button", { name: id("login.submit"), exact: true }).click();
  await page.waitForURL("**/dashboard");
}

describe("staff accounts in a real browser", { timeout: 90_000 }, () => {
  test("an administrator invites an Inspektorat focal point of Kabupaten Kupang, who sets a password from the emailed link and sees their Pemda's dashboard", async () => {
    const focal = { name: "Maria Nona Bria", email: "maria.bria@kupangkab.test", password: "sebuah kalimat rahasia" };

    const admin = await newPage();
    await signIn(admin, server!.admin.email, server!.admin.password);
    await admin.goto("/admin/users/new");
    await admin.getByLabel(startingWith(id("admin_users.name"))).fill(focal.name);
    await admin.getByLabel(startingWith(id("admin_users.email"))).fill(focal.email);
    await admin.getByLabel(startingWith(id("admin_users.role"))).selectOption("focal_point");
    await admin.getByLabel(startingWith(id("admin_users.region"))).selectOption({ label: "53.01 Kabupaten Kupang" });
    await admin.getByLabel(startingWith(id("admin_users.office"))).selectOption("inspektorat");
    await admin.getByRole("button", { name: id("admin_users.submit") }).click();
    await admin.waitForURL("**/admin/users?notice=user_invited");
    expect(await admin.getByRole("status").textContent()).toBe(id("admin_users.notice_user_invited"));
    expect(await admin.getByRole("row").filter({ hasText: focal.email }).textContent()).toContain(id("admin_users.invited"));

    const mail = await waitForMailTo(server!.mailDir, focal.email);
    expect(mail.subject).toBe(id("emails.invitation.subject"));
    expect(mail.text).toContain(id("emails.greeting", { name: focal.name }));
    const invitationLink = linksTo(mail, server!.baseUrl).find((link) => link.includes("/password/reset?token="));
    expect(invitationLink, mail.text).toBeDefined();

    const page = await newPage();
    await page.goto(invitationLink!);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(id("password.invitation_title"));
    await page.getByLabel(startingWith(id("password.new"))).fill(focal.password);
    await page.getByLabel(startingWith(id("password.confirm"))).fill(focal.password);
    await page.getByRole("button", { name: id("password.submit") }).click();
    await page.waitForURL("**/login?passwordSet=1");
    expect(await page.getByRole("status").textContent()).toBe(id("login.password_set"));

    await signIn(page, focal.email, focal.password);
    expect(await page.locator("html").getAttribute("lang")).toBe("id");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(id("dashboard.welcome", { name: focal.name }));
    expect(await page.locator(".lead").textContent()).toBe(id("dashboard.focal_lead", { office: id("offices.inspektorat"), region: "Kabupaten Kupang" }));
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("navigation", { name: id("layout.language") }).getByRole("link", { name: "EN" }).click();
    await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === "en");
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(en("dashboard.welcome", { name: focal.name }));
    expect(await page.locator(".lead").textContent()).toBe(en("dashboard.focal_lead", { office: en("offices.inspektorat"), region: "Kabupaten Kupang" }));
    expect(pageProblems(admin)).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });

  test("the sign-in form can be reached, filled in and submitted with the keyboard alone", async () => {
    const page = await newPage();
    await page.goto("/login");

    await page.keyboard.press("Tab");
    expect(await hasFocus(page.getByRole("link", { name: id("layout.skip") }))).toBe(true);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await hasFocus(page.getByLabel(startingWith(id("login.email"))))).toBe(true);
    await page.keyboard.type(server!.admin.email);
    await page.keyboard.press("Tab");
    expect(await hasFocus(page.getByLabel(startingWith(id("login.password"))))).toBe(true);
    await page.keyboard.type(server!.admin.password);
    await page.keyboard.press("Enter");

    await page.waitForURL("**/dashboard");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(id("dashboard.welcome", { name: "Administrator" }));
    expect(pageProblems(page)).toEqual([]);
  });

  test("the home, sign-in, dashboard and account pages have no serious or critical accessibility violations", async () => {
    const page = await newPage();
    for (const path of ["/", "/login"]) {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
    }
    await signIn(page, server!.admin.email, server!.admin.password);
    for (const path of ["/dashboard", "/account"]) {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
    }
    expect(pageProblems(page)).toEqual([]);
  });

  test("the citizen home page and the sign-in page need no sideways scrolling at 320 and 360 pixels wide", async () => {
    const page = await newPage();
    await expectUsableAtNarrowWidths(page, "/");
    await expectUsableAtNarrowWidths(page, "/login");
    expect(pageProblems(page)).toEqual([]);
  });
});
