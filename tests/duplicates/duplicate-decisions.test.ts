import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/verify-audit-chain.js";
import { db } from "../../src/db.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { sentMessages, signIn, startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";
import { waitForIdleQueue } from "../../jobs/queue.js";
import { inspektoratDuplicate, ombudsmanComplaint, relatedComplaint } from "./stored-complaints.js";

let app: Express;
let assistant: TestBrowser;
let kupangInspektorat: TestBrowser;
let kupangOrganisasi: TestBrowser;
let ttsInspektorat: TestBrowser;
let kupangInspektoratToken: string;

async function tokenOf(email: string) {
  const response = await request(app).post("/api/v1/auth/token").send({ email, password: DEFAULT_PASSWORD });
  return `Bearer ${response.body.token}`;
}

async function file(body: Record<string, unknown>, authorization?: string) {
  const call = request(app).post("/api/v1/complaints");
  const response = await (authorization ? call.set("Authorization", authorization) : call).send(body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  await waitForIdleQueue();
  return response.body as { trackingNumber: string; accessCode: string | null };
}

async function act(browser: TestBrowser, trackingNumber: string, action: string, fields: Record<string, string | number> = {}) {
  await browser.get(`/complaints/${trackingNumber}`);
  return browser.post(`/complaints/${trackingNumber}/actions/${action}`, fields as Record<string, string>);
}

const complaint = (trackingNumber: string) => db.complaint.findUniqueOrThrow({ where: { trackingNumber } });

beforeAll(async () => {
  app = await startTestApp();
  const user = (role: "assistant" | "focal_point", regionCode?: string, office?: "inspektorat" | "organisasi") => buildUser({ role, regionCode, office });
  const [a, ki, ko, ti] = await Promise.all([user("assistant"), user("focal_point", "53.01", "inspektorat"), user("focal_point", "53.01", "organisasi"), user("focal_point", "53.02", "inspektorat")]);
  assistant = await signIn(app, a.email, DEFAULT_PASSWORD);
  kupangInspektorat = await signIn(app, ki.email, DEFAULT_PASSWORD);
  kupangOrganisasi = await signIn(app, ko.email, DEFAULT_PASSWORD);
  ttsInspektorat = await signIn(app, ti.email, DEFAULT_PASSWORD);
  kupangInspektoratToken = await tokenOf(ki.email);
});
afterAll(stopTestApp);

describe("linking an Inspektorat complaint as a duplicate of the Ombudsman's case", () => {
  let ombudsman: { trackingNumber: string; accessCode: string | null };
  let inspektorat: { trackingNumber: string; accessCode: string | null };

  beforeAll(async () => {
    ombudsman = await file(ombudsmanComplaint());
    inspektorat = await file(inspektoratDuplicate({ reporter: { name: "Bpk. Yohanis Bere", phone: "+62 812 3456 7890", email: "yohanis.bere@contoh.id", nik: "", confidentiality: "public" } }), kupangInspektoratToken);
  });

  it("shows the focal point both complaints side by side, differences marked, without the confidential reporter's identity", async () => {
    const page = await kupangInspektorat.get(`/complaints/${inspektorat.trackingNumber}`);
    expect(page.status).toBe(200);
    const section = page.text.slice(page.text.indexOf('id="duplicates"'));
    expect(section).toContain(ombudsman.trackingNumber);
    expect(section).toContain("Laporan ganda");
    expect(section).toMatch(/<ins>[^<]*Sy mau lapor/);
    expect(section).toMatch(/<del>[^<]*Saya sudah merekam/);
    expect(section).toContain("Identitas dirahasiakan");
    expect(section).toContain("Bukti identitas pelapor tidak ditampilkan");
    expect(section).toContain("Unit sama");
    // Neither the confidential reporter's identity nor evidence that would give it away.
    for (const secret of ["Yohanes Bere", "5301011203850001", "yohanes.bere@contoh.id", "Telepon sama"]) expect(section).not.toContain(secret);
  });

  it("shows the Ombudsman's assistant the identity evidence", async () => {
    const page = await assistant.get(`/complaints/${inspektorat.trackingNumber}`);
    expect(page.text).toContain("Telepon sama setelah dinormalisasi");
    expect(page.text).toContain("Yohanes Bere");
  });

  it("refuses to route the complaint before someone decided on its candidates", async () => {
    await act(kupangInspektorat, inspektorat.trackingNumber, "start_verification");
    await act(kupangInspektorat, inspektorat.trackingNumber, "verify");
    const refused = await act(kupangInspektorat, inspektorat.trackingNumber, "route");
    expect(refused.status).toBe(409);
    expect((await complaint(inspektorat.trackingNumber)).status).toBe("duplicate_check");
  });

  it("lets neither another Pemda's focal point nor the Organisasi office decide", async () => {
    expect((await act(ttsInspektorat, inspektorat.trackingNumber, "link_duplicate", { candidate: ombudsman.trackingNumber })).status).toBe(404);
    expect((await act(kupangOrganisasi, inspektorat.trackingNumber, "link_duplicate", { candidate: ombudsman.trackingNumber })).status).toBe(403);
    expect((await act(kupangOrganisasi, inspektorat.trackingNumber, "keep_separate", { candidate: ombudsman.trackingNumber, reason: "x" })).status).toBe(403);
    expect(await db.duplicateDecision.count({ where: { complaint: { trackingNumber: inspektorat.trackingNumber } } })).toBe(0);
  });

  it("links it: the case stays with the Ombudsman, the reporter is told who handles it and then hears of that case", async () => {
    const linked = await act(kupangInspektorat, inspektorat.trackingNumber, "link_duplicate", { candidate: ombudsman.trackingNumber });
    expect(linked.status).toBe(303);
    const duplicate = await complaint(inspektorat.trackingNumber);
    const original = await complaint(ombudsman.trackingNumber);
    expect(duplicate.status).toBe("duplicate");
    expect(duplicate.duplicateOfId).toBe(original.id);
    expect(original.status).toBe("received");

    const told = (await sentMessages()).filter((m) => m.to.includes("yohanis.bere@contoh.id") && m.subject.includes(inspektorat.trackingNumber) && m.text.includes(ombudsman.trackingNumber));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain("sudah ditangani oleh Ombudsman RI");

    // The Ombudsman routes its case: the duplicate's reporter is told too.
    for (const action of ["start_verification", "verify", "route"]) expect((await act(assistant, ombudsman.trackingNumber, action)).status).toBe(303);
    const routedNews = (await sentMessages()).filter((m) => m.to.includes("yohanis.bere@contoh.id") && m.text.includes("diteruskan kepada"));
    expect(routedNews.length).toBe(1);

    const audit = await db.auditEvent.findMany({ where: { stream: `complaint:${duplicate.id}` }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toContain("complaint.link_duplicate");
    expect(await db.auditEvent.count({ where: { stream: `complaint:${original.id}`, action: "complaint.duplicate_joined" } })).toBe(1);
    expect((await verifyAuditChain({ stream: `complaint:${duplicate.id}` })).isIntact).toBe(true);
  });

  it("shows the linked complaint's reporter who handles their complaint on its status page", async () => {
    const citizen = new TestBrowser(app);
    await citizen.submit("/track", "/track", { trackingNumber: inspektorat.trackingNumber, accessCode: inspektorat.accessCode! });
    const status = await citizen.get(`/track/${inspektorat.trackingNumber}`);
    expect(status.text).toContain(`sama dengan pengaduan ${ombudsman.trackingNumber} yang sudah ditangani oleh Ombudsman RI`);
    // Nothing of the other reporter.
    expect(status.text).not.toContain("Yohanes Bere");
  });

  it("reverses the link with a reason: the complaint returns to verification and leaves the case's notifications", async () => {
    const decision = await db.duplicateDecision.findFirstOrThrow({ where: { complaint: { trackingNumber: inspektorat.trackingNumber }, decision: "duplicate" } });
    const withoutReason = await act(kupangInspektorat, inspektorat.trackingNumber, "reverse_duplicate_decision", { decisionId: decision.id, reason: "" });
    expect(withoutReason.status).toBe(422);
    const reversed = await act(kupangInspektorat, inspektorat.trackingNumber, "reverse_duplicate_decision", { decisionId: decision.id, reason: "Pelapor menegaskan ini kejadian kedua" });
    expect(reversed.status).toBe(303);
    const back = await complaint(inspektorat.trackingNumber);
    expect(back.status).toBe("verification");
    expect(back.duplicateOfId).toBeNull();
    const stored = await db.duplicateDecision.findUniqueOrThrow({ where: { id: decision.id } });
    expect(stored.reversedAt).not.toBeNull();
    expect(stored.reversalReason).toBe("Pelapor menegaskan ini kejadian kedua");
    const actions = (await db.auditEvent.findMany({ where: { stream: `complaint:${back.id}` }, orderBy: { seq: "asc" } })).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(["complaint.reopen", "complaint.duplicate_decision_reversed"]);
    // Reversing twice is refused.
    expect((await act(kupangInspektorat, inspektorat.trackingNumber, "reverse_duplicate_decision", { decisionId: decision.id, reason: "lagi" })).status).toBe(409);
  });

  it("keeps it separate only with a reason, which lets it be routed; reversing that decision blocks routing again", async () => {
    const refused = await act(kupangInspektorat, inspektorat.trackingNumber, "keep_separate", { candidate: ombudsman.trackingNumber, reason: "" });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('id="dup-' + ombudsman.trackingNumber + '-separate-reason-error"');
    const kept = await act(kupangInspektorat, inspektorat.trackingNumber, "keep_separate", { candidate: ombudsman.trackingNumber, reason: "Pemeriksaan ulang atas permintaan Inspektur" });
    expect(kept.status).toBe(303);
    const decision = await db.duplicateDecision.findFirstOrThrow({ where: { complaint: { trackingNumber: inspektorat.trackingNumber }, decision: "separate" } });
    expect(decision.reason).toBe("Pemeriksaan ulang atas permintaan Inspektur");
    expect((await act(kupangInspektorat, inspektorat.trackingNumber, "reverse_duplicate_decision", { decisionId: decision.id, reason: "Keliru" })).status).toBe(303);
    await act(kupangInspektorat, inspektorat.trackingNumber, "verify");
    expect((await act(kupangInspektorat, inspektorat.trackingNumber, "route")).status).toBe(409);
  });
});

describe("linking complaints of different reporters as related", () => {
  it("shows the relation on both cases, and its reversal removes it from both", async () => {
    const first = await file(ombudsmanComplaint({ reporter: { name: "Agustinus Tefa", phone: "081311112222", email: "agus.tefa@contoh.id", nik: "", confidentiality: "public" } }));
    const second = await file(relatedComplaint({ reporter: { name: "Martha Ndun", phone: "081377778888", email: "martha.ndun@contoh.id", nik: "", confidentiality: "public" } }));
    const stored = await db.complaint.findUniqueOrThrow({ where: { trackingNumber: second.trackingNumber }, include: { candidates: { include: { candidate: true } } } });
    expect(stored.candidates.find((c) => c.candidate.trackingNumber === first.trackingNumber)?.verdict).toBe("related");

    expect((await act(assistant, second.trackingNumber, "link_related", { candidate: first.trackingNumber })).status).toBe(303);
    for (const [own, other] of [[second, first], [first, second]] as const) {
      const page = await kupangInspektorat.get(`/complaints/${own.trackingNumber}`);
      const related = page.text.slice(page.text.indexOf("Pengaduan terkait"));
      expect(related).toContain(other.trackingNumber);
    }
    expect((await complaint(second.trackingNumber)).status).toBe("received");

    const decision = await db.duplicateDecision.findFirstOrThrow({ where: { complaint: { trackingNumber: second.trackingNumber }, decision: "related" } });
    expect((await act(assistant, second.trackingNumber, "reverse_duplicate_decision", { decisionId: decision.id, reason: "Kejadian berbeda" })).status).toBe(303);
    expect(await db.complaintRelation.count({ where: { removedAt: null, OR: [{ complaint: { trackingNumber: first.trackingNumber } }, { complaint: { trackingNumber: second.trackingNumber } }] } })).toBe(0);
    const firstPage = await assistant.get(`/complaints/${first.trackingNumber}`);
    expect(firstPage.text).not.toContain("Pengaduan terkait");
  });

  it("takes the same decisions through the API with the same rules", async () => {
    const first = await file(ombudsmanComplaint({ reporter: { name: "Stefanus Kolo", phone: "081355556666", email: "", nik: "", confidentiality: "public" } }));
    const second = await file(relatedComplaint({ reporter: { name: "Naomi Benu", phone: "081399990000", email: "", nik: "", confidentiality: "public" } }), kupangInspektoratToken);
    const response = await request(app).post(`/api/v1/complaints/${second.trackingNumber}/actions/link_related`).set("Authorization", kupangInspektoratToken).send({ candidate: first.trackingNumber, reason: "Petugas yang sama" });
    expect(response.status).toBe(200);
    expect(response.body.trackingNumber).toBe(second.trackingNumber);
    const missing = await request(app).post(`/api/v1/complaints/${second.trackingNumber}/actions/keep_separate`).set("Authorization", kupangInspektoratToken).send({ candidate: first.trackingNumber });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: "reason" })]);
  });
});
