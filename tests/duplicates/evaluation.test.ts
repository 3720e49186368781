import { describe, expect, it } from "vitest";
import { evaluate, loadEvaluationSet, profileOf, trueLabel, wrongPositivesAmongAllPairs } from "./evaluation-set.js";

/**
 * Quality on the hand-written evaluation set (tests/fixtures/duplicates). The floors sit just under
 * what the engine achieves (see bench/duplicates-quality.ts for the table): a change that loses a
 * true duplicate or calls one more pair a duplicate wrongly fails here. Precision first (issue #4).
 */
const set = loadEvaluationSet();
const profiles = new Map(set.complaints.map((complaint) => [complaint.id, profileOf(complaint, set.units)]));

describe("the evaluation set", () => {
  it("labels every listed pair by who wrote each complaint and what it is about", () => {
    for (const pair of set.pairs) expect(pair.label, `${pair.a} ${pair.b}`).toBe(trueLabel(set.byId.get(pair.a)!, set.byId.get(pair.b)!));
  });

  it("is big and varied enough to measure anything", () => {
    const personMatters = new Set(set.complaints.map((complaint) => `${complaint.person}/${complaint.matter}`));
    expect(personMatters.size).toBeGreaterThanOrEqual(140);
    expect(set.pairs.length).toBeGreaterThanOrEqual(1300);
    const count = (label: string, split?: string) => set.pairs.filter((pair) => pair.label === label && (!split || pair.split === split)).length;
    expect(count("duplicate")).toBeGreaterThanOrEqual(55);
    expect(count("related")).toBeGreaterThanOrEqual(80);
    expect(count("duplicate", "holdout")).toBeGreaterThanOrEqual(6);
    expect(count("related", "holdout")).toBeGreaterThanOrEqual(10);
    for (const kind of ["rewritten-duplicate", "other-reporter-same-matter", "same-reporter-other-matter", "same-unit-other-matter", "same-name-other-person"]) {
      expect(set.pairs.some((pair) => pair.kind === kind), kind).toBe(true);
    }
  });
});

describe("duplicate and related on the evaluation set", () => {
  const all = evaluate(set, profiles);

  it("finds duplicates with precision and recall of at least 0.99: one new mistake fails", () => {
    expect(all.metrics.duplicate.precision).toBeGreaterThanOrEqual(0.99);
    expect(all.metrics.duplicate.recall).toBeGreaterThanOrEqual(0.99);
  });

  it("finds related complaints with precision of at least 0.97 and recall of at least 0.98", () => {
    expect(all.metrics.related.precision).toBeGreaterThanOrEqual(0.97);
    expect(all.metrics.related.recall).toBeGreaterThanOrEqual(0.98);
  });

  it("does as well on the held-out complaints, never used to change the engine", () => {
    const holdout = evaluate(set, profiles, "holdout");
    expect(holdout.metrics.duplicate.precision).toBeGreaterThanOrEqual(0.95);
    expect(holdout.metrics.duplicate.recall).toBeGreaterThanOrEqual(0.95);
    expect(holdout.metrics.related.precision).toBeGreaterThanOrEqual(0.9);
    expect(holdout.metrics.related.recall).toBeGreaterThanOrEqual(0.95);
  });

  it("calls no pair a duplicate of another reporter or of another matter, among all pairs of the set", () => {
    const { pairs, wrong } = wrongPositivesAmongAllPairs(set, profiles);
    expect(pairs).toBeGreaterThan(20000);
    expect(wrong.filter(([, , verdict]) => verdict === "duplicate")).toEqual([]);
    expect(wrong.length).toBeLessThanOrEqual(2);
  });

  it("keeps each verdict's score in its band", () => {
    for (const outcome of all.outcomes) {
      const [low, high] = outcome.predicted === "duplicate" ? [0.7, 1] : outcome.predicted === "related" ? [0.4, 0.69] : [0, 0.39];
      expect(outcome.score).toBeGreaterThanOrEqual(low);
      expect(outcome.score).toBeLessThanOrEqual(high);
    }
  });
});
