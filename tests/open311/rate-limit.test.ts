import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { translator } from "../../src/i18n/index.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { startTestApp, stopTestApp } from "../helpers/app.js";
import { formBody, serviceRequestFields } from "./request-fields.js";

let app: Express;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

describe("POST /open311/v2/requests without an api_key", () => {
  it("is rate-limited like the JSON API's citizen intake, in Open311's error format, while staff keys are not", async () => {
    // Requests refused for their content count too: the limit is on attempts from one address.
    const attempt = () => request(app).post("/open311/v2/requests.json").type("form").send(formBody(serviceRequestFields({ description: "pendek" })));
    for (let i = 0; i < 20; i++) expect((await attempt()).status).toBe(400);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("600");
    expect(limited.body).toEqual([{ code: 429, description: translator("id")("errors.rate_limited", { minutes: 10 }) }]);

    const user = await buildUser({ role: "assistant" });
    const token = (await request(app).post("/api/v1/auth/token").send({ email: user.email, password: DEFAULT_PASSWORD })).body.token as string;
    const staff = await request(app).post("/open311/v2/requests.json").type("form").send(formBody(serviceRequestFields({ api_key: token })));
    expect(staff.status).toBe(200);
  });
});
