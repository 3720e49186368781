import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Express } from "express";
import { db } from "../../src/db.js";
import { decideRoute, type RouteFacts } from "../../src/routing/decide-route.js";
import { activeRules } from "../../src/routing/route-complaint.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, type TestBrowser } from "../helpers/app.js";

let app: Express;
let admin: TestBrowser;
let kupangId: number;
let tttId: number;

beforeAll(async () => {
  app = await startTestApp();
  admin = await signIn(app, (await buildUser({ role: "admin" })).email, DEFAULT_PASSWORD);
  kupangId = (await db.region.findUniqueOrThrow({ where: { code: "53.01" } })).id;
  tttId = (await db.region.findUniqueOrThrow({ where: { code: "53.04" } })).id;
});
afterAll(stopTestApp);

/** What routing a new complaint would decide now, with the rules as the workflow loads them. */
const routeNow = async (facts: Partial<RouteFacts> & { regionId: number }) =>
  decideRoute({ unitKind: "DUKCAPIL", category: null, topic: "service", isAboutInspektorat: false, ...facts }, await activeRules(db));
const rowOf = (html: string, id: number) => html.slice(html.indexOf(`id="rule-${id}"`), html.indexOf("</tr>", html.indexOf(`id="rule-${id}"`)));
const newRule = (fields: Record<string, string>) => admin.submit("/admin/routing/new", "/admin/routing", { regionCode: "", unitKind: "", category: "", topic: "", isAboutInspektorat: "", targetOffice: "inspektorat", note: "", ...fields });

describe("routing rules as data", () => {
  it("lists the default rules with how many imagined complaints each decides", async () => {
    const page = await admin.get("/admin/routing");
    expect(page.status).toBe(200);
    for (const id of [1, 2, 3, 4]) expect(rowOf(page.text, id)).toMatch(/\d+ dari \d+ kombinasi/);
    expect(rowOf(page.text, 4)).toContain("asisten diberi tahu");
  });

  it("adds a rule that routes a new complaint differently from then on, in its Pemda only", async () => {
    expect(await routeNow({ regionId: kupangId })).toMatchObject({ office: "inspektorat", ruleId: 1 });
    const response = await newRule({ regionCode: "53.01", unitKind: "DUKCAPIL", targetOffice: "organisasi", note: "Dukcapil Kupang lewat Bagian Organisasi" });
    expect(response.status).toBe(303);
    const rule = await db.routingRule.findFirstOrThrow({ where: { regionId: kupangId, unitKind: "DUKCAPIL" } });
    expect(response.headers.location).toBe(`/admin/routing?notice=rule_added#rule-${rule.id}`);
    expect(await routeNow({ regionId: kupangId })).toMatchObject({ office: "organisasi", ruleId: rule.id, matched: ["regionId", "unitKind"] });
    expect(await routeNow({ regionId: tttId })).toMatchObject({ office: "inspektorat", ruleId: 1 });
    expect(await routeNow({ regionId: kupangId, isAboutInspektorat: true })).toMatchObject({ office: "organisasi", ruleId: 4 });
    expect(await db.auditEvent.findFirst({ where: { stream: `routing_rule:${rule.id}` } })).toMatchObject({ action: "routing_rule.created", data: { regionCode: "53.01", unitKind: "DUKCAPIL", targetOffice: "organisasi" } });
  });

  it("lets anyone who may read the rules try them on an imagined complaint and see why a rule won", async () => {
    const rule = await db.routingRule.findFirstOrThrow({ where: { regionId: kupangId, unitKind: "DUKCAPIL" } });
    const page = await admin.get("/admin/routing?regionCode=53.01&unitKind=DUKCAPIL&category=&topic=service");
    expect(page.text).toContain("Diteruskan ke Biro/Bagian Organisasi di Kabupaten Kupang.");
    expect(page.text).toContain(`Ditentukan oleh aturan #${rule.id}; syarat yang cocok: Pemda, Jenis unit.`);
    expect(page.text).toContain("#1 → Inspektorat Daerah (syarat yang cocok: tanpa syarat)");
    const elsewhere = await admin.get("/admin/routing?regionCode=53.04&unitKind=DUKCAPIL&category=&topic=service");
    expect(elsewhere.text).toContain("Ditentukan oleh aturan #1;");
    const aboutItself = await admin.get("/admin/routing?regionCode=53.01&unitKind=OTHER&category=&topic=service&isAboutInspektorat=true");
    expect(aboutItself.text).toContain("Ditentukan oleh aturan #4;");
    expect(aboutItself.text).toContain("Asisten Ombudsman akan diberi tahu.");
  });

  it("edits a rule, which changes what the next complaint gets, and records the change", async () => {
    const rule = await db.routingRule.findFirstOrThrow({ where: { regionId: kupangId, unitKind: "DUKCAPIL" } });
    const form = await admin.get(`/admin/routing/${rule.id}/edit`);
    expect(form.text).toContain("Dukcapil Kupang lewat Bagian Organisasi");
    const response = await admin.post(`/admin/routing/${rule.id}`, { regionCode: "53.01", unitKind: "KESEHATAN", category: "", topic: "", isAboutInspektorat: "", targetOffice: "organisasi", note: "Dinkes Kupang" });
    expect(response.status).toBe(303);
    expect(await routeNow({ regionId: kupangId })).toMatchObject({ ruleId: 1 });
    expect(await routeNow({ regionId: kupangId, unitKind: "KESEHATAN" })).toMatchObject({ office: "organisasi", ruleId: rule.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { stream: `routing_rule:${rule.id}`, action: "routing_rule.updated" } });
    expect(event.data).toEqual({ changes: { unitKind: ["DUKCAPIL", "KESEHATAN"], note: ["Dukcapil Kupang lewat Bagian Organisasi", "Dinkes Kupang"] } });
  });

  it("deactivates a rule, after which routing ignores it, and reactivates it", async () => {
    const rule = await db.routingRule.findFirstOrThrow({ where: { regionId: kupangId, unitKind: "KESEHATAN" } });
    expect((await admin.post(`/admin/routing/${rule.id}/active`, { isActive: "false" })).status).toBe(303);
    expect(await routeNow({ regionId: kupangId, unitKind: "KESEHATAN" })).toMatchObject({ ruleId: 1 });
    expect((await admin.get("/admin/routing")).text).toMatch(new RegExp(`id="rule-${rule.id}" class="inactive"`));
    await admin.post(`/admin/routing/${rule.id}/active`, { isActive: "true" });
    expect(await routeNow({ regionId: kupangId, unitKind: "KESEHATAN" })).toMatchObject({ ruleId: rule.id });
    const actions = await db.auditEvent.findMany({ where: { stream: `routing_rule:${rule.id}` }, orderBy: { seq: "asc" } });
    expect(actions.map((e) => e.action)).toEqual(["routing_rule.created", "routing_rule.updated", "routing_rule.deactivated", "routing_rule.activated"]);
  });

  it("never lets a complaint about the Inspektorat be routed to the Inspektorat", async () => {
    const refused = await newRule({ regionCode: "53.04", isAboutInspektorat: "true", targetOffice: "inspektorat" });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("tidak boleh diteruskan ke Inspektorat sendiri");
    const deactivate = await admin.submit("/admin/routing", "/admin/routing/4/active", { isActive: "false" });
    expect(deactivate.status).toBe(409);
    expect(deactivate.text).toContain("Harus tetap ada satu aturan aktif untuk semua Pemda");
    const narrow = await admin.submit("/admin/routing/4/edit", "/admin/routing/4", { regionCode: "53.04", isAboutInspektorat: "true", targetOffice: "organisasi" });
    expect(narrow.status).toBe(409);
    expect(await db.routingRule.findUniqueOrThrow({ where: { id: 4 } })).toMatchObject({ isActive: true, regionId: null });
  });

  it("refuses a second active rule with the same conditions, naming the first", async () => {
    const twin = await newRule({ topic: "assessment", targetOffice: "inspektorat" });
    expect(twin.status).toBe(409);
    expect(twin.text).toContain("Aturan #3 sudah memakai syarat yang sama persis.");
    expect(twin.text).toContain('value="assessment" selected');
  });

  it("shows a rule that more specific rules always beat as deciding nothing", async () => {
    await newRule({ topic: "service", note: "Semua pelayanan unit" });
    await newRule({ unitKind: "SOSIAL", targetOffice: "organisasi" });
    const shadowed = await db.routingRule.findFirstOrThrow({ where: { unitKind: "SOSIAL" } });
    expect(rowOf((await admin.get("/admin/routing")).text, shadowed.id)).toContain("Tidak pernah");
  });
});
