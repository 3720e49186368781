import { contentWords } from "./indonesian-text.js";
import { UNIT_KIND_WORDS } from "./indonesian-words.js";

/** A service unit as matching needs it (the Unit row; aliases split from its "|" list). */
export interface UnitForMatching {
  id: number;
  name: string;
  aliases: readonly string[];
  kind?: string | null;
}

/** Words in every other unit name: they neither identify nor distinguish a unit. */
const UNIT_FILLER = new Set(
  "kantor dinas upt uptd badan bagian biro kabupaten kota provinsi daerah pemerintah sekretariat setda dpm unit pelaksana teknis".split(" "),
);

/** The distinguishing words of a unit name ("Kantor Dinas Dukcapil Kab. Kupang" → dukcapil, kupang). */
export function unitNameWords(name: string | null | undefined): string[] {
  if (!name) return [];
  return [...new Set(contentWords(name).filter((word) => !UNIT_FILLER.has(word)))];
}

/** The kind of unit a name points to (DUKCAPIL, PUSKESMAS, ...), by the words of regions.json kinds; null if none. */
export function unitKindOfName(name: string | null | undefined): string | null {
  const words = new Set(contentWords(name ?? ""));
  for (const [word, kind] of UNIT_KIND_WORDS) if (words.has(word)) return kind;
  return null;
}

/**
 * The unit a citizen means by a free-text name ("Disdukcapil", "Dinas Kependudukan & Catatan
 * Sipil", "PKM Oepoi"), among the units of one Pemda: the unit one of whose names (official or
 * alias) has all its distinguishing words in the text, the most specific winning; failing that, the
 * only unit of the kind the text names. Null when nothing fits or two units fit equally.
 */
export function matchUnitName(name: string, units: readonly UnitForMatching[]): number | null {
  const words = unitNameWords(name);
  if (words.length === 0) return null;
  let best: { id: number; matched: number; coverage: number } | null = null;
  let isTied = false;
  for (const unit of units) {
    for (const candidate of [unit.name, ...unit.aliases]) {
      const candidateWords = unitNameWords(candidate);
      if (candidateWords.length === 0) continue;
      const matched = candidateWords.filter((word) => words.some((own) => isSameWord(own, word))).length;
      const coverage = matched / candidateWords.length;
      if (coverage < 1) continue;
      if (!best || matched > best.matched) {
        best = { id: unit.id, matched, coverage };
        isTied = false;
      } else if (matched === best.matched && unit.id !== best.id) {
        isTied = true;
      }
    }
  }
  if (best && !isTied) return best.id;
  if (best && isTied) return null;
  const kind = unitKindOfName(name);
  if (!kind) return null;
  const ofKind = units.filter((unit) => (unit.kind ?? unitKindOfName(unit.name)) === kind);
  return ofKind.length === 1 ? ofKind[0]!.id : null;
}

/** Equal, or one typo apart in a word of five letters or more ("dukcapill", "kesehtan"). */
function isSameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  return editDistanceAtMostOne(a, b);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a.length > b.length) return editDistanceAtMostOne(b, a);
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // One substitution, or two neighbours swapped ("kesehtan" for "kesehatan" is a deletion, "kesehatna" a swap).
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.slice(i) === b.slice(i + 1);
}
