import crypto from "node:crypto";
import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOneTimeLink, type OneTimePurpose } from "../../src/accounts/create-one-time-link.js";
import { verifyPassword } from "../../src/accounts/passwords.js";
import { hashToken } from "../../src/accounts/tokens.js";
import { db, transaction } from "../../src/db.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";
import { complaintBody } from "../helpers/complaints.js";
import { databaseFingerprint } from "../helpers/database-state.js";
import { apiToken } from "./fixture.js";

/**
 * Credentials that must open nothing: API tokens that expired, were revoked, belong to a
 * deactivated account, were forged or mangled; session cookies that expired, ended, were forged or
 * tampered with; one-time links (password reset, invitation, first administrator) that expired,
 * were already used, were forged or are used for another purpose. Each is refused and changes
 * nothing — in particular an API call with a bad token is never served as an anonymous one.
 */
let app: Express;
const HOUR = 3600_000;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

const past = () => new Date(Date.now() - HOUR);
const forged = () => crypto.randomBytes(32).toString("base64url");
const mangle = (token: string) => token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");

async function focalPoint() {
  return buildUser({ role: "focal_point", regionCode: "53.01", office: "inspektorat" });
}

describe("API bearer tokens that open nothing", () => {
  /** Calls that a valid focal-point token may make, three of them changing something. */
  const calls = (authorization: string) => [
    request(app).get("/api/v1/me").set("authorization", authorization),
    request(app).get("/api/v1/complaints").set("authorization", authorization),
    request(app).post("/api/v1/complaints").set("authorization", authorization).send(complaintBody({ desk: "inspektorat", channel: "api" })),
    request(app).post("/api/v1/duplicates/check").set("authorization", authorization).send(complaintBody()),
    request(app).delete("/api/v1/auth/token").set("authorization", authorization),
  ];

  async function expectRefused(authorization: string, label: string) {
    const before = await databaseFingerprint();
    for (const [i, call] of calls(authorization).entries()) {
      const response = await call;
      expect(response.status, `${label}, call ${i}: ${response.text.slice(0, 200)}`).toBe(401);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    expect(await databaseFingerprint(), label).toEqual(before);
  }

  it("refuses an expired token, a revoked one and one whose account was deactivated, on every call", async () => {
    const expired = await apiToken(app, (await focalPoint()).email);
    await db.apiToken.update({ where: { tokenHash: hashToken(expired) }, data: { expiresAt: past() } });
    await expectRefused(`Bearer ${expired}`, "expired");

    const revoked = await apiToken(app, (await focalPoint()).email);
    expect((await request(app).delete("/api/v1/auth/token").set("authorization", `Bearer ${revoked}`)).status).toBe(204);
    await expectRefused(`Bearer ${revoked}`, "revoked");

    const owner = await focalPoint();
    const deactivated = await apiToken(app, owner.email);
    await db.user.update({ where: { id: owner.id }, data: { isActive: false } });
    await expectRefused(`Bearer ${deactivated}`, "deactivated account");
  });

  it("refuses forged, mangled and malformed bearer tokens, never treating the call as anonymous", async () => {
    const valid = await apiToken(app, (await focalPoint()).email);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(valid) } });
    for (const [label, header] of [
      ["forged", `Bearer ${forged()}`],
      ["one character changed", `Bearer ${mangle(valid)}`],
      ["the stored hash used as the token", `Bearer ${stored.tokenHash}`],
      ["no token after the scheme", "Bearer"],
      ["two tokens", `Bearer ${valid} ${valid}`],
      ["another scheme", `Basic ${Buffer.from(`x:${valid}`).toString("base64")}`],
      ["the token without a scheme", valid],
      ["an oversized token", `Bearer ${"A".repeat(10_000)}`],
      ["a token with a NUL", `Bearer ${valid.slice(0, 10)}%00${valid.slice(10)}`],
    ] as const) {
      await expectRefused(header, label);
    }
    expect((await request(app).get("/api/v1/me").set("authorization", `Bearer ${valid}`)).status).toBe(200);
  });
});

describe("session cookies that open nothing", () => {
  async function sessionCookieOf(email: string) {
    const browser = new TestBrowser(app);
    const response = await browser.submit("/login", "/login", { email, password: DEFAULT_PASSWORD });
    expect(response.status).toBe(303);
    const cookie = ([response.headers["set-cookie"]].flat() as string[]).find((c) => c.startsWith("pgh_session="))!;
    return { browser, token: decodeURIComponent(cookie.split(";")[0]!.slice("pgh_session=".length)) };
  }

  /** A browser holding `token` as its session cookie and the CSRF token of the page it last loaded. */
  async function withCookie(browser: TestBrowser, token: string) {
    const forgedBrowser = new TestBrowser(app);
    forgedBrowser.csrfToken = browser.csrfToken;
    const setCookie = (name: string, value: string) => forgedBrowser.agent.jar.setCookie(`${name}=${value}; Path=/`, "127.0.0.1", "/");
    setCookie("pgh_session", encodeURIComponent(token));
    return forgedBrowser;
  }

  async function expectSignedOut(browser: TestBrowser, label: string) {
    const before = await databaseFingerprint();
    const page = await browser.agent.get("/inbox");
    expect(page.status, label).toBe(303);
    expect(page.headers.location, label).toMatch(/^\/login/);
    for (const action of ["/account/tokens", "/logout/everywhere", "/inbox/notices/read"]) {
      const response = await browser.agent.post(action).type("form").send({ _csrf: browser.csrfToken, name: "Dari sesi palsu", ids: "all" });
      expect([401, 403], `${label}: ${action} -> ${response.status}`).toContain(response.status);
    }
    expect(await databaseFingerprint(), label).toEqual(before);
  }

  it("refuses an expired session, an ended one and one whose account was deactivated", async () => {
    const expired = await sessionCookieOf((await focalPoint()).email);
    await db.session.update({ where: { id: hashToken(expired.token) }, data: { expiresAt: past() } });
    await expectSignedOut(await withCookie(expired.browser, expired.token), "expired");

    const ended = await sessionCookieOf((await focalPoint()).email);
    await ended.browser.get("/account");
    expect((await ended.browser.post("/logout", {})).status).toBe(303);
    await expectSignedOut(await withCookie(ended.browser, ended.token), "ended");

    const owner = await focalPoint();
    const deactivated = await sessionCookieOf(owner.email);
    await db.user.update({ where: { id: owner.id }, data: { isActive: false } });
    await expectSignedOut(await withCookie(deactivated.browser, deactivated.token), "deactivated");
  });

  it("refuses forged, tampered, hashed and oversized session cookies", async () => {
    const live = await sessionCookieOf((await focalPoint()).email);
    await live.browser.get("/account");
    // The same cookie, set the same way, does open the inbox: what follows is refused for its value.
    expect((await (await withCookie(live.browser, live.token)).agent.get("/inbox")).status).toBe(200);
    for (const [label, token] of [
      ["forged", forged()],
      ["one character changed", mangle(live.token)],
      ["the stored hash used as the cookie", hashToken(live.token)],
      ["oversized", live.token.repeat(10)],
    ] as const) {
      await expectSignedOut(await withCookie(live.browser, token), label);
    }
    expect((await live.browser.get("/inbox")).status).toBe(200);
  });
});

describe("one-time links that open nothing", () => {
  async function link(purpose: OneTimePurpose, userId: number | null, lifetime = HOUR) {
    return transaction((tx) => createOneTimeLink(tx, purpose, userId, lifetime));
  }

  async function expireLink(token: string) {
    await db.oneTimeToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: past() } });
  }

  const newPassword = { newPassword: "sandi baru dari tautan", confirmPassword: "sandi baru dari tautan" };
  const passwordHashOf = async (userId: number) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;

  async function expectResetRefused(token: string, label: string) {
    const browser = new TestBrowser(app);
    const before = await databaseFingerprint();
    const page = await browser.get(`/password/reset?token=${encodeURIComponent(token)}`);
    expect(page.status, label).toBe(400);
    await browser.get("/password/forgot"); // a CSRF token, since the refused page has no form
    const posted = await browser.post("/password/reset", { token, ...newPassword });
    expect(posted.status, `${label}: ${posted.text.slice(0, 300)}`).toBe(400);
    expect(await databaseFingerprint(), label).toEqual(before);
  }

  async function expectSetupRefused(token: string, label: string) {
    const browser = new TestBrowser(app);
    const before = await databaseFingerprint();
    expect((await browser.get(`/setup?token=${encodeURIComponent(token)}`)).status, label).toBe(400);
    await browser.get("/password/forgot");
    const posted = await browser.post("/setup", { token, name: "Admin Palsu", email: `palsu.${crypto.randomUUID()}@penghubung.test`, ...newPassword });
    expect(posted.status, `${label}: ${posted.text.slice(0, 300)}`).toBe(400);
    expect(await databaseFingerprint(), label).toEqual(before);
  }

  it("lets the first administrator's set-up link work once, and refuses it expired, reused, forged or for a reset", async () => {
    const expired = await link("first_admin", null);
    await expireLink(expired.token);
    await expectSetupRefused(expired.token, "expired set-up link");
    await expectSetupRefused(forged(), "forged set-up link");
    const someone = await focalPoint();
    await expectSetupRefused((await link("password_reset", someone.id)).token, "a reset link on the set-up form");

    const good = await link("first_admin", null);
    const browser = new TestBrowser(app);
    await browser.get(`/setup?token=${encodeURIComponent(good.token)}`);
    expect((await browser.post("/setup", { token: good.token, name: "Admin Pertama", email: "admin.pertama@penghubung.test", ...newPassword })).status).toBe(303);
    await expectSetupRefused(good.token, "reused set-up link");
    expect(await db.user.count({ where: { role: "admin" } })).toBe(1);
    // A set-up link on the password form does not touch any account either.
    await expectResetRefused((await link("first_admin", null)).token, "a set-up link on the reset form");
  });

  it("refuses reset and invitation links that expired, were forged, or were already used, leaving the password as it was", async () => {
    const user = await focalPoint();
    const expired = await link("password_reset", user.id);
    await expireLink(expired.token);
    await expectResetRefused(expired.token, "expired reset link");
    await expectResetRefused(forged(), "forged reset link");
    await expectResetRefused(mangle((await link("password_reset", user.id)).token), "mangled reset link");
    expect(await verifyPassword((await passwordHashOf(user.id))!, DEFAULT_PASSWORD)).toBe(true);

    const invited = await buildUser({ role: "focal_point", regionCode: "53.02", office: "inspektorat", password: null });
    const invitation = new URL(invited.invitationUrl!).searchParams.get("token")!;
    await expireLink(invitation);
    await expectResetRefused(invitation, "expired invitation");
    expect(await passwordHashOf(invited.id)).toBeNull();

    const used = await link("password_reset", user.id);
    const browser = new TestBrowser(app);
    await browser.get(`/password/reset?token=${encodeURIComponent(used.token)}`);
    expect((await browser.post("/password/reset", { token: used.token, ...newPassword })).status).toBe(303);
    const afterFirstUse = await passwordHashOf(user.id);
    await expectResetRefused(used.token, "reused reset link");
    expect(await passwordHashOf(user.id)).toBe(afterFirstUse);
  });

  it("lets a link sent twice at the same moment work only once", async () => {
    const user = await focalPoint();
    const { token } = await link("password_reset", user.id);
    const browsers = [new TestBrowser(app), new TestBrowser(app), new TestBrowser(app)];
    for (const browser of browsers) await browser.get(`/password/reset?token=${encodeURIComponent(token)}`);
    const passwords = ["sandi pertama yang panjang", "sandi kedua yang panjang", "sandi ketiga yang panjang"];
    const responses = await Promise.all(browsers.map((browser, i) => browser.post("/password/reset", { token, newPassword: passwords[i]!, confirmPassword: passwords[i]! })));
    expect(responses.map((r) => r.status).sort()).toEqual([303, 400, 400]);
    expect(await db.auditEvent.count({ where: { action: "user.password_reset", entityId: String(user.id) } })).toBe(1);
  });

  it("signs a person in with the password a link set, and still refuses their old session", async () => {
    const user = await focalPoint();
    const old = await signIn(app, user.email, DEFAULT_PASSWORD);
    const { token } = await link("password_reset", user.id);
    const browser = new TestBrowser(app);
    await browser.get(`/password/reset?token=${encodeURIComponent(token)}`);
    expect((await browser.post("/password/reset", { token, ...newPassword })).status).toBe(303);
    expect((await old.agent.get("/inbox")).status).toBe(303);
    expect((await signIn(app, user.email, newPassword.newPassword)).csrfToken).not.toBe("");
  });
});
