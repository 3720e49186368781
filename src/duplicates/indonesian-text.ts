import { ABBREVIATIONS, GENERIC_TERMS, PHRASES, STOP_WORDS, TOPIC_TERMS } from "./indonesian-words.js";
import { stemIndonesian } from "./stem-indonesian.js";

const MULTIPLIERS: Record<string, number> = { ribu: 1e3, rb: 1e3, rbu: 1e3, k: 1e3, juta: 1e6, jt: 1e6, jta: 1e6 };

/** "Rp 150.000,-", "150rb", "150 ribu", "1,5 juta" and "1.5jt" all become "150000" or "1500000". */
function normaliseAmounts(text: string): string {
  return text.replace(/(\d+(?:[.,]\d+)*)(?:,-|,00\b)?\s*(ribu|rbu|rb|k|juta|jta|jt)?(?![a-z])/g, (match, num: string, unit?: string) => {
    if (unit) {
      const value = Number(num.replace(/\.(?=\d{3}\b)/g, "").replace(",", "."));
      return Number.isFinite(value) ? ` ${Math.round(value * MULTIPLIERS[unit]!)} ` : match;
    }
    // Indonesian groups thousands with dots and writes cents after a comma: 150.000,00 is a hundred and fifty thousand.
    const grouped = /^(\d{1,3}(?:\.\d{3})+)(?:,\d{1,2})?$/.exec(num);
    if (grouped) return ` ${grouped[1]!.replace(/\./g, "")} `;
    return match;
  });
}

/**
 * The words of a complaint text that can say something about its matter: lower-cased, without
 * diacritics and punctuation, abbreviations and Kupang Malay expanded (yg, tdk, sdh, kk, beta,
 * sonde), amounts unified, reduplication folded (anak2, anak-anak), stop words removed. Not stemmed.
 * Numbers of 9 digits or more (phone numbers, NIK, account numbers) are dropped: they are identity.
 */
export function contentWords(text: string): string[] {
  let normal = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "");
  normal = normaliseAmounts(normal);
  for (const [pattern, replacement] of PHRASES) normal = normal.replace(pattern, replacement);
  normal = normal
    .replace(/\b(\d+)x\b/g, "$1 kali")
    .replace(/\b([a-z]+)2\b/g, "$1")
    .replace(/\b([a-z]+)-\1\b/g, "$1")
    .replace(/([a-z])\1{2,}/g, "$1");
  const words: string[] = [];
  for (const token of numberWordsToDigits(normal.split(/[^a-z0-9]+/))) {
    if (token === "") continue;
    const expanded = ABBREVIATIONS.get(token) ?? token;
    for (const word of expanded === token ? [token] : expanded.split(" ")) {
      if (word.length < 2 || STOP_WORDS.has(word)) continue;
      if (/^\d+$/.test(word) && !isMeaningfulNumber(word)) continue;
      words.push(word);
    }
  }
  return words;
}

/** Words after which a place's name follows ("Desa Makata Keri", "SD Negeri Oetete", "Pasar Baru Labuan Bajo"). */
const PLACE_MARKERS = new Set(
  "desa dusun kelurahan kecamatan kampung jalan jl pasar sd sdn smp smpn sma sman smk smkn sekolah negeri inpres katolik puskesmas pustu rsud gereja masjid pelabuhan".split(" "),
);

/**
 * The names of places in a text: up to two words right after a place marker, stopping at a stop
 * word, a number or a generic or topic word, and, from a writer who uses capitals, at a word
 * without one ("Pasar Inpres Naikoten terbakar"). One reporter names their village or school in
 * every complaint, so these words show where, not what.
 */
export function placeWords(text: string): string[] {
  const plain = text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/['’`]/g, "");
  const usesCapitals = plain !== plain.toLowerCase();
  const places: string[] = [];
  let remaining = 0;
  for (const token of plain.split(/[^A-Za-z0-9]+/)) {
    const lower = token.toLowerCase();
    const word = ABBREVIATIONS.get(lower) ?? lower;
    if (PLACE_MARKERS.has(word)) remaining = 2;
    else if (
      remaining > 0 &&
      /^[a-z]{3,}$/.test(word) &&
      (!usesCapitals || /^[A-Z]/.test(token)) &&
      !STOP_WORDS.has(word) &&
      termWeight(stemIndonesian(word)) >= 1
    ) {
      places.push(word);
      remaining--;
    } else remaining = 0;
  }
  return places;
}

const DIGIT_WORDS: Record<string, number> = {
  satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9, sepuluh: 10, sebelas: 11,
};
const SCALE_WORDS: Record<string, number> = { ribu: 1e3, seribu: 1e3, juta: 1e6, sejuta: 1e6, miliar: 1e9 };

/**
 * Amounts written in words become digits, so "dua ratus lima puluh ribu rupiah" meets "250rb":
 * runs of number words that reach a hundred or more are replaced by their value.
 */
function numberWordsToDigits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  let total = 0;
  let group = 0;
  let pending = 0;
  let isAmount = false;
  const flush = () => {
    if (run.length === 0) return;
    const value = total + group + pending;
    if (isAmount && Number.isFinite(value)) out.push(String(Math.round(value)));
    else out.push(...run);
    run = [];
    total = group = pending = 0;
    isAmount = false;
  };
  for (const token of tokens) {
    const digit = DIGIT_WORDS[token];
    if (digit !== undefined) {
      if (pending !== 0) flush();
      pending = digit;
    } else if (token === "belas" && pending > 0) {
      group += pending + 10;
      pending = 0;
    } else if (token === "puluh" && pending > 0) {
      group += pending * 10;
      pending = 0;
    } else if (token === "ratus" || token === "seratus") {
      group += (token === "seratus" ? 1 : pending || 1) * 100;
      pending = 0;
      isAmount = true;
    } else if (token === "setengah" && pending > 0) {
      pending += 0.5;
    } else if (SCALE_WORDS[token] !== undefined) {
      const units = group + pending || (token.startsWith("se") ? 1 : 0);
      if (units === 0) {
        flush();
        out.push(token);
        continue;
      }
      total += units * SCALE_WORDS[token]!;
      group = pending = 0;
      isAmount = true;
    } else {
      flush();
      out.push(token);
      continue;
    }
    run.push(token);
  }
  flush();
  return out;
}

/** Amounts and reference numbers say something; days, years and identity numbers do not. */
function isMeaningfulNumber(digits: string): boolean {
  if (digits.length < 3 || digits.length >= 9) return false;
  const value = Number(digits);
  return !(digits.length === 4 && value >= 1950 && value <= 2100);
}

/** Distinct stems of content words, sorted (the profile's term set; see stemIndonesian). */
export function termsOfWords(words: readonly string[]): string[] {
  // A stem can be a function word again ("melalui" → "lalu"): those go too.
  return [...new Set(words.map(stemIndonesian))].filter((stem) => !STOP_WORDS.has(stem)).sort();
}

/** Generic complaint words count 0.3, topic words 0.5, amounts 1.5, every other term 1 (weights of weighted overlap). */
export function termWeight(term: string): number {
  const first = term.charCodeAt(0);
  // Terms are either numbers or start with a letter: only a leading digit needs the full test.
  if (first >= 48 && first <= 57) return /^\d+$/.test(term) ? 1.5 : 1;
  if (GENERIC_TERMS.has(term)) return 0.3;
  return TOPIC_TERMS.has(term) ? 0.5 : 1;
}

/** How many character trigrams a profile keeps at most (the smallest hashes: a bottom-k sketch). */
export const TRIGRAM_SKETCH_SIZE = 256;

/**
 * Hashes (FNV-1a, 32 bit) of the character trigrams of each word padded with spaces, sorted, at
 * most TRIGRAM_SKETCH_SIZE of them: "pelayann" and "pelayanan" share most of theirs, so typos
 * still match. Below the sketch size the set is exact.
 */
export function trigramSketch(words: readonly string[]): Uint32Array {
  const hashes = new Set<number>();
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) hashes.add(fnv1a(padded, i, 3));
  }
  const sorted = Uint32Array.from(hashes).sort();
  return sorted.length > TRIGRAM_SKETCH_SIZE ? sorted.slice(0, TRIGRAM_SKETCH_SIZE) : sorted;
}

function fnv1a(text: string, start: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < start + length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Jaccard similarity (0..1) of two bottom-k sketches: the share of the k smallest hashes of the
 * union that both sets hold (Broder 1997). Exact when both sets are smaller than k.
 */
export function sketchJaccard(a: Uint32Array, b: Uint32Array, k = TRIGRAM_SKETCH_SIZE): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let union = 0;
  let both = 0;
  // Once either sketch is exhausted while it was cut at k, hashes above its cut are unknown: stop there.
  const limitA = a.length >= k ? a[a.length - 1]! : 0xffffffff;
  const limitB = b.length >= k ? b[b.length - 1]! : 0xffffffff;
  const limit = Math.min(limitA, limitB);
  while (union < k && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    const next = Math.min(x, y);
    if (next > limit) break;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    union++;
  }
  return union === 0 ? 0 : both / union;
}

/** Sorted trigram hashes as base64 (little-endian uint32), so a profile stays plain JSON. */
export function encodeSketch(sketch: Uint32Array): string {
  const bytes = Buffer.alloc(sketch.length * 4);
  for (let i = 0; i < sketch.length; i++) bytes.writeUInt32LE(sketch[i]!, i * 4);
  return bytes.toString("base64");
}

const isLittleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function decodeSketch(encoded: string): Uint32Array {
  const bytes = Buffer.from(encoded, "base64");
  const length = bytes.length >>> 2;
  if (!isLittleEndian) {
    const sketch = new Uint32Array(length);
    for (let i = 0; i < length; i++) sketch[i] = bytes.readUInt32LE(i * 4);
    return sketch;
  }
  // Buffer.from may hand out a slice of a shared pool at any offset: copy into an aligned buffer.
  const aligned = new Uint8Array(length * 4);
  aligned.set(bytes.subarray(0, length * 4));
  return new Uint32Array(aligned.buffer);
}
