import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { pointsFor } from "../../src/scoring/compute-complaint-dimension.js";
import { methodologyInForce } from "../../src/scoring/load-methodologies.js";
import { recomputeScores } from "../../src/scoring/recompute-scores.js";
import { meanScore, roundScore } from "../../src/scoring/rounding.js";
import { buildUser, DEFAULT_PASSWORD } from "../factories.js";
import { signIn, startTestApp, stopTestApp, type TestBrowser } from "../helpers/app.js";
import { addDays, answeredComplaint, pemda, storeAssessorPoints, storeComplaint, storeDeadline, storeLetter, wita } from "./records.js";

const YEAR = 2025;
const NOW = wita("2025-12-20", "10:00");
let app: Express;
let assistant: TestBrowser;
let region: Awaited<ReturnType<typeof pemda>>;
let dukcapil: { id: number; name: string };
const onTime: Array<{ id: number; trackingNumber: string }> = [];
const late: Array<{ id: number; trackingNumber: string }> = [];
let ombudsmanDesk: { id: number; trackingNumber: string };
let withdrawn: { id: number; trackingNumber: string };
let lastYear: { id: number; trackingNumber: string };
const assessor = { input: 15.5, proses: 25.25, output: 20 };

async function indicator(runId: number, unitId: number, key: string) {
  return db.scoreIndicatorResult.findFirstOrThrow({ where: { runId, unitId, key } });
}

beforeAll(async () => {
  app = await startTestApp();
  assistant = await signIn(app, (await buildUser({ role: "assistant" })).email, DEFAULT_PASSWORD);
  region = await pemda("53.01");
  dukcapil = region.units.find((u) => u.kind === "DUKCAPIL")!;
  const base = { regionId: region.id, unitId: dukcapil.id };

  // Eight complaints on the Inspektorat's desk: six answered within 14 days, two late.
  for (let i = 0; i < 8; i++) {
    const complaint = await answeredComplaint(base, wita(`2025-0${2 + (i % 6)}-1${i % 9}`), i < 6);
    (i < 6 ? onTime : late).push(complaint);
  }
  // Decisions: the first five on time, the sixth missed, the last two still running on NOW.
  for (const [i, c] of [...onTime, ...late].entries()) {
    const startedAt = addDays(wita("2025-01-05"), i * 20);
    const dueAt = i >= 6 ? addDays(NOW, 10 + i) : addDays(startedAt, 60);
    await storeDeadline(c.id, "decision", { startedAt, dueAt, metAt: i < 5 ? addDays(startedAt, 30) : null, missedAt: i === 5 ? addDays(dueAt, 0.1) : null });
  }
  // Five reporters rated the handling: four satisfied.
  for (const [i, c] of onTime.slice(0, 5).entries()) await db.complaint.update({ where: { id: c.id }, data: { rating: i < 4 ? 5 : 2, ratedAt: wita("2025-09-01") } });

  // The Ombudsman's own 14-day answer says nothing about the unit; a withdrawn case and last year's are not counted.
  ombudsmanDesk = await answeredComplaint({ ...base, desk: "ombudsman" }, wita("2025-06-01"), false);
  withdrawn = await answeredComplaint({ ...base, status: "withdrawn" }, wita("2025-06-02"), false);
  lastYear = await answeredComplaint(base, wita("2024-12-30"), false);

  // Coordination letters: one answered within 14 days, one after 19.
  await storeLetter(onTime[0]!.id, region.id, wita("2025-03-01"), wita("2025-03-10"));
  await storeLetter(late[0]!.id, region.id, wita("2025-04-01"), wita("2025-04-20"));

  await db.complaintChannel.createMany({
    data: [
      { unitId: dukcapil.id, kind: "web", name: "https://dukcapil.kupangkab.go.id/pengaduan", isElectronic: true, openedDate: "2024-01-01", publishedDate: "2024-01-05" },
      { unitId: dukcapil.id, kind: "desk", name: "Loket pengaduan Oelamasi", isElectronic: false, openedDate: "2024-01-01", publishedDate: "2024-02-01" },
    ],
  });
  await db.complaintOfficer.create({ data: { unitId: dukcapil.id, name: "Maria Bria", decreeNumber: "SK 12/2024", appointedFrom: "2024-01-01", trainedDate: "2025-02-01" } });
  await db.complaintProcedure.create({ data: { unitId: dukcapil.id, title: "SOP Pengaduan Dukcapil", adoptedDate: "2024-03-01", publishedDate: "2024-03-05" } });
  await db.periodicReport.create({ data: { unitId: dukcapil.id, period: "2025 triwulan I", dueDate: "2025-04-10", sentDate: "2025-04-08" } });

  // Assessor points: the other units' assessors also gave their complaint figure (an override), so the Pemda has a score.
  const points: Record<number, Record<string, number>> = { [dukcapil.id]: assessor };
  region.units.filter((u) => u.id !== dukcapil.id).forEach((u, i) => (points[u.id] = { input: 18 + i, proses: 28, output: 21, pengaduan: 15 + i / 2 }));
  await storeAssessorPoints(YEAR, points);
}, 180_000);
afterAll(stopTestApp);

describe("computing a year's scores from recorded facts", () => {
  it("stores per indicator the value, the points and the ids of exactly the complaints behind it", async () => {
    const result = await recomputeScores({ year: YEAR, trigger: "staff", now: NOW });
    expect(result.status).toBe("computed");
    const run = await db.scoreRun.findFirstOrThrow({ where: { year: YEAR, isCurrent: true } });
    const { methodology, fingerprint } = (await methodologyInForce(YEAR))!;
    expect(run).toMatchObject({ methodologyId: methodology.id, methodologyFingerprint: fingerprint, computedAt: NOW });
    const thresholds = (key: string) => methodology.complaintManagement.indicators.find((i) => i.key === key)!.thresholds;

    const answered = await indicator(run.id, dukcapil.id, "answered_within_14_days");
    expect(answered.value).toBeCloseTo(6 / 8);
    expect(answered.points).toBe(pointsFor(thresholds("answered_within_14_days"), 6 / 8));
    const basis = answered.basis as { numeratorIds: number[]; denominatorIds: number[]; pendingIds: number[] };
    expect(new Set(basis.numeratorIds)).toEqual(new Set(onTime.map((c) => c.id)));
    expect(new Set(basis.denominatorIds)).toEqual(new Set([...onTime, ...late].map((c) => c.id)));
    for (const excluded of [ombudsmanDesk, withdrawn, lastYear]) expect(basis.denominatorIds).not.toContain(excluded.id);

    const decided = await indicator(run.id, dukcapil.id, "decided_within_60_days");
    expect(decided.value).toBeCloseTo(5 / 6);
    expect(decided.pendingCount).toBe(2);
    expect((decided.basis as { pendingIds: number[] }).pendingIds).toEqual(late.map((c) => c.id));

    expect((await indicator(run.id, dukcapil.id, "complainant_satisfaction")).value).toBeCloseTo(4 / 5);
    const letters = await indicator(run.id, dukcapil.id, "ombudsman_requests_on_time");
    expect([letters.value, letters.numeratorCount, letters.denominatorCount]).toEqual([0.5, 1, 2]);
    expect((await indicator(run.id, dukcapil.id, "channel_published")).points).toBe(3);
    expect((await indicator(run.id, dukcapil.id, "procedure_published")).points).toBe(3);
    expect((await indicator(run.id, dukcapil.id, "periodic_reports_on_time")).value).toBe(1);
    // Eight counted complaints plus the one on the Ombudsman's desk; the withdrawn one and last year's are left out.
    const records = await indicator(run.id, dukcapil.id, "records_complete");
    expect(records.denominatorCount).toBe(9);
  });

  it("adds the unit's dimensions into its total and averages the units into the Pemda's score", async () => {
    const run = await db.scoreRun.findFirstOrThrow({ where: { year: YEAR, isCurrent: true } });
    const units = await db.scoreUnitResult.findMany({ where: { runId: run.id, regionId: region.id }, include: { indicators: true } });
    expect(units).toHaveLength(region.units.length);
    const unit = units.find((u) => u.unitId === dukcapil.id)!;
    const complaint = unit.complaintDimension as { earnedPoints: number; availablePoints: number; points: number };
    expect(complaint.earnedPoints).toBe(unit.indicators.reduce((sum, i) => sum + (i.points ?? 0), 0));
    expect(complaint.points).toBeCloseTo((complaint.earnedPoints / complaint.availablePoints) * 21.54, 10);
    const exactTotal = assessor.input + assessor.proses + assessor.output + complaint.points;
    expect(unit.total).toBe(roundScore(exactTotal));

    const others = units.filter((u) => u.unitId !== dukcapil.id).map((u) => (u.dimensions as Array<{ points: number }>).reduce((sum, d) => sum + d.points, 0));
    const pemdaResult = await db.scoreRegionResult.findFirstOrThrow({ where: { runId: run.id, regionId: region.id } });
    expect(pemdaResult.score).toBe(meanScore([exactTotal, ...others]));
    expect(pemdaResult.rank).toBe(1);
    // Pemda without assessor points have no score, only what the complaint data gives (and no rank).
    const other = await db.scoreRegionResult.findFirstOrThrow({ where: { runId: run.id, regionCode: "53.02" } });
    expect([other.score, other.rank, other.incompleteUnitCount]).toEqual([null, null, 5]);
  });

  it("replaces the current results when the data changes, and keeps none of the old run", async () => {
    const before = await db.scoreRun.findFirstOrThrow({ where: { year: YEAR, isCurrent: true } });
    await db.deadline.updateMany({ where: { complaintId: late[1]!.id, kind: "written_answer" }, data: { metAt: addDays(wita("2025-01-01"), 0), missedAt: null, dueAt: wita("2025-12-31") } });
    await recomputeScores({ year: YEAR, trigger: "data_change", now: addDays(NOW, 1) });
    const after = await db.scoreRun.findFirstOrThrow({ where: { year: YEAR, isCurrent: true } });
    expect(after.id).not.toBe(before.id);
    expect((await indicator(after.id, dukcapil.id, "answered_within_14_days")).value).toBeCloseTo(7 / 8);
    expect(await db.scoreRun.count({ where: { id: before.id } })).toBe(0);
  });

  it("keeps a run that finished after a newer one as it is, and leaves the newer one current", async () => {
    const current = await db.scoreRun.findFirstOrThrow({ where: { year: YEAR, isCurrent: true } });
    const result = await recomputeScores({ year: YEAR, trigger: "sweep", now: NOW });
    expect(result.status).toBe("superseded");
    expect((await db.scoreRun.findFirstOrThrow({ where: { year: YEAR, isCurrent: true } })).id).toBe(current.id);
  });
});

describe("the drill-down from a Pemda's score to the cases", () => {
  it("leads from the Pemda through the unit and the indicator to the exact late cases, without any reporter's name", async () => {
    const regionPage = await assistant.get(`/scores/${YEAR}/regions/53.01`);
    expect(regionPage.status).toBe(200);
    const indicatorHref = `/scores/${YEAR}/units/${dukcapil.id}/indicators/answered_within_14_days`;
    expect(regionPage.text).toContain(`href="/scores/${YEAR}/units/${dukcapil.id}"`);
    expect(regionPage.text).toContain(`href="${indicatorHref}"`);

    const unitPage = await assistant.get(`/scores/${YEAR}/units/${dukcapil.id}`);
    expect(unitPage.status).toBe(200);
    expect(unitPage.text).toContain(`href="${indicatorHref}"`);

    const page = await assistant.get(indicatorHref);
    expect(page.status).toBe(200);
    const [met, notMet] = page.text.split('id="list-notMet"');
    const stillLate = late.filter((c) => c !== late[1]);
    for (const c of stillLate) expect(notMet).toContain(`href="/complaints/${c.trackingNumber}"`);
    for (const c of [...onTime, late[1]!]) expect(met).toContain(`href="/complaints/${c.trackingNumber}"`);
    for (const c of [ombudsmanDesk, withdrawn, lastYear]) expect(page.text).not.toContain(c.trackingNumber);
    for (const text of [regionPage.text, unitPage.text, page.text]) expect(text).not.toContain("Yohanes Bere");

    const casePage = await assistant.get(`/complaints/${stillLate[0]!.trackingNumber}`);
    expect(casePage.status).toBe(200);
  });

  it("lists the coordination letters behind the Ombudsman-requests figure with their case", async () => {
    const page = await assistant.get(`/scores/${YEAR}/units/${dukcapil.id}/indicators/ombudsman_requests_on_time`);
    expect(page.status).toBe(200);
    const [, notMet] = page.text.split('id="list-notMet"');
    expect(notMet).toContain(`href="/complaints/${late[0]!.trackingNumber}"`);
  });

  it("names the open cases whose counted deadline is near, on the Pemda page", async () => {
    const open = await storeComplaint({ regionId: region.id, unitId: dukcapil.id, receivedAt: addDays(new Date(), -3) });
    await storeDeadline(open.id, "decision", { startedAt: addDays(new Date(), -3), dueAt: addDays(new Date(), 2) });
    const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Makassar", year: "numeric" }).format(new Date()));
    const page = await assistant.get(`/scores/${year}/regions/53.01`);
    expect(page.status).toBe(200);
    expect(page.text.split('id="risk-heading"')[1]).toContain(`href="/complaints/${open.trackingNumber}"`);
  });
});
