import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { config } from "../../src/config.js";
import { startTestApp, stopTestApp } from "../helpers/app.js";

let app: Express;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

describe("operations endpoints and pages", () => {
  it("reports database and queue status on /healthz", async () => {
    const response = await request(app).get("/healthz");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "ok", database: { status: "ok", provider: config.databaseProvider }, queue: { status: "ok", mode: "in-process" } });
  });

  it("gives every response a request id, and keeps a sane one sent by a proxy", async () => {
    const generated = await request(app).get("/");
    expect(generated.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const passed = await request(app).get("/").set("X-Request-Id", "lb-12345");
    expect(passed.headers["x-request-id"]).toBe("lb-12345");
    const hostile = await request(app).get("/").set("X-Request-Id", "<script>");
    expect(hostile.headers["x-request-id"]).not.toBe("<script>");
  });

  it("serves the citizens' home page in Indonesian with links to file and follow a complaint", async () => {
    const response = await request(app).get("/");
    expect(response.status).toBe(200);
    expect(response.text).toContain('<html lang="id">');
    expect(response.text).toContain('href="/complaints/new"');
    expect(response.text).toContain('href="/track"');
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
  });

  it("serves assets with their content hash and a long cache lifetime", async () => {
    const page = await request(app).get("/");
    const css = /href="(\/static\/app\.css\?v=[0-9a-f]{10})"/.exec(page.text)![1]!;
    const response = await request(app).get(css);
    expect(response.status).toBe(200);
    expect(response.headers["cache-control"]).toContain("immutable");
  });

  it("answers an unknown page with a 404 page, and an unknown API path with problem+json", async () => {
    const page = await request(app).get("/tidak-ada");
    expect(page.status).toBe(404);
    expect(page.text).toContain("Tidak ditemukan");
    const api = await request(app).get("/api/v1/tidak-ada");
    expect(api.status).toBe(404);
    expect(api.headers["content-type"]).toContain("application/problem+json");
  });

  it("describes each problem type at its URL", async () => {
    const response = await request(app).get("/problems/validation_failed").set("Accept-Language", "en");
    expect(response.status).toBe(200);
    expect(response.text).toContain("Invalid data");
    expect((await request(app).get("/problems/no_such_problem")).status).toBe(404);
  });
});
