import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";

/**
 * The two places that redirect to an address the request names — the language switch and the
 * return path after sign-in — must never send a browser to another site, however the address is
 * disguised (protocol-relative, backslashes, whitespace browsers strip, encoded slashes, schemes).
 */
let app: Express;
const BASE = "http://penghubung.test";

const HOSTILE = [
  "//evil.example/",
  "///evil.example/",
  "/\\evil.example/",
  "\\\\evil.example/",
  "/\t/evil.example/",
  "/\n/evil.example/",
  " //evil.example/",
  "https://evil.example/",
  "http:evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/%2F%2Fevil.example/",
  "/%5Cevil.example/",
  "/.//evil.example/",
  "/@evil.example",
  "%2F%2Fevil.example",
];

/** Where a browser would go after this Location header: it must stay on the site. */
function expectSameSite(location: string | undefined, label: string) {
  expect(location, label).toBeDefined();
  // Browsers drop tabs and newlines from URLs before resolving them.
  const target = new URL(location!.replace(/[\t\n\r]/g, ""), BASE);
  expect(target.origin, `${label} -> ${location}`).toBe(BASE);
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

describe("redirects to a path the request names", () => {
  it("keeps the language switch on the site", async () => {
    for (const next of HOSTILE) {
      const response = await request(app).get(`/lang/en?next=${encodeURIComponent(next)}`);
      expect(response.status, next).toBe(303);
      expectSameSite(response.headers.location, `/lang next=${JSON.stringify(next)}`);
    }
  });

  it("keeps the return after sign-in, and the sign-in form's own return path, on the site", async () => {
    const user = await buildUser({ role: "assistant" });
    for (const next of HOSTILE) {
      const browser = new TestBrowser(app);
      const form = await browser.get(`/login?next=${encodeURIComponent(next)}`);
      expect(form.status).toBe(200);
      const signedIn = await browser.post("/login", { email: user.email, password: DEFAULT_PASSWORD, next });
      expect(signedIn.status, next).toBe(303);
      expectSameSite(signedIn.headers.location, `/login next=${JSON.stringify(next)}`);
      // Already signed in: the form itself redirects to `next`.
      const again = await browser.agent.get(`/login?next=${encodeURIComponent(next)}`);
      expect(again.status).toBe(303);
      expectSameSite(again.headers.location, `/login (signed in) next=${JSON.stringify(next)}`);
    }
  });
});
