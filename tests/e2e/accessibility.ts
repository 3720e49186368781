import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** Impacts that fail a page: a person using assistive technology is blocked or seriously hindered. */
const FAILING_IMPACTS = new Set(["serious", "critical"]);

/**
 * Runs axe-core on the page as it is now and fails, listing each violation with its elements
 * and axe's advice, when any is serious or critical. Moderate and minor findings are printed by
 * the same list when something fails, never on their own.
 */
export async function expectNoSeriousA11yViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const failing = violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ""));
  if (failing.length === 0) return;
  const report = failing.map((violation) => {
    const nodes = violation.nodes.map((node) => `    - ${node.target.join(" ")}\n      ${(node.failureSummary ?? "").replace(/\n/g, "\n      ")}`);
    return `  [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes.join("\n")}`;
  });
  throw new Error(`${failing.length} serious or critical accessibility violation(s) on ${page.url()}:\n${report.join("\n")}`);
}

/** Phone widths the pages must fit without sideways scrolling: the smallest common ones. */
export const NARROW_WIDTHS = [320, 360] as const;

interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  /** The elements whose right edge passes the viewport, outermost first (a hint to the culprit). */
  widest: string[];
}

/**
 * Loads the path at each width and fails when the document scrolls sideways
 * (scrollWidth > clientWidth), naming the elements that stick out.
 */
export async function expectUsableAtNarrowWidths(page: Page, path: string, widths: readonly number[] = NARROW_WIDTHS): Promise<void> {
  const problems: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 640 });
    await page.goto(path);
    const overflow = await measureOverflow(page);
    if (overflow.scrollWidth > overflow.clientWidth) {
      problems.push(`  at ${width} px: the document is ${overflow.scrollWidth} px wide for ${overflow.clientWidth} px; too wide: ${overflow.widest.join(", ") || "(no single element)"}`);
    }
  }
  if (problems.length > 0) throw new Error(`${path} needs horizontal scrolling:\n${problems.join("\n")}`);
}

async function measureOverflow(page: Page): Promise<Overflow> {
  // Runs in the page; the project's TypeScript has no DOM types, so the page's globals are typed here.
  return page.evaluate(() => {
    interface Box {
      right: number;
    }
    interface Element {
      tagName: string;
      id: string;
      className: unknown;
      getBoundingClientRect(): Box;
      parentElement: Element | null;
    }
    const doc = (globalThis as unknown as { document: { documentElement: Element & { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): Iterable<Element> } }).document;
    const root = doc.documentElement;
    const describe = (element: Element) =>
      element.tagName.toLowerCase() + (element.id ? `#${element.id}` : "") + (typeof element.className === "string" && element.className ? `.${element.className.trim().split(/\s+/).join(".")}` : "");
    const tooWide = [...doc.querySelectorAll("body *")].filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5);
    // Keep only the outermost offenders: their children stick out because they do.
    const outermost = tooWide.filter((element) => !tooWide.includes(element.parentElement as Element));
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest: outermost.slice(0, 5).map(describe) };
  });
}
