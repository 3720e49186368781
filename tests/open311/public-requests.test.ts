import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { generateTrackingNumber } from "../../src/complaints/tracking-number.js";
import { db } from "../../src/db.js";
import { translator } from "../../src/i18n/index.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { startTestApp, stopTestApp } from "../helpers/app.js";
import { formBody, serviceRequestFields } from "./request-fields.js";
import { asXmlText, parseOpen311Xml } from "./xml.js";

let app: Express;
let apiKey: string;
const id = translator("id");

/** Reporters whose every detail must stay out of public answers. */
const reporters = {
  public: { first_name: "Agustinus", last_name: "Nahak", email: "agustinus.nahak@contoh.id", phone: "081311112222", nik: "5301011111110001", place: "Rumah keluarga Nahak di Oesao" },
  anonymous: { first_name: "Theresia", last_name: "Lake", email: "theresia.lake@contoh.id", phone: "081322223333", nik: "5301012222220002", place: "Kebun keluarga Lake di Camplong" },
  confidential: { first_name: "Fransiskus", last_name: "Tefa", email: "fransiskus.tefa@contoh.id", phone: "081333334444", nik: "5301013333330003", place: "Pondok Tefa di Baun" },
} as const;
type Choice = keyof typeof reporters;

const filed: Record<Choice, string> = { public: "", anonymous: "", confidential: "" };

/** Files through Open311 with a staff api_key (so fixtures do not use up the citizens' rate limit). */
async function file(choice: Choice, overrides: Record<string, string> = {}) {
  const person = reporters[choice];
  const response = await request(app)
    .post("/open311/v2/requests.json")
    .type("form")
    .send(
      formBody(
        serviceRequestFields({
          api_key: apiKey,
          first_name: person.first_name,
          last_name: person.last_name,
          email: person.email,
          phone: person.phone,
          description: `Saya ${person.first_name} ${person.last_name} (${person.phone}) dimintai uang oleh petugas loket untuk mengurus surat pindah.`,
          "attribute[subject]": `Pungutan surat pindah untuk ${person.first_name}`,
          "attribute[nik]": person.nik,
          "attribute[confidentiality]": choice,
          "attribute[unit_name]": `Loket Dukcapil dekat rumah ${person.last_name}`,
          address_string: person.place,
          ...overrides,
        }),
      ),
    );
  expect(response.status).toBe(200);
  return response.body[0].service_request_id as string;
}

async function list(query: string, format: "json" | "xml" = "json") {
  return request(app).get(`/open311/v2/requests.${format}?jurisdiction_id=53.01${query}`);
}

const idsOf = (body: Array<{ service_request_id: string }>) => body.map((r) => r.service_request_id);

beforeAll(async () => {
  app = await startTestApp();
  const user = await buildUser({ role: "assistant" });
  apiKey = (await request(app).post("/api/v1/auth/token").send({ email: user.email, password: DEFAULT_PASSWORD })).body.token;
  for (const choice of Object.keys(reporters) as Choice[]) filed[choice] = await file(choice);
});
afterAll(stopTestApp);

describe("GET /open311/v2/requests", () => {
  it("lists the Pemda's public and anonymous complaints but never a confidential one", async () => {
    const elsewhere = await file("public", { jurisdiction_id: "53.02" });
    const response = await list("");
    expect(response.status).toBe(200);
    const ids = idsOf(response.body);
    expect(ids).toEqual(expect.arrayContaining([filed.public, filed.anonymous]));
    expect(ids).not.toContain(filed.confidential);
    expect(ids).not.toContain(elsewhere);
  });

  it("never publishes the reporter's name, contact, NIK, address or anything they wrote, in JSON or in XML", async () => {
    const answers = [(await list("")).text, (await list("", "xml")).text, (await request(app).get(`/open311/v2/requests/${filed.public}.xml`)).text];
    const secrets = Object.values(reporters).flatMap((p) => [p.first_name, p.last_name, p.email, p.phone, p.phone.replace(/^0/, "+62"), p.nik, p.place]);
    secrets.push("dimintai uang", "Pungutan surat pindah", "Loket Dukcapil dekat rumah");
    for (const answer of answers) {
      expect(answer).toContain(filed.public);
      for (const secret of secrets) expect(answer).not.toContain(secret);
    }
  });

  it("describes each request with our own words only: service, unit from the list, Pemda, status and dates", async () => {
    const unit = await db.unit.findFirstOrThrow({ where: { region: { code: "53.01" }, kind: "DUKCAPIL" } });
    const withUnit = await file("anonymous", { service_code: "penundaan_berlarut", "attribute[unit]": String(unit.id), "attribute[unit_name]": "" });
    const region = await db.region.findUniqueOrThrow({ where: { code: "53.01" } });
    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingNumber: withUnit } });
    const response = await request(app).get(`/open311/v2/requests/${withUnit}.json`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      {
        service_request_id: withUnit,
        status: "open",
        status_notes: id("complaint_status.received.citizen"),
        service_name: id("categories.penundaan_berlarut.label"),
        service_code: "penundaan_berlarut",
        description: id("open311.public_description_unit", { service: id("categories.penundaan_berlarut.label"), unit: unit.name }),
        agency_responsible: region.name,
        service_notice: null,
        requested_datetime: complaint.receivedAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
        updated_datetime: complaint.updatedAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
      },
    ]);
    const withFreeTextUnit = (await request(app).get(`/open311/v2/requests/${filed.public}.json`)).body[0];
    expect(withFreeTextUnit.description).toBe(id("open311.public_description", { service: id("categories.permintaan_imbalan.label") }));
  });

  it("answers the same list as well-formed XML", async () => {
    const [json, xml] = await Promise.all([list("&service_code=permintaan_imbalan"), list("&service_code=permintaan_imbalan", "xml")]);
    expect(xml.headers["content-type"]).toBe("text/xml; charset=utf-8");
    expect(json.body.length).toBeGreaterThan(0);
    expect(parseOpen311Xml(xml.text)).toEqual(asXmlText(json.body));
  });

  it("maps workflow states to open and closed, and filters by status", async () => {
    const states = { in_progress: "open", decided: "open", closed: "closed", rejected: "closed", withdrawn: "closed" } as const;
    const byState: Record<string, string> = {};
    for (const state of Object.keys(states)) {
      byState[state] = await file("public", { "attribute[subject]": `Keadaan ${state}` });
      await db.complaint.update({ where: { trackingNumber: byState[state] }, data: { status: state } });
    }
    const all = await list(`&service_request_id=${Object.values(byState).join(",")}`);
    for (const [state, expected] of Object.entries(states)) {
      const entry = all.body.find((r: { service_request_id: string }) => r.service_request_id === byState[state]);
      expect(entry).toMatchObject({ status: expected, status_notes: id(`complaint_status.${state}.citizen`) });
    }
    const closed = idsOf((await list("&status=closed")).body);
    const open = idsOf((await list("&status=open")).body);
    expect(closed).toEqual(expect.arrayContaining([byState.closed, byState.rejected, byState.withdrawn]));
    expect(closed).not.toContain(byState.in_progress);
    expect(open).toEqual(expect.arrayContaining([byState.in_progress, byState.decided, filed.public]));
    expect(open).not.toContain(byState.withdrawn);
    expect(idsOf((await list("&status=open,closed")).body).sort()).toEqual([...open, ...closed].sort());
    expect(idsOf((await list("&status=open&status=closed")).body).sort()).toEqual([...open, ...closed].sort());
  });

  it("filters by service code, other being the complaints without a category", async () => {
    const uncategorised = await file("public", { service_code: "other" });
    const other = (await list("&service_code=other")).body as Array<{ service_request_id: string; service_code: string }>;
    expect(idsOf(other)).toContain(uncategorised);
    expect(other.every((r) => r.service_code === "other")).toBe(true);
    const both = idsOf((await list("&service_code=other,permintaan_imbalan")).body);
    expect(both).toEqual(expect.arrayContaining([uncategorised, filed.public]));
  });

  it("returns the requested ids whatever the other filters say, but never a confidential one", async () => {
    const response = await list(`&service_request_id=${filed.public},${filed.confidential.toLowerCase()},PGH-2222-2222&status=closed&service_code=other`);
    expect(response.status).toBe(200);
    expect(idsOf(response.body)).toEqual([filed.public]);
  });

  it("covers the last 90 days unless asked for another window of at most 90 days", async () => {
    const old = await file("public", { "attribute[subject]": "Pengaduan lama" });
    const receivedAt = new Date(Date.now() - 100 * 24 * 3600_000);
    await db.complaint.update({ where: { trackingNumber: old }, data: { receivedAt } });
    expect(idsOf((await list("")).body)).not.toContain(old);
    const start = new Date(receivedAt.getTime() - 3600_000).toISOString();
    const end = new Date(receivedAt.getTime() + 3600_000).toISOString();
    expect(idsOf((await list(`&start_date=${start}&end_date=${end}`)).body)).toEqual([old]);

    const tooLong = await list("&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual([{ code: 400, description: `end_date: ${id("open311.errors.date_span", { days: 90 })}` }]);
    const backwards = await list("&start_date=2026-02-01T00:00:00%2B08:00&end_date=2026-01-01T00:00:00Z");
    expect(backwards.body).toEqual([{ code: 400, description: `end_date: ${id("open311.errors.date_order")}` }]);
    const notW3 = await list("&start_date=kemarin&status=pending");
    expect(notW3.status).toBe(400);
    expect(notW3.body).toEqual([
      { code: 400, description: `status: ${id("errors.invalid_choice")}` },
      { code: 400, description: `start_date: ${id("open311.errors.datetime")}` },
    ]);
  });

  it("pages with page and page_size, linking the next page", async () => {
    const first = await list("&page_size=2");
    expect(first.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link ?? "")?.[1];
    expect(next).toBeDefined();
    const nextUrl = new URL(next!);
    expect(nextUrl.searchParams.get("page")).toBe("2");
    const second = await request(app).get(`${nextUrl.pathname}${nextUrl.search}`);
    expect(second.body).toHaveLength(2);
    expect(idsOf(second.body).some((tn) => idsOf(first.body).includes(tn))).toBe(false);
    const everything = (await list("")).body;
    expect(idsOf([...first.body, ...second.body])).toEqual(idsOf(everything).slice(0, 4));
    expect((await list("&page_size=1001")).body).toEqual([{ code: 400, description: `page_size: ${id("errors.too_big", { maximum: 1000 })}` }]);
  });

  it("requires a jurisdiction and answers 404 for an unknown one", async () => {
    expect((await request(app).get("/open311/v2/requests.json")).status).toBe(400);
    const unknown = await request(app).get("/open311/v2/requests.json?jurisdiction_id=53.30");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: id("open311.errors.jurisdiction_not_found") }]);
  });
});

describe("GET /open311/v2/requests/{id}", () => {
  it("answers 404 for a confidential complaint exactly as for a number that does not exist", async () => {
    const confidential = await request(app).get(`/open311/v2/requests/${filed.confidential}.json`);
    const unknown = await request(app).get(`/open311/v2/requests/${generateTrackingNumber(() => 0)}.json`);
    expect(confidential.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(confidential.body).toEqual(unknown.body);
    expect(confidential.body).toEqual([{ code: 404, description: id("open311.errors.request_not_found") }]);
  });

  it("reads a public complaint by its tracking number as people type it, and refuses it under another jurisdiction", async () => {
    const typed = filed.anonymous.toLowerCase().replace(/-/g, "");
    const response = await request(app).get(`/open311/v2/requests/${typed}.xml`);
    expect(response.status).toBe(200);
    const [entry] = parseOpen311Xml(response.text) as Array<Record<string, string>>;
    expect(entry).toMatchObject({ service_request_id: filed.anonymous, status: "open" });
    expect((await request(app).get(`/open311/v2/requests/${filed.anonymous}.json?jurisdiction_id=53.01`)).status).toBe(200);
    expect((await request(app).get(`/open311/v2/requests/${filed.anonymous}.json?jurisdiction_id=53.02`)).status).toBe(404);
  });
});
