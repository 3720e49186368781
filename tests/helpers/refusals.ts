import { expect } from "vitest";
import type { Response } from "supertest";

/**
 * How each kind of interface must refuse what it cannot accept: a 4xx (never a 5xx) in its own
 * error format — problem+json on /api, the spec's error list on /open311, an HTML page (usually
 * the form again) everywhere else.
 */

export function expectProblemDocument(response: Response) {
  expect(response.status, response.text).toBeGreaterThanOrEqual(400);
  expect(response.status, response.text).toBeLessThan(500);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.text) as { type: unknown; title: unknown; status: unknown };
  expect(body.type).toMatch(/^\/problems\/[a-z_]+$/);
  expect(typeof body.title).toBe("string");
  expect(body.status).toBe(response.status);
}

/** GeoReport v2 errors: [{ code, description }] in JSON, <errors><error> in XML. */
export function expectOpen311Errors(response: Response, format: "json" | "xml") {
  expect(response.status, response.text).toBeGreaterThanOrEqual(400);
  expect(response.status, response.text).toBeLessThan(500);
  if (format === "json") {
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    const errors = JSON.parse(response.text) as Array<{ code: number; description: string }>;
    expect(Array.isArray(errors) && errors.length > 0).toBe(true);
    for (const error of errors) {
      expect(error.code).toBe(response.status);
      expect(typeof error.description).toBe("string");
    }
  } else {
    expect(response.headers["content-type"]).toMatch(/^text\/xml/);
    expect(response.text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><errors><error><code>\d{3}<\/code><description>/);
  }
}

/** An HTML page answering a refused form: 4xx, the layout, and (when given) the form's action again. */
export function expectRefusedPage(response: Response, formAction?: string) {
  expect(response.status, response.text.slice(0, 2000)).toBeGreaterThanOrEqual(400);
  expect(response.status, response.text.slice(0, 2000)).toBeLessThan(500);
  expect(response.headers["content-type"]).toMatch(/^text\/html/);
  expect(response.text).toContain("</html>");
  if (formAction) expect(response.text).toContain(`action="${formAction}`);
}

/** Text that must never reach a page raw: an executable tag or handler a payload tried to plant. */
export const RAW_MARKUP = /<script>alert|<img src=x onerror|<svg onload|<iframe srcdoc|<\/textarea><script/i;
