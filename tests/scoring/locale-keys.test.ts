import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localesDir } from "../../src/paths.js";
import { INDICATOR_KEYS } from "../../src/scoring/indicators.js";
import { methodologies } from "./fixtures.js";

const locales = Object.fromEntries(["id", "en"].map((l) => [l, JSON.parse(fs.readFileSync(path.join(localesDir, `${l}.json`), "utf8")) as Record<string, unknown>]));
const lookup = (tree: unknown, key: string) => key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), tree);
const scoringDir = path.join(localesDir, "..", "src", "scoring");

describe("scoring texts in both languages", () => {
  it("has every message key the scoring code uses", () => {
    const source = fs.readdirSync(scoringDir).map((f) => fs.readFileSync(path.join(scoringDir, f), "utf8")).join("\n");
    const keys = [...new Set([...source.matchAll(/"((?:scoring|errors)\.[a-z_]+(?:\.[a-z_]+)*)"/g)].map((m) => m[1] ?? ""))];
    expect(keys.length).toBeGreaterThan(30);
    for (const [locale, tree] of Object.entries(locales)) {
      expect(keys.filter((k) => typeof lookup(tree, k) !== "string"), locale).toEqual([]);
    }
  });

  it("names, explains and sources every indicator, and names every dimension, variable, zone and category of the data", () => {
    const keys = [
      ...INDICATOR_KEYS.flatMap((k) => ["name", "formula", "source"].map((t) => `scoring.indicators.${k}.${t}`)),
      ...methodologies.flatMap((m) => [
        ...m.dimensions.flatMap((d) => [`scoring.dimensions.${d.key}.name`, ...d.variables.map((v) => `scoring.variables.${v}`)]),
        ...m.bands.flatMap((b) => [`scoring.zones.${b.zone}`, ...(b.category ? [`scoring.categories.${b.category}`] : [])]),
      ]),
    ];
    for (const [locale, tree] of Object.entries(locales)) {
      expect(keys.filter((k) => typeof lookup(tree, k) !== "string"), locale).toEqual([]);
    }
  });
});
