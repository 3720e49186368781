/**
 * Person names as Indonesian forms receive them: with honorifics (Bapak, Ibu, Mama, Sdr.), religious
 * and academic titles (H., Hj., Drs., S.Pd., M.Si), in old or new spelling (Soekarno/Sukarno,
 * Djoko/Joko, Tjahjo/Cahyo) and with the variants baptismal names take in NTT (Yohanes/Yohanis/
 * Johannes, Maria Goreti/Goretti, Philipus/Filipus, Martha/Marta).
 */

/** Honorifics and titles that stand before a name (compared without dots and case); removed from the front only. */
const HONORIFICS = new Set(
  (
    // Umbu and Rambu are Sumba's titles for men and women of standing, written before the name or left out.
    "umbu rambu bapak bpk bp pak ibu ib bu sdr sdri saudara saudari tn tuan ny nyonya nn nona mama bapa om tante kak kaka " +
    "kakak adik h hj haji hajjah drs dra dr ir apt prof ust ustad ustadz pdt pendeta pastor romo rm pater sr suster br bruder ns alm almh"
  ).split(" "),
);

/** Academic degrees, which follow a name (after a comma or not); never taken for its first word. */
const DEGREES = new Set(
  (
    "spd sh se msi mpd mm mh mkes skm skep st sos ssos sip sag sth sk skom ssi amd amdkeb amkeb amk sthi mhum phd bsc ba " +
    "mt mba mpa mkom ssit sst str sfarm apt ns dkk"
  ).split(" "),
);

/** Spelling rules applied in order to each lower-case word (old Indonesian/Dutch spelling, then Latin). */
const SPELLING: ReadonlyArray<readonly [RegExp, string]> = [
  [/oe/g, "u"],
  [/dj/g, "j"],
  [/tj/g, "c"],
  [/sj/g, "sy"],
  [/nj/g, "ny"],
  [/ch/g, "k"],
  [/kh/g, "k"],
  [/ph/g, "f"],
  [/([bdg])h/g, "$1"],
  [/th/g, "t"],
  [/^j/, "y"],
  [/ck/g, "k"],
  [/q/g, "k"],
  [/c(?=[aou])/g, "k"],
  [/x/g, "ks"],
  [/v/g, "f"],
  [/y$/, "i"],
  [/([a-z])\1+/g, "$1"],
];

/**
 * The words of a person's name in comparable form: without titles, diacritics and punctuation,
 * in one spelling ("Drs. Yohannes Djawa, S.Pd." → ["yohanes", "jawa"]). Initials stay as one letter.
 */
export function personNameWords(name: string | null | undefined): string[] {
  if (!name) return [];
  // Academic degrees follow a comma ("Maria Bano, S.Pd., M.Si"): whatever follows the first comma goes.
  const beforeDegrees = name.split(",")[0]!;
  const words = beforeDegrees
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    // "S.Pd." and "M.Si" are titles only when their dots are dropped; single initials keep theirs.
    .replace(/\b([a-z])\.([a-z]{1,4})\.?(?=\s|$)/g, "$1$2")
    .split(/[^a-z]+/)
    .filter((word) => word !== "")
    .filter((word, index) => !(index > 0 && DEGREES.has(word)));
  // Honorifics go from the front only, and never the last word: "Kaka" is also a Sumba family name.
  while (words.length > 1 && HONORIFICS.has(words[0]!)) words.shift();
  // An initial only follows J/Y (Johanes/Yohanes); the other rules would turn "Y." into "i".
  return words.map((word) => (word.length === 1 ? word.replace("j", "y") : SPELLING.reduce((spelled, [pattern, replacement]) => spelled.replace(pattern, replacement), fromOldSpelling(word))));
}

/**
 * Before 1972 "dj" was today's j, "tj" today's c, and a plain "j" today's y: Tjahjono is Cahyono.
 * A word showing one of the old digraphs gets its plain j turned into y.
 */
function fromOldSpelling(word: string): string {
  if (!/oe|dj|tj/.test(word)) return word;
  return word.replace(/dj/g, "J").replace(/tj/g, "C").replace(/j/g, "y").replace(/J/g, "j").replace(/C/g, "c");
}

/**
 * A coarser key of one name word: first letter, the consonants between, last letter
 * ("yohanes" and "yohanis" → "yhns", "maria" → "mra", "mario" → "mro"): equal keys mean "the same
 * name spelt differently", which an exact comparison misses.
 */
export function nameWordSound(word: string): string {
  if (word.length <= 2) return word;
  // Latin baptismal names drop their ending in daily use: Ferdinandus/Ferdinand, Kornelius/Kornelis.
  if (word.length >= 8 && /[^aeiou]us$/.test(word)) word = word.slice(0, -2);
  return (word[0]! + word.slice(1, -1).replace(/[aeiouy]/g, "") + word[word.length - 1]!).replace(/([a-z])\1+/g, "$1");
}

/**
 * One name word as the matcher sees it. In a stored profile each key is a keyed digest, so names are
 * compared without being kept in clear; `isInitial` marks a one-letter word ("Y. Bria").
 */
export interface NameWordKeys {
  spelling: string;
  sound: string;
  initial: string;
  /** A word of 4–5 letters as a possible short form (Frans, Agus, Siska, Tina); "" otherwise. */
  shortForm: string;
  /** For a word of 6 letters or more, the short forms it could be called by: its first and last 4 and 5 letters. */
  longForms: string[];
  isInitial: boolean;
}

/** The keys of one normalised name word, in clear (profiles digest them). */
export function nameWordKeys(word: string): NameWordKeys {
  const isShort = word.length >= 4 && word.length <= 5;
  const longForms = word.length >= 6 ? [...new Set([word.slice(0, 4), word.slice(0, 5), word.slice(-4), word.slice(-5)])] : [];
  return { spelling: word, sound: nameWordSound(word), initial: word[0] ?? "", shortForm: isShort ? word : "", longForms, isInitial: word.length === 1 };
}

/**
 * Similarity of two names (0..1) from their word keys: words are paired greedily, a pair counts 1
 * when spelt alike, 0.9 when alike in sound, 0.8 for an initial matching a word's first letter, 0.7
 * for a short form of a long name (Frans/Fransiskus, Siska/Fransiska, Agus/Agustinus);
 * words left over lower the result, so "Maria" alone does not match "Maria Goreti Bano" strongly.
 */
export function personNameSimilarity(a: readonly NameWordKeys[], b: readonly NameWordKeys[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const used = new Array<boolean>(longer.length).fill(false);
  let matched = 0;
  for (const word of shorter) {
    let best = 0;
    let bestIndex = -1;
    for (let i = 0; i < longer.length; i++) {
      if (used[i]) continue;
      const score = pairScore(word, longer[i]!);
      if (score > best) {
        best = score;
        bestIndex = i;
      }
    }
    if (bestIndex >= 0) {
      used[bestIndex] = true;
      matched += best;
    }
  }
  const coverage = matched / shorter.length;
  // One extra word ("Maria Goreti" vs "Maria Goreti Bano") costs a little, a single word against many a lot.
  const extra = longer.length - shorter.length;
  const penalty = shorter.length === 1 && longer.length > 1 ? 0.75 : Math.pow(0.93, extra);
  return Math.round(coverage * penalty * 1000) / 1000;
}

function pairScore(a: NameWordKeys, b: NameWordKeys): number {
  if (a.isInitial || b.isInitial) return a.initial === b.initial ? 0.8 : 0;
  if (a.spelling === b.spelling) return 1;
  if (a.sound === b.sound) return 0.9;
  const isShortFormOf = (short: NameWordKeys, long: NameWordKeys) => short.shortForm !== "" && long.longForms.includes(short.shortForm);
  return isShortFormOf(a, b) || isShortFormOf(b, a) ? 0.7 : 0;
}
