import type { Locator, Page } from "playwright-core";
import type { Translate } from "../../src/i18n/index.js";
import { field } from "./citizen-form.js";
import { readMailbox, type ReceivedMail } from "./mailbox.js";

export interface StaffAccount {
  name: string;
  email: string;
  password: string;
  role: "assistant" | "focal_point" | "auditor" | "admin";
  /** For a focal point: the Pemda as the form lists it ("53.01 Kabupaten Kupang") and the office. */
  region?: string;
  office?: "inspektorat" | "organisasi";
}

/** Signs in through /login and waits for the dashboard. */
export async function signIn(page: Page, t: Translate, account: { email: string; password: string }): Promise<void> {
  await page.goto("/login");
  await field(page, t, "login.email", { required: true }).fill(account.email);
  await field(page, t, "login.password", { required: true }).fill(account.password);
  await page.getByRole("button", { name: t("login.submit"), exact: true }).click();
  await page.waitForURL("**/dashboard");
}

/** An administrator (already signed in on `page`) creates an account with a first password in /admin/users. */
export async function createStaffAccount(page: Page, t: Translate, account: StaffAccount): Promise<void> {
  await page.goto("/admin/users/new");
  await field(page, t, "admin_users.name", { required: true }).fill(account.name);
  await field(page, t, "admin_users.email", { required: true }).fill(account.email);
  await field(page, t, "admin_users.role", { required: true }).selectOption(account.role);
  if (account.region) await field(page, t, "admin_users.region").selectOption({ label: account.region });
  if (account.office) await field(page, t, "admin_users.office").selectOption(account.office);
  await field(page, t, "admin_users.password").fill(account.password);
  await page.getByRole("button", { name: t("admin_users.submit"), exact: true }).click();
  await page.waitForURL("**/admin/users?notice=user_created");
}

/** One of the case page's workflow actions: the disclosure with its form. */
export function caseAction(page: Page, t: Translate, action: string): Locator {
  return page.locator("details.action").filter({ has: page.locator("summary", { hasText: t(`case_actions.${action}.label`) }) });
}

/** The names of the workflow actions the case page offers now, as shown. */
export async function offeredActions(page: Page): Promise<string[]> {
  return (await page.locator("details.action > summary").allTextContents()).map((text) => text.trim());
}

/**
 * Takes a workflow action on the open case page as a person does: opens its disclosure, fills
 * its form (`fill` gets the form), sends it, and waits for the page that confirms it: the case
 * page, or the inbox when the action took the case out of this person's reach (a re-route).
 */
export async function takeCaseAction(page: Page, t: Translate, action: string, fill?: (form: Locator) => Promise<void>): Promise<void> {
  const disclosure = caseAction(page, t, action);
  await disclosure.locator("summary").click();
  const form = disclosure.locator("form");
  if (fill) await fill(form);
  await form.getByRole("button", { name: t(`case_actions.${action}.submit`), exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get("notice") === action);
}

/** The message the case page shows after an action. */
export function actionNotice(t: Translate, action: string): string {
  return t(`case_actions.done.${action}`, { defaultValue: t("case_actions.done.default") });
}

/**
 * Waits for the first message to `address` that `matches` (a person gets several: the case was
 * routed, then a letter arrived...); fails with what did arrive.
 */
export async function waitForMail(mailDir: string, address: string, matches: (mail: ReceivedMail) => boolean, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = await readMailbox(mailDir);
    const found = mail.find((m) => m.to.includes(address.toLowerCase()) && matches(m));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = mail.filter((m) => m.to.includes(address.toLowerCase())).map((m) => m.subject);
      throw new Error(`No matching mail to ${address} after ${timeoutMs} ms; that address got: ${seen.length ? seen.join("; ") : "nothing"}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The cells of a table row under their column headers. */
export async function rowByHeader(table: Locator, row: Locator): Promise<Record<string, string>> {
  const headers = (await table.locator("thead th").allTextContents()).map((text) => text.trim());
  const cells = (await row.locator("td").allTextContents()).map((text) => text.trim());
  return Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? ""]));
}
