import type { Page } from "playwright-core";

/**
 * Fails when two elements of the page share an id, or when a form control has no label of its
 * own. axe-core 4.10 no longer checks duplicate ids, and it counts a `<label for=x>` as labelling
 * every element with id x, while the browser ties the label to the first one only: a second
 * field is then announced without a name, and clicking its label moves the focus elsewhere.
 * Hidden controls (in a closed <details>) are checked too, because a person opens them.
 */
export async function expectUniqueIdsAndLabelledControls(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    // Runs in the page; the project's TypeScript has no DOM types, so the few used are typed here.
    interface Control {
      id: string;
      tagName: string;
      type?: string;
      name?: string;
      labels: { length: number } | null;
      getAttribute(name: string): string | null;
      closest(selector: string): { getAttribute(name: string): string | null } | null;
    }
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<Control> } }).document;
    const found: string[] = [];
    const counts = new Map<string, number>();
    for (const element of doc.querySelectorAll("[id]")) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    for (const [id, count] of counts) if (count > 1) found.push(`id "${id}" is used by ${count} elements`);
    for (const control of doc.querySelectorAll("input, select, textarea")) {
      if (control.tagName === "INPUT" && ["hidden", "submit", "button", "reset", "image"].includes(control.type ?? "")) continue;
      const named = (control.labels?.length ?? 0) > 0 || control.getAttribute("aria-label") || control.getAttribute("aria-labelledby") || control.getAttribute("title");
      if (!named) {
        const form = control.closest("form")?.getAttribute("action") ?? "no form";
        found.push(`${control.tagName.toLowerCase()}[name="${control.name ?? ""}"]#${control.id || "(no id)"} in the form to ${form} has no label of its own`);
      }
    }
    return found;
  });
  if (problems.length > 0) throw new Error(`${page.url()}: ${problems.length} form-labelling problem(s):\n  ${problems.join("\n  ")}`);
}
