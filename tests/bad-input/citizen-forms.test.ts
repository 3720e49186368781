import "../helpers/behind-proxy.js";
import crypto from "node:crypto";
import fc from "fast-check";
import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";
import { complaintBody, complaintFormFields } from "../helpers/complaints.js";
import { rowCounts } from "../helpers/database-state.js";
import { BROKEN_PATH_SEGMENTS, deeplyNestedForm, hostileString, percentEncode, PROPERTY_TIMEOUT_MS, randomClientIp, RUNS } from "../helpers/hostile-input.js";
import { expectRefusedPage, RAW_MARKUP } from "../helpers/refusals.js";

let app: Express;
let citizen: TestBrowser;
let trackingNumber: string;
let accessCode: string;

/** Text that databases have refused to store (PostgreSQL: NUL), or that is longer than any field allows. */
const STORAGE_BREAKERS = ["nul\u0000byte in the middle of a sentence", "\uD800 lone surrogate \uDFFF", "\u202Eright to left\u202C and \u200Bzero width", "x".repeat(6000)];

/** The citizen form's text fields (the ones a person types into). */
const TEXT_FIELDS = ["reporter[name]", "reporter[address]", "reporter[email]", "reporter[phone]", "reporter[nik]", "subject", "description", "unitName", "priorComplaint[response]"];

/** A browser on the complaint form of Kabupaten Kupang, coming from an address of its own. */
async function formBrowser() {
  const browser = new TestBrowser(app);
  browser.agent.set("X-Forwarded-For", randomClientIp());
  await browser.get("/complaints/new?region=53.01");
  return browser;
}

const validFields = (overrides: Record<string, string> = {}) => complaintFormFields({ submissionKey: crypto.randomUUID(), unitName: "Dinas Kependudukan dan Pencatatan Sipil", ...overrides });

beforeAll(async () => {
  app = await startTestApp();
  const filed = await request(app).post("/api/v1/complaints").send(complaintBody({ reporter: { name: "Agustinus Lake", email: "agustinus.lake@contoh.id" } }));
  ({ trackingNumber, accessCode } = filed.body);
  citizen = new TestBrowser(app);
  citizen.agent.set("X-Forwarded-For", randomClientIp());
  expect((await citizen.submit("/track", "/track", { trackingNumber, accessCode })).status).toBe(303);
});
afterAll(stopTestApp);

describe("the citizen's complaint form (multipart, CSRF token in the query) with hostile input", () => {
  it("answers a hostile value in any field with the form again (4xx, the value escaped) or a receipt, and a refusal stores nothing", async () => {
    const browser = await formBrowser();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(validFields()), "submissionKey", "regionCode", "unitId"), hostileString(), async (field, value) => {
        const counts = await rowCounts();
        const response = await browser.postMultipart("/complaints", validFields({ [field]: value }));
        if (response.status === 303) {
          expect(response.headers.location).toBe("/complaints/receipt");
          return;
        }
        refused += 1;
        expectRefusedPage(response, "/complaints");
        expect(response.text).not.toMatch(RAW_MARKUP);
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
    expect(refused).toBeGreaterThan(RUNS.request / 4);
  }, PROPERTY_TIMEOUT_MS);

  it("stores, or refuses with the form again, text that databases reject or that is far too long", async () => {
    const browser = await formBrowser();
    for (const field of TEXT_FIELDS) {
      for (const value of STORAGE_BREAKERS) {
        const counts = await rowCounts();
        const response = await browser.postMultipart("/complaints", validFields({ [field]: value }));
        if (response.status === 303) {
          expect(value, `${field} holds NUL, which PostgreSQL cannot store: it must be refused`).not.toContain("\u0000");
          continue;
        }
        expectRefusedPage(response, "/complaints");
        expect(response.status, `${field}=${JSON.stringify(value.slice(0, 40))}`).toBe(422);
        expect(await rowCounts()).toEqual(counts);
      }
    }
  }, PROPERTY_TIMEOUT_MS);

  it("refuses fields shaped as nobody's form sends them: arrays, nesting, prototype keys, too many fields", async () => {
    const browser = await formBrowser();
    const before = await rowCounts();
    const shapes: Array<[string, Record<string, string>]> = [
      ["the reporter as plain text", { ...Object.fromEntries(Object.entries(validFields()).filter(([key]) => !key.startsWith("reporter["))), reporter: "Maria" }],
      ["a name given twice as an array", { ...validFields(), "reporter[name][0]": "A", "reporter[name][1]": "B" }],
      ["prototype keys", { ...validFields({ subject: "" }), "__proto__[isAdmin]": "true", "constructor[prototype][isAdmin]": "true", "reporter[__proto__][role]": "admin" }],
      ["a deeply nested field", { ...validFields({ subject: "" }), [deeplyNestedForm(200).split("=")[0]!]: "1" }],
      ["81 fields", { ...validFields(), ...Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`extra${i}`, "x"])) }],
      ["a field of 40,000 characters", validFields({ description: "panjang ".repeat(5000) })],
    ];
    for (const [label, fields] of shapes) {
      const response = await browser.postMultipart("/complaints", fields);
      expect(response.status, label).toBeGreaterThanOrEqual(400);
      expect(response.status, label).toBeLessThan(500);
      expect(response.headers["content-type"], label).toMatch(/^text\/html/);
    }
    expect(await rowCounts()).toEqual(before);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  }, PROPERTY_TIMEOUT_MS);

  it("refuses bodies that are not the multipart form: a wrong or missing boundary, a cut-off body, JSON, a plain form", async () => {
    const browser = await formBrowser();
    const before = await rowCounts();
    const action = `/complaints?_csrf=${encodeURIComponent(browser.csrfToken)}`;
    const part = (boundary: string) => `--${boundary}\r\nContent-Disposition: form-data; name="subject"\r\n\r\nPungutan liar\r\n--${boundary}--\r\n`;
    const bodies: Array<[string, string, string | Buffer]> = [
      ["a boundary that is not the one used", "multipart/form-data; boundary=expected", part("another")],
      ["no boundary", "multipart/form-data", part("x")],
      ["a body cut off in a part", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nPungut"],
      ["a part without a name", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n"],
      ["invalid UTF-8 in a field", "multipart/form-data; boundary=b", Buffer.concat([Buffer.from('--b\r\nContent-Disposition: form-data; name="subject"\r\n\r\n'), Buffer.from([0xc0, 0xaf, 0xff]), Buffer.from("\r\n--b--\r\n")])],
      ["JSON", "application/json", JSON.stringify(complaintBody())],
      ["text", "text/plain", "subject=x"],
    ];
    for (const [label, type, body] of bodies) {
      const response = await browser.agent.post(action).set("Content-Type", type).send(body);
      expect(response.status, `${label}: ${response.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(response.status, label).toBeLessThan(500);
      expect(response.headers["content-type"], label).toMatch(/^text\/html/);
    }
    expect(await rowCounts()).toEqual(before);
  }, PROPERTY_TIMEOUT_MS);

  it("shows the Pemda choice for a hostile region in the address, never an error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString().map(percentEncode), fc.constantFrom(...BROKEN_PATH_SEGMENTS)), async (region) => {
        const response = await request(app).get(`/complaints/new?region=${region}`);
        expect(response.status, response.text.slice(0, 300)).toBe(200);
        expect(response.text).not.toMatch(RAW_MARKUP);
      }),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe("following a complaint with hostile input", () => {
  it("answers hostile tracking numbers and access codes with the form again, escaped, and grants nothing", async () => {
    const browser = new TestBrowser(app);
    browser.agent.set("X-Forwarded-For", randomClientIp());
    await browser.get("/track");
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString(), fc.constant(trackingNumber)), hostileString(), async (tn, code) => {
        const counts = await rowCounts();
        browser.agent.set("X-Forwarded-For", randomClientIp());
        const response = await browser.post("/track", { trackingNumber: tn, accessCode: code });
        expectRefusedPage(response, "/track");
        expect(response.text).not.toMatch(RAW_MARKUP);
        expect(String(response.headers["set-cookie"] ?? "")).not.toContain("pgh_track=");
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("sends a hostile tracking number in the address to the code form, and shows a hostile prefill escaped", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString().map(percentEncode), fc.constantFrom(...BROKEN_PATH_SEGMENTS)), async (tn) => {
        fc.pre(tn !== "");
        for (const url of [`/track/${tn}`, `/track?tn=${tn}`, `/track/${tn}/attachments/1`, `/track/${trackingNumber}/attachments/${tn}`]) {
          const response = await citizen.agent.get(url);
          expect(response.status, `${url}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
          if (response.status === 303) expect(response.headers.location).toMatch(/^\/track\?tn=/);
          expect(response.text).not.toMatch(RAW_MARKUP);
        }
      }),
      { numRuns: RUNS.request },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("answers hostile ratings and comments on a case still in progress with the status page again, storing nothing", async () => {
    await citizen.get(`/track/${trackingNumber}`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString(), fc.constantFrom("0", "6", "-1", "3.5", "1e3", "5")), fc.oneof(hostileString(), fc.constant("")), async (rating, comment) => {
        const counts = await rowCounts();
        const response = await citizen.post(`/track/${trackingNumber}/rating`, { rating, comment });
        expectRefusedPage(response);
        expect(response.text).not.toMatch(RAW_MARKUP);
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.request },
    );
    expect((await db.complaint.findUniqueOrThrow({ where: { trackingNumber } })).rating).toBeNull();
  }, PROPERTY_TIMEOUT_MS);

  it("adds hostile but well-formed information as text, and refuses empty, oversized or unstorable text with the status page again", async () => {
    await citizen.get(`/track/${trackingNumber}`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString(), fc.constantFrom(...STORAGE_BREAKERS)), async (body) => {
        const counts = await rowCounts();
        const response = await citizen.postMultipart(`/track/${trackingNumber}/information`, { body });
        if (response.status === 303) {
          expect(response.headers.location).toBe(`/track/${trackingNumber}?notice=information_added`);
          const stored = await db.complaintMessage.findFirstOrThrow({ where: { complaint: { trackingNumber } }, orderBy: { id: "desc" } });
          expect(stored.body).toBe(Buffer.from(body.trim()).toString("utf8"));
          return;
        }
        expectRefusedPage(response, `/track/${trackingNumber}/information`);
        expect(response.text).not.toMatch(RAW_MARKUP);
        expect(await rowCounts()).toEqual(counts);
      }),
      { numRuns: RUNS.upload },
    );
  }, PROPERTY_TIMEOUT_MS);
});
