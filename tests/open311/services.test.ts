import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { CONFIDENTIALITY, PRIOR_COMPLAINT_TARGETS } from "../../src/complaints/vocabulary.js";
import { db } from "../../src/db.js";
import { translator } from "../../src/i18n/index.js";
import { SERVICE_CODES } from "../../src/open311/services.js";
import { startTestApp, stopTestApp } from "../helpers/app.js";
import { asXmlText, parseOpen311Xml } from "./xml.js";

let app: Express;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

const id = translator("id");
const en = translator("en");

describe("GET /open311/v2/services", () => {
  it("lists the maladministration categories and other, in Indonesian when the client states no language", async () => {
    const response = await request(app).get("/open311/v2/services.json?jurisdiction_id=53.01");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(response.body.map((s: { service_code: string }) => s.service_code)).toEqual([...SERVICE_CODES]);
    const bribe = response.body.find((s: { service_code: string }) => s.service_code === "permintaan_imbalan");
    expect(bribe).toEqual({
      service_code: "permintaan_imbalan",
      service_name: id("categories.permintaan_imbalan.label"),
      description: id("categories.permintaan_imbalan.hint"),
      metadata: true,
      type: "realtime",
      keywords: id("open311.keywords.permintaan_imbalan"),
      group: id("open311.group"),
    });
    expect(response.body.at(-1)).toMatchObject({ service_code: "other", service_name: id("open311.services.other.name") });
  });

  it("names the services in English when the client asks for English", async () => {
    const response = await request(app).get("/open311/v2/services.json?jurisdiction_id=53.01").set("Accept-Language", "en-GB,en;q=0.9");
    const names = response.body.map((s: { service_name: string }) => s.service_name);
    expect(names).toEqual(SERVICE_CODES.map((code) => (code === "other" ? en("open311.services.other.name") : en(`categories.${code}.label`))));
    expect(names).not.toContain(id("categories.permintaan_imbalan.label"));
    expect(response.headers.vary).toContain("Accept-Language");
  });

  it("answers the same list as well-formed XML", async () => {
    const [json, xml] = await Promise.all([
      request(app).get("/open311/v2/services.json?jurisdiction_id=53.01").set("Accept-Language", "en"),
      request(app).get("/open311/v2/services.xml?jurisdiction_id=53.01").set("Accept-Language", "en"),
    ]);
    expect(xml.status).toBe(200);
    expect(xml.headers["content-type"]).toBe("text/xml; charset=utf-8");
    expect(parseOpen311Xml(xml.text)).toEqual(asXmlText(json.body));
  });

  it("requires a jurisdiction_id and refuses one that is not a Pemda, in the spec's error format", async () => {
    const missing = await request(app).get("/open311/v2/services.json");
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual([{ code: 400, description: `jurisdiction_id: ${id("open311.errors.jurisdiction_required")}` }]);
    const unknown = await request(app).get("/open311/v2/services.json?jurisdiction_id=53.99");
    expect(unknown.status).toBe(404);
    expect(unknown.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(unknown.body).toEqual([{ code: 404, description: id("open311.errors.jurisdiction_not_found") }]);
    const unknownXml = await request(app).get("/open311/v2/services.xml?jurisdiction_id=99").set("Accept-Language", "en");
    expect(unknownXml.status).toBe(404);
    expect(parseOpen311Xml(unknownXml.text)).toEqual([{ code: "404", description: en("open311.errors.jurisdiction_not_found") }]);
  });

  it("answers 404 for a format other than json and xml, still in Open311's format", async () => {
    const response = await request(app).get("/open311/v2/services.html?jurisdiction_id=53.01");
    expect(response.status).toBe(404);
    expect(response.body).toEqual([{ code: 404, description: id("errors.not_found") }]);
  });
});

describe("GET /open311/v2/services/{service_code}", () => {
  it("describes what a complaint needs beyond Open311's fields, with the jurisdiction's own units", async () => {
    const response = await request(app).get("/open311/v2/services/penundaan_berlarut.json?jurisdiction_id=53.01");
    expect(response.status).toBe(200);
    expect(response.body.service_code).toBe("penundaan_berlarut");
    const attributes = response.body.attributes as Array<{ code: string; datatype: string; required: boolean; order: number; variable: boolean; values?: Array<{ key: string; name: string }> }>;
    const byCode = Object.fromEntries(attributes.map((a) => [a.code, a]));
    expect(Object.keys(byCode)).toEqual(["unit", "unit_name", "incident_date", "subject", "prior_complaint", "prior_complaint_date", "prior_complaint_response", "confidentiality", "nik", "before_court"]);
    expect(attributes.map((a) => a.order)).toEqual(attributes.map((_, i) => i + 1));
    expect(attributes.every((a) => a.variable === true)).toBe(true);

    const units = await db.unit.findMany({ where: { region: { code: "53.01" }, isActive: true }, select: { id: true, name: true } });
    expect(byCode.unit).toMatchObject({ datatype: "singlevaluelist", required: true });
    expect(byCode.unit!.values).toEqual(expect.arrayContaining(units.map((u) => ({ key: String(u.id), name: u.name }))));
    expect(byCode.unit!.values).toHaveLength(units.length + 1);
    expect(byCode.unit!.values!.at(-1)).toEqual({ key: "other", name: id("open311.attributes.unit.other") });
    const otherPemdaUnit = await db.unit.findFirstOrThrow({ where: { region: { code: "53.02" } } });
    expect(byCode.unit!.values!.map((v) => v.key)).not.toContain(String(otherPemdaUnit.id));

    expect(byCode.incident_date).toMatchObject({ datatype: "datetime", required: true });
    expect(byCode.prior_complaint).toMatchObject({ datatype: "singlevaluelist", required: true });
    expect(byCode.prior_complaint!.values!.map((v) => v.key)).toEqual(["no", ...PRIOR_COMPLAINT_TARGETS]);
    expect(byCode.confidentiality).toMatchObject({ datatype: "singlevaluelist", required: false, description: id("open311.attributes.confidentiality.description") });
    expect(byCode.confidentiality!.values!.map((v) => v.key)).toEqual([...CONFIDENTIALITY]);
    expect(byCode.nik).toMatchObject({ datatype: "string", required: false });
  });

  it("answers the same definition as well-formed XML", async () => {
    const [json, xml] = await Promise.all([
      request(app).get("/open311/v2/services/other.json?jurisdiction_id=53.71"),
      request(app).get("/open311/v2/services/other.xml?jurisdiction_id=53.71"),
    ]);
    expect(xml.status).toBe(200);
    expect(parseOpen311Xml(xml.text)).toEqual(asXmlText(json.body));
  });

  it("answers 404 for an unknown service code", async () => {
    const response = await request(app).get("/open311/v2/services/graffiti.xml?jurisdiction_id=53.01").set("Accept-Language", "en");
    expect(response.status).toBe(404);
    expect(parseOpen311Xml(response.text)).toEqual([{ code: "404", description: en("open311.errors.service_not_found") }]);
  });
});

describe("cross-origin use", () => {
  it("lets browser apps on other origins read and file, since the API uses no cookies", async () => {
    const preflight = await request(app).options("/open311/v2/requests.json").set("Origin", "https://lapor.contoh.id").set("Access-Control-Request-Method", "POST");
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, POST");
    const read = await request(app).get("/open311/v2/services.json?jurisdiction_id=53.01").set("Origin", "https://lapor.contoh.id");
    expect(read.headers["access-control-allow-origin"]).toBe("*");
    expect(read.headers["set-cookie"]).toBeUndefined();
  });
});

describe("GET /open311/discovery", () => {
  it("points clients at the GeoReport v2 endpoint in both formats", async () => {
    const json = await request(app).get("/open311/discovery.json");
    expect(json.status).toBe(200);
    expect(json.body.endpoints).toEqual([
      { specification: "http://wiki.open311.org/GeoReport_v2", url: "http://penghubung.test/open311/v2", changeset: json.body.changeset, type: "test", formats: ["text/xml", "application/json"] },
    ]);
    expect(new Date(json.body.changeset).getTime()).not.toBeNaN();
    const xml = await request(app).get("/open311/discovery.xml");
    expect(parseOpen311Xml(xml.text)).toEqual(asXmlText(json.body));
  });

  it("moves its changeset forward when an administrator renames a unit, so clients refresh cached definitions", async () => {
    const before = (await request(app).get("/open311/discovery.json")).body.changeset as string;
    const unit = await db.unit.findFirstOrThrow({ where: { region: { code: "53.01" } } });
    await db.unit.update({ where: { id: unit.id }, data: { name: `${unit.name} (nama baru)` } });
    const after = (await request(app).get("/open311/discovery.json")).body.changeset as string;
    expect(after > before).toBe(true);
  });
});
