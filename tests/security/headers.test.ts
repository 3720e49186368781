import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";
import { declaredRoutes, routeKey } from "../helpers/route-inventory.js";

/**
 * What keeps an injected script from running even if one slipped through, and a signed-in page
 * from being framed, sniffed or cached: on every page of the route inventory a strict Content
 * Security Policy (no inline script), frame-ancestors 'none', nosniff; no-store for signed-in
 * staff; and cookies that scripts cannot read and other sites do not send on a post. And the two
 * places that redirect to an address the request names — the language switch and the return after
 * sign-in — never send a browser to another site, however the address is disguised.
 */
let app: Express;
let staff: TestBrowser;

beforeAll(async () => {
  app = await startTestApp();
  staff = await signIn(app, (await buildUser({ role: "admin" })).email, DEFAULT_PASSWORD);
});
afterAll(stopTestApp);

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

const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe("response headers on every page", () => {
  it("sends a strict Content Security Policy, no framing and nosniff on every page, and no-store to signed-in staff", async () => {
    const pages = declaredRoutes(app).filter((r) => r.method === "GET" && !r.path.includes(":") && !r.path.startsWith("/api/") && !r.path.startsWith("/open311/") && r.path !== "/admin/queues");
    expect(pages.length).toBeGreaterThan(20);
    for (const route of pages) {
      for (const [who, response] of [["visitor", await request(app).get(route.path)], ["staff", await staff.agent.get(route.path)]] as const) {
        const label = `${routeKey(route)} as ${who} (${response.status})`;
        const csp = directives(response.headers["content-security-policy"] ?? "");
        expect(csp.get("script-src"), label).toEqual(["'self'"]);
        expect(csp.get("default-src"), label).toEqual(["'self'"]);
        expect(csp.get("frame-ancestors"), label).toEqual(["'none'"]);
        expect(csp.get("object-src"), label).toEqual(["'none'"]);
        expect(csp.get("form-action"), label).toEqual(["'self'"]);
        expect(response.headers["x-content-type-options"], label).toBe("nosniff");
        if (who === "staff") expect(response.headers["cache-control"], label).toMatch(/no-store/);
      }
    }
  });

  it("refuses the queue monitor, the one page without that policy, to everyone but administrators", async () => {
    expect((await request(app).get("/admin/queues")).status).not.toBe(200);
    const auditor = await signIn(app, (await buildUser({ role: "auditor" })).email, DEFAULT_PASSWORD);
    expect((await auditor.agent.get("/admin/queues")).status).toBe(403);
  });
});

describe("cookies", () => {
  it("keeps the session, visitor and CSRF cookies away from scripts and from other sites' posts", async () => {
    const user = await buildUser({ role: "assistant" });
    const browser = new TestBrowser(app);
    const form = await browser.get("/login");
    const signedIn = await browser.post("/login", { email: user.email, password: DEFAULT_PASSWORD });
    const cookies = [form.headers["set-cookie"], signedIn.headers["set-cookie"]].flat().filter(Boolean) as string[];
    for (const name of ["pgh_session", "pgh_visitor", "pgh_csrf"]) {
      const cookie = cookies.find((c) => c.startsWith(`${name}=`));
      expect(cookie, name).toBeDefined();
      expect(cookie, name).toMatch(/;\s*HttpOnly/i);
      expect(cookie, name).toMatch(/;\s*SameSite=Lax/i);
      expect(cookie, name).toMatch(/;\s*Path=\//i);
    }
  });

  it("gives a new session at sign-in, whatever session cookie the browser brought", async () => {
    const user = await buildUser({ role: "assistant" });
    const browser = new TestBrowser(app);
    browser.agent.jar.setCookie("pgh_session=planted-by-someone-else; Path=/", "127.0.0.1", "/");
    await browser.get("/login");
    const signedIn = await browser.post("/login", { email: user.email, password: DEFAULT_PASSWORD });
    const session = ([signedIn.headers["set-cookie"]].flat() as string[]).find((c) => c.startsWith("pgh_session="))!;
    expect(session).toBeDefined();
    expect(session).not.toContain("planted-by-someone-else");
  });
});

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
