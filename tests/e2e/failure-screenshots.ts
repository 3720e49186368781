import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

/** Where screenshots of failed journeys go (ignored by git). */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "screenshots");

/**
 * Saves a full-page screenshot of each page still open when a test failed, named after the test,
 * so the screen the person would have seen can be looked at. Returns the files written.
 */
export async function saveFailureScreenshots(testName: string, pages: Page[]): Promise<string[]> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const stem = testName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+/, "").slice(0, 80).replace(/-+$/, "");
  const written: string[] = [];
  for (const [index, page] of pages.entries()) {
    if (page.isClosed()) continue;
    const file = path.join(SCREENSHOT_DIR, `${stem}-${index + 1}.png`);
    // A page in the middle of navigating may refuse; the test's own failure matters more.
    await page.screenshot({ path: file, fullPage: true, timeout: 5_000 }).then(
      () => written.push(file),
      () => undefined,
    );
  }
  return written;
}
