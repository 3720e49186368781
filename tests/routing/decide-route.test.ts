import { describe, expect, it } from "vitest";
import { decideRoute, type RouteFacts, type RuleForRouting } from "../../src/routing/decide-route.js";

const facts = (overrides: Partial<RouteFacts> = {}): RouteFacts => ({ regionId: 2, unitKind: "DUKCAPIL", category: "permintaan_imbalan", topic: "service", isAboutInspektorat: false, ...overrides });
let nextId = 1;
const rule = (overrides: Partial<RuleForRouting>): RuleForRouting => ({ id: nextId++, regionId: null, unitKind: null, category: null, topic: null, isAboutInspektorat: null, targetOffice: "inspektorat", notifyAssistant: false, ...overrides });

const defaults = [
  rule({ id: 1 }),
  rule({ id: 2, topic: "service_standard", targetOffice: "organisasi" }),
  rule({ id: 3, topic: "assessment", targetOffice: "organisasi" }),
  rule({ id: 4, isAboutInspektorat: true, targetOffice: "organisasi", notifyAssistant: true }),
];

describe("routing rules", () => {
  it("sends a complaint about a unit to the Pemda's Inspektorat by default", () => {
    expect(decideRoute(facts(), defaults)).toEqual({ office: "inspektorat", ruleId: 1, notifyAssistant: false, matched: [] });
  });

  it("sends complaints about service standards and the assessment to Organisasi", () => {
    expect(decideRoute(facts({ topic: "service_standard" }), defaults)).toMatchObject({ office: "organisasi", ruleId: 2, matched: ["topic"] });
    expect(decideRoute(facts({ topic: "assessment" }), defaults)).toMatchObject({ office: "organisasi", ruleId: 3 });
  });

  it("never routes a complaint about the Inspektorat to the Inspektorat, and tells the assistant", () => {
    const decision = decideRoute(facts({ isAboutInspektorat: true, unitKind: "OTHER" }), [...defaults, rule({ regionId: 2, unitKind: "OTHER", category: "permintaan_imbalan", targetOffice: "inspektorat" })]);
    expect(decision).toMatchObject({ office: "organisasi", ruleId: 4, notifyAssistant: true });
  });

  it("prefers the most specific rule: a Pemda's own rule over the province-wide default", () => {
    const kupang = rule({ regionId: 2, unitKind: "DPMPTSP", targetOffice: "organisasi" });
    expect(decideRoute(facts({ unitKind: "DPMPTSP" }), [...defaults, kupang])).toMatchObject({ office: "organisasi", ruleId: kupang.id, matched: ["regionId", "unitKind"] });
    expect(decideRoute(facts({ unitKind: "DPMPTSP", regionId: 3 }), [...defaults, kupang])).toMatchObject({ office: "inspektorat", ruleId: 1 });
  });

  it("weighs the Pemda above the category, and the category above the unit kind", () => {
    const byCategory = rule({ category: "permintaan_imbalan", targetOffice: "organisasi" });
    const byUnit = rule({ unitKind: "DUKCAPIL", targetOffice: "inspektorat" });
    expect(decideRoute(facts(), [byUnit, byCategory]).ruleId).toBe(byCategory.id);
    const byRegion = rule({ regionId: 2, targetOffice: "inspektorat" });
    expect(decideRoute(facts(), [byCategory, byRegion]).ruleId).toBe(byRegion.id);
  });

  it("breaks a tie in favour of the older rule", () => {
    const older = rule({ id: 50, category: "tidak_patut", targetOffice: "organisasi" });
    const newer = rule({ id: 60, category: "tidak_patut", targetOffice: "inspektorat" });
    expect(decideRoute(facts({ category: "tidak_patut" }), [newer, older]).ruleId).toBe(50);
  });

  it("falls back to the Inspektorat when no rule matches at all", () => {
    expect(decideRoute(facts(), [rule({ regionId: 9 })])).toEqual({ office: "inspektorat", ruleId: null, notifyAssistant: false, matched: [] });
    expect(decideRoute(facts(), [])).toMatchObject({ office: "inspektorat", ruleId: null });
  });

  it("does not match a rule whose set field differs, even when other fields match", () => {
    const r = rule({ unitKind: "DUKCAPIL", category: "diskriminasi", targetOffice: "organisasi" });
    expect(decideRoute(facts({ category: "permintaan_imbalan" }), [r]).ruleId).toBeNull();
  });
});
