import type { Page } from "playwright-core";
import { NARROW_WIDTHS } from "./accessibility.js";

/**
 * Checks the page as it is now (a page that answered a POST, e.g. a form sent back with its errors,
 * cannot be loaded again by address) at each phone width, without reloading it, and
 * fails when the document scrolls sideways, naming the elements that stick out. Restores the
 * viewport it found.
 */
export async function expectNoSidewaysScrollingHere(page: Page, widths: readonly number[] = NARROW_WIDTHS): Promise<void> {
  const original = page.viewportSize();
  const problems: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 640 });
    const overflow = await page.evaluate(() => {
      // Runs in the page; the project's TypeScript has no DOM types, so the few used are typed here.
      interface Node {
        tagName: string;
        id: string;
        className: unknown;
        parentElement: Node | null;
        getBoundingClientRect(): { right: number };
      }
      const doc = (globalThis as unknown as { document: { documentElement: Node & { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): Iterable<Node> } }).document;
      const root = doc.documentElement;
      const name = (n: Node) => n.tagName.toLowerCase() + (n.id ? `#${n.id}` : "") + (typeof n.className === "string" && n.className.trim() ? `.${n.className.trim().split(/\s+/).join(".")}` : "");
      const tooWide = [...doc.querySelectorAll("body *")].filter((n) => n.getBoundingClientRect().right > root.clientWidth + 0.5);
      const outermost = tooWide.filter((n) => !tooWide.includes(n.parentElement as Node));
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest: outermost.slice(0, 5).map(name) };
    });
    if (overflow.scrollWidth > overflow.clientWidth) {
      problems.push(`  at ${width} px: the document is ${overflow.scrollWidth} px wide for ${overflow.clientWidth} px; too wide: ${overflow.widest.join(", ") || "(no single element)"}`);
    }
  }
  if (original) await page.setViewportSize(original);
  if (problems.length > 0) throw new Error(`${page.url()} needs horizontal scrolling:\n${problems.join("\n")}`);
}
