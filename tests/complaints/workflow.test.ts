import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { verifyAuditChain } from "../../src/audit/verify-audit-chain.js";
import { db } from "../../src/db.js";
import { PDF_MINIMAL } from "../fixtures/files.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { sentMail, sentMessages, signIn, startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";
import { complaintBody } from "../helpers/complaints.js";

let app: Express;
let assistant: TestBrowser;
let kupangInspektorat: TestBrowser;
let kupangOrganisasi: TestBrowser;
let ttsInspektorat: TestBrowser;
let auditor: TestBrowser;

beforeAll(async () => {
  app = await startTestApp();
  const browser = async (role: "assistant" | "focal_point" | "auditor", regionCode?: string, office?: "inspektorat" | "organisasi", email?: string) => {
    const user = await buildUser({ role, regionCode, office, email });
    return signIn(app, user.email, DEFAULT_PASSWORD);
  };
  assistant = await browser("assistant");
  kupangInspektorat = await browser("focal_point", "53.01", "inspektorat", "fokal.inspektorat@kupangkab.go.id");
  kupangOrganisasi = await browser("focal_point", "53.01", "organisasi");
  ttsInspektorat = await browser("focal_point", "53.02", "inspektorat", "fokal.inspektorat@ttskab.go.id");
  auditor = await browser("auditor");
});
afterAll(stopTestApp);

async function fileComplaint(overrides: Record<string, unknown> = {}) {
  const response = await request(app).post("/api/v1/complaints").send(complaintBody({ reporter: { email: "pelapor.kupang@contoh.id", confidentiality: "public" }, ...overrides }));
  expect(response.status).toBe(201);
  return response.body as { trackingNumber: string; accessCode: string };
}

async function act(browser: TestBrowser, trackingNumber: string, action: string, fields: Record<string, string> = {}) {
  await browser.get(`/complaints/${trackingNumber}`);
  return browser.post(`/complaints/${trackingNumber}/actions/${action}`, fields);
}

async function statusOf(trackingNumber: string) {
  return (await db.complaint.findUniqueOrThrow({ where: { trackingNumber }, select: { status: true } })).status;
}

describe("a citizen's complaint handled to its end by the Ombudsman and Kabupaten Kupang's Inspektorat", () => {
  it("goes from received to closed, with the focal point answering a coordination letter with a document", async () => {
    const { trackingNumber, accessCode } = await fileComplaint();

    expect((await act(assistant, trackingNumber, "start_verification")).status).toBe(303);
    expect((await act(assistant, trackingNumber, "verify")).status).toBe(303);
    const routed = await act(assistant, trackingNumber, "route");
    expect(routed.status).toBe(303);
    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingNumber }, include: { assignedOffice: true, routes: true } });
    expect(complaint.status).toBe("routed");
    expect(complaint.assignedOffice?.name).toBe("Inspektorat Daerah Kabupaten Kupang");
    expect(complaint.routes[0]!.basis).toMatchObject({ matched: [], rule: expect.objectContaining({ targetOffice: "inspektorat" }) });

    const inbox = await kupangInspektorat.get("/inbox");
    expect(inbox.text).toContain(trackingNumber);
    expect(inbox.text).toContain("Pengaduan baru untuk kantor Anda");
    expect((await sentMail()).some((m) => m.includes("To: fokal.inspektorat@kupangkab.go.id") && m.includes(trackingNumber))).toBe(true);

    expect((await act(kupangInspektorat, trackingNumber, "acknowledge")).status).toBe(303);
    expect((await act(kupangInspektorat, trackingNumber, "forward_to_unit", { reason: "Diteruskan ke Kepala Dinas Dukcapil" })).status).toBe(303);

    expect((await act(assistant, trackingNumber, "request_clarification", { summary: "Pelapor menunggu pencetakan KTP elektronik selama tiga bulan." })).status).toBe(303);
    const letter = await db.coordinationLetter.findFirstOrThrow({ where: { complaint: { trackingNumber } } });
    expect(letter.number).toMatch(/^0001\/KL\/53\.01\/[IVX]+\/\d{4}$/);
    expect(letter.body).toContain(trackingNumber);
    expect(letter.body).toContain("Kabupaten Kupang");

    const letterPage = await kupangInspektorat.get(`/letters/${letter.id}`);
    expect(letterPage.status).toBe(200);
    const answered = await kupangInspektorat.postMultipart(`/letters/${letter.id}/answer`, { body: "KTP pelapor sudah dicetak pada 20 November." }, [["files", PDF_MINIMAL, "berita-acara.pdf"]]);
    expect(answered.status).toBe(303);
    const answeredLetter = await db.coordinationLetter.findUniqueOrThrow({ where: { id: letter.id } });
    expect(answeredLetter.answeredAt).not.toBeNull();
    expect(await db.attachment.count({ where: { complaint: { trackingNumber }, originalName: "berita-acara.pdf", isInternal: true } })).toBe(1);

    expect((await act(kupangInspektorat, trackingNumber, "decide", { outcome: "resolved", summary: "KTP elektronik Anda sudah dicetak dan dapat diambil di kantor Dukcapil Oelamasi." })).status).toBe(303);
    expect((await act(assistant, trackingNumber, "notify_reporter")).status).toBe(303);
    expect((await act(assistant, trackingNumber, "close")).status).toBe(303);
    expect(await statusOf(trackingNumber)).toBe("closed");

    const citizen = new TestBrowser(app);
    await citizen.submit("/track", "/track", { trackingNumber, accessCode });
    const status = await citizen.get(`/track/${trackingNumber}`);
    expect(status.text).toContain("Pengaduan diteruskan kepada Inspektorat Daerah Kabupaten Kupang.");
    expect(status.text).toContain("KTP elektronik Anda sudah dicetak");
    expect(status.text).not.toContain("Diteruskan ke Kepala Dinas Dukcapil");
    expect(status.text).not.toContain("berita-acara.pdf");
    expect((await citizen.post(`/track/${trackingNumber}/rating`, { rating: "5", comment: "Cepat" })).status).toBe(303);
    expect((await db.complaint.findUniqueOrThrow({ where: { trackingNumber } })).rating).toBe(5);

    const reporterMail = (await sentMessages()).filter((m) => m.to.includes("pelapor.kupang@contoh.id") && m.text.includes(trackingNumber));
    expect(reporterMail.map((m) => m.subject)).toEqual([`Pengaduan Anda diterima: ${trackingNumber}`, ...Array(3).fill(`Perkembangan pengaduan ${trackingNumber}`)]);
    expect(reporterMail[1]!.text).toContain(`Pengaduan ${trackingNumber} diteruskan kepada Inspektorat Daerah Kabupaten Kupang (Kabupaten Kupang) untuk ditindaklanjuti.`);
    expect(reporterMail[2]!.text).toContain("KTP elektronik Anda sudah dicetak");
    expect(reporterMail[3]!.text).toContain("Anda dapat menilai penanganannya");

    const id = (await db.complaint.findUniqueOrThrow({ where: { trackingNumber } })).id;
    const actions = (await db.auditEvent.findMany({ where: { stream: `complaint:${id}` }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual([
      "complaint.received", "complaint.start_verification", "complaint.verify", "complaint.route", "complaint.acknowledge", "complaint.forward_to_unit",
      "complaint.request_clarification", "complaint.answer_clarification", "complaint.decide", "complaint.notify_reporter", "complaint.close", "complaint.rate",
    ]);
    expect((await verifyAuditChain({ stream: `complaint:${id}` })).isIntact).toBe(true);
  });

  it("sends an incomplete file back to the reporter and resumes when they complete it", async () => {
    const { trackingNumber, accessCode } = await fileComplaint();
    await act(assistant, trackingNumber, "start_verification");
    expect((await act(assistant, trackingNumber, "request_completion", { reason: "Lampirkan foto bukti perekaman KTP." })).status).toBe(303);
    expect(await statusOf(trackingNumber)).toBe("incomplete");
    const citizen = new TestBrowser(app);
    await citizen.submit("/track", "/track", { trackingNumber, accessCode });
    expect((await citizen.get(`/track/${trackingNumber}`)).text).toContain("Lampirkan foto bukti perekaman KTP.");
    await citizen.postMultipart(`/track/${trackingNumber}/information`, { body: "Bukti perekaman terlampir." });
    expect(await statusOf(trackingNumber)).toBe("verification");
  });
});

describe("refusals", () => {
  it("refuses an action the state does not allow, saying which and why", async () => {
    const { trackingNumber } = await fileComplaint();
    const response = await act(assistant, trackingNumber, "close");
    expect(response.status).toBe(409);
    expect(response.text).toContain("Tindakan ini tidak dapat dilakukan pada pengaduan yang sedang berstatus received.");
    expect(await statusOf(trackingNumber)).toBe("received");
  });

  it("asks for a reason to reject, and keeps the case unchanged without one", async () => {
    const { trackingNumber } = await fileComplaint();
    const response = await act(assistant, trackingNumber, "reject", { reason: "" });
    expect(response.status).toBe(422);
    expect(await statusOf(trackingNumber)).toBe("received");
  });

  it("lets only the handling focal point acknowledge, and nobody from another Pemda touch the case", async () => {
    // Another matter than the other tests' complaints: the same one again would wait for a duplicate decision before routing.
    const { trackingNumber } = await fileComplaint({ subject: "Akta kelahiran anak belum terbit", description: "Berkas akta kelahiran anak saya sudah lengkap sejak Agustus, tetapi aktanya belum terbit dan petugas hanya menyuruh menunggu." });
    for (const action of ["start_verification", "verify", "route"]) await act(assistant, trackingNumber, action);
    expect((await act(assistant, trackingNumber, "acknowledge")).status).toBe(403);
    expect((await act(kupangOrganisasi, trackingNumber, "acknowledge")).status).toBe(403);
    expect((await act(ttsInspektorat, trackingNumber, "acknowledge")).status).toBe(404);
    expect((await ttsInspektorat.get(`/complaints/${trackingNumber}`)).status).toBe(404);
    expect((await act(auditor, trackingNumber, "acknowledge")).status).toBe(403);
    expect(await statusOf(trackingNumber)).toBe("routed");
  });
});

describe("re-routing from the wrong Pemda", () => {
  it("moves the case, its unanswered letter and the inbox entry to the right Pemda's focal point in one action", async () => {
    const { trackingNumber } = await fileComplaint({ regionCode: "53.02", unitName: "Dinas Kependudukan dan Pencatatan Sipil" });
    for (const action of ["start_verification", "verify", "route"]) await act(assistant, trackingNumber, action);
    await act(assistant, trackingNumber, "request_clarification", { summary: "Mohon klarifikasi." });
    expect((await ttsInspektorat.get("/inbox")).text).toContain(trackingNumber);

    const moved = await act(ttsInspektorat, trackingNumber, "reroute", { regionCode: "53.01", unitName: "", office: "", reason: "Pelapor tinggal di Oelamasi; kantor Dukcapil yang diadukan milik Kabupaten Kupang." });
    expect(moved.status).toBe(303);
    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingNumber }, include: { region: true, assignedOffice: true, routes: { orderBy: { routedAt: "asc" } }, letters: { include: { office: true } } } });
    expect(complaint.region.code).toBe("53.01");
    expect(complaint.status).toBe("routed");
    expect(complaint.assignedOffice?.name).toBe("Inspektorat Daerah Kabupaten Kupang");
    expect(complaint.routes).toHaveLength(2);
    expect(complaint.routes[0]!.endedAt).not.toBeNull();
    expect(complaint.routes[1]!.reason).toContain("Oelamasi");
    expect(complaint.letters[0]!.office.name).toBe("Inspektorat Daerah Kabupaten Kupang");

    expect((await ttsInspektorat.get(`/complaints/${trackingNumber}`)).status).toBe(404);
    const kupangInbox = await kupangInspektorat.get("/inbox");
    expect(kupangInbox.text).toContain(trackingNumber);
    expect(kupangInbox.text).toContain("dialihkan kepada kantor Anda");
    const page = await kupangInspektorat.get(`/complaints/${trackingNumber}`);
    const letter = complaint.letters[0]!;
    expect(page.text).toContain(`/letters/${letter.id}`);
    expect((await kupangInspektorat.get(`/letters/${letter.id}`)).text).toContain("Mohon klarifikasi.");
    expect((await ttsInspektorat.get(`/letters/${letter.id}`)).status).toBe(404);
  });
});

describe("the assistant's overview and the staff API", () => {
  it("counts open cases per Pemda and whose move it is", async () => {
    const page = await assistant.get("/overview");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Kabupaten Kupang");
    expect((await kupangInspektorat.get("/overview")).status).toBe(403);
  });

  it("lists only the caller's Pemda to a focal point, whatever the filter asks", async () => {
    const token = async (email: string) => (await request(app).post("/api/v1/auth/token").send({ email, password: DEFAULT_PASSWORD })).body.token as string;
    const focal = await token("fokal.inspektorat@ttskab.go.id");
    const mine = await request(app).get("/api/v1/complaints?regionCode=53.01&status=open").set("Authorization", `Bearer ${focal}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((c: { region: { code: string } }) => c.region.code === "53.02")).toBe(true);
    const assistantUser = await buildUser({ role: "assistant" });
    const all = await request(app).get("/api/v1/complaints?regionCode=53.01&status=open&pageSize=5").set("Authorization", `Bearer ${await token(assistantUser.email)}`);
    expect(all.body.total).toBeGreaterThan(0);
    expect(all.body.items.length).toBeLessThanOrEqual(5);
    expect(all.body.items.every((c: { region: { code: string } }) => c.region.code === "53.01")).toBe(true);
    const bad = await request(app).get("/api/v1/complaints?status=nonsense").set("Authorization", `Bearer ${focal}`);
    expect(bad.status).toBe(422);
  });

  it("takes workflow actions through the API with the same rules", async () => {
    const { trackingNumber } = await fileComplaint();
    const assistantUser = await buildUser({ role: "assistant" });
    const token = (await request(app).post("/api/v1/auth/token").send({ email: assistantUser.email, password: DEFAULT_PASSWORD })).body.token;
    const auth = { Authorization: `Bearer ${token}` };
    const started = await request(app).post(`/api/v1/complaints/${trackingNumber}/actions/start_verification`).set(auth).send({});
    expect(started.status).toBe(200);
    expect(started.body.status).toBe("verification");
    const illegal = await request(app).post(`/api/v1/complaints/${trackingNumber}/actions/close`).set(auth).send({});
    expect(illegal.status).toBe(409);
    expect(illegal.body.type).toBe("/problems/conflict");
    const noReason = await request(app).post(`/api/v1/complaints/${trackingNumber}/actions/reject`).set(auth).send({});
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([{ path: "reason", message: "Wajib diisi." }]);
    expect((await request(app).post(`/api/v1/complaints/${trackingNumber}/actions/teleport`).set(auth).send({})).status).toBe(404);
  });
});

describe("the case page after a refused action", () => {
  it("comes back with the actions and the reason, not a bare error page", async () => {
    const { trackingNumber } = await fileComplaint();
    const response = await act(assistant, trackingNumber, "close");
    expect(response.status).toBe(409);
    expect(response.text).toContain(trackingNumber);
    expect(response.text).toContain('id="actions-title"');
  });
});
