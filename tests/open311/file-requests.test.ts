import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { db } from "../../src/db.js";
import { translator } from "../../src/i18n/index.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { sentMail, startTestApp, stopTestApp } from "../helpers/app.js";
import { daysAgo } from "../helpers/complaints.js";
import { formBody, serviceRequestFields } from "./request-fields.js";
import { parseOpen311Xml } from "./xml.js";

let app: Express;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

const id = translator("id");
const en = translator("en");

function post(fields: Record<string, string>, format: "json" | "xml" = "json") {
  return request(app).post(`/open311/v2/requests.${format}`).type("form").send(formBody(fields));
}

async function apiToken(role: "assistant" | "auditor") {
  const user = await buildUser({ role });
  const response = await request(app).post("/api/v1/auth/token").send({ email: user.email, password: DEFAULT_PASSWORD });
  return { token: response.body.token as string, user };
}

describe("POST /open311/v2/requests", () => {
  it("files a complaint from form-encoded fields and gives the citizen the tracking number and access code to follow it", async () => {
    const response = await post(serviceRequestFields());
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(response.body).toEqual([
      {
        service_request_id: expect.stringMatching(/^PGH-[2-9A-Z]{4}-[2-9A-Z]{4}$/),
        service_notice: id("open311.service_notice", { url: "http://penghubung.test/track" }),
        account_id: null,
        access_code: expect.stringMatching(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/),
      },
    ]);
    const [{ service_request_id: trackingNumber, access_code: accessCode }] = response.body;

    const citizenView = await request(app).get(`/api/v1/complaints/${trackingNumber}`).set("X-Access-Code", accessCode);
    expect(citizenView.status).toBe(200);
    expect(citizenView.body).toMatchObject({ trackingNumber, status: "received", category: "permintaan_imbalan", region: { code: "53.01" }, unitName: "Dinas Kependudukan dan Pencatatan Sipil" });
    expect(citizenView.body.timeline[0].text).toBe(id("timeline.complaint.received", { channel: id("channels.open311") }));

    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingNumber }, include: { reporter: true } });
    expect(complaint).toMatchObject({ channel: "open311", desk: "ombudsman", hasPriorComplaint: false, subject: "Petugas loket Dukcapil Oelamasi meminta uang Rp50.000 supaya KTP elektronik saya cepat dicetak.", createdById: null });
    // Safe by default: a client that does not ask gets the strictest identity protection.
    expect(complaint.reporter).toMatchObject({ name: "Yohanes Bere", email: "yohanes.bere@contoh.id", phone: "+6281234567890", confidentiality: "confidential", address: null });
    expect((await sentMail()).some((mail) => mail.includes(trackingNumber) && mail.includes(accessCode))).toBe(true);
  });

  it("takes the unit from the Pemda's list, the prior complaint, the reporter's choices and the location from the attributes", async () => {
    const unit = await db.unit.findFirstOrThrow({ where: { region: { code: "53.01" }, kind: "KESEHATAN" } });
    const response = await post(
      serviceRequestFields({
        service_code: "tidak_patut",
        "attribute[unit]": String(unit.id),
        "attribute[unit_name]": "",
        "attribute[subject]": "Dibentak petugas pendaftaran",
        "attribute[incident_date]": `${daysAgo(3)}T09:30:00+08:00`,
        "attribute[prior_complaint]": "superior",
        "attribute[prior_complaint_date]": daysAgo(2),
        "attribute[prior_complaint_response]": "Belum ada jawaban",
        "attribute[confidentiality]": "anonymous",
        "attribute[nik]": "5301 0112 0385 0001",
        address_string: "Jalan Timor Raya, Oelamasi",
        lat: "-10.1772",
        long: "123.6070",
        media_url: "https://contoh.id/foto/123.jpg",
      }),
    );
    expect(response.status).toBe(200);
    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingNumber: response.body[0].service_request_id }, include: { reporter: true } });
    expect(complaint).toMatchObject({
      category: "tidak_patut",
      unitId: unit.id,
      unitName: null,
      subject: "Dibentak petugas pendaftaran",
      incidentDate: daysAgo(3),
      hasPriorComplaint: true,
      priorComplaintTo: "superior",
      priorComplaintDate: daysAgo(2),
      priorComplaintResponse: "Belum ada jawaban",
    });
    expect(complaint.reporter).toMatchObject({ nik: "5301011203850001", confidentiality: "anonymous", address: null });
    expect(complaint.description).toBe(
      [
        "Petugas loket Dukcapil Oelamasi meminta uang Rp50.000 supaya KTP elektronik saya cepat dicetak.\nPadahal pelayanannya gratis.",
        "",
        `${id("open311.submitted.location")}: Jalan Timor Raya, Oelamasi`,
        `${id("open311.submitted.coordinates")}: -10.1772, 123.607`,
        `${id("open311.submitted.media")}: https://contoh.id/foto/123.jpg`,
      ].join("\n"),
    );
  });

  it("answers in XML that parses back, with the access code in its own element", async () => {
    const response = await post(serviceRequestFields({ service_code: "other" }), "xml");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/xml; charset=utf-8");
    const [receipt] = parseOpen311Xml(response.text) as Array<Record<string, string | null>>;
    expect(receipt).toEqual({ service_request_id: expect.stringMatching(/^PGH-/), service_notice: expect.any(String), account_id: null, access_code: expect.stringMatching(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/) });
    const view = await request(app).get(`/api/v1/complaints/${receipt!.service_request_id}`).set("X-Access-Code", receipt!.access_code!);
    expect(view.status).toBe(200);
    expect(view.body.category).toBeNull();
  });

  it("accepts a JSON body with nested attributes and numbers", async () => {
    const unit = await db.unit.findFirstOrThrow({ where: { region: { code: "53.71" }, kind: "DUKCAPIL" } });
    const response = await request(app)
      .post("/open311/v2/requests.json")
      .send({
        jurisdiction_id: "53.71",
        service_code: "penundaan_berlarut",
        description: "Akta kelahiran anak saya belum selesai setelah dua bulan, padahal janjinya dua minggu.",
        first_name: "Maria",
        last_name: null,
        phone: "+62 812 3456 7891",
        lat: -10.1583,
        long: 123.5829,
        attribute: { unit: unit.id, incident_date: daysAgo(60), prior_complaint: "unit" },
      });
    expect(response.status).toBe(200);
    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingNumber: response.body[0].service_request_id }, include: { reporter: true } });
    expect(complaint).toMatchObject({ unitId: unit.id, hasPriorComplaint: true, priorComplaintTo: "unit", category: "penundaan_berlarut" });
    expect(complaint.reporter).toMatchObject({ name: "Maria", email: null, phone: "+6281234567891" });
  });

  it("lists every invalid field once, named as the client sent it, with the spec's 400 and error list", async () => {
    const before = await db.complaint.count();
    const response = await post(
      serviceRequestFields({
        description: "Terlalu pendek",
        first_name: " ",
        last_name: "",
        email: "bukan-email",
        phone: "",
        "attribute[unit]": "",
        "attribute[unit_name]": "",
        "attribute[nik]": "123",
        "attribute[incident_date]": "kemarin",
        "attribute[prior_complaint]": "mungkin",
        "attribute[confidentiality]": "rahasia",
        lat: "123",
        media_url: "ftp://contoh.id/x",
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.every((e: { code: number }) => e.code === 400)).toBe(true);
    const descriptions = response.body.map((e: { description: string }) => e.description) as string[];
    const fields = descriptions.map((d) => d.slice(0, d.indexOf(": ")));
    expect([...fields].sort()).toEqual(
      ["description", "first_name", "email", "lat", "long", "media_url", "attribute[unit]", "attribute[nik]", "attribute[incident_date]", "attribute[prior_complaint]", "attribute[confidentiality]"].sort(),
    );
    expect(descriptions).toContain(`attribute[nik]: ${id("errors.nik_format")}`);
    expect(descriptions).toContain(`attribute[prior_complaint]: ${id("open311.errors.prior_complaint_choice")}`);
    expect(descriptions).toContain(`lat: ${id("open311.errors.latitude")}`);
    expect(await db.complaint.count()).toBe(before);
  });

  it("names the field in English too, also for rules that need the database", async () => {
    const otherPemdaUnit = await db.unit.findFirstOrThrow({ where: { region: { code: "53.18" } } });
    const response = await request(app)
      .post("/open311/v2/requests.xml")
      .set("Accept-Language", "en")
      .type("form")
      .send(formBody(serviceRequestFields({ "attribute[unit]": String(otherPemdaUnit.id), "attribute[incident_date]": daysAgo(731) })));
    expect(response.status).toBe(400);
    const errors = parseOpen311Xml(response.text) as Array<{ code: string; description: string }>;
    expect(errors.map((e) => e.description.split(": ")[0]).sort()).toEqual(["attribute[incident_date]", "attribute[unit]"]);
    expect(errors.find((e) => e.description.startsWith("attribute[unit]"))!.description).toBe(`attribute[unit]: ${en("errors.unit_not_in_region")}`);
    expect(errors.find((e) => e.description.startsWith("attribute[incident_date]"))!.description).toContain("less than 2 years old");
  });

  it("requires a jurisdiction and a service, and answers 404 for ones that do not exist", async () => {
    const missing = await post(serviceRequestFields({ jurisdiction_id: "", service_code: "" }));
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual([
      { code: 400, description: `jurisdiction_id: ${id("open311.errors.jurisdiction_required")}` },
      { code: 400, description: `service_code: ${id("open311.errors.service_code_required")}` },
    ]);
    const unknownPemda = await post(serviceRequestFields({ jurisdiction_id: "52.01" }));
    expect(unknownPemda.status).toBe(404);
    expect(unknownPemda.body).toEqual([{ code: 404, description: id("open311.errors.jurisdiction_not_found") }]);
    const unknownService = await post(serviceRequestFields({ service_code: "pothole" }));
    expect(unknownService.status).toBe(404);
    expect(unknownService.body).toEqual([{ code: 404, description: id("open311.errors.service_not_found") }]);
  });

  it("answers a malformed JSON body with 400 in Open311's format, not a problem document", async () => {
    const response = await request(app).post("/open311/v2/requests.xml").set("Content-Type", "application/json").send("{ bukan json");
    expect(response.status).toBe(400);
    expect(response.headers["content-type"]).toBe("text/xml; charset=utf-8");
    expect(parseOpen311Xml(response.text)).toEqual([{ code: "400", description: id("open311.errors.malformed") }]);
  });

  it("files for staff with an api_key, and refuses an invalid api_key or bearer token with 403", async () => {
    const { token, user } = await apiToken("assistant");
    const response = await post(serviceRequestFields({ api_key: token, "attribute[subject]": "Diterima lewat aplikasi mitra" }));
    expect(response.status).toBe(200);
    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingNumber: response.body[0].service_request_id } });
    expect(complaint).toMatchObject({ channel: "open311", desk: "ombudsman", createdById: user.id });

    const invalidKey = await post(serviceRequestFields({ api_key: "bukan-token" }));
    expect(invalidKey.status).toBe(403);
    expect(invalidKey.body).toEqual([{ code: 403, description: id("open311.errors.api_key_invalid") }]);
    const invalidBearer = await request(app).post("/open311/v2/requests.json").set("Authorization", "Bearer bukan-token").type("form").send(formBody(serviceRequestFields()));
    expect(invalidBearer.status).toBe(403);
    expect(invalidBearer.body).toEqual([{ code: 403, description: id("errors.invalid_api_token") }]);
  });

  it("does not let an auditor's token file a complaint", async () => {
    const { token } = await apiToken("auditor");
    const response = await post(serviceRequestFields({ api_key: token }));
    expect(response.status).toBe(403);
    expect(response.body).toEqual([{ code: 403, description: id("errors.forbidden") }]);
  });

  it("files one complaint for a retried request with the same Idempotency-Key and returns the same code", async () => {
    const fields = serviceRequestFields({ "attribute[subject]": "Dikirim ulang karena sinyal lemah" });
    const first = await request(app).post("/open311/v2/requests.json").set("Idempotency-Key", "open311-retry-0001").type("form").send(formBody(fields));
    const second = await request(app).post("/open311/v2/requests.json").set("Idempotency-Key", "open311-retry-0001").type("form").send(formBody(fields));
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await db.complaint.count({ where: { subject: "Dikirim ulang karena sinyal lemah" } })).toBe(1);
  });
});
