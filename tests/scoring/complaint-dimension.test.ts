import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeComplaintDimension, pointsFor, scoreIndicator, type IndicatorResult } from "../../src/scoring/compute-complaint-dimension.js";
import type { ComplaintManagementFacts, OfficerFact } from "../../src/scoring/facts.js";
import type { IndicatorKey } from "../../src/scoring/indicators.js";
import { addDays, complaint, complaints, exemplaryFacts, late, methodologies, methodology, onTime, open, window2023, wita } from "./fixtures.js";

const m2023 = methodology("2023.1");
const weight = m2023.dimensions.find((d) => d.key === "pengaduan")?.weight ?? Number.NaN;

function indicator(key: IndicatorKey, facts: ComplaintManagementFacts, window = window2023): IndicatorResult {
  const definition = m2023.complaintManagement.indicators.find((i) => i.key === key);
  if (!definition) throw new Error(`2023.1 has no indicator ${key}`);
  return scoreIndicator(m2023, definition, facts, window);
}

const justComplaints = (list: ComplaintManagementFacts["complaints"]): ComplaintManagementFacts => ({ complaints: list });

describe("points from thresholds", () => {
  it("gives every threshold's points at its minimum and the next threshold's just below it, for every indicator of every year", () => {
    for (const m of methodologies) {
      for (const { key, thresholds } of m.complaintManagement.indicators) {
        thresholds.forEach((t, i) => {
          expect(pointsFor(thresholds, t.min), `${m.id} ${key} at ${t.min}`).toBe(t.points);
          const below = thresholds[i + 1];
          if (below) expect(pointsFor(thresholds, t.min - 1e-9), `${m.id} ${key} below ${t.min}`).toBe(below.points);
        });
      }
    }
  });
});

describe("complaints answered in writing within 14 days", () => {
  const answered = (met: number, missed: number) => [...complaints(met), ...complaints(missed, { answerDeadline: late(wita("2023-03-15")) })];

  it.each([
    [20, 0, 3],
    [18, 2, 3],
    [17, 3, 2],
    [15, 5, 2],
    [14, 6, 1],
    [10, 10, 1],
    [9, 11, 0],
    [0, 20, 0],
  ])("scores %i on time out of %i late by the 90/75/50 %% thresholds: %i points", (met, missed, points) => {
    const result = indicator("answered_within_14_days", justComplaints(answered(met, missed)));
    expect(result).toMatchObject({ status: "scored", value: met / (met + missed), points });
  });

  it("lists exactly the cases behind the figure: the on-time ones over all that fell due", () => {
    const onTimeCases = complaints(4);
    const lateCase = complaint({ answerDeadline: late(wita("2023-03-15")) });
    const missedOpen = complaint({ answerDeadline: open(wita("2023-03-15")) });
    const result = indicator("answered_within_14_days", justComplaints([...onTimeCases, lateCase, missedOpen]));
    expect(result.basis).toEqual({
      recordKind: "complaint",
      numeratorIds: onTimeCases.map((c) => c.id),
      denominatorIds: [...onTimeCases.map((c) => c.id), lateCase.id, missedOpen.id],
      pendingIds: [],
    });
    expect(result.value).toBe(4 / 6);
  });

  it("leaves out complaints whose deadline has not come yet, and lists them as pending", () => {
    const running = complaint({ receivedAt: wita("2023-12-30"), answerDeadline: open(wita("2024-02-13")) });
    const result = indicator("answered_within_14_days", justComplaints([...complaints(5), running]));
    expect(result).toMatchObject({ status: "scored", value: 1, points: 3 });
    expect(result.basis.pendingIds).toEqual([running.id]);
    expect(result.basis.denominatorIds).not.toContain(running.id);
  });

  it("says 'insufficient data' below five cases that fell due, still listing them, and scores from five", () => {
    const four = complaints(4);
    const result = indicator("answered_within_14_days", justComplaints(four));
    expect(result).toMatchObject({ status: "insufficient_data", value: null, points: null, minimumCases: 5 });
    expect(result.basis.denominatorIds).toEqual(four.map((c) => c.id));
    expect(indicator("answered_within_14_days", justComplaints([...four, complaint()]))).toMatchObject({ status: "scored", points: 3 });
  });

  it("does not let pending cases make up the minimum", () => {
    const pending = complaints(3, { receivedAt: wita("2023-12-30"), answerDeadline: open(wita("2024-02-13")) });
    expect(indicator("answered_within_14_days", justComplaints([...complaints(4), ...pending])).status).toBe("insufficient_data");
  });

  it("counts only complaints received in the period and by the moment the figure stands at", () => {
    const before = complaint({ receivedAt: wita("2022-12-31", "23:59") });
    const atStart = complaint({ receivedAt: wita("2023-01-01", "00:00") });
    const atEnd = complaint({ receivedAt: wita("2024-01-01", "00:00") });
    const inside = complaints(4);
    const result = indicator("answered_within_14_days", justComplaints([before, atStart, ...inside, atEnd]));
    expect(result.basis.denominatorIds).toEqual([atStart.id, ...inside.map((c) => c.id)]);

    const midYear = { ...window2023, asOf: wita("2023-03-01", "12:00") };
    const early = complaints(5, { receivedAt: wita("2023-02-01") });
    const later = complaint({ receivedAt: wita("2023-03-02") });
    expect(indicator("answered_within_14_days", justComplaints([...early, later]), midYear).basis.denominatorIds).toEqual(early.map((c) => c.id));
  });

  it("skips complaints without this deadline", () => {
    expect(indicator("answered_within_14_days", justComplaints(complaints(5, { answerDeadline: null }))).status).toBe("insufficient_data");
  });
});

describe("decisions within 60 days and telling the reporter", () => {
  it("counts only complaints whose file is complete (a decision deadline exists)", () => {
    const complete = complaints(5);
    const incomplete = complaints(3, { decisionDeadline: null, outcomeNoticeDeadline: null });
    const missed = complaint({ decisionDeadline: late(wita("2023-05-10")) });
    const result = indicator("decided_within_60_days", justComplaints([...complete, ...incomplete, missed]));
    expect(result.basis.denominatorIds).toEqual([...complete, missed].map((c) => c.id));
    expect(result).toMatchObject({ value: 5 / 6, points: 2 });
  });

  it("scores the notice of the outcome from its own deadline", () => {
    const list = [...complaints(3), ...complaints(3, { outcomeNoticeDeadline: late(wita("2023-06-01")) })];
    expect(indicator("outcome_notified_within_14_days", justComplaints(list))).toMatchObject({ value: 0.5, points: 1 });
  });
});

describe("level indicators about the unit", () => {
  const channel = (id: string, isElectronic: boolean, publishedAt: Date | null, closedAt: Date | null = null) => ({ id, isElectronic, openedAt: wita("2022-01-01"), publishedAt, closedAt });
  const level = (key: IndicatorKey, facts: Partial<ComplaintManagementFacts>) => indicator(key, { complaints: [], ...facts });

  it("rates channels 0 to 3: none open, open but unpublished, one published, two published with one electronic", () => {
    const published = wita("2022-02-01");
    expect(level("channel_published", { channels: [] })).toMatchObject({ value: 0, points: 0 });
    expect(level("channel_published", { channels: [channel("desk", false, null)] })).toMatchObject({ value: 1, points: 1 });
    expect(level("channel_published", { channels: [channel("desk", false, published)] })).toMatchObject({ value: 2, points: 2 });
    expect(level("channel_published", { channels: [channel("desk", false, published), channel("box", false, published)] })).toMatchObject({ value: 2 });
    const both = level("channel_published", { channels: [channel("desk", false, published), channel("web", true, published), channel("wa", true, null)] });
    expect(both).toMatchObject({ value: 3, points: 3 });
    expect(both.basis).toMatchObject({ recordKind: "channel", numeratorIds: ["desk", "web"], denominatorIds: ["desk", "web", "wa"] });
  });

  it("ignores closed channels and publications after the assessment date", () => {
    expect(level("channel_published", { channels: [channel("web", true, wita("2022-02-01"), wita("2023-06-01"))] })).toMatchObject({ value: 0 });
    expect(level("channel_published", { channels: [channel("web", true, wita("2024-02-01"))] })).toMatchObject({ value: 1 });
  });

  it("says 'not recorded' when nobody recorded the channels, and scores 0 when recorded as none", () => {
    expect(indicator("channel_published", { complaints: [] })).toMatchObject({ status: "not_recorded", points: null });
    expect(level("channel_published", { channels: [] })).toMatchObject({ status: "scored", points: 0 });
  });

  const officer = (overrides: Partial<OfficerFact>): OfficerFact => ({ id: "o", decreeNumber: "SK 1/2022", appointedFrom: wita("2022-01-01"), appointedUntil: null, trainedAt: null, ...overrides });

  it("rates the appointed officer 0 to 3: nobody, no decree, a decree now, decrees over the whole period", () => {
    expect(level("officer_appointed", { officers: [] })).toMatchObject({ value: 0 });
    expect(level("officer_appointed", { officers: [officer({ appointedUntil: wita("2023-12-01") })] })).toMatchObject({ value: 0 });
    expect(level("officer_appointed", { officers: [officer({ decreeNumber: null })] })).toMatchObject({ value: 1 });
    expect(level("officer_appointed", { officers: [officer({ decreeNumber: "   " })] })).toMatchObject({ value: 1 });
    expect(level("officer_appointed", { officers: [officer({ appointedFrom: wita("2023-03-01") })] })).toMatchObject({ value: 2 });
    expect(level("officer_appointed", { officers: [officer({})] })).toMatchObject({ value: 3, points: 3 });
  });

  it("accepts a handover between officers without a gap, and not one with a gap", () => {
    const first = officer({ id: "a", appointedUntil: wita("2023-07-01") });
    const seamless = officer({ id: "b", appointedFrom: wita("2023-07-01") });
    const afterGap = officer({ id: "c", appointedFrom: wita("2023-07-02") });
    expect(level("officer_appointed", { officers: [seamless, first] })).toMatchObject({ value: 3 });
    const gap = level("officer_appointed", { officers: [first, afterGap] });
    expect(gap).toMatchObject({ value: 2 });
    expect(gap.basis).toMatchObject({ recordKind: "officer", numeratorIds: ["a", "c"], denominatorIds: ["a", "c"] });
  });

  it("rates the procedure 0 to 3 from the best one: none, draft, adopted, adopted and published", () => {
    const sop = (adoptedAt: Date | null, publishedAt: Date | null, id = "sop") => ({ id, adoptedAt, publishedAt });
    expect(level("procedure_published", { procedures: [] })).toMatchObject({ value: 0 });
    expect(level("procedure_published", { procedures: [sop(null, null)] })).toMatchObject({ value: 1 });
    expect(level("procedure_published", { procedures: [sop(null, wita("2023-01-05"))] })).toMatchObject({ value: 1 });
    expect(level("procedure_published", { procedures: [sop(wita("2023-01-05"), null)] })).toMatchObject({ value: 2 });
    expect(level("procedure_published", { procedures: [sop(wita("2023-01-05"), wita("2024-03-01"))] })).toMatchObject({ value: 2 });
    const best = level("procedure_published", { procedures: [sop(null, null, "draft"), sop(wita("2023-01-05"), wita("2023-01-06"), "final")] });
    expect(best).toMatchObject({ value: 3, points: 3 });
    expect(best.basis).toMatchObject({ numeratorIds: ["final"], denominatorIds: ["draft", "final"] });
  });
});

describe("obligations counted one by one", () => {
  it("scores a single Ombudsman coordination letter answered on time, and one answered late", () => {
    const letter = (deadline: ReturnType<typeof onTime>) => [{ id: "r1", complaintId: "c9", kind: "coordination_letter" as const, sentAt: wita("2023-04-01"), deadline }];
    expect(indicator("ombudsman_requests_on_time", { complaints: [], ombudsmanRequests: letter(onTime(wita("2023-04-15"))) })).toMatchObject({ status: "scored", value: 1, points: 3 });
    expect(indicator("ombudsman_requests_on_time", { complaints: [], ombudsmanRequests: letter(late(wita("2023-04-15"))) })).toMatchObject({ status: "scored", value: 0, points: 0 });
  });

  it("counts corrective actions and Recommendations sent in the period only", () => {
    const requests = [
      { id: "ca", complaintId: "c1", kind: "corrective_action" as const, sentAt: wita("2023-05-01"), deadline: onTime(wita("2023-06-15")) },
      { id: "rec", complaintId: "c2", kind: "recommendation" as const, sentAt: wita("2023-08-01"), deadline: late(wita("2023-10-01")) },
      { id: "old", complaintId: "c3", kind: "coordination_letter" as const, sentAt: wita("2022-12-01"), deadline: late(wita("2023-01-10")) },
    ];
    const result = indicator("ombudsman_requests_on_time", { complaints: [], ombudsmanRequests: requests });
    expect(result.basis).toMatchObject({ recordKind: "ombudsman_request", numeratorIds: ["ca"], denominatorIds: ["ca", "rec"] });
    expect(result).toMatchObject({ value: 0.5, points: 1 });
  });

  it("counts periodic reports due in the period, leaving the one still running as pending", () => {
    const reports = [
      { id: "q1", deadline: onTime(wita("2023-04-10")) },
      { id: "q2", deadline: onTime(wita("2023-07-10")) },
      { id: "q3", deadline: late(wita("2023-10-10")) },
      { id: "q4", deadline: open(wita("2024-01-10")) },
      { id: "q4-2022", deadline: late(wita("2023-01-10", "00:00")) },
    ];
    const midJanuary = { ...window2023, period: window2023.period, asOf: wita("2024-01-05") };
    const result = indicator("periodic_reports_on_time", { complaints: [], periodicReports: reports }, midJanuary);
    expect(result.basis).toMatchObject({ numeratorIds: ["q1", "q2"], denominatorIds: ["q1", "q2", "q3", "q4-2022"], pendingIds: [] });
    expect(result).toMatchObject({ value: 0.5, points: 1 });
  });

  it("counts officers in office trained within 730 days: a day less counts, exactly 730 days does not", () => {
    const asOf = window2023.asOf;
    const officers: OfficerFact[] = [
      { id: "recent", decreeNumber: "SK", appointedFrom: wita("2022-01-01"), appointedUntil: null, trainedAt: addDays(asOf, -729) },
      { id: "stale", decreeNumber: "SK", appointedFrom: wita("2022-01-01"), appointedUntil: null, trainedAt: addDays(asOf, -730) },
      { id: "never", decreeNumber: "SK", appointedFrom: wita("2022-01-01"), appointedUntil: null, trainedAt: null },
      { id: "future", decreeNumber: "SK", appointedFrom: wita("2022-01-01"), appointedUntil: null, trainedAt: addDays(asOf, 1) },
      { id: "gone", decreeNumber: "SK", appointedFrom: wita("2022-01-01"), appointedUntil: wita("2023-06-01"), trainedAt: wita("2023-01-01") },
    ];
    const result = indicator("officers_trained", { complaints: [], officers });
    expect(result.basis).toMatchObject({ numeratorIds: ["recent"], denominatorIds: ["recent", "stale", "never", "future"] });
    expect(result).toMatchObject({ value: 0.25, points: 1, textParams: { trainingValidDays: 730, minimumCases: 1 } });
  });

  it("says 'insufficient data' for training when nobody is in office, instead of punishing twice", () => {
    expect(indicator("officers_trained", { complaints: [], officers: [] })).toMatchObject({ status: "insufficient_data", points: null });
  });
});

describe("record completeness and satisfaction", () => {
  it("requires the outcome only of complaints closed by the assessment date", () => {
    const noOutcome = { reporter: true, channel: true, category: true, summary: true, handler: true };
    const closedWithout = complaint({ recordFields: noOutcome, closedAt: wita("2023-06-01") });
    const openWithout = complaint({ recordFields: noOutcome, closedAt: null });
    const closedLater = complaint({ recordFields: noOutcome, closedAt: wita("2024-03-01") });
    const noCategory = complaint({ recordFields: { ...noOutcome, category: false, outcome: true } });
    const complete = complaints(2);
    const result = indicator("records_complete", justComplaints([closedWithout, openWithout, closedLater, noCategory, ...complete]));
    expect(result.basis.numeratorIds).toEqual([openWithout.id, closedLater.id, ...complete.map((c) => c.id)]);
    expect(result).toMatchObject({ value: 4 / 6, points: 1 });
  });

  it("counts reporters who rated 4 or 5 among those who rated by the assessment date", () => {
    const rated = (value: number, ratedAt = wita("2023-06-01")) => complaint({ rating: { value, ratedAt } });
    const list = [rated(5), rated(4), rated(4), rated(3), rated(1), rated(2, wita("2024-02-15")), complaint({ rating: null })];
    const result = indicator("complainant_satisfaction", justComplaints(list));
    expect(result.basis.denominatorIds).toEqual(list.slice(0, 5).map((c) => c.id));
    expect(result.basis.numeratorIds).toEqual(list.slice(0, 3).map((c) => c.id));
    expect(result).toMatchObject({ value: 3 / 5, points: 2, textParams: { satisfiedFromRating: 4, minimumCases: 5 } });
  });
});

describe("the complaint-management dimension", () => {
  it("gives the full weight when every indicator scores 3", () => {
    const result = computeComplaintDimension({ methodology: m2023, facts: exemplaryFacts(), ...window2023 });
    expect(result.indicators.map((i) => [i.key, i.points])).toEqual(m2023.complaintManagement.indicators.map((i) => [i.key, 3]));
    expect(result).toMatchObject({ dimensionKey: "pengaduan", weight: 21.54, points: 21.54, isRescaled: false, earnedPoints: 33, availablePoints: 33, possiblePoints: 33 });
  });

  it("computes earned / available points × weight when every indicator has data", () => {
    const facts = exemplaryFacts();
    facts.channels = [];
    facts.procedures = [{ id: "draft", adoptedAt: null, publishedAt: null }];
    const result = computeComplaintDimension({ methodology: m2023, facts, ...window2023 });
    expect(result).toMatchObject({ earnedPoints: 33 - 3 - 2, availablePoints: 33, isRescaled: false });
    expect(result.points).toBeCloseTo(((33 - 5) / 33) * weight, 12);
  });

  it("rescales over the indicators that have data and says so", () => {
    const facts: ComplaintManagementFacts = { ...exemplaryFacts(), complaints: complaints(3), periodicReports: undefined };
    facts.procedures = [{ id: "sop", adoptedAt: wita("2022-02-01"), publishedAt: null }];
    const result = computeComplaintDimension({ methodology: m2023, facts, ...window2023 });
    const unscored = result.indicators.filter((i) => i.points === null).map((i) => [i.key, i.status]);
    expect(unscored).toEqual([
      ["answered_within_14_days", "insufficient_data"],
      ["decided_within_60_days", "insufficient_data"],
      ["outcome_notified_within_14_days", "insufficient_data"],
      ["records_complete", "insufficient_data"],
      ["periodic_reports_on_time", "not_recorded"],
      ["complainant_satisfaction", "insufficient_data"],
    ]);
    // channel 3, officer 3, procedure 2, Ombudsman requests 3, training 3.
    expect(result).toMatchObject({ earnedPoints: 14, availablePoints: 15, possiblePoints: 33, isRescaled: true });
    expect(result.points).toBeCloseTo((14 / 15) * weight, 12);
  });

  it("has no figure at all when no indicator has data", () => {
    const result = computeComplaintDimension({ methodology: m2023, facts: { complaints: complaints(2) }, ...window2023 });
    expect(result).toMatchObject({ points: null, earnedPoints: 0, availablePoints: 0, isRescaled: true });
    expect(result.indicators.every((i) => i.status !== "scored")).toBe(true);
  });

  it("gives zero points, not 'no data', to a unit that recorded none of its duties", () => {
    const facts: ComplaintManagementFacts = { complaints: [], channels: [], officers: [], procedures: [] };
    expect(computeComplaintDimension({ methodology: m2023, facts, ...window2023 })).toMatchObject({ points: 0, availablePoints: 9 });
  });

  it("names each indicator's text in the locale files and carries its provenance", () => {
    const [first] = computeComplaintDimension({ methodology: m2023, facts: exemplaryFacts(), ...window2023 }).indicators;
    expect(first).toMatchObject({
      key: "channel_published",
      textKeys: { name: "scoring.indicators.channel_published.name", formula: "scoring.indicators.channel_published.formula", source: "scoring.indicators.channel_published.source" },
      assumed: true,
      minimumCases: null,
    });
    expect(first?.sourceIds.length).toBeGreaterThan(0);
  });

  it("keeps its invariants for any mix of facts: points within the weight, ids consistent with the value", () => {
    const deadline = fc.oneof(
      fc.constant(null),
      fc.record({ dueOffset: fc.integer({ min: -400, max: 60 }), metOffset: fc.option(fc.integer({ min: -10, max: 30 })) }).map(({ dueOffset, metOffset }) => {
        const dueAt = addDays(window2023.asOf, dueOffset);
        return { dueAt, metAt: metOffset === null ? null : addDays(dueAt, metOffset), missedAt: null };
      }),
    );
    const fact = fc.record({
      receivedDaysBeforeAsOf: fc.integer({ min: 0, max: 500 }),
      answer: deadline,
      decision: deadline,
      notice: deadline,
      rating: fc.option(fc.integer({ min: 1, max: 5 })),
      complete: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 40 }), (facts) => {
        const list = facts.map((f) =>
          complaint({
            receivedAt: addDays(window2023.asOf, -f.receivedDaysBeforeAsOf),
            answerDeadline: f.answer,
            decisionDeadline: f.decision,
            outcomeNoticeDeadline: f.notice,
            rating: f.rating === null ? null : { value: f.rating, ratedAt: wita("2023-06-01") },
            recordFields: { reporter: f.complete, channel: true, category: true, summary: true, handler: true, outcome: true },
          }),
        );
        const result = computeComplaintDimension({ methodology: m2023, facts: { ...exemplaryFacts(), complaints: list }, ...window2023 });
        expect(result.points).not.toBeNull();
        expect(result.points ?? -1).toBeGreaterThanOrEqual(0);
        expect(result.points ?? Infinity).toBeLessThanOrEqual(weight + 1e-9);
        for (const i of result.indicators) {
          const { numeratorIds, denominatorIds, pendingIds } = i.basis;
          expect(numeratorIds.every((id) => denominatorIds.includes(id))).toBe(true);
          expect(pendingIds.some((id) => denominatorIds.includes(id))).toBe(false);
          if (i.status === "scored" && i.valueKind === "rate") expect(i.value).toBe(numeratorIds.length / denominatorIds.length);
          if (i.status === "insufficient_data") expect(denominatorIds.length).toBeLessThan(i.minimumCases ?? 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
