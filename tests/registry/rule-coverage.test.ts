import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../../src/complaints/vocabulary.js";
import { UNIT_KINDS } from "../../src/regions/unit-kinds.js";
import { ruleCoverage } from "../../src/registry/rule-coverage.js";
import { hasSameConditions, keepsInspektoratSafeguard } from "../../src/registry/routing-rule-guards.js";
import { COMPLAINT_TOPICS } from "../../src/registry/topics.js";
import { decideRoute, type RuleForRouting } from "../../src/routing/decide-route.js";

const rule = (id: number, overrides: Partial<RuleForRouting> = {}): RuleForRouting => ({
  id,
  regionId: null,
  unitKind: null,
  category: null,
  topic: null,
  isAboutInspektorat: null,
  targetOffice: "inspektorat",
  notifyAssistant: false,
  ...overrides,
});
const defaults = [
  rule(1),
  rule(2, { topic: "service_standard", targetOffice: "organisasi" }),
  rule(3, { topic: "assessment", targetOffice: "organisasi" }),
  rule(4, { isAboutInspektorat: true, targetOffice: "organisasi", notifyAssistant: true }),
];
/** Complaints per Pemda and per topic and about-the-Inspektorat value: unit kinds (or unknown) x categories (or none). */
const perSlice = (UNIT_KINDS.length + 1) * (CATEGORIES.length + 1);

describe("which imagined complaints each routing rule decides", () => {
  it("imagines every combination of Pemda, unit kind, category, topic and about-the-Inspektorat", () => {
    expect(ruleCoverage(defaults, [10, 11]).total).toBe(2 * perSlice * COMPLAINT_TOPICS.length * 2);
  });

  it("gives the about-the-Inspektorat rule every such complaint and each topic rule its own topic", () => {
    const { coverage } = ruleCoverage(defaults, [10]);
    expect(coverage.get(4)!.wins).toBe(perSlice * COMPLAINT_TOPICS.length);
    for (const id of [1, 2, 3]) expect(coverage.get(id)!.wins).toBe(perSlice);
    expect(coverage.get(null)!.wins).toBe(0);
  });

  it("gives an example each rule really decides", () => {
    const kupang = rule(5, { regionId: 11, unitKind: "DUKCAPIL", targetOffice: "organisasi" });
    const rules = [...defaults, kupang];
    const { coverage } = ruleCoverage(rules, [10, 11]);
    for (const r of rules) expect(decideRoute(coverage.get(r.id)!.example!, rules).ruleId).toBe(r.id);
    expect(coverage.get(5)!.example).toMatchObject({ regionId: 11, unitKind: "DUKCAPIL", isAboutInspektorat: false });
  });

  it("shows a rule shadowed by an older one with the same conditions as deciding nothing", () => {
    const { coverage } = ruleCoverage([...defaults, rule(9, { targetOffice: "organisasi" })], [10]);
    expect(coverage.get(9)).toEqual({ wins: 0, example: null });
  });

  it("counts complaints no rule matches under the Inspektorat fallback", () => {
    const { coverage, total } = ruleCoverage([rule(7, { regionId: 10 })], [10, 11]);
    expect(coverage.get(null)!.wins).toBe(total / 2);
    expect(coverage.get(null)!.example).toMatchObject({ regionId: 11 });
  });
});

describe("guards on the set of routing rules", () => {
  it("sees two rules with the same conditions as twins, whatever their target", () => {
    expect(hasSameConditions(rule(1, { category: "diskriminasi" }), rule(2, { category: "diskriminasi", targetOffice: "organisasi" }))).toBe(true);
    expect(hasSameConditions(rule(1, { category: "diskriminasi" }), rule(2, { category: "diskriminasi", regionId: 3 }))).toBe(false);
    expect(hasSameConditions(rule(1), rule(2, { isAboutInspektorat: true }))).toBe(false);
  });

  it("requires the unconditional rule sending complaints about the Inspektorat to Organisasi", () => {
    expect(keepsInspektoratSafeguard(defaults)).toBe(true);
    expect(keepsInspektoratSafeguard(defaults.filter((r) => r.id !== 4))).toBe(false);
    expect(keepsInspektoratSafeguard([rule(4, { isAboutInspektorat: true, targetOffice: "organisasi", regionId: 10 })])).toBe(false);
    expect(keepsInspektoratSafeguard([rule(4, { isAboutInspektorat: true, targetOffice: "organisasi", topic: "service" })])).toBe(false);
  });
});
