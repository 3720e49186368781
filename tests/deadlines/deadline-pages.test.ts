import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { performCaseAction } from "../../src/complaints/workflow/perform-case-action.js";
import { requestCompletion } from "../../src/complaints/workflow/request-completion.js";
import { db } from "../../src/db.js";
import { addCalendarDays, endOfCivilDay } from "../../src/deadlines/civil-date.js";
import { readHolidayReference } from "../../src/deadlines/holiday-reference.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";
import { complaintBody } from "../helpers/complaints.js";
import { staffActor } from "./support.js";

let app: Express;
let admin: TestBrowser;
let assistantBrowser: TestBrowser;

beforeAll(async () => {
  app = await startTestApp();
  const adminUser = await buildUser({ role: "admin" });
  const assistantUser = await buildUser({ role: "assistant" });
  admin = await signIn(app, adminUser.email, DEFAULT_PASSWORD);
  assistantBrowser = await signIn(app, assistantUser.email, DEFAULT_PASSWORD);
});
afterAll(stopTestApp);

async function fileThroughApi() {
  const response = await request(app).post("/api/v1/complaints").send(complaintBody({ reporter: { email: "pelapor.halaman@contoh.id", confidentiality: "public" } }));
  expect(response.status).toBe(201);
  return response.body as { trackingNumber: string; accessCode: string };
}

describe("the deadlines of a case as people see them", () => {
  it("shows staff every deadline with its basis, and gives it in the staff JSON", async () => {
    const { trackingNumber } = await fileThroughApi();
    const { receivedAt } = await db.complaint.findUniqueOrThrow({ where: { trackingNumber } });
    const from = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Makassar" }).format(receivedAt);

    const page = await assistantBrowser.get(`/complaints/${trackingNumber}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Verifikasi dan penerusan laporan");
    expect(page.text).toContain(`Dasar: 3 hari kerja sejak ${from}, Standar layanan SP4N-LAPOR!`);
    expect(page.text).toContain(`Dasar: 14 hari kalender sejak ${from}, UU 25/2009`);

    const token = (await request(app).post("/api/v1/auth/token").send({ email: (await buildUser({ role: "assistant" })).email, password: DEFAULT_PASSWORD })).body.token as string;
    const json = await request(app).get(`/api/v1/complaints/${trackingNumber}`).set("Authorization", `Bearer ${token}`);
    expect(json.status).toBe(200);
    const answer = (json.body.deadlines as Array<Record<string, unknown>>).find((d) => d.kind === "written_answer");
    expect(answer).toEqual({
      kind: "written_answer",
      state: "pending",
      dueAt: endOfCivilDay(addCalendarDays(from, 14)).toISOString(),
      basis: { unit: "calendar_days", count: 14, from, rule: "UU 25/2009" },
      policyVersion: 1,
      metAt: null,
      missedAt: null,
      pausedAt: null,
      cancelledAt: null,
    });
  });

  it("shows the citizen only the deadlines the law owes them or asks of them, with whether each was met", async () => {
    const { trackingNumber, accessCode } = await fileThroughApi();
    const assistant = await staffActor("assistant");
    await performCaseAction(trackingNumber, "start_verification", assistant);
    await requestCompletion(trackingNumber, assistant, { reason: "Mohon lampirkan fotokopi KTP." });

    const citizen = new TestBrowser(app);
    const opened = await citizen.submit("/track", "/track", { trackingNumber, accessCode });
    const status = await citizen.get(opened.headers.location!);
    expect(status.text).toContain("Batas waktu yang berlaku untuk pengaduan Anda");
    expect(status.text).toContain("Tanggapan tertulis kepada pelapor");
    expect(status.text).toMatch(/Tanggapan tertulis kepada pelapor<\/strong>\s*— <span class="deadline-state">Dipenuhi/);
    expect(status.text).toContain("Pelengkapan laporan oleh pelapor");
    expect(status.text).toContain("30 hari kalender sejak");
    expect(status.text).not.toContain("Verifikasi dan penerusan laporan");
  });
});

describe("GET /api/v1/holidays", () => {
  it("returns the calendar in force for a year: every SKB entry, confirmed, in WITA", async () => {
    const response = await request(app).get("/api/v1/holidays?year=2026");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ year: 2026, timeZone: "Asia/Makassar", weekendDays: [6, 0], isInForce: true });
    expect(response.body.holidays).toHaveLength(readHolidayReference(2026)!.holidays.length);
    expect(response.body.holidays).toContainEqual({ date: "2026-01-16", name: "Isra Mikraj Nabi Muhammad S.A.W.", kind: "national", regionCode: null, confirmed: true, source: expect.stringContaining("SKB 3 Menteri") });
    expect(response.body.holidays.filter((h: { kind: string }) => h.kind === "cuti_bersama").map((h: { date: string }) => h.date)).toContain("2026-03-20");
  });

  it("says a year without a confirmed list is not in force, and refuses a malformed year", async () => {
    expect((await request(app).get("/api/v1/holidays?year=2031")).body).toMatchObject({ year: 2031, isInForce: false, holidays: [] });
    const bad = await request(app).get("/api/v1/holidays?year=20x6");
    expect(bad.status).toBe(422);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
  });

  it("gives a Pemda's calendar with its own regional holidays and nobody else's", async () => {
    await admin.submit("/admin/holidays/2026", "/admin/holidays/2026", { date: "2026-04-20", name: "HUT Kota Kupang", kind: "regional", regionCode: "53.71", source: "Keputusan Wali Kota", isConfirmed: "true" });
    const kota = await request(app).get("/api/v1/holidays?year=2026&region=53.71");
    const kabupaten = await request(app).get("/api/v1/holidays?year=2026&region=53.01");
    expect(kota.body.holidays).toContainEqual(expect.objectContaining({ date: "2026-04-20", kind: "regional", regionCode: "53.71", confirmed: true }));
    expect(kabupaten.body.holidays.some((h: { kind: string }) => h.kind === "regional")).toBe(false);
  });
});

describe("the administrators' holiday pages", () => {
  it("lists a year and adds, corrects and deletes a holiday", async () => {
    const page = await admin.get("/admin/holidays/2026");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Hari Suci Nyepi (Tahun Baru Saka 1948)");
    expect(page.text).toContain("Daftar hari libur 2026 berlaku");

    const added = await admin.post("/admin/holidays/2026", { date: "2026-06-02", name: "Libur uji", kind: "national", source: "", isConfirmed: "true" });
    expect(added.status).toBe(303);
    const holiday = await db.holiday.findFirstOrThrow({ where: { date: "2026-06-02" } });
    expect(holiday).toMatchObject({ name: "Libur uji", source: "admin", isConfirmed: true });

    const edit = await admin.get(`/admin/holidays/2026/${holiday.id}/edit`);
    expect(edit.status).toBe(200);
    expect((await admin.post(`/admin/holidays/2026/${holiday.id}`, { date: "2026-06-03", name: "Libur uji", kind: "national", source: "SKB perubahan", isConfirmed: "true" })).status).toBe(303);
    expect(await db.holiday.findUniqueOrThrow({ where: { id: holiday.id } })).toMatchObject({ date: "2026-06-03", source: "SKB perubahan" });

    expect((await admin.post(`/admin/holidays/2026/${holiday.id}/delete`, {})).status).toBe(303);
    expect(await db.holiday.findUnique({ where: { id: holiday.id } })).toBeNull();
    const trail = await db.auditEvent.findMany({ where: { stream: "holidays:2026" }, orderBy: { seq: "asc" } });
    expect(trail.map((a) => a.action).slice(-3)).toEqual(["holiday.added", "holiday.updated", "holiday.deleted"]);
  });

  it("keeps what was typed and explains when a regional holiday has no Pemda", async () => {
    const response = await admin.post("/admin/holidays/2026", { date: "2026-07-01", name: "Libur daerah tanpa Pemda", kind: "regional", regionCode: "", isConfirmed: "true" });
    expect(response.status).toBe(422);
    expect(response.text).toContain("Libur daerah memerlukan kode wilayah");
    expect(response.text).toContain('value="Libur daerah tanpa Pemda"');
  });

  it("drafts a year from the library unconfirmed, shows the library's known problems, and confirms after checking", async () => {
    expect((await admin.post("/admin/holidays/2029/draft", {})).headers.location).toBe("/admin/holidays/2029?notice=drafted");
    const drafts = await db.holiday.findMany({ where: { date: { startsWith: "2029-" } } });
    expect(drafts.length).toBeGreaterThan(10);
    expect(drafts.every((h) => !h.isConfirmed && h.source === "date-holidays")).toBe(true);
    const page = await admin.get("/admin/holidays/2029");
    expect(page.text).toContain("Draf ini tidak memuat cuti bersama");
    expect(page.text).toContain("Belum ada libur nasional yang dikonfirmasi untuk 2029");
    expect((await request(app).get("/api/v1/holidays?year=2029")).body.isInForce).toBe(false);

    expect((await admin.post("/admin/holidays/2029/draft", {})).headers.location).toBe("/admin/holidays/2029?notice=nothing_drafted");
    expect((await admin.post("/admin/holidays/2029/confirm", {})).status).toBe(303);
    expect(await db.holiday.count({ where: { date: { startsWith: "2029-" }, isConfirmed: false } })).toBe(0);
    const confirmed = await admin.get("/admin/holidays/2029");
    expect(confirmed.text).not.toContain("Draf ini tidak memuat cuti bersama");
    expect((await request(app).get("/api/v1/holidays?year=2029")).body.isInForce).toBe(true);
  });

  it("lets the assistant read the calendar and the policy but change nothing, and refuses focal points", async () => {
    expect((await assistantBrowser.get("/admin/holidays/2026")).status).toBe(200);
    expect((await assistantBrowser.get("/admin/deadlines")).status).toBe(200);
    expect((await assistantBrowser.post("/admin/holidays/2026", { date: "2026-06-05", name: "X", kind: "national", isConfirmed: "true" })).status).toBe(403);
    expect((await assistantBrowser.post("/admin/holidays/2026/draft", {})).status).toBe(403);
    expect((await assistantBrowser.get("/admin/deadlines/new")).status).toBe(403);
    const focal = await buildUser({ role: "focal_point", regionCode: "53.01", office: "inspektorat" });
    const focalBrowser = await signIn(app, focal.email, DEFAULT_PASSWORD);
    expect((await focalBrowser.get("/admin/holidays/2026")).status).toBe(403);
    expect((await focalBrowser.get("/admin/deadlines")).status).toBe(403);
  });
});

describe("the administrators' deadline policy page", () => {
  it("shows the rules in force with their legal sources and offers an editable copy", async () => {
    const page = await admin.get("/admin/deadlines");
    expect(page.status).toBe(200);
    expect(page.text).toContain("UU 25/2009 Ps. 50, Perpres 76/2013");
    expect(page.text).toContain("Penyelenggara wajib memutuskan hasil pemeriksaan pengaduan paling lambat 60 hari");
    const form = await admin.get("/admin/deadlines/new");
    expect(form.status).toBe(200);
    expect(form.text).toContain("&#34;verify_and_route&#34;");
  });

  it("refuses an edited copy that breaks the policy, pointing at the place", async () => {
    const { rules } = JSON.parse(JSON.stringify((await request(app).get("/api/v1/deadline-policy")).body)) as { rules: Array<Record<string, unknown>> };
    rules[3]!.count = 0;
    const refused = await admin.submit("/admin/deadlines/new", "/admin/deadlines", { note: "Uji", policy: JSON.stringify({ noticeTime: "08:00", rules }) });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("<code>rules.3.count</code>");
    const notJson = await admin.post("/admin/deadlines", { note: "Uji", policy: "{ rules: " });
    expect(notJson.status).toBe(422);
    expect(notJson.text).toContain("JSON yang sah");
    expect(await db.deadlinePolicyVersion.count()).toBe(1);
  });
});

describe("a policy change after deadlines were set", () => {
  it("sets new deadlines under the new version while running ones keep theirs", async () => {
    const before = await fileThroughApi();

    const policy = (await request(app).get("/api/v1/deadline-policy")).body as { noticeTime: string; rules: Array<Record<string, unknown>> };
    const rules = policy.rules.map((rule) => (rule.kind === "written_answer" ? { ...rule, count: 10, source: "Peraturan uji 2026" } : rule));
    const saved = await admin.submit("/admin/deadlines/new", "/admin/deadlines", { note: "Tanggapan 10 hari menurut peraturan uji", policy: JSON.stringify({ noticeTime: policy.noticeTime, rules }) });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe("/admin/deadlines?notice=version_created&version=2");
    expect((await admin.get("/admin/deadlines?version=1")).text).toContain("yang berlaku untuk batas waktu baru adalah versi 2");

    const after = await fileThroughApi();
    const answerOf = (trackingNumber: string) => db.deadline.findFirstOrThrow({ where: { complaint: { trackingNumber }, kind: "written_answer" } });
    expect(await answerOf(before.trackingNumber)).toMatchObject({ policyVersion: 1, basis: expect.objectContaining({ count: 14, rule: "UU 25/2009" }) });
    expect(await answerOf(after.trackingNumber)).toMatchObject({ policyVersion: 2, basis: expect.objectContaining({ count: 10, rule: "Peraturan uji 2026" }) });
    const oldAnswer = await answerOf(before.trackingNumber);
    expect(oldAnswer.dueAt.getTime() - oldAnswer.startedAt.getTime()).toBeGreaterThan(13 * 86_400_000);
  });
});
