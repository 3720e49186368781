import fs from "node:fs";
import { chromium, type Browser, type Locator, type Page, type Request } from "playwright-core";

/**
 * Debian's Chromium driven by playwright-core. Playwright's own browser download cannot work on
 * these machines, so the system browser is used; CHROMIUM_PATH overrides where it is.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * The machine's network is closed: without the background-networking flags Chromium keeps
 * trying to reach Google's hosts. Running as root needs --no-sandbox.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const installHint = (executablePath: string) =>
  `Chromium is needed for the end-to-end tests (tests/e2e) and was not found at ${executablePath}.\n` +
  "Install Debian's Chromium as root:  apt-get update && apt-get install -y --no-install-recommends chromium\n" +
  "(.ci/run does this on CI), or point CHROMIUM_PATH at another Chromium build.";

/** Launches headless Chromium with a fresh, empty profile (Playwright gives each launch a new user-data dir). */
export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  // Fail, never skip: a missing browser must not turn the browser tests into silent passes.
  if (!fs.existsSync(executablePath)) throw new Error(installHint(executablePath));
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export interface PageOptions {
  /** The browser's language, sent as Accept-Language; Indonesian unless a test says otherwise. */
  locale?: string;
  /** Viewport width in CSS pixels (a phone is 360). */
  width?: number;
  height?: number;
}

const problemsOf = new WeakMap<Page, string[]>();

/**
 * A page in a new context (its own cookies) whose relative URLs resolve against baseUrl. Script
 * errors, console errors (CSP violations appear there) and failed requests are recorded; read
 * them with pageProblems(page).
 */
export async function openPage(browser: Browser, baseUrl: string, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? "id-ID",
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  problemsOf.set(page, problems);
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("console", (message) => {
    // A page that links no icon (one not rendered in the layout) makes the browser guess /favicon.ico.
    if (message.type() !== "error" || message.location().url.endsWith("/favicon.ico")) return;
    problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("requestfailed", (request) => {
    if (isIconAbandonedOnNavigation(request)) return;
    problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ""}`);
  });
  return page;
}

/** The icon every page links (views/layout.ejs), with or without its version query. */
const SITE_ICON_PATH = "/static/favicon.svg";

/**
 * Chromium fetches a page's icon on its own, after the page has loaded, and drops that fetch when
 * the page navigates on, which a test does at once: the abort says nothing about the site. An
 * icon that fails any other way (refused connection, 404 in the console) is still a problem.
 */
function isIconAbandonedOnNavigation(request: Request): boolean {
  return request.failure()?.errorText === "net::ERR_ABORTED" && request.resourceType() === "other" && new URL(request.url()).pathname === SITE_ICON_PATH;
}

/** What went wrong in the page so far (script errors, console errors, failed requests). */
export function pageProblems(page: Page): string[] {
  return [...(problemsOf.get(page) ?? [])];
}

/** Whether the located element is the one with keyboard focus. */
export async function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === element.ownerDocument.activeElement);
}
