import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { db } from "../../src/db.js";
import { PNG_1PX } from "../fixtures/files.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, type TestBrowser } from "../helpers/app.js";
import { complaintBody, complaintFormFields, daysAgo } from "../helpers/complaints.js";

let app: Express;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

async function staffBrowser(role: "assistant" | "focal_point" | "auditor" | "admin", regionCode?: string) {
  const user = await buildUser({ role, regionCode });
  return signIn(app, user.email, DEFAULT_PASSWORD);
}

function submissionKeyOf(html: string) {
  return /name="submissionKey" value="([^"]+)"/.exec(html)![1]!;
}

describe("staff register complaints received by other channels", () => {
  it("lets a focal point register a walk-in complaint for their own Pemda's Inspektorat, with a receipt to hand over", async () => {
    const browser = await staffBrowser("focal_point", "53.01");
    const form = await browser.get("/staff/complaints/new");
    expect(form.status).toBe(200);
    expect(form.text).toContain("Pemda: Kabupaten Kupang");
    expect(form.text).not.toContain("Ganti Pemda");
    const response = await browser.postMultipart("/staff/complaints", {
      ...complaintFormFields({ unitName: "Dinas Pendidikan", subject: "Dana PIP dipotong sekolah" }),
      submissionKey: submissionKeyOf(form.text),
      desk: "inspektorat",
      channel: "walk_in",
      receivedAt: daysAgo(2),
      externalRef: "",
      locale: "id",
    }, [["files", PNG_1PX, "surat.png"]]);
    expect(response.status).toBe(303);
    const receipt = await browser.get(response.headers.location!);
    expect(receipt.text).toContain("Pengaduan dicatat");
    const trackingNumber = /<strong class="receipt-value" data-copy>(PGH-[^<]+)<\/strong>/.exec(receipt.text)![1]!;
    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingNumber }, include: { region: true, attachments: true } });
    expect(complaint).toMatchObject({ desk: "inspektorat", channel: "walk_in", status: "received" });
    expect(complaint.region.code).toBe("53.01");
    expect(complaint.attachments).toHaveLength(1);
    const caseView = await browser.get(`/complaints/${trackingNumber}`);
    expect(caseView.status).toBe(200);
    expect(caseView.text).toContain("Dana PIP dipotong sekolah");
    expect(caseView.text).toContain("Datang langsung");
    expect(caseView.text).toContain("complaint.received");
  });

  it("lets an assistant register an SP4N-LAPOR! complaint for any Pemda, choosing it first", async () => {
    const browser = await staffBrowser("assistant");
    const choose = await browser.get("/staff/complaints/new");
    expect(choose.text).toContain('action="/staff/complaints/new"');
    const form = await browser.get("/staff/complaints/new?region=53.11");
    expect(form.text).toContain("Pemda: Kabupaten Sumba Timur");
    const response = await browser.postMultipart("/staff/complaints", {
      ...complaintFormFields({ regionCode: "53.11", unitName: "Dinas Sosial", subject: "Bantuan pangan tidak sampai di Waingapu" }),
      submissionKey: submissionKeyOf(form.text),
      desk: "ombudsman",
      channel: "sp4n_lapor",
      receivedAt: daysAgo(5),
      externalRef: "2611-0042-LAPOR",
      locale: "id",
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe("/staff/complaints/registered");
    const complaint = await db.complaint.findFirstOrThrow({ where: { subject: "Bantuan pangan tidak sampai di Waingapu" } });
    expect(complaint).toMatchObject({ desk: "ombudsman", channel: "sp4n_lapor", externalRef: "2611-0042-LAPOR" });
  });

  it("keeps the staff form's values and explains the problem when the received date is in the future", async () => {
    const browser = await staffBrowser("assistant");
    const form = await browser.get("/staff/complaints/new?region=53.01");
    const tomorrow = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
    const response = await browser.postMultipart("/staff/complaints", {
      ...complaintFormFields({ unitName: "Dinas Sosial" }),
      submissionKey: submissionKeyOf(form.text),
      desk: "ombudsman",
      channel: "letter",
      receivedAt: tomorrow,
      externalRef: "SURAT-17",
      locale: "id",
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain("Tanggal diterima tidak boleh di masa depan.");
    expect(response.text).toContain('value="SURAT-17"');
  });

  it("does not let the auditor register complaints", async () => {
    const browser = await staffBrowser("auditor");
    expect((await browser.get("/staff/complaints/new")).status).toBe(403);
  });
});

describe("the staff case page", () => {
  let browsers: Record<string, TestBrowser>;
  let trackingNumber: string;

  beforeAll(async () => {
    browsers = {
      kupang: await staffBrowser("focal_point", "53.01"),
      tts: await staffBrowser("focal_point", "53.02"),
      assistant: await staffBrowser("assistant"),
      auditor: await staffBrowser("auditor"),
    };
    const filed = await request(app).post("/api/v1/complaints").send(complaintBody({ reporter: { name: "Yohanis Rahasia", confidentiality: "confidential" } }));
    trackingNumber = filed.body.trackingNumber;
  });

  it("shows the assistant the confidential reporter and hides them from the focal point and the auditor", async () => {
    expect((await browsers.assistant!.get(`/complaints/${trackingNumber}`)).text).toContain("Yohanis Rahasia");
    for (const who of ["kupang", "auditor"]) {
      const page = await browsers[who]!.get(`/complaints/${trackingNumber}`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain("Yohanis Rahasia");
      expect(page.text).not.toContain("5301011203850001");
      expect(page.text).toContain("identitasnya dirahasiakan");
    }
  });

  it("answers another Pemda's focal point with not found", async () => {
    expect((await browsers.tts!.get(`/complaints/${trackingNumber}`)).status).toBe(404);
  });
});
