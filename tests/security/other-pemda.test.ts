import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerTemplateCsv } from "../../src/complaints/register-template.js";
import { CASE_ACTIONS } from "../../src/complaints/workflow/case-actions.js";
import { OUTCOMES } from "../../src/complaints/workflow/decide-complaint.js";
import { PDF_MINIMAL, PNG_1PX } from "../fixtures/files.js";
import { stopTestApp, TestBrowser } from "../helpers/app.js";
import { complaintBody } from "../helpers/complaints.js";
import { databaseFingerprint, uploadedFileKeys } from "../helpers/database-state.js";
import { declaredRoutes, routeKey } from "../helpers/route-inventory.js";
import { buildTwoPemda, EVIDENCE_KEY, KUPANG_SUBJECT, YEAR, type TwoPemda } from "./fixture.js";

/**
 * Issue 5's promise, tried on every route the application declares: a focal point of Timor Tengah
 * Selatan, signed in and holding a valid CSRF token and API token, names Kabupaten Kupang's
 * records (tracking numbers, attachments, letters, units, facts, evidence, tokens, notices) and is
 * refused (403/404) or shown only their own Pemda — and the database and the upload directory stay
 * exactly as they were. A route added without a line here fails the first test.
 */

/** Routes for everyone (citizens, the public, machines): their own suites cover them. */
const PUBLIC = new Set([
  "GET /", "GET /healthz", "GET /lang/:locale", "GET /problems/:code",
  "GET /login", "POST /login", "GET /password/forgot", "POST /password/forgot", "GET /password/reset", "POST /password/reset", "GET /setup", "POST /setup",
  "POST /api/v1/auth/token", "GET /transparency", "GET /transparency/:code",
  "GET /complaints/new", "POST /complaints", "GET /complaints/receipt", "GET /track", "POST /track", "GET /track/:trackingNumber",
  "POST /track/:trackingNumber/information", "GET /track/:trackingNumber/attachments/:id", "POST /track/:trackingNumber/rating",
  "GET /api/v1/regions", "GET /api/v1/regions/:code/units", "GET /api/v1/holidays", "GET /api/v1/deadline-policy",
  "GET /open311/discovery.:format", "GET /open311/v2/services.:format", "GET /open311/v2/services/:serviceCode.:format", "POST /open311/v2/requests.:format",
  "GET /open311/v2/requests.:format", "GET /open311/v2/requests/:serviceRequestId.:format", "ALL /open311/*rest",
]);

/** Routes that act only on the caller's own account: no request can name anyone else's record. */
const OWN_ACCOUNT = new Set(["GET /account", "POST /account/password", "POST /account/tokens", "POST /logout", "POST /logout/everywhere", "DELETE /api/v1/auth/token", "GET /api/v1/me"]);

type Outcome = "refused" | "own-pemda-only";
interface Call {
  outcome: Outcome;
  method: "GET" | "POST" | "DELETE";
  url: string;
  api?: boolean;
  fields?: Record<string, string>;
  json?: unknown;
  files?: Array<[string, Buffer, string]>;
  /** Tables the call may add to because it did something of the caller's own (an audited, refused import). */
  mayRecordIn?: string[];
}

const get = (url: string, outcome: Outcome = "refused"): Call => ({ outcome, method: "GET", url });
const post = (url: string, fields: Record<string, string> = {}, outcome: Outcome = "refused"): Call => ({ outcome, method: "POST", url, fields });
const upload = (url: string, fields: Record<string, string>, files: Array<[string, Buffer, string]>, outcome: Outcome = "refused"): Call => ({ outcome, method: "POST", url, fields, files });
const apiGet = (url: string, outcome: Outcome = "refused"): Call => ({ outcome, method: "GET", url, api: true });
const apiPost = (url: string, json: unknown): Call => ({ outcome: "refused", method: "POST", url, api: true, json });

/** Input that every case action would accept, so that only the authorisation can stop it. */
const ACTION_FIELDS = { reason: "Alasan yang cukup panjang", message: "Jawaban kepada pelapor", summary: "Ringkasan keputusan", outcome: OUTCOMES[0], candidate: "PGH-2222-2222", decisionId: "1", regionCode: "53.02", office: "inspektorat" };

function callsFor(f: TwoPemda): Record<string, Call[]> {
  const k = f.kupang;
  const tn = k.trackingNumber;
  const actions = Object.keys(CASE_ACTIONS);
  const today = new Date().toISOString().slice(0, 10);
  const kupangRegister = Buffer.from(registerTemplateCsv({ regionCode: "53.01", today }));
  const region = `/scores/${YEAR}/regions/53.01`;
  const unit = `/scores/${YEAR}/units/${k.unitId}`;
  const facts = `/scores/units/${k.unitId}/facts`;
  return {
    // --- cases, attachments, letters
    "GET /complaints/:trackingNumber": [get(`/complaints/${tn}`)],
    "GET /complaints/:trackingNumber/attachments/:id": [get(`/complaints/${tn}/attachments/${k.attachmentId}`), get(`/complaints/${f.tts.trackingNumber}/attachments/${k.attachmentId}`)],
    "POST /complaints/:trackingNumber/actions/:action": actions.map((action) => post(`/complaints/${tn}/actions/${action}`, ACTION_FIELDS)),
    "POST /api/v1/complaints/:trackingNumber/actions/:action": actions.map((action) => apiPost(`/api/v1/complaints/${tn}/actions/${action}`, ACTION_FIELDS)),
    "GET /api/v1/complaints/:trackingNumber": [apiGet(`/api/v1/complaints/${tn}`)],
    "GET /letters/:id": [get(`/letters/${k.openLetterId}`), get(`/letters/${k.answeredLetterId}`)],
    "POST /letters/:id/answer": [upload(`/letters/${k.openLetterId}/answer`, { body: "Jawaban dari Pemda lain" }, [["files", PDF_MINIMAL, "jawaban.pdf"]]), post(`/letters/${k.openLetterId}/answer`, { body: "Jawaban tanpa berkas" })],
    "GET /inbox": [get(`/inbox?regionCode=53.01`, "own-pemda-only"), get(`/inbox?q=${tn}`, "own-pemda-only")],
    "POST /inbox/notices/read": [post("/inbox/notices/read", { ids: String(k.noticeIds[0]) }, "own-pemda-only")],
    "GET /api/v1/complaints": [apiGet("/api/v1/complaints?regionCode=53.01", "own-pemda-only"), apiGet(`/api/v1/complaints?q=${tn}`, "own-pemda-only")],
    "GET /overview": [get("/overview")],
    "GET /dashboard": [get("/dashboard", "own-pemda-only")],
    // --- intake and the register import, naming Kupang
    "GET /staff/complaints/new": [get("/staff/complaints/new?region=53.01", "own-pemda-only")],
    "POST /staff/complaints": [
      upload("/staff/complaints", { ...flatComplaint(), regionCode: "53.01", desk: "inspektorat", channel: "walk_in", receivedAt: today, submissionKey: "security-probe-000000001" }, [["files", PDF_MINIMAL, "bukti.pdf"]]),
    ],
    "GET /staff/complaints/registered": [get("/staff/complaints/registered", "own-pemda-only")],
    "POST /api/v1/complaints": [apiPost("/api/v1/complaints", complaintBody({ regionCode: "53.01" }))],
    "POST /api/v1/duplicates/check": [apiPost("/api/v1/duplicates/check", complaintBody({ regionCode: "53.01" }))],
    "GET /staff/complaints/import": [get("/staff/complaints/import", "own-pemda-only")],
    "GET /staff/complaints/import/template.csv": [get("/staff/complaints/import/template.csv", "own-pemda-only")],
    "POST /staff/complaints/import": [upload("/staff/complaints/import", { regionCode: "53.01" }, [["file", kupangRegister, "register.csv"]]), { ...upload("/staff/complaints/import", {}, [["file", kupangRegister, "register.csv"]], "own-pemda-only"), mayRecordIn: ["auditEvent"] }],
    // --- scores of a Pemda and a unit, facts, evidence
    "GET /scores": [get(`/scores?year=${YEAR}`, "own-pemda-only")],
    "GET /scores/:year/export.csv": [get(`/scores/${YEAR}/export.csv`)],
    "GET /scores/:year/regions/:code": [get(region)],
    "GET /scores/:year/regions/:code/report": [get(`${region}/report`)],
    "GET /scores/:year/units/:unitId": [get(unit)],
    "GET /scores/:year/units/:unitId/indicators/:key": [get(`${unit}/indicators/answered_within_14_days`)],
    "GET /scores/:year/regions/:code/assessor": [get(`${region}/assessor`)],
    "POST /scores/:year/regions/:code/assessor": [post(`${region}/assessor`, { [`points[u${k.unitId}][input]`]: "1" })],
    "GET /scores/assessor-import": [get("/scores/assessor-import")],
    "POST /scores/assessor-import": [post("/scores/assessor-import", { csv: `year,region_code,unit_id,input\n${YEAR},53.01,${k.unitId},1` })],
    "GET /scores/units/:unitId/facts": [get(facts)],
    "POST /scores/units/:unitId/facts/:kind": [post(`${facts}/channel`, { kind: "web", name: "Kanal palsu", openedDate: "2024-01-02" })],
    "GET /scores/units/:unitId/facts/:kind/:id/edit": [get(`${facts}/channel/${k.channelId}/edit`)],
    "POST /scores/units/:unitId/facts/:kind/:id": [post(`${facts}/channel/${k.channelId}`, { kind: "web", name: "Diubah", openedDate: "2024-01-02" })],
    "POST /scores/units/:unitId/facts/:kind/:id/delete": [post(`${facts}/channel/${k.channelId}/delete`)],
    "GET /scores/:year/regions/:code/recommendations": [get(`${region}/recommendations`)],
    "POST /scores/:year/regions/:code/recommendations/:key": [upload(`${region}/recommendations/${EVIDENCE_KEY}`, { isDone: "false", note: "Dihapus" }, [["file", PNG_1PX, "lain.png"]]), post(`${region}/recommendations/${EVIDENCE_KEY}`, { isDone: "false", removeFile: "true" })],
    "GET /scores/:year/regions/:code/recommendations/:key/file": [get(`${region}/recommendations/${EVIDENCE_KEY}/file`)],
    "GET /api/v1/scores": [apiGet(`/api/v1/scores?year=${YEAR}&region=53.01`)],
    // --- administration: the focal point has no part in it
    "GET /admin/scoring": [get("/admin/scoring")],
    "GET /admin/scoring/methodologies/new": [get("/admin/scoring/methodologies/new")],
    "POST /admin/scoring/methodologies": [post("/admin/scoring/methodologies", { content: "{}" })],
    "GET /admin/scoring/methodologies/:id": [get(`/admin/scoring/methodologies/${YEAR}.1`)],
    "POST /admin/scoring/:year/publish": [post(`/admin/scoring/${YEAR}/publish`)],
    "POST /admin/scoring/:year/recompute": [post(`/admin/scoring/${YEAR}/recompute`)],
    "GET /admin": [get("/admin")],
    "GET /admin/queues": [get("/admin/queues")],
    "GET /admin/users": [get("/admin/users")],
    "GET /admin/users/new": [get("/admin/users/new")],
    "POST /admin/users": [post("/admin/users", { email: "penyusup@penghubung.test", name: "Penyusup", role: "focal_point", regionCode: "53.01", office: "inspektorat", password: "kata sandi yang panjang" })],
    "POST /admin/users/:id/active": [post(`/admin/users/${f.users.kupang.id}/active`, { isActive: "false" })],
    "POST /admin/users/:id/invitation": [post(`/admin/users/${f.users.kupang.id}/invitation`)],
    "POST /account/tokens/:id/revoke": [post(`/account/tokens/${k.tokenId}/revoke`)],
    "GET /admin/regions": [get("/admin/regions")],
    "POST /admin/regions": [post("/admin/regions", { code: "53.71" })],
    "POST /admin/regions/:code/active": [post("/admin/regions/53.01/active", { isActive: "false" })],
    "GET /admin/regions/:code": [get("/admin/regions/53.01")],
    "GET /admin/regions/:code/units/new": [get("/admin/regions/53.01/units/new")],
    "POST /admin/regions/:code/units": [post("/admin/regions/53.01/units", { name: "Dinas Palsu", kind: "OTHER" })],
    "GET /admin/regions/:code/units/:id/edit": [get(`/admin/regions/53.01/units/${k.unitId}/edit`)],
    "POST /admin/regions/:code/units/:id": [post(`/admin/regions/53.01/units/${k.unitId}`, { name: "Diubah", kind: "OTHER" })],
    "POST /admin/regions/:code/units/:id/active": [post(`/admin/regions/53.01/units/${k.unitId}/active`, { isActive: "false" })],
    "POST /admin/regions/:code/units/:id/delete": [post(`/admin/regions/53.01/units/${k.unitId}/delete`)],
    "GET /admin/regions/:code/offices/:kind/edit": [get("/admin/regions/53.01/offices/inspektorat/edit")],
    "POST /admin/regions/:code/offices/:kind": [post("/admin/regions/53.01/offices/inspektorat", { name: "Diubah" })],
    "GET /admin/regions/:code/offices/:kind/appointments/new": [get("/admin/regions/53.01/offices/inspektorat/appointments/new")],
    "POST /admin/regions/:code/offices/:kind/appointments": [post("/admin/regions/53.01/offices/inspektorat/appointments", { name: "Penyusup", role: "deputy", decreeNumber: "SK 1", decreeDate: "2025-01-01", validFrom: "2025-01-01" })],
    "GET /admin/regions/:code/appointments/:id/end": [get(`/admin/regions/53.01/appointments/${k.appointmentId}/end`)],
    "POST /admin/regions/:code/appointments/:id/end": [post(`/admin/regions/53.01/appointments/${k.appointmentId}/end`, { endedOn: "2025-06-01", reason: "Diakhiri" })],
    "GET /admin/routing": [get("/admin/routing?regionCode=53.01")],
    "GET /admin/routing/new": [get("/admin/routing/new")],
    "POST /admin/routing": [post("/admin/routing", { regionCode: "53.01", unitKind: "DUKCAPIL", targetOffice: "organisasi" })],
    "GET /admin/routing/:id/edit": [get(`/admin/routing/${f.ruleId}/edit`)],
    "POST /admin/routing/:id": [post(`/admin/routing/${f.ruleId}`, { targetOffice: "organisasi" })],
    "POST /admin/routing/:id/active": [post(`/admin/routing/${f.ruleId}/active`, { isActive: "false" })],
    "GET /admin/letter-templates": [get("/admin/letter-templates")],
    "POST /admin/letter-templates": [post("/admin/letter-templates", { subject: "Diubah", body: "Diubah" })],
    "GET /admin/holidays": [get("/admin/holidays")],
    "GET /admin/holidays/:year": [get(`/admin/holidays/${YEAR}`)],
    "POST /admin/holidays/:year": [post(`/admin/holidays/${YEAR}`, { date: `${YEAR}-08-18`, name: "Libur palsu", kind: "regional", regionCode: "53.01" })],
    "POST /admin/holidays/:year/draft": [post(`/admin/holidays/${YEAR}/draft`)],
    "POST /admin/holidays/:year/confirm": [post(`/admin/holidays/${YEAR}/confirm`)],
    "GET /admin/holidays/:year/:id/edit": [get(`/admin/holidays/${YEAR}/${f.holidayId}/edit`)],
    "POST /admin/holidays/:year/:id": [post(`/admin/holidays/${YEAR}/${f.holidayId}`, { date: `${YEAR}-08-18`, name: "Diubah", kind: "national" })],
    "POST /admin/holidays/:year/:id/delete": [post(`/admin/holidays/${YEAR}/${f.holidayId}/delete`)],
    "GET /admin/deadlines": [get("/admin/deadlines")],
    "GET /admin/deadlines/new": [get("/admin/deadlines/new")],
    "POST /admin/deadlines": [post("/admin/deadlines", { effectiveFrom: `${YEAR + 1}-01-01` })],
  };
}

/** The citizen form's fields, flat, as the staff intake form posts them. */
function flatComplaint() {
  return {
    "reporter[name]": "Penyusup", "reporter[phone]": "081234567891", "reporter[confidentiality]": "public",
    unitName: "Dinas Kependudukan dan Pencatatan Sipil", subject: "Pengaduan atas nama Pemda lain",
    description: "Petugas Pemda lain mencoba mendaftarkan pengaduan ke Inspektorat Kabupaten Kupang.", incidentDate: "2025-10-01",
    category: "penundaan_berlarut", isBeforeCourt: "no", "priorComplaint[made]": "no",
  };
}

let f: TwoPemda;
let calls: Record<string, Call[]>;
/** What of Kupang's must never show to the intruder. */
let secrets: string[];
let lastFingerprint: Record<string, string> | null = null;

beforeAll(async () => {
  f = await buildTwoPemda();
  calls = callsFor(f);
  // Not the tracking number itself: a refusal may repeat what the intruder typed, never what it guards.
  const tn = f.kupang.trackingNumber;
  secrets = [KUPANG_SUBJECT, "Yohanes Bere Kupang", f.kupang.letterNumber, "Kanal pengaduan Kupang", "Sistem informasi Kupang", `href="/complaints/${tn}"`, `"trackingNumber":"${tn}"`];
  await f.browsers.intruder.get("/account"); // a page with a form: the intruder's own, valid CSRF token
  await f.browsers.auditor.get("/account");
}, 120_000);
afterAll(stopTestApp);

async function send(call: Call, who: "intruder" | "auditor" = "intruder") {
  const browser = f.browsers[who];
  if (call.api) {
    const req = call.method === "GET" ? request(f.app).get(call.url) : request(f.app).post(call.url).send(call.json as object);
    return req.set("authorization", `Bearer ${f.tokens[who]}`);
  }
  if (call.method === "GET") return browser.get(call.url);
  if (call.files) return browser.postMultipart(call.url, call.fields ?? {}, call.files);
  return browser.post(call.url, call.fields ?? {});
}

describe("the route inventory", () => {
  it("names every route the application declares as public, the caller's own account, or probed with another Pemda's ids", () => {
    const declared = declaredRoutes(f.app).map(routeKey);
    const uncovered = declared.filter((key) => !PUBLIC.has(key) && !OWN_ACCOUNT.has(key) && !(key in calls));
    expect(uncovered, "routes without an authorisation probe: add them to tests/security/other-pemda.test.ts").toEqual([]);
    const stale = [...PUBLIC, ...OWN_ACCOUNT, ...Object.keys(calls)].filter((key) => !declared.includes(key));
    expect(stale, "probes for routes that no longer exist").toEqual([]);
  });
});

describe("a focal point of another Pemda naming Kabupaten Kupang's records", () => {
  it.each(ROUTE_KEYS())("%s: refused or limited to their own Pemda, and nothing changes", async (key) => {
    // The state the previous probe left (and checked) is this one's starting point: one fingerprint per probe.
    const before = lastFingerprint ?? (await databaseFingerprint());
    lastFingerprint = null;
    const files = uploadedFileKeys();
    for (const call of calls[key]!) {
      const response = await send(call);
      const label = `${call.method} ${call.url} -> ${response.status}: ${response.text?.slice(0, 300)}`;
      if (call.outcome === "refused") {
        expect([403, 404], label).toContain(response.status);
      } else {
        expect(response.status, label).toBeLessThan(400);
        expect(String(response.headers.location ?? ""), label).not.toMatch(/53\.01|PGH-/);
      }
      for (const secret of secrets) expect(response.text ?? "", `${label}\n(shows ${secret})`).not.toContain(secret);
    }
    const recorded = new Set(calls[key]!.flatMap((call) => call.mayRecordIn ?? []));
    const unchanged = (fingerprint: Record<string, string>) => Object.fromEntries(Object.entries(fingerprint).filter(([table]) => !recorded.has(table)));
    const after = await databaseFingerprint();
    expect(unchanged(after), key).toEqual(unchanged(before));
    expect(uploadedFileKeys(), key).toEqual(files);
    lastFingerprint = after;
  });
});

/** The probed route keys, known before the fixture exists (the table's keys do not depend on ids). */
function ROUTE_KEYS(): string[] {
  const placeholder = {
    kupang: { trackingNumber: "", letterNumber: "", attachmentId: 0, answeredLetterId: 0, openLetterId: 0, unitId: 0, appointmentId: 0, channelId: 0, tokenId: 0, noticeIds: [0], accessCode: "" },
    tts: { trackingNumber: "", accessCode: "" },
    users: { kupang: { id: 0 } },
    holidayId: 0,
    ruleId: 0,
  } as unknown as TwoPemda;
  return Object.keys(callsFor(placeholder));
}

describe("the auditor, who may read every Pemda but change nothing", () => {
  /** Posts that change nothing of anyone else's: marking one's own notices read, and the duplicate check (a read). */
  const OWN = new Set(["POST /inbox/notices/read", "POST /api/v1/duplicates/check"]);

  it("is refused every change on every route, and nothing changes", async () => {
    const before = await databaseFingerprint();
    const files = uploadedFileKeys();
    let tried = 0;
    for (const [key, list] of Object.entries(calls)) {
      if (key.startsWith("GET ") || OWN.has(key)) continue;
      for (const call of list) {
        const response = await send(call, "auditor");
        tried += 1;
        expect([403, 404], `${call.method} ${call.url} -> ${response.status}: ${response.text?.slice(0, 300)}`).toContain(response.status);
      }
    }
    expect(tried).toBeGreaterThan(60);
    expect(await databaseFingerprint()).toEqual(before);
    expect(uploadedFileKeys()).toEqual(files);
  });
});

describe("a citizen naming another complaint's records", () => {
  it("opens no other complaint and no internal document with the access code of their own", async () => {
    const citizen = new TestBrowser(f.app);
    expect((await citizen.submit("/track", "/track", { trackingNumber: f.tts.trackingNumber, accessCode: f.tts.accessCode })).status).toBe(303);
    const before = await databaseFingerprint();
    const k = f.kupang;
    expect((await citizen.get(`/track/${f.tts.trackingNumber}/attachments/${k.attachmentId}`)).status).toBe(404);
    expect((await citizen.get(`/track/${k.trackingNumber}/attachments/${k.attachmentId}`)).status).toBe(404);
    const other = await citizen.get(`/track/${k.trackingNumber}`);
    expect(other.status).toBe(303);
    expect(other.headers.location).toMatch(/^\/track\?tn=/);
    await citizen.get(`/track/${f.tts.trackingNumber}`);
    for (const [action, fields] of [["information", { body: "Tambahan dari orang lain" }], ["rating", { rating: "1", comment: "Buruk" }]] as const) {
      const response = await citizen.post(`/track/${k.trackingNumber}/${action}`, fields);
      expect([303, 403, 404], `${action} -> ${response.status}`).toContain(response.status);
      if (response.status === 303) expect(response.headers.location).toMatch(/^\/track\?tn=/);
    }
    for (const [trackingNumber, accessCode] of [[k.trackingNumber, f.tts.accessCode], [f.tts.trackingNumber, k.accessCode]]) {
      const response = await request(f.app).get(`/api/v1/complaints/${trackingNumber}`).set("x-access-code", accessCode!);
      expect(response.status).toBe(404);
      for (const secret of secrets) expect(response.text).not.toContain(secret);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("does not see the internal documents of their own complaint", async () => {
    const citizen = new TestBrowser(f.app);
    expect((await citizen.submit("/track", "/track", { trackingNumber: f.kupang.trackingNumber, accessCode: f.kupang.accessCode })).status).toBe(303);
    const page = await citizen.get(`/track/${f.kupang.trackingNumber}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("berita-acara.pdf");
    expect((await citizen.get(`/track/${f.kupang.trackingNumber}/attachments/${f.kupang.attachmentId}`)).status).toBe(404);
  });
});
