import type { RegionKind } from "./unit-kinds.js";

const LOWERCASE_WORDS = new Set(["dan", "di", "ke", "dari"]);

/**
 * Turns the official upper-case names ("KABUPATEN TIMOR TENGAH SELATAN") into the form people
 * write ("Kabupaten Timor Tengah Selatan"); a province gets the "Provinsi" prefix.
 */
export function displayRegionName(officialName: string, kind: RegionKind): string {
  const words = officialName.trim().toLowerCase().split(/\s+/);
  const titled = words
    .map((word, i) => (i > 0 && LOWERCASE_WORDS.has(word) ? word : word.replace(/(^|[-'(])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())))
    .join(" ");
  return kind === "province" ? `Provinsi ${titled}` : titled;
}

/** The kind of a Kemendagri code: "53" a province, "53.7x" a city (kota), other "53.xx" a regency. */
export function regionKindOfCode(code: string): RegionKind {
  if (/^\d{2}$/.test(code)) return "province";
  return /^\d{2}\.7\d$/.test(code) ? "city" : "regency";
}
