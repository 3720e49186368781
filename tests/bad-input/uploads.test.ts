import "../helpers/behind-proxy.js";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgePendingUploads } from "../../src/complaints/pending-uploads.js";
import { config } from "../../src/config.js";
import { db } from "../../src/db.js";
import { PDF_MINIMAL, PNG_1PX } from "../fixtures/files.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";
import { complaintFormFields } from "../helpers/complaints.js";
import { rowCounts, uploadedFileKeys } from "../helpers/database-state.js";
import { hostileString, PROPERTY_TIMEOUT_MS, randomClientIp, RUNS } from "../helpers/hostile-input.js";
import { expectRefusedPage, RAW_MARKUP } from "../helpers/refusals.js";

let app: Express;
let admin: TestBrowser;

type Upload = { buffer: Buffer; filename: string; contentType?: string };

/** Posts the citizen's form with files, as a browser on its own address would. */
async function fileWith(files: Upload[], fields: Record<string, string> = {}) {
  const browser = new TestBrowser(app);
  browser.agent.set("X-Forwarded-For", randomClientIp());
  await browser.get("/complaints/new?region=53.01");
  let req = browser.agent.post(`/complaints?_csrf=${encodeURIComponent(browser.csrfToken)}`);
  for (const [name, value] of Object.entries(complaintFormFields({ submissionKey: crypto.randomUUID(), unitName: "Dinas Kependudukan dan Pencatatan Sipil", ...fields }))) req = req.field(name, value);
  for (const file of files) req = req.attach("files", file.buffer, { filename: file.filename, contentType: file.contentType ?? "application/octet-stream" });
  return req;
}

/** Files the content check must refuse, whatever their name or declared type says. */
const FORGED: Array<[string, Upload]> = [
  ["an HTML page named .png", { buffer: Buffer.from("<!doctype html><script>alert(1)</script>"), filename: "foto.png", contentType: "image/png" }],
  ["an SVG with a script named .png", { buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), filename: "foto.png", contentType: "image/svg+xml" }],
  ["JavaScript named .jpg", { buffer: Buffer.from("alert(document.cookie)"), filename: "bukti.jpg", contentType: "image/jpeg" }],
  ["a Windows program named .pdf", { buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]), filename: "surat.pdf", contentType: "application/pdf" }],
  ["a ZIP archive named .pdf", { buffer: Buffer.from("504b0304140000000000", "hex"), filename: "surat.pdf", contentType: "application/pdf" }],
  ["a shell script declaring itself a PNG", { buffer: Buffer.from("#!/bin/sh\nrm -rf /\n"), filename: "x.png", contentType: "image/png" }],
  ["a GIF (not an accepted type)", { buffer: Buffer.from("R0lGODlhAQABAAAAACw=", "base64"), filename: "x.gif", contentType: "image/gif" }],
];

beforeAll(async () => {
  app = await startTestApp();
  const user = await buildUser({ role: "admin" });
  admin = await signIn(app, user.email, DEFAULT_PASSWORD);
});
afterAll(stopTestApp);

describe("evidence files on the citizen's form", () => {
  it("refuses files whose content is not a photo or PDF, whatever the name and the declared type, and stores nothing", async () => {
    for (const [label, file] of FORGED) {
      const counts = await rowCounts();
      const files = uploadedFileKeys();
      const response = await fileWith([file]);
      expectRefusedPage(response, "/complaints");
      expect(response.status, label).toBe(422);
      expect(response.text, label).not.toMatch(RAW_MARKUP);
      expect(await rowCounts(), label).toEqual(counts);
      expect(uploadedFileKeys(), label).toEqual(files);
    }
  }, PROPERTY_TIMEOUT_MS);

  it("judges a file by its content: a PDF named .exe and a PNG declared as HTML are stored and served as what they are", async () => {
    for (const [file, mediaType] of [[{ buffer: PDF_MINIMAL, filename: "laporan.exe", contentType: "application/x-msdownload" }, "application/pdf"], [{ buffer: PNG_1PX, filename: "foto.html", contentType: "text/html" }, "image/png"]] as const) {
      const response = await fileWith([file]);
      expect(response.status, response.text.slice(0, 300)).toBe(303);
      const attachment = await db.attachment.findFirstOrThrow({ orderBy: { id: "desc" }, include: { complaint: true } });
      expect(attachment.mediaType).toBe(mediaType);
      const download = await admin.agent.get(`/complaints/${attachment.complaint.trackingNumber}/attachments/${attachment.id}`);
      expect(download.status).toBe(200);
      expect(download.headers["content-type"]).toContain(mediaType);
      expect(download.headers["content-disposition"]).toMatch(/^attachment;/);
      expect(download.headers["x-content-type-options"]).toBe("nosniff");
    }
  }, PROPERTY_TIMEOUT_MS);

  it("keeps any file name as a plain name: no directories, no control characters, nothing written outside the upload directory", async () => {
    const traversal = fc.constantFrom("../../etc/passwd", "..\\..\\windows\\system32\\config", "/etc/passwd\u0000.png", "....//....//x.png", "foto.png\u0000.exe", ".htaccess", "..", "\u202Egnp.exe", "CON", "a".repeat(400) + ".png");
    await fc.assert(
      fc.asyncProperty(fc.oneof(traversal, hostileString()), async (filename) => {
        fc.pre(filename !== "" && !/[\r\n"]/.test(filename));
        const counts = await rowCounts();
        const response = await fileWith([{ buffer: PNG_1PX, filename, contentType: "image/png" }]);
        // eslint-disable-next-line no-control-regex
        if (response.status === 400 && /[\u0000-\u001f]/.test(filename)) {
          // No browser sends a control character in a file name; the part header is refused whole.
          expect(await rowCounts()).toEqual(counts);
          return;
        }
        expect(response.status, response.text.slice(0, 300)).toBe(303);
        const attachment = await db.attachment.findFirstOrThrow({ orderBy: { id: "desc" }, include: { complaint: true } });
        // eslint-disable-next-line no-control-regex
        expect(attachment.originalName).not.toMatch(/[/\\\u0000-\u001f\u007f]|^\.|^$/);
        expect(attachment.originalName.length).toBeLessThanOrEqual(150);
        expect(attachment.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f]{32}$/);
        expect(fs.existsSync(path.join(config.uploadDir, attachment.storageKey))).toBe(true);
        const download = await admin.agent.get(`/complaints/${attachment.complaint.trackingNumber}/attachments/${attachment.id}`);
        expect(download.status).toBe(200);
        expect(download.headers["content-disposition"]).not.toMatch(/[/\\]|\.\./);
      }),
      { numRuns: RUNS.upload },
    );
    expect(fs.existsSync(path.join(config.dataDir, "etc"))).toBe(false);
    expect(fs.existsSync(path.join(path.dirname(config.uploadDir), "passwd"))).toBe(false);
  }, PROPERTY_TIMEOUT_MS);

  it("refuses a sixth file, an oversized file, and a refused file among good ones, leaving only pending files that the purge removes", async () => {
    const counts = await rowCounts(["complaint", "attachment"]);
    const tooMany = await fileWith(Array.from({ length: 6 }, (_, i) => ({ buffer: PNG_1PX, filename: `foto-${i}.png`, contentType: "image/png" })));
    expect(tooMany.status).toBe(400);
    const tooLarge = await fileWith([{ buffer: Buffer.concat([PDF_MINIMAL, Buffer.alloc(10 * 1024 * 1024)]), filename: "besar.pdf", contentType: "application/pdf" }]);
    expect(tooLarge.status).toBe(413);
    const mixed = await fileWith([{ buffer: PNG_1PX, filename: "baik.png", contentType: "image/png" }, FORGED[0]![1]]);
    expectRefusedPage(mixed, "/complaints");
    expect(mixed.text).toContain("baik.png");
    const invalidForm = await fileWith([{ buffer: PDF_MINIMAL, filename: "bukti.pdf", contentType: "application/pdf" }], { subject: "" });
    expectRefusedPage(invalidForm, "/complaints");
    expect(await rowCounts(["complaint", "attachment"])).toEqual(counts);

    // What is left: the stored files of attachments, and pending files of forms sent back for correction.
    const attachments = new Set((await db.attachment.findMany({ select: { storageKey: true } })).map((a) => a.storageKey));
    const pending = (await db.pendingUpload.findMany({ select: { storageKey: true } })).map((p) => p.storageKey);
    expect(pending.length).toBeGreaterThan(0);
    expect(uploadedFileKeys()).toEqual([...attachments, ...pending].sort());
    await purgePendingUploads(new Date(Date.now() + 25 * 3600_000));
    expect(await db.pendingUpload.count()).toBe(0);
    expect(uploadedFileKeys()).toEqual([...attachments].sort());
  });
});

describe("multipart bodies no form sends, on every form that takes files", () => {
  it("answers a wrong or missing boundary, a cut-off body or a body no parser reads with a 4xx page, on public and staff forms alike", async () => {
    const filed = await fileWith([]);
    expect(filed.status).toBe(303);
    const letter = 999_999;
    const forms = ["/complaints", "/staff/complaints", "/staff/complaints/import", `/letters/${letter}/answer`, "/scores/assessor-import", "/admin/scoring/methodologies", "/scores/2025/regions/53.01/recommendations/complaint_system"];
    await admin.get("/dashboard");
    const bodies: Array<[string, string, string]> = [
      ["another boundary", "multipart/form-data; boundary=expected", '--another\r\nContent-Disposition: form-data; name="subject"\r\n\r\nx\r\n--another--\r\n'],
      ["no boundary", "multipart/form-data", '--x\r\nContent-Disposition: form-data; name="subject"\r\n\r\nx\r\n--x--\r\n'],
      ["a body cut off inside a file", "multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nkode;poin'],
      ["a malformed part header", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition\r\n\r\nx\r\n--b--\r\n"],
      ["a body no parser reads", "text/plain", "subject=x&submissionKey=0123456789abcdef0123"],
    ];
    const before = await rowCounts();
    for (const form of forms) {
      for (const [label, type, body] of bodies) {
        const response = await admin.agent.post(`${form}?_csrf=${encodeURIComponent(admin.csrfToken)}`).set("Content-Type", type).send(body);
        expect(response.status, `${form}, ${label}: ${response.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${form}, ${label}`).toBeLessThan(500);
        expect(response.headers["content-type"]).toMatch(/^text\/html/);
      }
    }
    expect(await rowCounts()).toEqual(before);
    expect(fs.existsSync(path.join(config.dataDir, "tmp")) ? fs.readdirSync(path.join(config.dataDir, "tmp")) : []).toEqual([]);
  }, PROPERTY_TIMEOUT_MS);
});
