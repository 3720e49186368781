import "../helpers/behind-proxy.js";
import fc from "fast-check";
import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, stopTestApp } from "../helpers/app.js";
import { rowCounts } from "../helpers/database-state.js";
import { BROKEN_PATH_SEGMENTS, deeplyNestedForm, deeplyNestedJson, hostileString, invalidUtf8Json, percentEncode, PROPERTY_TIMEOUT_MS, randomClientIp, RUNS, wrongTypedValue } from "../helpers/hostile-input.js";
import { expectOpen311Errors } from "../helpers/refusals.js";
import { parseOpen311Xml } from "../open311/xml.js";
import { serviceRequestFields } from "../open311/request-fields.js";

let app: Express;
let trackingNumber: string;

const FORMATS = ["json", "xml"] as const;
/** The fields a GeoReport v2 client sends, with the attributes our service definitions ask for. */
const FIELDS = [
  "jurisdiction_id", "service_code", "description", "first_name", "last_name", "email", "phone", "address_string", "address_id", "lat", "long", "media_url", "device_id", "account_id", "api_key",
  "attribute[unit]", "attribute[unit_name]", "attribute[subject]", "attribute[incident_date]", "attribute[prior_complaint]", "attribute[prior_complaint_date]", "attribute[prior_complaint_response]",
  "attribute[confidentiality]", "attribute[nik]", "attribute[address]", "attribute[is_before_court]",
];

/** A form body of any keys and values, percent-encoded as bytes (so lone surrogates survive as U+FFFD). */
const formOf = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");

const post = (format: string) => request(app).post(`/open311/v2/requests.${format}`).set("X-Forwarded-For", randomClientIp());

/** A 200 with the spec's service_requests in the asked format, or the spec's errors (never a 5xx). */
function expectAnswer(response: request.Response, format: "json" | "xml") {
  expect(response.status, response.text.slice(0, 300)).toBeLessThan(500);
  if (response.status >= 400) return expectOpen311Errors(response, format);
  expect(response.status).toBe(200);
  if (format === "xml") parseOpen311Xml(response.text);
  else JSON.parse(response.text);
}

beforeAll(async () => {
  app = await startTestApp();
  const filed = await request(app).post("/open311/v2/requests.json").type("form").send(formOf(serviceRequestFields()));
  trackingNumber = filed.body[0].service_request_id;
});
afterAll(stopTestApp);

describe("POST /open311/v2/requests with hostile fields", () => {
  it("answers a hostile value in any field with a filed request or the spec's errors in the asked format, and a refusal changes nothing", async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FORMATS), fc.constantFrom(...FIELDS), hostileString(), async (format, field, value) => {
        const counts = await rowCounts();
        const response = await post(format).type("form").send(formOf(serviceRequestFields({ [field]: value === "" ? " " : value })));
        expectAnswer(response, format);
        if (response.status === 200) return;
        refused += 1;
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
    expect(refused).toBeGreaterThan(RUNS.request / 4);
  }, PROPERTY_TIMEOUT_MS);

  it("answers JSON fields of the wrong type, and bodies that are not objects, with the spec's errors", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FORMATS), fc.constantFrom(...FIELDS.filter((f) => !f.startsWith("attribute[")), "attribute"), wrongTypedValue(), async (format, field, value) => {
        const counts = await rowCounts();
        const response = await post(format).send({ ...serviceRequestFields(), [field]: value });
        expectAnswer(response, format);
        if (response.status !== 200) expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
    for (const body of ["null", "[]", "42", '"text"', "[{}]"]) {
      for (const format of FORMATS) expectOpen311Errors(await post(format).set("Content-Type", "application/json").send(body), format);
    }
  }, PROPERTY_TIMEOUT_MS);

  it("refuses text holding a NUL character in any text field, naming the field", async () => {
    for (const field of ["description", "first_name", "last_name", "address_string", "attribute[subject]", "attribute[unit_name]", "attribute[address]", "attribute[prior_complaint_response]"]) {
      const counts = await rowCounts();
      const response = await post("json").type("form").send(formOf(serviceRequestFields({ [field]: "Pungutan liar\u0000 di loket pelayanan", "attribute[prior_complaint]": "unit", "attribute[prior_complaint_date]": serviceRequestFields()["attribute[incident_date]"]! })));
      expectOpen311Errors(response, "json");
      expect(response.status, field).toBe(400);
      expect((response.body as Array<{ description: string }>).some((e) => e.description.startsWith(`${field}:`)), `${field}: ${response.text}`).toBe(true);
      expect(await rowCounts()).toEqual(counts);
    }
  });

  it("refuses malformed, deeply nested, oversized and wrongly typed bodies in the asked format", async () => {
    const counts = await rowCounts();
    const bodies: Array<[string, string, string | Buffer]> = [
      ["malformed JSON", "application/json", "{ jurisdiction_id: 53.01"],
      ["JSON nested 10,000 levels", "application/json", deeplyNestedJson(10_000)],
      ["a form nested 500 levels", "application/x-www-form-urlencoded", deeplyNestedForm(500, "attribute")],
      ["a form of 1,000 fields", "application/x-www-form-urlencoded", Array.from({ length: 1000 }, (_, i) => `f${i}=1`).join("&")],
      ["250 kB of description", "application/x-www-form-urlencoded", formOf(serviceRequestFields({ description: "x".repeat(250_000) }))],
      ["XML (the spec answers in XML, but takes forms)", "application/xml", "<service_request><description>x</description></service_request>"],
      ["a charset nobody knows", "application/x-www-form-urlencoded; charset=x-evil", formOf(serviceRequestFields())],
      ["gzip that is not gzip", "application/json", JSON.stringify(serviceRequestFields())],
    ];
    for (const format of FORMATS) {
      for (const [label, type, body] of bodies) {
        let req = post(format).set("Content-Type", type);
        if (label.startsWith("gzip")) req = req.set("Content-Encoding", "gzip");
        const response = await req.send(body);
        expect(response.status, label).not.toBe(200);
        expectOpen311Errors(response, format);
      }
    }
    await fc.assert(
      fc.asyncProperty(invalidUtf8Json(), fc.constantFrom(...FORMATS), async (bytes, format) => {
        expectAnswer(await post(format).set("Content-Type", "application/json").send(bytes), format);
      }),
      { numRuns: 30 },
    );
    expect(await rowCounts()).toEqual(counts);
  }, PROPERTY_TIMEOUT_MS);

  it("answers a hostile api_key with 403 in the spec's format and files nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FORMATS), hostileString().filter((s) => s.trim() !== ""), async (format, apiKey) => {
        const counts = await rowCounts();
        const response = await post(format).type("form").send(formOf(serviceRequestFields({ api_key: apiKey })));
        expectOpen311Errors(response, format);
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe("GET endpoints of Open311 with hostile paths and queries", () => {
  const QUERY_KEYS = ["jurisdiction_id", "service_request_id", "service_code", "status", "start_date", "end_date", "page", "page_size", "service_request_id[]", "jurisdiction_id[a][b]", "__proto__"];

  it("answers hostile queries on every GET with data or the spec's errors, in the asked format", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FORMATS),
        fc.constantFrom("/open311/discovery", "/open311/v2/services", "/open311/v2/services/permintaan_imbalan", "/open311/v2/requests", `/open311/v2/requests/${trackingNumber}`),
        fc.dictionary(fc.constantFrom(...QUERY_KEYS), hostileString(), { maxKeys: 3 }),
        async (format, path, query) => {
          const response = await request(app).get(`${path}.${format}?jurisdiction_id=53.01&${formOf(query)}`);
          expectAnswer(response, format);
        },
      ),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("answers hostile service codes and request ids in the path with 404 or the spec's errors, in the asked format", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FORMATS), fc.constantFrom("/open311/v2/services/%s", "/open311/v2/requests/%s"), fc.oneof(hostileString().map(percentEncode), fc.constantFrom(...BROKEN_PATH_SEGMENTS)), async (format, path, segment) => {
        fc.pre(segment !== "");
        const response = await request(app).get(`${path.replace("%s", segment)}.${format}?jurisdiction_id=53.01`);
        expect(response.status, response.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
        expectOpen311Errors(response, format);
      }),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("answers formats other than .json and .xml, and unknown paths, with 404 and never a page", async () => {
    for (const url of ["/open311/v2/services.html", "/open311/v2/requests.json5", "/open311/v2/requests.xml.exe", "/open311/v2/requests", "/open311/v2/..%2f..%2fetc%2fpasswd", "/open311/v3/services.json", "/open311/v2/services.%00"]) {
      const response = await request(app).get(url);
      expect(response.status, url).toBe(404);
      expectOpen311Errors(response, /\.xml$/.test(url) ? "xml" : "json");
    }
  });
});
