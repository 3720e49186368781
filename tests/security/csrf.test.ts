import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.js";
import { DEFAULT_PASSWORD } from "../factories.js";
import { stopTestApp, TestBrowser } from "../helpers/app.js";
import { databaseFingerprint, uploadedFileKeys } from "../helpers/database-state.js";
import { declaredRoutes, routeKey, type DeclaredRoute } from "../helpers/route-inventory.js";
import { buildTwoPemda, EVIDENCE_KEY, YEAR, type TwoPemda } from "./fixture.js";

/**
 * Every state-changing form of the site, taken from the route inventory (so a new form is tried
 * the day it appears): posted by a signed-in administrator's browser — or, for the public forms, a
 * visitor's — without a CSRF token, with the token of another session, or with a token but no
 * CSRF cookie, it is refused with 403 and the "form expired" page, and nothing changes. The API
 * needs no token because it ignores cookies: a request carrying only a session cookie is 401 there.
 */
const id = translator("id");
const CSRF_PAGE = id("errors.csrf");

/** Forms that anyone may post (the rest are staff forms). */
const PUBLIC_FORMS = new Set(["POST /login", "POST /password/forgot", "POST /password/reset", "POST /setup", "POST /complaints", "POST /track", "POST /track/:trackingNumber/information", "POST /track/:trackingNumber/rating"]);

/** Machine interfaces that a visitor may call without a token (their own suites cover them). */
const PUBLIC_API = new Set(["POST /api/v1/auth/token", "POST /api/v1/complaints", "POST /open311/v2/requests.:format", "ALL /open311/*rest"]);

let f: TwoPemda;
let routes: DeclaredRoute[];

beforeAll(async () => {
  f = await buildTwoPemda();
  routes = declaredRoutes(f.app);
}, 120_000);
afterAll(stopTestApp);

const isApi = (path: string) => path.startsWith("/api/") || path.startsWith("/open311/");
const webForms = () => routes.filter((r) => r.method === "POST" && !isApi(r.path));

/** The route's path with real ids of Kabupaten Kupang's records in place of its parameters. */
function concrete(path: string): string {
  const k = f.kupang;
  const byContext: Array<[RegExp, string]> = [
    [/^\/letters\/:id/, `/letters/${k.openLetterId}`],
    [/^\/admin\/users\/:id/, `/admin/users/${f.users.kupang.id}`],
    [/^\/account\/tokens\/:id/, `/account/tokens/${k.tokenId}`],
    [/\/units\/:id/, `/units/${k.unitId}`],
    [/\/appointments\/:id/, `/appointments/${k.appointmentId}`],
    [/^\/admin\/routing\/:id/, `/admin/routing/${f.ruleId}`],
    [/\/facts\/:kind\/:id/, `/facts/channel/${k.channelId}`],
    [/\/facts\/:kind/, "/facts/channel"],
    [/\/offices\/:kind/, "/offices/inspektorat"],
    [/^(\/admin\/holidays\/:year)\/:id/, `$1/${f.holidayId}`],
  ];
  let url = path;
  for (const [pattern, replacement] of byContext) url = url.replace(pattern, replacement);
  return url
    .replace(":trackingNumber", k.trackingNumber)
    .replace(":action", "acknowledge")
    .replace(":code", "53.01")
    .replace(":year", String(YEAR))
    .replace(":unitId", String(k.unitId))
    .replace(":key", EVIDENCE_KEY);
}

async function expectCsrfRefusal(response: request.Response, label: string) {
  expect(response.status, `${label}: ${response.text.slice(0, 300)}`).toBe(403);
  expect(response.text, label).toContain(CSRF_PAGE);
}

describe("every state-changing form without a valid CSRF token", () => {
  it("finds the forms in the route inventory, public and staff", () => {
    const keys = webForms().map(routeKey);
    expect(keys.length).toBeGreaterThan(40);
    for (const key of PUBLIC_FORMS) expect(keys).toContain(key);
  });

  it("refuses every form the signed-in administrator posts without a token, with another session's token, or without the CSRF cookie, and changes nothing", async () => {
    const admin = new TestBrowser(f.app);
    const signedIn = await admin.submit("/login", "/login", { email: f.users.admin.email, password: DEFAULT_PASSWORD, next: "/account" });
    expect(signedIn.status).toBe(303);
    const adminSession = ([signedIn.headers["set-cookie"]].flat() as string[]).find((c) => c.startsWith("pgh_session="))!.split(";")[0]!;
    const other = f.browsers.kupang;
    await admin.get("/account");
    await other.get("/account");
    const before = await databaseFingerprint();
    const files = uploadedFileKeys();
    for (const route of webForms().filter((r) => !PUBLIC_FORMS.has(routeKey(r)))) {
      const url = concrete(route.path);
      const label = `${routeKey(route)} (${url})`;
      const fields = { name: "Diubah", reason: "Alasan", isActive: "false" };
      await expectCsrfRefusal(await admin.agent.post(url).type("form").send(fields), `${label} without a token`);
      await expectCsrfRefusal(await admin.agent.post(url).type("form").send({ ...fields, _csrf: other.csrfToken }), `${label} with another session's token`);
      await expectCsrfRefusal(await admin.agent.post(url).set("x-csrf-token", other.csrfToken).type("form").send(fields), `${label} with another session's token in the header`);
      await expectCsrfRefusal(await admin.agent.post(`${url}?_csrf=${encodeURIComponent(other.csrfToken)}`).field("name", "Diubah"), `${label} as multipart with another session's token`);
      // The administrator's own session and token, but without the CSRF cookie that the token pairs with.
      const noCsrfCookie = await request(f.app).post(url).set("cookie", adminSession).type("form").send({ ...fields, _csrf: admin.csrfToken });
      await expectCsrfRefusal(noCsrfCookie, `${label} without the CSRF cookie`);
    }
    expect(await databaseFingerprint()).toEqual(before);
    expect(uploadedFileKeys()).toEqual(files);
    // The administrator's session still works: the refusals did not sign them out.
    expect((await admin.get("/admin/users")).status).toBe(200);
  });

  it("refuses every public form a visitor posts without a token or with another visitor's token, and changes nothing", async () => {
    const visitor = new TestBrowser(f.app);
    const otherVisitor = new TestBrowser(f.app);
    await visitor.get("/login");
    await otherVisitor.get("/login");
    const before = await databaseFingerprint();
    const fields = { email: f.users.kupang.email, password: "kata sandi yang panjang", trackingNumber: f.kupang.trackingNumber, accessCode: f.kupang.accessCode, body: "Tambahan", rating: "1", token: "x", newPassword: "sandi baru yang panjang", confirmPassword: "sandi baru yang panjang" };
    for (const key of PUBLIC_FORMS) {
      const url = concrete(key.slice("POST ".length));
      await expectCsrfRefusal(await visitor.agent.post(url).type("form").send(fields), `${key} without a token`);
      await expectCsrfRefusal(await visitor.agent.post(url).type("form").send({ ...fields, _csrf: otherVisitor.csrfToken }), `${key} with another visitor's token`);
    }
    expect(await databaseFingerprint()).toEqual(before);
    // A login refused for CSRF started no session: the visitor is still signed out.
    expect((await visitor.get("/inbox")).status).not.toBe(200);
  });

  it("accepts the same form with the session's own token, so the refusals above are the CSRF check's", async () => {
    const kupang = f.browsers.kupang;
    await kupang.get("/account");
    const response = await kupang.post("/account/tokens", { name: "Token dengan CSRF" });
    expect(response.status).toBe(201);
  });
});

describe("the JSON API, which needs no CSRF token because it ignores cookies", () => {
  it("answers every state-changing API call that carries only a staff session cookie with 401, changing nothing", async () => {
    const admin = f.browsers.admin;
    const before = await databaseFingerprint();
    const calls = routes.filter((r) => r.method !== "GET" && isApi(r.path) && !PUBLIC_API.has(routeKey(r)));
    expect(calls.map(routeKey)).toEqual(expect.arrayContaining(["DELETE /api/v1/auth/token", "POST /api/v1/complaints/:trackingNumber/actions/:action", "POST /api/v1/duplicates/check"]));
    for (const route of calls) {
      const url = concrete(route.path);
      const call = route.method === "DELETE" ? admin.agent.delete(url) : admin.agent.post(url).send({ reason: "Alasan" });
      const response = await call;
      expect(response.status, `${routeKey(route)}: ${response.text.slice(0, 300)}`).toBe(401);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });
});
