import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, translator } from "../src/i18n/index.js";
import { localesDir } from "../src/paths.js";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe("languages", () => {
  it("has every Indonesian text in English too, and the reverse", () => {
    const id = keysOf(JSON.parse(fs.readFileSync(path.join(localesDir, "id.json"), "utf8"))).sort();
    const en = keysOf(JSON.parse(fs.readFileSync(path.join(localesDir, "en.json"), "utf8"))).sort();
    expect(en).toEqual(id);
  });

  it("picks the best supported language from the browser, Indonesian when none fits", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,id;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,id;q=0.5,en;q=0.3")).toBe("id");
    expect(localeFromAcceptLanguage("fr-FR")).toBeUndefined();
    expect(localeFromAcceptLanguage("en;q=0,id")).toBe("id");
    expect(localeFromAcceptLanguage(undefined)).toBeUndefined();
  });

  it("interpolates values without HTML-escaping them (views escape on output)", () => {
    expect(translator("id")("layout.signed_in_as", { name: "Ana & Budi" })).toBe("Masuk sebagai Ana & Budi");
  });
});
