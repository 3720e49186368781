import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { translator } from "../../src/i18n/index.js";
import { listScoreYears } from "../../src/scoring/list-score-years.js";
import { recomputeScores } from "../../src/scoring/recompute-scores.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, type TestBrowser } from "../helpers/app.js";
import { addDays, answeredComplaint, pemda, storeAssessorPoints, wita } from "./records.js";

const id = translator("id");
const YEAR = 2025;
let app: Express;
const browsers = {} as Record<"admin" | "assistant" | "auditor" | "focal" | "otherFocal", TestBrowser>;
const emails = {} as Record<keyof typeof browsers, string>;
let kupang: Awaited<ReturnType<typeof pemda>>;
let tts: Awaited<ReturnType<typeof pemda>>;
const cases: Array<{ id: number; trackingNumber: string }> = [];
const TRACKING = /PGH-[2-9A-Z]{4}-[2-9A-Z]{4}/;

async function tokenOf(email: string) {
  const response = await request(app).post("/api/v1/auth/token").send({ email, password: DEFAULT_PASSWORD });
  return response.body.token as string;
}

beforeAll(async () => {
  app = await startTestApp();
  const users = {
    admin: await buildUser({ role: "admin" }),
    assistant: await buildUser({ role: "assistant" }),
    auditor: await buildUser({ role: "auditor" }),
    focal: await buildUser({ role: "focal_point", regionCode: "53.01" }),
    otherFocal: await buildUser({ role: "focal_point", regionCode: "53.02" }),
  };
  for (const [key, user] of Object.entries(users)) {
    emails[key as keyof typeof browsers] = user.email;
    browsers[key as keyof typeof browsers] = await signIn(app, user.email, DEFAULT_PASSWORD);
  }
  kupang = await pemda("53.01");
  tts = await pemda("53.02");
  for (const region of [kupang, tts]) {
    const unit = region.units[0]!;
    for (let i = 0; i < 6; i++) cases.push({ ...(await answeredComplaint({ regionId: region.id, unitId: unit.id, reporter: { name: "Fransiska Nahak", phone: "+6281300000000" } }, addDays(wita("2025-03-01"), i * 7), i % 3 !== 0)) });
    await db.complaintOfficer.create({ data: { unitId: unit.id, name: "Maria Bria", decreeNumber: "SK 1/2025", appointedFrom: "2025-01-01" } });
    // The other units have no complaint data: their assessors gave the complaint figure too.
    await storeAssessorPoints(YEAR, Object.fromEntries(region.units.map((u, i) => [u.id, { input: 15 + i, proses: 25, output: 20, ...(i > 0 ? { pengaduan: 12 } : {}) }])));
  }
  await recomputeScores({ year: YEAR, trigger: "staff", now: wita("2025-12-01") });
}, 180_000);
afterAll(stopTestApp);

describe("who sees which scores", () => {
  it("shows the assistant and the auditor every Pemda: ranked, on the tile map, with the trend", async () => {
    for (const role of ["assistant", "auditor", "admin"] as const) {
      const page = await browsers[role].get(`/scores?year=${YEAR}`);
      expect(page.status).toBe(200);
      expect((page.text.match(/<a href="\/scores\/2025\/regions\/53[.\d]*" aria-label=/g) ?? []).length).toBe(23);
      expect(page.text).toContain(id("scoring.pages.ranking_heading"));
      expect(page.text).toContain('role="img" aria-labelledby="zone-columns-title zone-columns-desc"');
    }
  });

  it("sends a focal point from the scores menu to their own Pemda", async () => {
    const response = await browsers.focal.get(`/scores?year=${YEAR}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/scores/${YEAR}/regions/53.01`);
  });

  it("lets a focal point follow their own Pemda down to its cases, and refuses every page of another Pemda", async () => {
    const unit = kupang.units[0]!;
    for (const path of [`/scores/${YEAR}/regions/53.01`, `/scores/${YEAR}/units/${unit.id}`, `/scores/${YEAR}/units/${unit.id}/indicators/answered_within_14_days`, `/scores/${YEAR}/regions/53.01/report`, `/scores/units/${unit.id}/facts`, `/scores/${YEAR}/regions/53.01/recommendations`]) {
      expect((await browsers.focal.get(path)).status, path).toBe(200);
    }
    const other = tts.units[0]!;
    for (const path of [`/scores/${YEAR}/regions/53.02`, `/scores/${YEAR}/units/${other.id}`, `/scores/${YEAR}/units/${other.id}/indicators/answered_within_14_days`, `/scores/${YEAR}/regions/53.02/report`, `/scores/units/${other.id}/facts`, `/scores/${YEAR}/regions/53.02/recommendations`, `/scores/${YEAR}/regions/53.01/assessor`, `/scores/${YEAR}/export.csv`, "/scores/assessor-import", "/admin/scoring"]) {
      expect((await browsers.focal.get(path)).status, path).toBe(403);
    }
  });

  it("shows the focal point's cases behind their indicator as tracking numbers, never the reporter", async () => {
    const page = await browsers.focal.get(`/scores/${YEAR}/units/${kupang.units[0]!.id}/indicators/answered_within_14_days`);
    const own = cases.slice(0, 6);
    for (const c of own) expect(page.text).toContain(`href="/complaints/${c.trackingNumber}"`);
    expect(page.text).not.toContain("Fransiska Nahak");
  });

  it("lets the auditor read a unit's facts but not change them, nor the assessor points", async () => {
    const unit = kupang.units[0]!;
    const facts = await browsers.auditor.get(`/scores/units/${unit.id}/facts`);
    expect(facts.status).toBe(200);
    expect(facts.text).toContain(id("scoring.facts.read_only"));
    expect((await browsers.auditor.post(`/scores/units/${unit.id}/facts/channel`, { kind: "web", name: "x", openedDate: "2025-01-01" })).status).toBe(403);
    expect((await browsers.auditor.post(`/scores/${YEAR}/regions/53.01/assessor`, { [`points[u${unit.id}][input]`]: "1" })).status).toBe(403);
    expect(await db.complaintChannel.count({ where: { unitId: unit.id } })).toBe(0);
  });

  it("puts the Pemda's score, what lowers it and the cases at risk on the focal point's dashboard", async () => {
    const page = await browsers.focal.get("/dashboard");
    expect(page.status).toBe(200);
    expect(page.text).toContain(id("scoring.summary.heading", { year: YEAR }));
    expect(page.text).toContain(`href="/scores/${YEAR}/regions/53.01"`);
    const overview = await browsers.assistant.get("/dashboard");
    expect(overview.text).toContain(id("scoring.summary.open_overview"));
  });
});

describe("the administrators' overview of the assessment", () => {
  it("warns when the current year has no methodology yet, offering a copy of the latest version", async () => {
    const overview = await listScoreYears(new Date("2031-03-01T00:00:00Z"));
    expect(overview.missingCurrentYear).toEqual({ year: 2031, copyFrom: "2025.1" });
    expect((await listScoreYears(new Date("2025-03-01T00:00:00Z"))).missingCurrentYear).toBeNull();
    const page = await browsers.admin.get("/admin/scoring");
    expect(page.status).toBe(200);
    for (const y of [2021, 2022, 2023, 2024, 2025]) expect(page.text).toContain(`href="/admin/scoring/methodologies/${y}.1"`);
  });
});

describe("exports", () => {
  it("exports every Pemda and unit of a year as CSV with the methodology version and each dimension", async () => {
    const response = await browsers.assistant.get(`/scores/${YEAR}/export.csv`);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = response.text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^year,methodology_id,level,region_code,region_name,unit_id,unit_name,input,proses,output,pengaduan,total,/);
    expect(lines.filter((l) => l.includes(",pemda,"))).toHaveLength(23);
    expect(lines.filter((l) => l.includes(",unit,"))).toHaveLength(await db.unit.count({ where: { isAssessed: true, isActive: true } }));
    expect(lines.find((l) => l.includes(`,unit,53.01,`) && l.includes(`,${kupang.units[0]!.id},`))).toContain(`${YEAR},2025.1,unit,53.01`);
  });

  it("gives a printable report of a Pemda", async () => {
    const page = await browsers.assistant.get(`/scores/${YEAR}/regions/53.01/report`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(id("scoring.pages.report_heading", { region: kupang.name, year: YEAR }));
    for (const unit of kupang.units) expect(page.text).toContain(unit.name);
  });
});

describe("publishing and the public page", () => {
  it("shows the public nothing until a run is published, then the published figures without any personal data", async () => {
    const anonymous = request(app);
    expect((await anonymous.get("/transparency")).text).toContain(id("scoring.public.nothing_published"));
    expect((await anonymous.get(`/api/v1/scores?year=${YEAR}`)).status).toBe(404);

    const publish = await browsers.assistant.submit("/admin/scoring", `/admin/scoring/${YEAR}/publish`, {});
    expect(publish.status).toBe(303);
    const published = await db.scoreRun.findFirstOrThrow({ where: { year: YEAR, publishedAt: { not: null } } });

    const index = await anonymous.get(`/transparency?year=${YEAR}`);
    expect(index.status).toBe(200);
    const row = await db.scoreRegionResult.findFirstOrThrow({ where: { runId: published.id, regionCode: "53.01" } });
    expect(index.text).toContain(kupang.name);
    expect(index.text).toContain(new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2 }).format(row.score!));
    const regionPage = await anonymous.get(`/transparency/53.01?year=${YEAR}`);
    expect(regionPage.status).toBe(200);
    for (const page of [index.text, regionPage.text]) {
      expect(page).not.toMatch(TRACKING);
      expect(page).not.toContain("Fransiska Nahak");
      expect(page).not.toContain("Maria Bria");
      expect(page).not.toMatch(/href="\/complaints\/PGH/);
    }
  });

  it("keeps the published figures frozen while staff see recomputed ones", async () => {
    const published = await db.scoreRun.findFirstOrThrow({ where: { year: YEAR, publishedAt: { not: null } } });
    await storeAssessorPoints(YEAR, { [kupang.units[0]!.id]: { input: 1, proses: 1, output: 1 } });
    await recomputeScores({ year: YEAR, trigger: "data_change", now: wita("2025-12-02") });
    const current = await db.scoreRun.findFirstOrThrow({ where: { year: YEAR, isCurrent: true } });
    expect(current.id).not.toBe(published.id);
    expect(await db.scoreRun.count({ where: { id: published.id } })).toBe(1);
    const publicBody = (await request(app).get(`/api/v1/scores?year=${YEAR}&region=53.01`)).body;
    const staffBody = (await request(app).get(`/api/v1/scores?year=${YEAR}&region=53.01`).set("authorization", `Bearer ${await tokenOf(emails.assistant)}`)).body;
    const unitTotal = (body: { regions: Array<{ units: Array<{ id: number; total: number | null }> }> }) => body.regions[0]!.units.find((u) => u.id === kupang.units[0]!.id)!.total;
    expect(publicBody.view).toBe("published");
    expect(staffBody.view).toBe("current");
    expect(unitTotal(staffBody)).toBeLessThan(unitTotal(publicBody)!);
  });
});

describe("GET /api/v1/scores", () => {
  it("answers without a token with the published figures per Pemda and unit, each basis as counts only", async () => {
    const response = await request(app).get(`/api/v1/scores?year=${YEAR}`);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toMatchObject({ year: YEAR, view: "published", methodology: { id: "2025.1", fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(body.regions).toHaveLength(23);
    const region = body.regions.find((r: { code: string }) => r.code === "53.01");
    expect(region).toMatchObject({ name: kupang.name, score: expect.any(Number), category: expect.any(String), zone: expect.any(String), dimensions: expect.any(Array) });
    const unit = region.units[0];
    expect(unit).toMatchObject({ id: expect.any(Number), name: expect.any(String), total: expect.any(Number), methodologyId: "2025.1", dimensions: expect.any(Array) });
    const answered = unit.indicators.find((i: { key: string }) => i.key === "answered_within_14_days");
    expect(answered).toMatchObject({ status: "scored", value: expect.any(Number), points: expect.any(Number), basis: { recordKind: "complaint", counts: { met: 4, notMet: 2, pending: 0 } } });
    expect(answered.basis.met).toBeUndefined();
    expect(JSON.stringify(body)).not.toMatch(TRACKING);
  });

  it("gives staff with a token the current figures and the cases behind each indicator as tracking numbers", async () => {
    const response = await request(app).get(`/api/v1/scores?year=${YEAR}&region=53.02`).set("authorization", `Bearer ${await tokenOf(emails.auditor)}`);
    expect(response.status).toBe(200);
    expect(response.body.view).toBe("current");
    expect(response.body.regions.map((r: { code: string }) => r.code)).toEqual(["53.02"]);
    const answered = response.body.regions[0].units[0].indicators.find((i: { key: string }) => i.key === "answered_within_14_days");
    const own = cases.slice(6);
    expect(new Set([...answered.basis.met, ...answered.basis.notMet])).toEqual(new Set(own.map((c) => c.trackingNumber)));
    expect(JSON.stringify(response.body)).not.toContain("Fransiska Nahak");
  });

  it("limits a focal point's token to its own Pemda", async () => {
    const token = await tokenOf(emails.focal);
    const own = await request(app).get(`/api/v1/scores?year=${YEAR}`).set("authorization", `Bearer ${token}`);
    expect(own.status).toBe(200);
    expect(own.body.regions.map((r: { code: string }) => r.code)).toEqual(["53.01"]);
    expect((await request(app).get(`/api/v1/scores?year=${YEAR}&region=53.02`).set("authorization", `Bearer ${token}`)).status).toBe(403);
  });

  it("refuses a missing or malformed year as a problem document", async () => {
    for (const query of ["", "?year=abc", "?year=2025&region=Kupang"]) {
      const response = await request(app).get(`/api/v1/scores${query}`);
      expect(response.status).toBe(422);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    expect((await request(app).get("/api/v1/scores?year=2019")).status).toBe(404);
  });
});
