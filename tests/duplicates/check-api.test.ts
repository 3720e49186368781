import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { startTestApp, stopTestApp } from "../helpers/app.js";
import { waitForIdleQueue } from "../../jobs/queue.js";
import { inspektoratDuplicate, ombudsmanComplaint, otherMatterOfSameReporter, relatedComplaint } from "./stored-complaints.js";

let app: Express;
let assistantToken: string;
let kupangToken: string;
let ttsToken: string;
let ombudsmanTrackingNumber: string;

async function tokenOf(user: { email: string }) {
  const response = await request(app).post("/api/v1/auth/token").send({ email: user.email, password: DEFAULT_PASSWORD });
  return `Bearer ${response.body.token}`;
}

const check = (body: unknown, authorization?: string) => {
  const call = request(app).post("/api/v1/duplicates/check");
  return (authorization ? call.set("Authorization", authorization) : call).send(body as object);
};

beforeAll(async () => {
  app = await startTestApp();
  assistantToken = await tokenOf(await buildUser({ role: "assistant" }));
  kupangToken = await tokenOf(await buildUser({ role: "focal_point", regionCode: "53.01", office: "inspektorat" }));
  ttsToken = await tokenOf(await buildUser({ role: "focal_point", regionCode: "53.02", office: "inspektorat" }));
  const filed = await request(app).post("/api/v1/complaints").send(ombudsmanComplaint());
  ombudsmanTrackingNumber = filed.body.trackingNumber;
  await request(app).post("/api/v1/complaints").send(relatedComplaint());
  await waitForIdleQueue();
});
afterAll(stopTestApp);

describe("POST /api/v1/duplicates/check", () => {
  it("answers the verdict and the candidates with their evidence, in the documented shape", async () => {
    const response = await check(inspektoratDuplicate(), assistantToken);
    expect(response.status).toBe(200);
    expect(response.body.verdict).toBe("duplicate");
    const first = response.body.candidates[0];
    expect(Object.keys(first).sort()).toEqual(["desk", "reasons", "score", "trackingNumber", "verdict"]);
    expect(first).toMatchObject({ trackingNumber: ombudsmanTrackingNumber, desk: "ombudsman", verdict: "duplicate" });
    expect(first.score).toBeGreaterThanOrEqual(0.7);
    expect(first.score).toBeLessThanOrEqual(1);
    for (const reason of first.reasons) expect(Object.keys(reason).sort()).toEqual(["detail", "field"]);
    expect(first.reasons).toEqual(expect.arrayContaining([{ field: "reporter.phone", detail: "Telepon sama setelah dinormalisasi" }, { field: "unit", detail: "Unit sama" }]));
    expect(response.body.candidates.map((c: { verdict: string }) => c.verdict)).toContain("related");
  });

  it("answers in the caller's language", async () => {
    const english = await tokenOf(await buildUser({ role: "assistant", locale: "en" }));
    const response = await check(inspektoratDuplicate(), english);
    expect(response.body.candidates[0].reasons).toEqual(expect.arrayContaining([{ field: "reporter.phone", detail: "Phone equal after normalisation" }]));
  });

  it("stores nothing", async () => {
    const before = await Promise.all([db.complaint.count(), db.duplicateCandidate.count(), db.complaintMatchProfile.count(), db.complaintIdentityKey.count(), db.auditEvent.count()]);
    expect((await check(inspektoratDuplicate(), kupangToken)).status).toBe(200);
    expect(await Promise.all([db.complaint.count(), db.duplicateCandidate.count(), db.complaintMatchProfile.count(), db.complaintIdentityKey.count(), db.auditEvent.count()])).toEqual(before);
  });

  it("answers none for the same reporter's other matter", async () => {
    const response = await check(otherMatterOfSameReporter(), assistantToken);
    expect(response.body).toEqual({ verdict: "none", candidates: [] });
  });

  it("gives the Pemda's focal point the Ombudsman's case, but withholds identity evidence about its confidential reporter", async () => {
    const response = await check(inspektoratDuplicate(), kupangToken);
    expect(response.status).toBe(200);
    const first = response.body.candidates[0];
    expect(first).toMatchObject({ trackingNumber: ombudsmanTrackingNumber, desk: "ombudsman", verdict: "duplicate" });
    expect(first.reasons.map((r: { field: string }) => r.field)).not.toEqual(expect.arrayContaining(["reporter.phone"]));
    expect(first.reasons.filter((r: { field: string }) => r.field.startsWith("reporter"))).toEqual([{ field: "reporter", detail: expect.stringContaining("dirahasiakan") }]);
  });

  it("refuses another Pemda's focal point, and callers without a staff token", async () => {
    expect((await check(inspektoratDuplicate(), ttsToken)).status).toBe(403);
    expect((await check(inspektoratDuplicate())).status).toBe(401);
  });

  it("checks the body as POST /api/v1/complaints does", async () => {
    const response = await check({ ...inspektoratDuplicate(), description: "pendek" }, assistantToken);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: "description" })]);
  });
});
