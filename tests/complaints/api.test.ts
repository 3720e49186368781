import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { db } from "../../src/db.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { startTestApp, stopTestApp } from "../helpers/app.js";
import { complaintBody, daysAgo } from "../helpers/complaints.js";

let app: Express;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

async function tokenFor(role: "assistant" | "focal_point" | "admin" | "auditor", regionCode?: string) {
  const user = await buildUser({ role, regionCode });
  const response = await request(app).post("/api/v1/auth/token").send({ email: user.email, password: DEFAULT_PASSWORD });
  return `Bearer ${response.body.token}`;
}

describe("POST /api/v1/complaints", () => {
  it("files a citizen's complaint and returns its tracking number, access code and status", async () => {
    const response = await request(app).post("/api/v1/complaints").send(complaintBody());
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ trackingNumber: expect.stringMatching(/^PGH-/), accessCode: expect.stringMatching(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/), status: "received" });
    expect(response.headers.location).toBe(`/api/v1/complaints/${response.body.trackingNumber}`);
    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingNumber: response.body.trackingNumber }, include: { reporter: true } });
    expect(complaint).toMatchObject({ channel: "api", desk: "ombudsman", unitName: "Dinas Kependudukan dan Pencatatan Sipil", hasPriorComplaint: true, priorComplaintTo: "unit" });
    expect(complaint.reporter).toMatchObject({ nik: "5301011203850001", phone: "+6281234567890" });
  });

  it("lists every invalid field with its path in a problem document", async () => {
    const response = await request(app)
      .post("/api/v1/complaints")
      .send(complaintBody({ reporter: { nik: "123", phone: null, email: null, confidentiality: "secret" }, regionCode: "99", incidentDate: "2026-13-01", subject: "" }));
    expect(response.status).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const paths = response.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["reporter.nik", "reporter.email", "reporter.confidentiality", "incidentDate", "subject"]));
    expect(response.body.errors.find((e: { path: string }) => e.path === "reporter.nik").message).toBe("NIK terdiri dari 16 angka.");
    expect(await db.complaint.count()).toBe(1);
  });

  it("refuses an unknown Pemda, a unit of another Pemda, and an event two years old", async () => {
    expect((await request(app).post("/api/v1/complaints").send(complaintBody({ regionCode: "53.99" }))).body.errors).toEqual([{ path: "regionCode", message: "Pemda dengan kode ini tidak ada." }]);
    const otherUnit = await db.unit.findFirstOrThrow({ where: { region: { code: "53.18" } } });
    const wrongUnit = await request(app).post("/api/v1/complaints").send(complaintBody({ unitId: otherUnit.id }));
    expect(wrongUnit.body.errors).toEqual([{ path: "unitId", message: "Unit ini bukan milik Pemda yang dipilih." }]);
    const old = await request(app).post("/api/v1/complaints").set("Accept-Language", "en").send(complaintBody({ incidentDate: daysAgo(731) }));
    expect(old.status).toBe(422);
    expect(old.body.errors[0]).toMatchObject({ path: "incidentDate", message: expect.stringContaining("less than 2 years old") });
  });

  it("answers malformed JSON with 400 and an oversized body with 413", async () => {
    const malformed = await request(app).post("/api/v1/complaints").set("Content-Type", "application/json").send("{ not json");
    expect(malformed.status).toBe(400);
    const huge = await request(app).post("/api/v1/complaints").send(complaintBody({ description: "x".repeat(250_000) }));
    expect(huge.status).toBe(413);
  });

  it("honours an Idempotency-Key: the same key files one complaint and returns the same code", async () => {
    const body = complaintBody({ subject: "Ijazah ditahan sekolah" });
    const first = await request(app).post("/api/v1/complaints").set("Idempotency-Key", "retry-abc-123").send(body);
    const second = await request(app).post("/api/v1/complaints").set("Idempotency-Key", "retry-abc-123").send(body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await db.complaint.count({ where: { subject: "Ijazah ditahan sekolah" } })).toBe(1);
  });

  it("lets staff register a complaint from another channel with its real received date and reference", async () => {
    const auth = await tokenFor("assistant");
    const response = await request(app)
      .post("/api/v1/complaints")
      .set("Authorization", auth)
      .send({ ...complaintBody({ subject: "Laporan lewat SP4N-LAPOR" }), desk: "ombudsman", channel: "sp4n_lapor", receivedAt: daysAgo(3), externalRef: "LAPOR-4471123" });
    expect(response.status).toBe(201);
    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingNumber: response.body.trackingNumber } });
    expect(complaint).toMatchObject({ channel: "sp4n_lapor", externalRef: "LAPOR-4471123", desk: "ombudsman" });
    expect(complaint.receivedAt.toISOString()).toBe(new Date(`${daysAgo(3)}T00:00:00+08:00`).toISOString());
    expect(complaint.createdById).not.toBeNull();
  });

  it("does not let a focal point register a case for another Pemda or for the Ombudsman desk", async () => {
    const auth = await tokenFor("focal_point", "53.01");
    const otherPemda = await request(app).post("/api/v1/complaints").set("Authorization", auth).send({ ...complaintBody({ regionCode: "53.02" }), desk: "inspektorat", channel: "walk_in" });
    expect(otherPemda.status).toBe(403);
    const ombudsmanDesk = await request(app).post("/api/v1/complaints").set("Authorization", auth).send({ ...complaintBody(), desk: "ombudsman", channel: "walk_in" });
    expect(ombudsmanDesk.status).toBe(403);
    const own = await request(app).post("/api/v1/complaints").set("Authorization", auth).send({ ...complaintBody({ subject: "Walk-in di Inspektorat" }), channel: "walk_in" });
    expect(own.status).toBe(201);
    expect((await db.complaint.findUniqueOrThrow({ where: { trackingNumber: own.body.trackingNumber } })).desk).toBe("inspektorat");
  });
});

describe("GET /api/v1/complaints/{trackingNumber}", () => {
  async function file(confidentiality: string, regionCode = "53.01") {
    const response = await request(app).post("/api/v1/complaints").send(complaintBody({ regionCode, reporter: { confidentiality, name: `Pelapor ${confidentiality}` } }));
    return response.body as { trackingNumber: string; accessCode: string };
  }

  it("shows the citizen their complaint with the access code, without internal data", async () => {
    const { trackingNumber, accessCode } = await file("confidential");
    const response = await request(app).get(`/api/v1/complaints/${trackingNumber}`).set("X-Access-Code", accessCode);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ trackingNumber, status: "received", statusLabel: "Diterima", region: { code: "53.01", name: "Kabupaten Kupang" } });
    expect(response.body.timeline).toEqual([expect.objectContaining({ type: "event", action: "complaint.received", text: "Pengaduan diterima melalui API." })]);
    expect(response.body).not.toHaveProperty("reporter");
    expect(response.body).not.toHaveProperty("audit");
  });

  it("answers a wrong code and an unknown number identically", async () => {
    const { trackingNumber } = await file("public");
    const wrong = await request(app).get(`/api/v1/complaints/${trackingNumber}`).set("X-Access-Code", "ZZZZZ-ZZZZZ");
    const unknown = await request(app).get("/api/v1/complaints/PGH-2222-2222").set("X-Access-Code", "ZZZZZ-ZZZZZ");
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    const { instance: _a, requestId: _b, ...wrongBody } = wrong.body;
    const { instance: _c, requestId: _d, ...unknownBody } = unknown.body;
    expect(wrongBody).toEqual(unknownBody);
  });

  it("never shows a focal point a confidential reporter's identity, and shows the assistant", async () => {
    const { trackingNumber } = await file("confidential");
    const focal = await request(app).get(`/api/v1/complaints/${trackingNumber}`).set("Authorization", await tokenFor("focal_point", "53.01"));
    expect(focal.status).toBe(200);
    expect(focal.body.reporter).toEqual({ isRedacted: true, confidentiality: "confidential", name: null, nik: null, phone: null, email: null, address: null });
    expect(JSON.stringify(focal.body)).not.toContain("5301011203850001");
    expect(JSON.stringify(focal.body)).not.toContain("Pelapor confidential");
    for (const role of ["admin", "auditor"] as const) {
      const other = await request(app).get(`/api/v1/complaints/${trackingNumber}`).set("Authorization", await tokenFor(role));
      expect(other.body.reporter.isRedacted).toBe(true);
    }
    const assistant = await request(app).get(`/api/v1/complaints/${trackingNumber}`).set("Authorization", await tokenFor("assistant"));
    expect(assistant.body.reporter).toMatchObject({ isRedacted: false, name: "Pelapor confidential", nik: "5301011203850001" });
  });

  it("shows a focal point the identity of a reporter who chose public or anonymous", async () => {
    for (const confidentiality of ["public", "anonymous"]) {
      const { trackingNumber } = await file(confidentiality);
      const focal = await request(app).get(`/api/v1/complaints/${trackingNumber}`).set("Authorization", await tokenFor("focal_point", "53.01"));
      expect(focal.body.reporter).toMatchObject({ isRedacted: false, name: `Pelapor ${confidentiality}` });
    }
  });

  it("hides another Pemda's case from a focal point as if it did not exist", async () => {
    const { trackingNumber } = await file("public", "53.02");
    const focal = await request(app).get(`/api/v1/complaints/${trackingNumber}`).set("Authorization", await tokenFor("focal_point", "53.01"));
    expect(focal.status).toBe(404);
    expect(focal.body.type).toBe("/problems/not_found");
  });

  it("asks for an access code or a token", async () => {
    const { trackingNumber } = await file("public");
    const response = await request(app).get(`/api/v1/complaints/${trackingNumber}`);
    expect(response.status).toBe(401);
  });
});

describe("regions and units", () => {
  it("lists the 23 Pemda of NTT and each Pemda's units with their kind", async () => {
    const regions = await request(app).get("/api/v1/regions");
    expect(regions.body).toHaveLength(23);
    expect(regions.body[0]).toEqual({ code: "53", name: "Provinsi Nusa Tenggara Timur", kind: "province" });
    const units = await request(app).get("/api/v1/regions/53.71/units");
    expect(units.status).toBe(200);
    expect(units.body).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Dinas Kependudukan dan Pencatatan Sipil", kind: "DUKCAPIL", aliases: expect.arrayContaining(["Dukcapil"]), isAssessed: true })]));
    expect(units.body.every((u: { kind: string }) => ["KESEHATAN", "PENDIDIKAN", "SOSIAL", "DPMPTSP", "DUKCAPIL", "PUSKESMAS", "OTHER"].includes(u.kind))).toBe(true);
    expect((await request(app).get("/api/v1/regions/99.99/units")).status).toBe(404);
  });
});
