import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { db } from "../../src/db.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp } from "../helpers/app.js";

let app: Express;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

describe("API tokens", () => {
  it("issues a token for email and password, and the token identifies the caller", async () => {
    const user = await buildUser({ role: "focal_point" });
    const issued = await request(app).post("/api/v1/auth/token").send({ email: user.email, password: DEFAULT_PASSWORD });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^pgh_[A-Za-z0-9_-]{40,}$/);
    expect(new Date(issued.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 80 * 24 * 3600_000);
    const me = await request(app).get("/api/v1/me").set("Authorization", `Bearer ${issued.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: user.email, role: "focal_point", office: "inspektorat" });
    const stored = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(issued.body.token);
  });

  it("answers wrong credentials and missing tokens with problem+json", async () => {
    const user = await buildUser();
    const wrong = await request(app).post("/api/v1/auth/token").send({ email: user.email, password: "salah" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers["content-type"]).toContain("application/problem+json");
    expect(wrong.body).toMatchObject({ type: "/problems/invalid_credentials", status: 401 });
    const missing = await request(app).get("/api/v1/me");
    expect(missing.status).toBe(401);
    const forged = await request(app).get("/api/v1/me").set("Authorization", "Bearer pgh_forged");
    expect(forged.status).toBe(401);
    expect(forged.body.type).toBe("/problems/unauthenticated");
  });

  it("lists tokens in the account page and revokes them there", async () => {
    const user = await buildUser();
    const browser = await signIn(app, user.email, DEFAULT_PASSWORD);
    const created = await browser.submit("/account", "/account/tokens", { name: "Impor register" });
    expect(created.status).toBe(201);
    const token = /<code class="secret" data-copy>([^<]+)<\/code>/.exec(created.text)![1]!;
    expect((await request(app).get("/api/v1/me").set("Authorization", `Bearer ${token}`)).status).toBe(200);
    const page = await browser.get("/account");
    expect(page.text).toContain("Impor register");
    expect(page.text).not.toContain(token);
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: user.id, name: "Impor register" } });
    expect((await browser.post(`/account/tokens/${row.id}/revoke`, {})).status).toBe(303);
    expect((await request(app).get("/api/v1/me").set("Authorization", `Bearer ${token}`)).status).toBe(401);
  });

  it("does not let one user revoke another user's token", async () => {
    const owner = await buildUser();
    const other = await buildUser();
    const issued = await request(app).post("/api/v1/auth/token").send({ email: owner.email, password: DEFAULT_PASSWORD });
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: owner.id } });
    const browser = await signIn(app, other.email, DEFAULT_PASSWORD);
    await browser.get("/account");
    expect((await browser.post(`/account/tokens/${row.id}/revoke`, {})).status).toBe(404);
    expect((await request(app).get("/api/v1/me").set("Authorization", `Bearer ${issued.body.token}`)).status).toBe(200);
  });

  it("rejects an expired token and revokes a token by DELETE", async () => {
    const user = await buildUser();
    const issued = await request(app).post("/api/v1/auth/token").send({ email: user.email, password: DEFAULT_PASSWORD, name: "sementara" });
    const auth = { Authorization: `Bearer ${issued.body.token}` };
    expect((await request(app).delete("/api/v1/auth/token").set(auth)).status).toBe(204);
    expect((await request(app).get("/api/v1/me").set(auth)).status).toBe(401);

    const second = await request(app).post("/api/v1/auth/token").send({ email: user.email, password: DEFAULT_PASSWORD });
    await db.apiToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await request(app).get("/api/v1/me").set("Authorization", `Bearer ${second.body.token}`)).status).toBe(401);
  });

  it("ignores session cookies on the API, so the API needs no CSRF token", async () => {
    const user = await buildUser();
    const browser = await signIn(app, user.email, DEFAULT_PASSWORD);
    const response = await browser.agent.get("/api/v1/me");
    expect(response.status).toBe(401);
  });

  it("answers malformed and oversized JSON with 400 and 413 problems", async () => {
    const malformed = await request(app).post("/api/v1/auth/token").set("Content-Type", "application/json").send('{"email": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toBe("/problems/bad_request");
    const huge = await request(app).post("/api/v1/auth/token").send({ email: "a@b.id", password: "x".repeat(300_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.type).toBe("/problems/payload_too_large");
  });

  it("lists every invalid field with its path", async () => {
    const response = await request(app).post("/api/v1/auth/token").send({ email: "not-an-email" });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { path: "email", message: expect.stringContaining("alamat email") },
        { path: "password", message: "Wajib diisi." },
      ]),
    );
  });

  it("speaks English to API clients that ask for it", async () => {
    const response = await request(app).post("/api/v1/auth/token").set("Accept-Language", "en-US,en;q=0.9").send({ email: "not-an-email", password: "x" });
    expect(response.body.title).toBe("Invalid data");
    expect(response.body.errors[0].message).toContain("valid email address");
  });
});
