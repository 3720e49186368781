import "../helpers/behind-proxy.js";
import fc from "fast-check";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOneTimeLink } from "../../src/accounts/create-one-time-link.js";
import { db, transaction } from "../../src/db.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";
import { rowCounts } from "../helpers/database-state.js";
import { hostileString, percentEncode, PROPERTY_TIMEOUT_MS, randomClientIp, RUNS, wrongTypedValue } from "../helpers/hostile-input.js";
import { expectRefusedPage, RAW_MARKUP } from "../helpers/refusals.js";

let app: Express;
let user: Awaited<ReturnType<typeof buildUser>>;
let resetToken: string;
let setupToken: string;

/** A browser on its own address (the sign-in limits are tested in tests/security), holding the form's CSRF token. */
async function browserOn(page: string) {
  const browser = new TestBrowser(app);
  browser.agent.set("X-Forwarded-For", randomClientIp());
  await browser.get(page);
  return browser;
}

/** Everything a person's account is: refused input must leave it as it was. */
const accountOf = (id: number) => db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, passwordChangedAt: true, lastLoginAt: true, isActive: true, email: true, name: true } });

beforeAll(async () => {
  app = await startTestApp();
  user = await buildUser({ role: "assistant" });
  resetToken = (await transaction((tx) => createOneTimeLink(tx, "password_reset", user.id, 3600_000))).token;
  setupToken = (await transaction((tx) => createOneTimeLink(tx, "first_admin", null, 3600_000))).token;
});
afterAll(stopTestApp);

describe("the sign-in form with hostile input", () => {
  it("answers hostile or wrongly typed addresses, passwords and return paths with the form again, escaped, starting no session", async () => {
    const browser = await browserOn("/login");
    const account = await accountOf(user.id);
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString(), fc.constant(user.email)), hostileString(), hostileString(), async (email, password, next) => {
        fc.pre(!(email === user.email && password === DEFAULT_PASSWORD));
        const counts = await rowCounts();
        browser.agent.set("X-Forwarded-For", randomClientIp());
        const response = await browser.post("/login", { email, password, next });
        expectRefusedPage(response, "/login");
        expect([401, 422]).toContain(response.status);
        expect(response.text).not.toMatch(RAW_MARKUP);
        expect(response.text).toMatch(/name="password" type="password" value=""/);
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
    expect(await accountOf(user.id)).toEqual(account);
  }, PROPERTY_TIMEOUT_MS);

  it("answers fields of the wrong shape (arrays, nesting, prototype keys) with the form again", async () => {
    const browser = await browserOn("/login");
    const counts = await rowCounts();
    for (const body of [`email[]=${user.email}&email[]=x`, `email[a][b]=1&password=x`, `__proto__[isAdmin]=1&email=${user.email}&password=x`, `email=${user.email}&password[]=${encodeURIComponent(DEFAULT_PASSWORD)}`, "email=&password="]) {
      const response = await browser.agent.post("/login").type("form").send(`${body}&_csrf=${encodeURIComponent(browser.csrfToken)}`);
      expectRefusedPage(response, "/login");
    }
    expect(await rowCounts()).toEqual(counts);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("after a successful sign-in, sends the person only to a path on this site, whatever return path was posted", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString(), fc.constantFrom("//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "\\\\evil.example", "/%2F%2Fevil.example", "/\t/evil.example", " //evil.example")), async (next) => {
        const browser = await browserOn("/login");
        const response = await browser.post("/login", { email: user.email, password: DEFAULT_PASSWORD, next });
        expect(response.status).toBe(303);
        const location = response.headers.location as string;
        expect(location.startsWith("/")).toBe(true);
        expect(location).not.toMatch(/^\/[/\\]|^\/\t|[\r\n]/);
        expect(new URL(location, "http://penghubung.test").host).toBe("penghubung.test");
      }),
      { numRuns: 40 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe("forgotten passwords, reset links and the first administrator's set-up with hostile input", () => {
  it("answers any address on the forgotten-password form with the same page or the form again, never a link for nobody", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString(), wrongTypedValue().map((v) => JSON.stringify(v) ?? "null")), async (email) => {
        const browser = await browserOn("/password/forgot");
        const counts = await rowCounts(["oneTimeToken", "outboxMessage", "user"]);
        const response = await browser.post("/password/forgot", { email });
        expect(response.status, response.text.slice(0, 300)).toBeLessThan(500);
        expect([200, 422]).toContain(response.status);
        expect(response.text).not.toMatch(RAW_MARKUP);
        expect(await rowCounts(["oneTimeToken", "outboxMessage", "user"])).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("answers a hostile reset or set-up link with a clean 4xx page", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/password/reset", "/setup"), hostileString(), async (path, token) => {
        const browser = new TestBrowser(app);
        const response = await browser.agent.get(`${path}?token=${percentEncode(token)}`);
        expectRefusedPage(response);
        expect(response.text).not.toMatch(RAW_MARKUP);
      }),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("refuses hostile new passwords and tokens on the reset form, leaving the password and the link as they were", async () => {
    const browser = await browserOn(`/password/reset?token=${encodeURIComponent(resetToken)}`);
    const account = await accountOf(user.id);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(resetToken), hostileString()), hostileString(), async (token, newPassword) => {
        const counts = await rowCounts();
        // A confirmation that differs keeps even an acceptable password from being set.
        const response = await browser.post("/password/reset", { token, newPassword, confirmPassword: `${newPassword}x` });
        expectRefusedPage(response);
        expect(response.text).not.toMatch(RAW_MARKUP);
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
    expect(await accountOf(user.id)).toEqual(account);
    expect(await db.oneTimeToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
  }, PROPERTY_TIMEOUT_MS);

  it("refuses hostile set-up fields, keeping the link and creating no administrator", async () => {
    const browser = await browserOn(`/setup?token=${encodeURIComponent(setupToken)}`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("name", "email", "newPassword", "token"), hostileString(), async (field, value) => {
        const counts = await rowCounts();
        const fields = { token: setupToken, name: "Admin Pertama", email: "admin.pertama@contoh.id", newPassword: "kata sandi yang panjang", confirmPassword: "kata sandi yang lain", [field]: value };
        const response = await browser.post("/setup", fields);
        expectRefusedPage(response);
        expect(response.text).not.toMatch(RAW_MARKUP);
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
    expect(await db.oneTimeToken.count({ where: { purpose: "first_admin", usedAt: null } })).toBe(1);
  }, PROPERTY_TIMEOUT_MS);
});

describe("a signed-in person's own account forms with hostile input", () => {
  it("names an API token with any text shown escaped, or refuses it, and refuses hostile password changes", async () => {
    const browser = await signIn(app, user.email, DEFAULT_PASSWORD);
    await browser.get("/account");
    const account = await accountOf(user.id);
    await fc.assert(
      fc.asyncProperty(hostileString(), hostileString(), async (name, currentPassword) => {
        const tokens = await db.apiToken.count({ where: { userId: user.id } });
        const named = await browser.post("/account/tokens", { name });
        expect(named.status, named.text.slice(0, 300)).toBeLessThan(500);
        expect(named.text).not.toMatch(RAW_MARKUP);
        expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(named.status === 201 ? tokens + 1 : tokens);
        if (named.status !== 201) expectRefusedPage(named, "/account/tokens");
        const changed = await browser.post("/account/password", { currentPassword, newPassword: "sandi baru yang panjang", confirmPassword: "sandi baru yang panjang" });
        expectRefusedPage(changed, "/account/password");
      }),
      { numRuns: 60 },
    );
    expect(await accountOf(user.id)).toEqual(account);
  }, PROPERTY_TIMEOUT_MS);
});
