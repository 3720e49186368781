import "../helpers/behind-proxy.js";
import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { translator } from "../../src/i18n/index.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";
import { complaintBody } from "../helpers/complaints.js";

/**
 * Guessing secrets. Passwords: sign-in (the form and POST /api/v1/auth/token share one limit) allows 10
 * failed attempts per address and client IP in 15 minutes, and 100 per client IP across all
 * addresses. Past the limit the answer is 429 with Retry-After — even for the right password —
 * and no session or token is created. The application trusts X-Forwarded-For from the loopback
 * test client here, so each test speaks from its own addresses. Access codes (30 wrong per IP in
 * 15 minutes) and password-reset emails (5 per IP an hour) are limited the same way.
 */
const id = translator("id");
const WINDOW_SECONDS = 15 * 60;
let app: Express;
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

/** A sign-in from a fresh browser (a successful one would change the session its CSRF token is bound to). */
async function viaForm(ip: string, email: string, password: string) {
  const browser = new TestBrowser(app);
  await browser.get("/login");
  return browser.agent.post("/login").set("x-forwarded-for", ip).type("form").send({ _csrf: browser.csrfToken, email, password, next: "/dashboard" });
}
const viaApi = (ip: string, email: string, password: string) => request(app).post("/api/v1/auth/token").set("x-forwarded-for", ip).send({ email, password });

function expectLimited(response: request.Response, label: string) {
  expect(response.status, `${label}: ${response.text.slice(0, 200)}`).toBe(429);
  expect(response.headers["retry-after"], label).toBe(String(WINDOW_SECONDS));
}

const sessionsOf = (userId: number) => db.session.count({ where: { userId } });
const tokensOf = (userId: number) => db.apiToken.count({ where: { userId } });

describe("repeated wrong passwords on the sign-in form", () => {
  it("allows ten failures for an address from one IP, then answers 429 with Retry-After, refusing even the right password", async () => {
    const user = await buildUser({ role: "focal_point" });
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await viaForm(ip, user.email, `salah sekali ${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const limited = await viaForm(ip, user.email, "salah sekali lagi");
    expectLimited(limited, "11th wrong password");
    expect(limited.headers["content-type"]).toMatch(/^text\/html/);
    expect(limited.text).toContain(id("errors.rate_limited", { minutes: 15 }));

    const right = await viaForm(ip, user.email, DEFAULT_PASSWORD);
    expectLimited(right, "the right password while limited");
    expect(right.headers["set-cookie"] ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/^pgh_session=/)]));
    expect(await sessionsOf(user.id)).toBe(0);
  });

  it("counts the address however it is written, and counts the form and the token API together", async () => {
    const user = await buildUser({ role: "focal_point", email: `Penjaga.${Date.now()}@penghubung.test` });
    const ip = freshIp();
    const spellings = [user.email, user.email.toLowerCase(), user.email.toUpperCase(), `  ${user.email}  `];
    for (let i = 0; i < 5; i++) expect((await viaForm(ip, spellings[i % spellings.length]!, `salah ${i}`)).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await viaApi(ip, spellings[i % spellings.length]!, `salah ${i}`)).status).toBe(401);
    expectLimited(await viaForm(ip, user.email.toUpperCase(), DEFAULT_PASSWORD), "the form after ten failures on both");
    const api = await viaApi(ip, ` ${user.email.toLowerCase()}`, DEFAULT_PASSWORD);
    expectLimited(api, "the token API after ten failures on both");
    expect(api.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(api.body).toMatchObject({ type: "/problems/rate_limited", status: 429 });
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await tokensOf(user.id)).toBe(0);
  });

  it("limits the address from that IP only: the same person elsewhere, and other people from that IP, still sign in", async () => {
    const user = await buildUser({ role: "focal_point" });
    const colleague = await buildUser({ role: "focal_point" });
    const office = freshIp();
    for (let i = 0; i < 10; i++) await viaForm(office, user.email, `salah ${i}`);
    expectLimited(await viaForm(office, user.email, DEFAULT_PASSWORD), "the limited address");
    expect((await viaForm(freshIp(), user.email, DEFAULT_PASSWORD)).status).toBe(303);
    expect((await viaForm(office, colleague.email, DEFAULT_PASSWORD)).status).toBe(303);
    expect((await viaApi(office, colleague.email, DEFAULT_PASSWORD)).status).toBe(201);
  });

  it("does not count successful sign-ins against the limit", async () => {
    const user = await buildUser({ role: "focal_point" });
    const ip = freshIp();
    for (let i = 0; i < 9; i++) expect((await viaForm(ip, user.email, `salah ${i}`)).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await viaForm(ip, user.email, DEFAULT_PASSWORD)).status).toBe(303);
    expect((await viaForm(ip, user.email, "salah terakhir")).status).toBe(401);
    expectLimited(await viaForm(ip, user.email, DEFAULT_PASSWORD), "after the tenth failure");
  });
});

describe("repeated wrong passwords on POST /api/v1/auth/token", () => {
  it("answers the eleventh attempt with a 429 problem and Retry-After, and issues no token for the right password", async () => {
    const user = await buildUser({ role: "assistant" });
    const ip = freshIp();
    for (let i = 0; i < 10; i++) {
      const response = await viaApi(ip, user.email, `salah ${i}`);
      expect(response.status).toBe(401);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    expectLimited(await viaApi(ip, user.email, "salah lagi"), "11th attempt");
    expectLimited(await viaApi(ip, user.email, DEFAULT_PASSWORD), "the right password while limited");
    expect(await tokensOf(user.id)).toBe(0);
  });
});

describe("one IP trying many addresses", () => {
  it("is stopped after 100 failed attempts in all, whichever address comes next", async () => {
    const user = await buildUser({ role: "focal_point" });
    const ip = freshIp();
    for (let i = 0; i < 100; i++) {
      const response = i % 2 === 0 ? await viaForm(ip, `tebak.${i}@penghubung.test`, "salah") : await viaApi(ip, `tebak.${i}@penghubung.test`, "salah");
      expect(response.status, `attempt ${i + 1}`).toBe(401);
    }
    expectLimited(await viaForm(ip, user.email, DEFAULT_PASSWORD), "a real account from the same IP");
    expectLimited(await viaApi(ip, user.email, DEFAULT_PASSWORD), "a real account through the API from the same IP");
    expect((await viaForm(freshIp(), user.email, DEFAULT_PASSWORD)).status).toBe(303);
  }, 60_000);
});

describe("guessing a complaint's access code", () => {
  it("allows 30 wrong codes from one IP, then answers 429 with Retry-After on the form and the API, refusing even the right code", async () => {
    const filed = await request(app).post("/api/v1/complaints").set("x-forwarded-for", freshIp()).send(complaintBody());
    expect(filed.status).toBe(201);
    const { trackingNumber, accessCode } = filed.body as { trackingNumber: string; accessCode: string };
    const ip = freshIp();
    const citizen = new TestBrowser(app);
    await citizen.get("/track");
    const viaTrackForm = (code: string) => citizen.agent.post("/track").set("x-forwarded-for", ip).type("form").send({ _csrf: citizen.csrfToken, trackingNumber, accessCode: code });
    const viaTrackApi = (code: string) => request(app).get(`/api/v1/complaints/${trackingNumber}`).set("x-forwarded-for", ip).set("x-access-code", code);
    for (let i = 0; i < 30; i++) {
      const response = i % 2 === 0 ? await viaTrackForm(`WRONG${String(i).padStart(3, "0")}`) : await viaTrackApi(`WRONG${String(i).padStart(3, "0")}`);
      expect(response.status, `guess ${i + 1}: ${response.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(429);
    }
    expectLimited(await viaTrackForm(accessCode), "the right code on the form while limited");
    expectLimited(await viaTrackApi(accessCode), "the right code on the API while limited");
    expect((await request(app).get(`/api/v1/complaints/${trackingNumber}`).set("x-forwarded-for", freshIp()).set("x-access-code", accessCode)).status).toBe(200);
  });
});

describe("asking for password-reset emails", () => {
  it("sends at most five an hour from one IP, then answers 429 with Retry-After and sends nothing more", async () => {
    const user = await buildUser({ role: "focal_point" });
    const ip = freshIp();
    const browser = new TestBrowser(app);
    await browser.get("/password/forgot");
    const ask = () => browser.agent.post("/password/forgot").set("x-forwarded-for", ip).type("form").send({ _csrf: browser.csrfToken, email: user.email });
    for (let i = 0; i < 5; i++) expect((await ask()).status).toBe(200);
    const outbox = await db.outboxMessage.count();
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe(String(60 * 60));
    expect(await db.outboxMessage.count()).toBe(outbox);
  });
});

