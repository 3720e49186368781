import "../helpers/behind-proxy.js";
import fc from "fast-check";
import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { startTestApp, stopTestApp } from "../helpers/app.js";
import { complaintBody } from "../helpers/complaints.js";
import { databaseFingerprint, rowCounts } from "../helpers/database-state.js";
import { anyJson, BROKEN_PATH_SEGMENTS, deeplyNestedJson, hostileString, invalidUtf8Json, percentEncode, randomClientIp, PROPERTY_TIMEOUT_MS, RUNS, wrongTypedValue } from "../helpers/hostile-input.js";
import { expectProblemDocument } from "../helpers/refusals.js";

let app: Express;
let staffToken: string;
let trackingNumber: string;
let accessCode: string;

/** A request from an address of its own (see behind-proxy.ts). */
const from = (test: request.Test) => test.set("X-Forwarded-For", randomClientIp());

beforeAll(async () => {
  app = await startTestApp();
  const assistant = await buildUser({ role: "assistant" });
  staffToken = (await request(app).post("/api/v1/auth/token").send({ email: assistant.email, password: DEFAULT_PASSWORD })).body.token;
  const filed = await request(app).post("/api/v1/complaints").send(complaintBody());
  ({ trackingNumber, accessCode } = filed.body);
});
afterAll(stopTestApp);

/** Every field of the complaint body, as a path into it. */
const COMPLAINT_PATHS = [
  ["reporter"], ["reporter", "name"], ["reporter", "nik"], ["reporter", "phone"], ["reporter", "email"], ["reporter", "address"], ["reporter", "confidentiality"],
  ["regionCode"], ["unitId"], ["unitName"], ["subject"], ["description"], ["incidentDate"], ["category"], ["isBeforeCourt"],
  ["priorComplaint"], ["priorComplaint", "made"], ["priorComplaint", "to"], ["priorComplaint", "date"], ["priorComplaint", "response"],
] as const;

/** Fields whose value must have a format (a code, a date, a number, a choice): a hostile string is never one. */
const FORMAT_PATHS = [["reporter", "nik"], ["reporter", "email"], ["reporter", "confidentiality"], ["regionCode"], ["incidentDate"], ["category"], ["priorComplaint", "to"], ["priorComplaint", "date"]] as const;

/** A query string of any keys and values, encoded as a browser would. */
const queryString = (params: Record<string, string>) => Object.entries(params).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");

function withValueAt(body: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let target = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path[path.length - 1]!] = value;
  return copy;
}

describe("POST /api/v1/complaints with hostile and malformed bodies", () => {
  it("answers any value in any field with a new complaint or a clean problem document, and a refusal changes nothing", async () => {
    const before = await databaseFingerprint();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMPLAINT_PATHS), fc.oneof(hostileString(), wrongTypedValue()), async (path, value) => {
        const counts = await rowCounts();
        const response = await from(request(app).post("/api/v1/complaints")).send(withValueAt(complaintBody(), path, value));
        if (response.status === 201) {
          expect(response.body.trackingNumber).toMatch(/^PGH-/);
          return;
        }
        refused += 1;
        expectProblemDocument(response);
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
    expect(refused).toBeGreaterThan(RUNS.request / 3);
    const after = await databaseFingerprint();
    // Accepted complaints add rows; the reference data and accounts are untouched either way.
    for (const model of ["region", "unit", "user", "office", "routingRule", "letterTemplate", "methodologyVersion", "holiday"]) expect(after[model], model).toBe(before[model]);
  }, PROPERTY_TIMEOUT_MS);

  it("names the field when a code, a date or a choice is replaced by a hostile string", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FORMAT_PATHS), hostileString(), async (path, value) => {
        fc.pre(!(path[1] === "email" && /^\s*$/.test(value)) && !(path[0] === "priorComplaint" && /^\s*$/.test(value)) && !(path[0] === "category" && /^\s*$/.test(value)) && !(path[1] === "nik" && /^\s*$/.test(value)));
        const counts = await rowCounts();
        const response = await from(request(app).post("/api/v1/complaints")).send(withValueAt(complaintBody({ priorComplaint: { made: true, to: "unit", date: complaintBody().incidentDate } }), path, value));
        expect(response.status, response.text).toBe(422);
        expectProblemDocument(response);
        expect((response.body.errors as Array<{ path: string }>).map((e) => e.path)).toContain(path.join("."));
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("refuses text holding a NUL character in any field, naming the field, whichever database stores it", async () => {
    const textPaths = [["reporter", "name"], ["reporter", "address"], ["reporter", "email"], ["unitName"], ["subject"], ["description"], ["priorComplaint", "response"]] as const;
    for (const path of textPaths) {
      const counts = await rowCounts();
      const response = await from(request(app).post("/api/v1/complaints")).send(withValueAt(complaintBody({ priorComplaint: { made: true, to: "unit", response: "Belum ada jawaban" } }), path, "Kantor\u0000 Dukcapil Oelamasi dan sekitarnya"));
      expect(response.status, `${path.join(".")}: ${response.text}`).toBe(422);
      expectProblemDocument(response);
      // An address with NUL is not an address at all: its format message comes first.
      expect(response.body.errors).toContainEqual({ path: path.join("."), message: path[1] === "email" ? expect.any(String) : expect.stringContaining("NUL") });
      expect(await rowCounts()).toEqual(counts);
    }
  });

  it("refuses a body that is not an object at all (null, a number, a string, an array)", async () => {
    await fc.assert(
      fc.asyncProperty(anyJson(), async (value) => {
        fc.pre(value === null || typeof value !== "object" || Array.isArray(value));
        const counts = await rowCounts();
        const response = await from(request(app).post("/api/v1/complaints")).set("Content-Type", "application/json").send(JSON.stringify(value));
        expectProblemDocument(response);
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("refuses deeply nested, oversized and unparsable bodies, and bodies with invalid UTF-8", async () => {
    const counts = await rowCounts();
    const bodies: Array<[string, string | Buffer, string?]> = [
      ["nested 10,000 levels", deeplyNestedJson(10_000)],
      ["nested inside the reporter", `{"reporter":${deeplyNestedJson(5_000, "name")}}`],
      ["an array of 50,000 numbers", `[${Array(50_000).fill(1).join(",")}]`],
      ["250 kB of description", JSON.stringify(complaintBody({ description: "x".repeat(250_000) }))],
      ["truncated", JSON.stringify(complaintBody()).slice(0, 90)],
      ["a lone brace", "{"],
      ["JavaScript, not JSON", "{reporter: {name: 'x'}}"],
      ["prototype keys", '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}'],
    ];
    for (const [label, body] of bodies) {
      const response = await from(request(app).post("/api/v1/complaints")).set("Content-Type", "application/json").send(body);
      expectProblemDocument(response);
      expect(response.status, label).not.toBe(201);
    }
    await fc.assert(
      fc.asyncProperty(invalidUtf8Json(), async (bytes) => {
        const response = await from(request(app).post("/api/v1/complaints")).set("Content-Type", "application/json").send(bytes);
        expectProblemDocument(response);
      }),
      { numRuns: 40 },
    );
    expect(await rowCounts()).toEqual(counts);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  }, PROPERTY_TIMEOUT_MS);

  it("refuses content types and encodings it does not read, whatever the body says", async () => {
    const counts = await rowCounts();
    const json = JSON.stringify(complaintBody());
    const cases: Array<[string, Record<string, string>, string | Buffer]> = [
      ["text/plain", { "Content-Type": "text/plain" }, json],
      ["XML", { "Content-Type": "application/xml" }, "<complaint><subject>x</subject></complaint>"],
      ["multipart without a boundary", { "Content-Type": "multipart/form-data" }, json],
      ["a charset JSON never has", { "Content-Type": "application/json; charset=latin1" }, json],
      ["a made-up charset", { "Content-Type": "application/json; charset=x-evil" }, json],
      ["gzip that is not gzip", { "Content-Type": "application/json", "Content-Encoding": "gzip" }, json],
      ["an unknown encoding", { "Content-Type": "application/json", "Content-Encoding": "compress" }, json],
      ["no content type", {}, json],
      ["a form body", { "Content-Type": "application/x-www-form-urlencoded" }, "reporter[name]=x&subject=<script>"],
    ];
    for (const [label, headers, body] of cases) {
      const response = await from(request(app).post("/api/v1/complaints")).set(headers).send(body);
      expect(response.status, label).not.toBe(201);
      expectProblemDocument(response);
    }
    expect(await rowCounts()).toEqual(counts);
  }, PROPERTY_TIMEOUT_MS);

  it("refuses a malformed Idempotency-Key before storing anything", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary-ascii", maxLength: 120 }).filter((s) => /^[\t\x20-\x7e]*$/.test(s) && !/^\s*[\x21-\x7e]{8,100}\s*$/.test(s) && s.trim() !== ""), async (key) => {
        const counts = await rowCounts();
        const response = await from(request(app).post("/api/v1/complaints")).set("Idempotency-Key", key).send(complaintBody());
        expect(response.status).toBe(422);
        expectProblemDocument(response);
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe("POST /api/v1/auth/token with hostile credentials", () => {
  it("answers every hostile or wrongly typed email, password and name with a problem document and issues no token", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString(), wrongTypedValue()), fc.oneof(hostileString(), wrongTypedValue()), fc.oneof(hostileString(), wrongTypedValue(), fc.constant(undefined)), async (email, password, name) => {
        const counts = await rowCounts();
        const response = await from(request(app).post("/api/v1/auth/token")).send({ email, password, name });
        expectProblemDocument(response);
        expect([400, 401, 422]).toContain(response.status);
        expect(response.text).not.toContain('"token"');
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("answers a body that is not an object, or is not JSON, with a problem document", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson().map((v) => JSON.stringify(v) ?? "null"), hostileString()), async (text) => {
        const response = await from(request(app).post("/api/v1/auth/token")).set("Content-Type", "application/json").send(text);
        fc.pre(response.status !== 201);
        expectProblemDocument(response);
      }),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe("GET endpoints of the API with hostile paths, queries and headers", () => {
  const headerValue = fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 60 }).filter((s) => /^[\x21-\x7e][\t\x20-\x7e]*$/.test(s));

  it("answers a hostile tracking number or access code with a problem document, never the complaint", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString().map(percentEncode), fc.constantFrom(trackingNumber, ...BROKEN_PATH_SEGMENTS)), fc.oneof(headerValue, fc.constant(accessCode.toLowerCase() + "x")), async (tn, code) => {
        fc.pre(tn !== "");
        const response = await from(request(app).get(`/api/v1/complaints/${tn}`)).set("X-Access-Code", code);
        expectProblemDocument(response);
        expect(response.text).not.toContain("Yohanes");
      }),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("answers hostile region codes and queries on the public lists with data or a problem document", async () => {
    const query = fc.dictionary(fc.constantFrom("year", "region", "version", "page", "q", "a[b][c]", "year[]", "__proto__"), hostileString(), { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/api/v1/regions", "/api/v1/scores", "/api/v1/holidays", "/api/v1/deadline-policy", "/api/v1/regions/%s/units"), fc.oneof(hostileString().map(percentEncode), fc.constantFrom(...BROKEN_PATH_SEGMENTS)), query, async (path, code, params) => {
        fc.pre(code !== "");
        const url = path.replace("%s", code);
        const response = await from(request(app).get(`${url}?${queryString(params)}`));
        expect(response.status, `${url} ${JSON.stringify(params)}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400) expectProblemDocument(response);
        else expect(response.headers["content-type"]).toMatch(/^application\/json/);
      }),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("answers repeated and deeply nested query parameters with data or a problem document", async () => {
    for (const url of ["/api/v1/scores?year=2025&year=2024", "/api/v1/holidays?year[]=2025", `/api/v1/scores?${"year" + "[a]".repeat(40)}=1`, "/api/v1/deadline-policy?version[__proto__]=1", `/api/v1/complaints?${Array.from({ length: 2000 }, (_, i) => `q${i}=1`).join("&")}`]) {
      const response = await from(request(app).get(url)).set("Authorization", `Bearer ${staffToken}`);
      expect(response.status, url).toBeLessThan(500);
      if (response.status >= 400) expectProblemDocument(response);
    }
  }, PROPERTY_TIMEOUT_MS);

  it("answers hostile filters on the staff list and the duplicate check with data or a problem document, storing nothing", async () => {
    const before = await databaseFingerprint();
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("regionCode", "status", "desk", "office", "overdue", "q", "page", "pageSize"), hostileString(), { maxKeys: 4 }), fc.constantFrom(...COMPLAINT_PATHS), fc.oneof(hostileString(), wrongTypedValue()), async (filter, path, value) => {
        const list = await from(request(app).get(`/api/v1/complaints?${queryString(filter)}`)).set("Authorization", `Bearer ${staffToken}`);
        expect(list.status, list.text.slice(0, 300)).toBeLessThan(500);
        if (list.status >= 400) expectProblemDocument(list);
        const check = await from(request(app).post("/api/v1/duplicates/check")).set("Authorization", `Bearer ${staffToken}`).send(withValueAt(complaintBody(), path, value));
        expect(check.status, check.text.slice(0, 300)).toBeLessThan(500);
        if (check.status >= 400) expectProblemDocument(check);
      }),
      { numRuns: RUNS.request },
    );
    const after = await databaseFingerprint();
    for (const model of Object.keys(before).filter((m) => m !== "apiToken" && m !== "session")) expect(after[model], model).toBe(before[model]);
  }, PROPERTY_TIMEOUT_MS);
});
