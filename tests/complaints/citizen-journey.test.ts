import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Express } from "express";
import { db } from "../../src/db.js";
import { PDF_MINIMAL, FAKE_JPG, PNG_1PX } from "../fixtures/files.js";
import { sentMail, startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";
import { complaintFormFields, daysAgo } from "../helpers/complaints.js";

let app: Express;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

async function openForm(browser: TestBrowser, region = "53.01") {
  const page = await browser.get(`/complaints/new?region=${region}`);
  const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(page.text)![1]!;
  return { page, submissionKey };
}

/** Submitting redirects to the receipt page (post/redirect/get); this reads it the way the browser would. */
async function receiptAfter(browser: TestBrowser, response: { status: number; headers: Record<string, string> }) {
  expect(response.status).toBe(303);
  expect(response.headers.location).toBe("/complaints/receipt");
  return receiptOf((await browser.get("/complaints/receipt")).text);
}

function receiptOf(html: string) {
  const values = [...html.matchAll(/<strong class="receipt-value" data-copy>([^<]+)<\/strong>/g)].map((m) => m[1]!);
  return { trackingNumber: values[0]!, accessCode: values[1]! };
}

describe("a citizen files a complaint on the web", () => {
  it("first chooses the Pemda, then sees that Pemda's units", async () => {
    const browser = new TestBrowser(app);
    const start = await browser.get("/complaints/new");
    expect(start.text).toContain("Kabupaten Kupang");
    expect(start.text).toContain('name="region"');
    const { page } = await openForm(browser, "53.18");
    expect(page.text).toContain("Pemda: Kabupaten Sumba Barat Daya");
    expect(page.text).toContain("Dinas Kependudukan dan Pencatatan Sipil");
    expect(page.text).toMatch(/value="confidential" checked/);
  });

  it("keeps everything typed when the form comes back with messages tied to each field", async () => {
    const browser = new TestBrowser(app);
    const { submissionKey } = await openForm(browser);
    const response = await browser.postMultipart("/complaints", complaintFormFields({
      submissionKey,
      "reporter[nik]": "12345",
      "reporter[phone]": "",
      "reporter[email]": "",
      incidentDate: daysAgo(800),
      description: "Terlalu pendek",
    }));
    expect(response.status).toBe(422);
    expect(response.text).toContain("NIK terdiri dari 16 angka.");
    expect(response.text).toContain("Isi nomor telepon atau email supaya kami dapat mengabari Anda.");
    expect(response.text).toContain("Pilih unit layanan, atau tulis nama unit lain.");
    expect(response.text).toContain("Ceritakan sedikit lebih banyak");
    expect(response.text).toMatch(/id="f-reporter-nik-error"/);
    expect(response.text).toMatch(/aria-describedby="f-reporter-nik-hint f-reporter-nik-error" aria-invalid="true"/);
    expect(response.text).toContain('value="Maria Goreti Seran"');
    expect(response.text).toContain("Pungutan untuk akta kelahiran");
    expect(response.text).toContain(`value="${submissionKey}"`);
    expect(await db.complaint.count()).toBe(0);
  });

  it("explains why an event more than two years old cannot be accepted", async () => {
    const browser = new TestBrowser(app);
    const { submissionKey } = await openForm(browser);
    const response = await browser.postMultipart("/complaints", complaintFormFields({ submissionKey, unitName: "Dinas Sosial", incidentDate: daysAgo(800) }));
    expect(response.status).toBe(422);
    expect(response.text).toContain("Ombudsman hanya dapat menerima laporan atas peristiwa yang terjadi kurang dari 2 tahun sebelumnya");
    expect(response.text).toContain("Anda tetap dapat mengadu langsung kepada unit layanan atau Inspektorat Daerah.");
  });

  it("refuses a matter before a court with the reason", async () => {
    const browser = new TestBrowser(app);
    const { submissionKey } = await openForm(browser);
    const response = await browser.postMultipart("/complaints", complaintFormFields({ submissionKey, unitName: "Dinas Sosial", isBeforeCourt: "yes" }));
    expect(response.status).toBe(422);
    expect(response.text).toContain("sedang diperiksa pengadilan");
  });

  it("files the complaint with evidence, shows the tracking number and access code, and emails them", async () => {
    const browser = new TestBrowser(app);
    const { page, submissionKey } = await openForm(browser);
    const unitId = /<option value="(\d+)">Dinas Kependudukan dan Pencatatan Sipil<\/option>/.exec(page.text)![1]!;
    const response = await browser.postMultipart("/complaints", complaintFormFields({ submissionKey, unitId }), [
      ["files", PNG_1PX, "loket.png"],
      ["files", PDF_MINIMAL, "kwitansi.pdf"],
    ]);
    const { trackingNumber, accessCode } = await receiptAfter(browser, response);
    expect(trackingNumber).toMatch(/^PGH-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(accessCode).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);

    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingNumber }, include: { reporter: true, attachments: true } });
    expect(complaint).toMatchObject({ status: "received", desk: "ombudsman", channel: "web", unitId: Number(unitId), category: "permintaan_imbalan", hasPriorComplaint: false, locale: "id" });
    expect(complaint.reporter).toMatchObject({ name: "Maria Goreti Seran", phone: "+6281234567891", confidentiality: "confidential" });
    expect(complaint.attachments.map((a) => [a.originalName, a.mediaType])).toEqual([["loket.png", "image/png"], ["kwitansi.pdf", "application/pdf"]]);
    expect(complaint.attachments.every((a) => /^\d{4}\/\d{2}\/[0-9a-f]{32}$/.test(a.storageKey))).toBe(true);
    expect(complaint.accessCodeHash).not.toContain(accessCode.replace("-", ""));

    const mail = (await sentMail()).find((m) => m.includes("To: maria.seran@contoh.id"))!;
    expect(mail).toContain(trackingNumber);
    expect(mail).toContain(accessCode);
    const audit = await db.auditEvent.findMany({ where: { stream: `complaint:${complaint.id}` } });
    expect(audit.map((a) => a.action)).toEqual(["complaint.received"]);
  });

  it("creates one complaint when the same form is sent twice, and shows the same receipt", async () => {
    const browser = new TestBrowser(app);
    const { submissionKey } = await openForm(browser);
    const fields = complaintFormFields({ submissionKey, unitName: "UPT Puskesmas Oesao", subject: "Obat tidak tersedia di Puskesmas" });
    const [first, second] = await Promise.all([browser.postMultipart("/complaints", fields), browser.postMultipart("/complaints", fields)]);
    const third = await browser.postMultipart("/complaints", fields);
    const receipts = [];
    for (const r of [first, second, third]) receipts.push(await receiptAfter(browser, r));
    expect(new Set(receipts.map((r) => r.trackingNumber)).size).toBe(1);
    expect(new Set(receipts.map((r) => r.accessCode)).size).toBe(1);
    expect(await db.complaint.count({ where: { subject: "Obat tidak tersedia di Puskesmas" } })).toBe(1);
  });

  it("refuses a file whose content is not a photo or PDF, whatever its name", async () => {
    const browser = new TestBrowser(app);
    const { submissionKey } = await openForm(browser);
    const response = await browser.postMultipart("/complaints", complaintFormFields({ submissionKey, unitName: "Dinas Sosial" }), [["files", FAKE_JPG, "foto.jpg"]]);
    expect(response.status).toBe(422);
    expect(response.text).toContain("Berkas foto.jpg bukan foto atau PDF.");
    expect(await db.pendingUpload.count({ where: { submissionKey } })).toBe(0);
  });

  it("keeps files already uploaded when the form must be corrected", async () => {
    const browser = new TestBrowser(app);
    const { submissionKey } = await openForm(browser);
    const failed = await browser.postMultipart("/complaints", complaintFormFields({ submissionKey, unitName: "", subject: "x" }), [["files", PNG_1PX, "bukti.png"]]);
    expect(failed.status).toBe(422);
    expect(failed.text).toContain("bukti.png");
    const fixed = await browser.postMultipart("/complaints", complaintFormFields({ submissionKey, unitName: "Dinas Sosial", subject: "Bantuan sosial tidak cair" }));
    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingNumber: (await receiptAfter(browser, fixed)).trackingNumber }, include: { attachments: true } });
    expect(complaint.attachments.map((a) => a.originalName)).toEqual(["bukti.png"]);
    expect(await db.pendingUpload.count({ where: { submissionKey } })).toBe(0);
  });

  it("refuses a file that is too large", async () => {
    const browser = new TestBrowser(app);
    const { submissionKey } = await openForm(browser);
    const huge = Buffer.concat([PNG_1PX, Buffer.alloc(11 * 1024 * 1024)]);
    const response = await browser.postMultipart("/complaints", complaintFormFields({ submissionKey, unitName: "Dinas Sosial" }), [["files", huge, "besar.png"]]);
    expect(response.status).toBe(413);
    expect(await db.complaint.count({ where: { submissionKey } })).toBe(0);
  });
});

describe("a citizen follows a complaint", () => {
  async function fileComplaint() {
    const browser = new TestBrowser(app);
    const { submissionKey } = await openForm(browser);
    const response = await browser.postMultipart("/complaints", complaintFormFields({ submissionKey, unitName: "Dinas Sosial", subject: "PKH tidak cair" }), [["files", PNG_1PX, "kartu.png"]]);
    return receiptAfter(browser, response);
  }

  it("opens the status page with the number and code, sees the timeline and adds information", async () => {
    const { trackingNumber, accessCode } = await fileComplaint();
    const browser = new TestBrowser(app);
    const opened = await browser.submit("/track", "/track", { trackingNumber: trackingNumber.toLowerCase(), accessCode });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe(`/track/${trackingNumber}`);
    const status = await browser.get(opened.headers.location!);
    expect(status.text).toContain("Diterima");
    expect(status.text).toContain("Pengaduan diterima melalui formulir web.");
    expect(status.text).toContain("PKH tidak cair");
    expect(status.text).not.toContain("maria.seran@contoh.id");
    expect(status.text).not.toContain("+6281234567891");

    const attachmentLink = new RegExp(`/track/${trackingNumber}/attachments/(\\d+)`).exec(status.text)![0];
    const file = await browser.agent.get(attachmentLink);
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toBe("image/png");
    expect(file.headers["content-disposition"]).toContain("attachment");

    const added = await browser.postMultipart(`/track/${trackingNumber}/information`, { body: "Nama saya ada di daftar penerima tahun lalu." }, [["files", PDF_MINIMAL, "daftar.pdf"]]);
    expect(added.status).toBe(303);
    const after = await browser.get(`/track/${trackingNumber}`);
    expect(after.text).toContain("Nama saya ada di daftar penerima tahun lalu.");
    expect(after.text).toContain("daftar.pdf");
  });

  it("answers a wrong code exactly as an unknown number, revealing nothing", async () => {
    const { trackingNumber } = await fileComplaint();
    const browser = new TestBrowser(app);
    const wrongCode = await browser.submit("/track", "/track", { trackingNumber, accessCode: "AAAAA-BBBBB" });
    const unknown = await browser.submit("/track", "/track", { trackingNumber: "PGH-2222-2222", accessCode: "AAAAA-BBBBB" });
    expect(wrongCode.status).toBe(404);
    expect(unknown.status).toBe(404);
    const message = (html: string) => /<ul>\s*<li>([^<]+)<\/li>/.exec(html)?.[1];
    expect(message(wrongCode.text)).toBe(message(unknown.text));
    expect(message(wrongCode.text)).toContain("tidak cocok");
  });

  it("never shows a complaint or its files to a browser without the code", async () => {
    const { trackingNumber } = await fileComplaint();
    const attachment = await db.attachment.findFirstOrThrow({ where: { complaint: { trackingNumber } } });
    const stranger = new TestBrowser(app);
    expect((await stranger.get(`/track/${trackingNumber}`)).headers.location).toBe(`/track?tn=${trackingNumber}`);
    expect((await stranger.get(`/track/${trackingNumber}/attachments/${attachment.id}`)).status).toBe(404);
    expect(fs.existsSync(attachment.storageKey)).toBe(false);
  });

  it("does not open another complaint's file with one complaint's access", async () => {
    const mine = await fileComplaint();
    const theirs = await fileComplaint();
    const theirFile = await db.attachment.findFirstOrThrow({ where: { complaint: { trackingNumber: theirs.trackingNumber } } });
    const browser = new TestBrowser(app);
    await browser.submit("/track", "/track", mine);
    expect((await browser.get(`/track/${mine.trackingNumber}/attachments/${theirFile.id}`)).status).toBe(404);
    expect((await browser.get(`/track/${theirs.trackingNumber}/attachments/${theirFile.id}`)).status).toBe(404);
  });

  it("works in English", async () => {
    const browser = new TestBrowser(app);
    await browser.get("/lang/en?next=/");
    const { page } = await openForm(browser);
    expect(page.text).toContain("File a complaint");
    expect(page.text).toContain("Who may know your identity?");
  });
});

describe("the receipt page", () => {
  it("shows the receipt again on reload and in the other language, in this browser only", async () => {
    const browser = new TestBrowser(app);
    const { submissionKey } = await openForm(browser);
    const response = await browser.postMultipart("/complaints", complaintFormFields({ submissionKey, unitName: "Dinas Sosial", subject: "Kartu KIS belum aktif" }));
    const { trackingNumber, accessCode } = await receiptAfter(browser, response);
    const switched = await browser.get(`/lang/en?next=${encodeURIComponent("/complaints/receipt")}`);
    expect(switched.headers.location).toBe("/complaints/receipt");
    const english = await browser.get("/complaints/receipt");
    expect(english.text).toContain("Complaint received");
    expect(english.text).toContain(trackingNumber);
    expect(english.text).toContain(accessCode);
    const stranger = new TestBrowser(app);
    expect((await stranger.get("/complaints/receipt")).headers.location).toBe("/track");
  });

  it("sends the language switch on a form that came back with errors to the form's own page", async () => {
    const browser = new TestBrowser(app);
    const { submissionKey } = await openForm(browser, "53.11");
    const failed = await browser.agent
      .post(`/complaints?_csrf=${encodeURIComponent(browser.csrfToken)}`)
      .set("Referer", "http://penghubung.test/complaints/new?region=53.11")
      .field("submissionKey", submissionKey)
      .field("regionCode", "53.11");
    expect(failed.status).toBe(422);
    expect(failed.text).toContain(`/lang/en?next=${encodeURIComponent("/complaints/new?region=53.11")}`);
  });
});
