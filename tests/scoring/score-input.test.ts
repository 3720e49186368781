import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { translator } from "../../src/i18n/index.js";
import { findMethodology } from "../../src/scoring/load-methodologies.js";
import { methodologyFingerprint, parseMethodology } from "../../src/scoring/methodology.js";
import { recomputeScores } from "../../src/scoring/recompute-scores.js";
import { RECOMPUTE_DEBOUNCE_MS } from "../../src/scoring/schedule-score-recompute.js";
import { saveAssessorPoints } from "../../src/scoring/save-assessor-points.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { PNG_1PX } from "../fixtures/files.js";
import { signIn, startTestApp, stopTestApp, type TestBrowser } from "../helpers/app.js";
import { eventually, pemda, storeComplaint, wita } from "./records.js";

const id = translator("id");
let app: Express;
let admin: TestBrowser;
let assistant: TestBrowser;
let focal: TestBrowser;
let otherFocal: TestBrowser;
let assistantUser: Awaited<ReturnType<typeof buildUser>>;
let kupang: Awaited<ReturnType<typeof pemda>>;
let tts: Awaited<ReturnType<typeof pemda>>;

/** The last moment of the current 30-second window, so that the debounced job runs a few milliseconds later. */
const justBeforeWindowCloses = () => new Date((Math.floor(Date.now() / RECOMPUTE_DEBOUNCE_MS) + 1) * RECOMPUTE_DEBOUNCE_MS - 30);

beforeAll(async () => {
  app = await startTestApp();
  assistantUser = await buildUser({ role: "assistant" });
  admin = await signIn(app, (await buildUser({ role: "admin" })).email, DEFAULT_PASSWORD);
  assistant = await signIn(app, assistantUser.email, DEFAULT_PASSWORD);
  focal = await signIn(app, (await buildUser({ role: "focal_point", regionCode: "53.01" })).email, DEFAULT_PASSWORD);
  otherFocal = await signIn(app, (await buildUser({ role: "focal_point", regionCode: "53.02" })).email, DEFAULT_PASSWORD);
  kupang = await pemda("53.01");
  tts = await pemda("53.02");
}, 180_000);
afterAll(stopTestApp);

describe("the assessors' points", () => {
  it("stores the sheet as typed, decimal commas included", async () => {
    const [first, second] = kupang.units;
    const response = await assistant.submit(`/scores/2023/regions/53.01/assessor`, `/scores/2023/regions/53.01/assessor`, {
      [`points[u${first!.id}][input]`]: "8,72",
      [`points[u${first!.id}][proses]`]: "10.76",
      [`points[u${first!.id}][output]`]: "20,76",
      [`points[u${first!.id}][pengaduan]`]: "9,61",
      [`points[u${second!.id}][input]`]: "",
    });
    expect(response.status).toBe(303);
    const stored = await db.assessorScore.findUniqueOrThrow({ where: { unitId_year: { unitId: first!.id, year: 2023 } } });
    expect(stored.points).toEqual({ input: 8.72, proses: 10.76, output: 20.76, pengaduan: 9.61 });
    expect(await db.assessorScore.count({ where: { unitId: second!.id, year: 2023 } })).toBe(0);
    expect(await db.auditEvent.count({ where: { stream: `unit:${first!.id}`, action: "assessment.assessor_points.saved" } })).toBe(1);
  });

  it("refuses a figure above the dimension's weight, names the box, and keeps the stored points", async () => {
    const unit = kupang.units[0]!;
    const response = await assistant.submit(`/scores/2023/regions/53.01/assessor`, `/scores/2023/regions/53.01/assessor`, { [`points[u${unit.id}][input]`]: "22", [`points[u${unit.id}][proses]`]: "1" });
    expect(response.status).toBe(422);
    expect(response.text).toContain(`id="f-points-u${unit.id}-input-error"`);
    expect(response.text).toContain(id("scoring.errors.points_out_of_range", { minimum: 0, maximum: 21.85 }));
    expect((await db.assessorScore.findUniqueOrThrow({ where: { unitId_year: { unitId: unit.id, year: 2023 } } })).points).toMatchObject({ input: 8.72 });
  });

  it("recomputes the year shortly after points are saved, once for a burst of changes", async () => {
    const before = await db.scoreRun.count({ where: { year: 2024 } });
    const now = justBeforeWindowCloses();
    const user = { id: assistantUser.id, email: assistantUser.email, name: assistantUser.name, role: "assistant" as const, regionId: null, office: null, locale: "id" };
    await saveAssessorPoints({ year: 2024, regionCode: "53.01", points: { [`u${kupang.units[0]!.id}`]: { input: "20" } } }, user, now);
    await saveAssessorPoints({ year: 2024, regionCode: "53.01", points: { [`u${kupang.units[1]!.id}`]: { input: "19" } } }, user, now);
    const run = await eventually(() => db.scoreRun.findFirst({ where: { year: 2024, isCurrent: true, trigger: "data_change" } }));
    expect(before).toBe(0);
    const units = await db.scoreUnitResult.findMany({ where: { runId: run.id, unitId: { in: [kupang.units[0]!.id, kupang.units[1]!.id] } } });
    expect(units.map((u) => (u.dimensions as Array<{ key: string; points: number }>).find((d) => d.key === "input")!.points).sort()).toEqual([19, 20]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db.scoreRun.count({ where: { year: 2024 } })).toBe(1);
  });

  it("imports nothing from a CSV with a bad line, and reports every refused line with its reason", async () => {
    const csv = [
      "tahun;kode_wilayah;nama_unit;input;proses;output",
      "2022;53.01;Dinkes;18,2;27;20",
      "2022;53.01;Dinas Pertanian;18;27;20",
      "2022;53.99;Dinas Sosial;18;27;20",
      "2022;53.01;Dinas Sosial;30;27;20",
      "2022;53.01;Inspektorat;18;27;20",
    ].join("\n");
    const response = await assistant.submit("/scores/assessor-import", "/scores/assessor-import", { csv });
    expect(response.status).toBe(422);
    const report = response.text.split('class="import-report"')[1]!;
    const rows = [...report.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [Number(m[1]), m[2], m[3]]);
    expect(rows).toEqual([
      [3, "unit_name", id("scoring.import.unit_unknown", { unit: "Dinas Pertanian", code: "53.01" })],
      [4, "region_code", id("scoring.import.region_unknown", { code: "53.99" })],
      [5, "input", id("scoring.errors.points_out_of_range", { minimum: 0, maximum: 21.85 })],
      [6, "unit_name", id("scoring.import.unit_not_assessed", { unit: "Inspektorat Daerah" })],
    ]);
    expect(await db.assessorScore.count({ where: { year: 2022 } })).toBe(0);
  });

  it("imports a clean CSV file, finding units by name or alias, and keeps the assessors' complaint figure", async () => {
    const names = ["Dinkes", "Disdik", "Dinsos", "DPM-PTSP", "Dukcapil"];
    const csv = ["year,region_code,unit_name,input,proses,output,pengaduan", ...names.map((n, i) => `2022,53.01,${n},${15 + i},25,20,${i === 0 ? "10.5" : ""}`)].join("\n");
    const response = await assistant.postMultipart("/scores/assessor-import", {}, [["file", Buffer.from(csv), "penilaian-2022.csv"]]);
    expect(response.status).toBe(200);
    expect(response.text).toContain(id("scoring.assessor.imported", { count: 5 }));
    const stored = await db.assessorScore.findMany({ where: { year: 2022 }, include: { unit: { select: { kind: true } } } });
    expect(stored).toHaveLength(5);
    expect(stored.every((s) => s.source === "csv")).toBe(true);
    expect(stored.find((s) => s.unit.kind === "KESEHATAN")!.points).toEqual({ input: 15, proses: 25, output: 20, pengaduan: 10.5 });
  });
});

describe("methodology versions", () => {
  it("adds next year's version from a copy of the last one, with the fingerprint of what was stored", async () => {
    const form = await admin.get("/admin/scoring/methodologies/new?from=2025.1&year=2026");
    expect(form.status).toBe(200);
    const draft = form.text.match(/<textarea id="f-content"[^>]*>([\s\S]*?)<\/textarea>/)![1]!.replace(/&#34;/g, '"').replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#39;/g, "'");
    expect(JSON.parse(draft)).toMatchObject({ id: "2026.1", year: 2026, revision: 1 });
    const response = await admin.postMultipart("/admin/scoring/methodologies", { content: draft });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe("/admin/scoring/methodologies/2026.1?notice=methodology_added");
    const stored = await db.methodologyVersion.findUniqueOrThrow({ where: { id: "2026.1" } });
    expect(stored.origin).toBe("admin");
    expect(stored.fingerprint).toBe(methodologyFingerprint(parseMethodology(JSON.parse(draft))));
  });

  it("never replaces a stored version, and lists every problem of an invalid one", async () => {
    const again = await admin.get("/admin/scoring/methodologies/new?from=2026.1");
    const copy = JSON.parse(JSON.stringify((await findMethodology("2026.1"))!.methodology));
    const duplicate = await admin.postMultipart("/admin/scoring/methodologies", { content: JSON.stringify(copy) });
    expect(duplicate.status).toBe(422);
    expect(duplicate.text).toContain(id("scoring.admin.methodology_exists", { id: "2026.1" }));
    expect(again.text).toContain("2026.2");

    const invalid = { ...copy, id: "2026.2", revision: 2, dimensions: copy.dimensions.map((d: { weight: number }, i: number) => (i === 0 ? { ...d, weight: d.weight + 1 } : d)) };
    const refused = await admin.postMultipart("/admin/scoring/methodologies", { content: JSON.stringify(invalid) });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('id="f-content-dimensions"');
    expect(await db.methodologyVersion.count({ where: { id: "2026.2" } })).toBe(0);
    expect((await assistant.postMultipart("/admin/scoring/methodologies", { content: JSON.stringify({ ...copy, id: "2026.3", revision: 3 }) })).status).toBe(403);
  });

  it("computes a year with its new revision while the published results keep the version they were computed with", async () => {
    await recomputeScores({ year: 2023, trigger: "staff" });
    await assistant.submit("/admin/scoring", "/admin/scoring/2023/publish", {});
    const published = await db.scoreRun.findFirstOrThrow({ where: { year: 2023, publishedAt: { not: null } } });
    const original = (await findMethodology("2023.1"))!;
    expect([published.methodologyId, published.methodologyFingerprint]).toEqual(["2023.1", original.fingerprint]);

    const revision = { ...JSON.parse(JSON.stringify(original.methodology)), id: "2023.2", revision: 2 };
    revision.dimensions[0].weight = 31.85;
    revision.dimensions[1].weight = 22.37;
    expect((await admin.postMultipart("/admin/scoring/methodologies", { content: JSON.stringify(revision) })).status).toBe(303);
    await recomputeScores({ year: 2023, trigger: "methodology" });

    const current = await db.scoreRun.findFirstOrThrow({ where: { year: 2023, isCurrent: true } });
    expect(current.methodologyId).toBe("2023.2");
    const unit = await db.scoreUnitResult.findFirstOrThrow({ where: { runId: current.id, unitId: kupang.units[0]!.id } });
    expect((unit.dimensions as Array<{ key: string; weight: number }>)[0]).toMatchObject({ key: "input", weight: 31.85 });
    const still = await db.scoreRun.findUniqueOrThrow({ where: { id: published.id } });
    expect([still.methodologyId, still.methodologyFingerprint]).toEqual(["2023.1", original.fingerprint]);
  }, 60_000); // Two full recomputes of the province; on PostgreSQL under a loaded CI machine they take longer than the default.
});

describe("the unit facts forms", () => {
  it("lets a focal point record, correct and remove a channel of their own Pemda's unit, with an audit trail", async () => {
    const unit = kupang.units[0]!;
    const added = await focal.submit(`/scores/units/${unit.id}/facts`, `/scores/units/${unit.id}/facts/channel`, { kind: "whatsapp", name: "0812 3456 7890", isElectronic: "true", openedDate: "2025-01-06", publishedDate: "", publishedWhere: "" });
    expect(added.status).toBe(303);
    const channel = await db.complaintChannel.findFirstOrThrow({ where: { unitId: unit.id } });
    expect(channel).toMatchObject({ kind: "whatsapp", isElectronic: true, openedDate: "2025-01-06", publishedDate: null });

    const edited = await focal.submit(`/scores/units/${unit.id}/facts/channel/${channel.id}/edit`, `/scores/units/${unit.id}/facts/channel/${channel.id}`, { kind: "whatsapp", name: "0812 3456 7890", isElectronic: "true", openedDate: "2025-01-06", publishedDate: "2025-02-01", publishedWhere: "Papan pengumuman" });
    expect(edited.status).toBe(303);
    expect((await db.complaintChannel.findUniqueOrThrow({ where: { id: channel.id } })).publishedDate).toBe("2025-02-01");
    expect((await focal.get(`/scores/units/${unit.id}/facts`)).text).toContain("Papan pengumuman");

    const removed = await focal.submit(`/scores/units/${unit.id}/facts`, `/scores/units/${unit.id}/facts/channel/${channel.id}/delete`, {});
    expect(removed.status).toBe(303);
    expect(await db.complaintChannel.count({ where: { id: channel.id } })).toBe(0);
    expect((await db.auditEvent.findMany({ where: { stream: `unit:${unit.id}` }, orderBy: { seq: "asc" } })).map((e) => e.action)).toEqual(
      expect.arrayContaining(["assessment.channel.recorded", "assessment.channel.updated", "assessment.channel.removed"]),
    );
  });

  it("counts a web form as electronic even when the box was left unticked, and a desk only when ticked", async () => {
    const unit = kupang.units[1]!;
    await focal.submit(`/scores/units/${unit.id}/facts`, `/scores/units/${unit.id}/facts/channel`, { kind: "web", name: "https://kupangkab.go.id/lapor", openedDate: "2025-01-06" });
    await focal.submit(`/scores/units/${unit.id}/facts`, `/scores/units/${unit.id}/facts/channel`, { kind: "desk", name: "Loket Oelamasi", openedDate: "2025-01-06" });
    const channels = await db.complaintChannel.findMany({ where: { unitId: unit.id }, orderBy: { id: "asc" } });
    expect(channels.map((c) => [c.kind, c.isElectronic])).toEqual([["web", true], ["desk", false]]);
  });

  it("refuses dates in the wrong order with the message on the field, and a case of another Pemda", async () => {
    const unit = kupang.units[0]!;
    const refused = await focal.submit(`/scores/units/${unit.id}/facts`, `/scores/units/${unit.id}/facts/officer`, { name: "Yosef Seran", appointedFrom: "2025-06-01", appointedUntil: "2025-01-01" });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('id="f-officer-appointedUntil-error"');
    expect(refused.text).toContain(id("scoring.facts.errors.date_order"));

    const elsewhere = await storeComplaint({ regionId: tts.id, unitId: tts.units[0]!.id, receivedAt: wita("2025-02-01") });
    const action = await focal.submit(`/scores/units/${unit.id}/facts`, `/scores/units/${unit.id}/facts/corrective_action`, { kind: "corrective_action", reference: "LAHP-12/2025", trackingNumber: elsewhere.trackingNumber, receivedDate: "2025-03-01", dueDate: "2025-04-14" });
    expect(action.status).toBe(422);
    expect(action.text).toContain(id("scoring.facts.errors.case_not_found"));
    expect(await db.correctiveAction.count()).toBe(0);
  });

  it("does not let a focal point record facts of another Pemda's unit", async () => {
    const response = await otherFocal.submit(`/scores/units/${tts.units[0]!.id}/facts`, `/scores/units/${kupang.units[0]!.id}/facts/procedure`, { title: "SOP" });
    expect(response.status).toBe(403);
    expect(await db.complaintProcedure.count()).toBe(0);
  });
});

describe("the recommendations checklist", () => {
  it("keeps a focal point's evidence with its file, for their Pemda's eyes only", async () => {
    const page = "/scores/2025/regions/53.01/recommendations";
    await focal.get(page);
    const saved = await focal.postMultipart(`${page}/complaint_system`, { isDone: "true", note: "SK pengelola pengaduan dan kanal WhatsApp diumumkan.", link: "https://kupangkab.go.id/pengaduan" }, [["file", PNG_1PX, "papan-pengumuman.png"]]);
    expect(saved.status).toBe(303);
    const checklist = await focal.get(page);
    expect(checklist.text).toContain(id("scoring.recommendations.progress", { done: 1, count: 7 }));
    expect(checklist.text).toContain("papan-pengumuman.png");
    const file = await focal.get(`${page}/complaint_system/file`);
    expect(file.status).toBe(200);
    expect(Buffer.from(file.body as Buffer).equals(PNG_1PX) || file.headers["content-type"] === "image/png").toBe(true);
    expect((await otherFocal.get(`${page}/complaint_system/file`)).status).toBe(403);
    expect((await otherFocal.get(page)).status).toBe(403);
  });

  it("refuses a link that is not a web address, keeping what was saved", async () => {
    const page = "/scores/2025/regions/53.01/recommendations";
    await focal.get(page);
    const refused = await focal.postMultipart(`${page}/complaint_system`, { isDone: "true", note: "", link: "javascript:alert(1)" });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain(id("scoring.facts.errors.url_format"));
    const stored = await db.recommendationEvidence.findFirstOrThrow({ where: { itemKey: "complaint_system" } });
    expect(stored.link).toBe("https://kupangkab.go.id/pengaduan");
  });
});
