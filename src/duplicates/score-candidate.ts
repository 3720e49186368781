import { decodeSketch, sketchJaccard, termWeight } from "./indonesian-text.js";
import type { MatchingProfile, NameWordDigests } from "./matching-profile.js";
import { type NameWordKeys, personNameSimilarity } from "./person-names.js";

export type Verdict = "duplicate" | "related" | "none";

/**
 * One piece of evidence. `params` carries numbers and codes only, never an identity value, so a
 * reason can be shown to a focal point even when the reporter asked for confidentiality.
 */
export interface MatchReason {
  field: "reporter.nik" | "reporter.phone" | "reporter.email" | "reporter.name" | "region" | "unit" | "incidentDate" | "text";
  code: string;
  params: Record<string, string | number>;
}

export interface CandidateMatch {
  verdict: Verdict;
  /** 0..1: how strongly the candidate matches, for ordering; the verdict says as what. */
  score: number;
  reasons: MatchReason[];
}

/** How sure we are that two complaints come from one reporter (0..1), and why. */
interface ReporterEvidence {
  confidence: number;
  reasons: MatchReason[];
}

/** Thresholds, tuned on the "tune" split of tests/fixtures/duplicates (see bench/duplicates-quality.ts). */
export const MATCHING_THRESHOLDS = {
  /** Reporter confidence from which two complaints are taken to be one person's. */
  sameReporter: 0.85,
  /** Reporter known by name only (no NIK, phone or email in common): needs closer dates and texts. */
  probableReporter: 0.7,
  /** Text similarity for a duplicate when the reporter is certain. */
  duplicateText: 0.22,
  /** Share of one subject's words found in the other complaint, for a duplicate (see MatchEvidence.subjectCover). */
  duplicateSubjectCover: 0.4,
  /** Text similarity for a duplicate when the reporter is only probable. */
  probableDuplicateText: 0.35,
  /** Days between incident dates beyond which complaints are not one matter. */
  duplicateDays: 31,
  probableDuplicateDays: 14,
  relatedDays: 21,
  /** Text similarity (adjusted for date closeness) for related complaints sharing specific terms. */
  relatedText: 0.26,
  /** Specific terms (names, places, amounts: not generic, not the unit's name) two related complaints share. */
  relatedSpecificTerms: 2,
  /** Text similarity (adjusted) that makes complaints related without such shared terms. */
  relatedTextAlone: 0.36,
} as const;

/** Everything the verdict is decided on, with the reasons to show. */
export interface MatchEvidence {
  /** 0..1: how sure we are the same person wrote both. */
  reporterConfidence: number;
  /** 0..1: textSimilarity of subject and description. */
  text: number;
  /** How many specific terms (weight 1 or more, not a word of either unit's name) both texts contain. */
  specificTerms: number;
  /**
   * 0..1: the weighted share of one complaint's subject words found anywhere in the other, the
   * larger of the two directions, leaving out places and the units' names. One reporter writing
   * twice about one matter names it again; the same reporter's other matter shares their village,
   * school and office but not the subject. Null when neither subject says anything specific.
   */
  subjectCover: number | null;
  /** Days between incident dates; null when one is unknown. */
  days: number | null;
  isSameRegion: boolean;
  unit: "same" | "same_kind" | "differs" | "unknown";
  reasons: MatchReason[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Compares a new complaint's profile with an existing one: duplicate (same reporter, same matter),
 * related (same concrete matter, another reporter) or none, with the evidence. Definitions from the
 * domain brief §4; precision first, since a false duplicate can bury a complaint. The score (0..1)
 * orders candidates: duplicates score 0.7–1, related 0.4–0.69, none 0–0.39.
 */
export function scoreCandidate(newProfile: MatchingProfile, existing: MatchingProfile, decoded?: { newTrigrams?: Uint32Array }): CandidateMatch {
  const evidence = matchEvidence(newProfile, existing, decoded?.newTrigrams);
  const t = MATCHING_THRESHOLDS;
  const { reporterConfidence: reporter, text, days } = evidence;
  const isSamePlace = evidence.isSameRegion && evidence.unit !== "differs";
  const within = (limit: number) => days === null || days <= limit;
  // Close dates make a shared text more telling: an incident of the same week, not of the same kind.
  const dateBonus = days === null ? -0.03 : days <= 3 ? 0.04 : days <= 7 ? 0.02 : days <= 14 ? 0 : -0.03;
  const unitBonus = evidence.unit === "same" ? 0.02 : evidence.unit === "unknown" ? -0.03 : 0;
  const relatedStrength = text + dateBonus + unitBonus;

  let verdict: Verdict = "none";
  const isSameSubject = evidence.subjectCover === null || evidence.subjectCover >= t.duplicateSubjectCover;
  if (isSamePlace && isSameSubject && reporter >= t.sameReporter && within(t.duplicateDays) && text >= t.duplicateText) verdict = "duplicate";
  else if (isSamePlace && isSameSubject && reporter >= t.probableReporter && within(t.probableDuplicateDays) && text >= t.probableDuplicateText)
    verdict = "duplicate";
  else if (
    isSamePlace &&
    // The same reporter writing about something else is not "related": that needs another reporter.
    !(reporter >= t.sameReporter && !isSameSubject) &&
    within(t.relatedDays) &&
    ((evidence.specificTerms >= t.relatedSpecificTerms && relatedStrength >= t.relatedText) || relatedStrength >= t.relatedTextAlone)
  )
    verdict = "related";

  const textStrength = Math.min(1, text / 0.5);
  const score =
    verdict === "duplicate"
      ? 0.7 + 0.3 * Math.min(1, (reporter + textStrength) / 2)
      : verdict === "related"
        ? 0.4 + 0.29 * Math.min(1, relatedStrength / 0.5)
        : 0.39 * Math.min(1, Math.max(0, relatedStrength) / 0.5) * (isSamePlace ? 1 : 0.5);
  return { verdict, score: round2(Math.min(1, score)), reasons: evidence.reasons };
}

/** The evidence for one pair of profiles, before any verdict (see scoreCandidate). */
export function matchEvidence(a: MatchingProfile, b: MatchingProfile, aTrigrams?: Uint32Array): MatchEvidence {
  const reporter = compareReporters(a, b);
  const matter = compareMatters(a, b, aTrigrams);
  return { reporterConfidence: reporter.confidence, ...matter, reasons: [...reporter.reasons, ...matter.reasons] };
}

function compareReporters(a: MatchingProfile, b: MatchingProfile): ReporterEvidence {
  const reasons: MatchReason[] = [];
  const field = (name: "nik" | "phone" | "email") => {
    const x = a.reporter[name];
    const y = b.reporter[name];
    if (x && y) return x === y ? "equal" : "differs";
    return x || y ? "missing_in_one" : "missing";
  };
  const nik = field("nik");
  const phone = field("phone");
  const email = field("email");
  const nameA = toNameKeys(a.reporter.name);
  const nameB = toNameKeys(b.reporter.name);
  const name = personNameSimilarity(nameA, nameB);
  const hasFullNames = Math.min(nameA.filter((w) => !w.isInitial).length, nameB.filter((w) => !w.isInitial).length) >= 2;

  if (nik === "equal") reasons.push({ field: "reporter.nik", code: "equal", params: {} });
  if (nik === "differs") reasons.push({ field: "reporter.nik", code: "differs", params: {} });
  if (nik === "missing_in_one") reasons.push({ field: "reporter.nik", code: "missing_in_one", params: {} });
  if (phone === "equal") reasons.push({ field: "reporter.phone", code: "equal", params: {} });
  if (phone === "differs") reasons.push({ field: "reporter.phone", code: "differs", params: {} });
  if (email === "equal") reasons.push({ field: "reporter.email", code: "equal", params: {} });
  if (email === "differs") reasons.push({ field: "reporter.email", code: "differs", params: {} });
  if (nameA.length > 0 && nameB.length > 0) {
    reasons.push(
      name >= 1
        ? { field: "reporter.name", code: "equal", params: {} }
        : name >= 0.75
          ? { field: "reporter.name", code: "similar", params: { similarity: round2(name) } }
          : { field: "reporter.name", code: "differs", params: { similarity: round2(name) } },
    );
  }

  const hasContact = phone === "equal" || email === "equal";
  let confidence: number;
  if (nik === "equal") confidence = name >= 0.5 || nameA.length === 0 || nameB.length === 0 ? 1 : 0.8;
  else if (nik === "differs") confidence = hasContact && name >= 0.9 ? 0.6 : 0;
  // A shared phone or email with a different name is often a household's one phone: not the same reporter.
  else if (hasContact) confidence = name >= 0.75 ? 0.95 : nameA.length === 0 || nameB.length === 0 ? 0.9 : name >= 0.5 ? 0.6 : 0.3;
  else {
    // Known by name only: a full name spelt alike is probable, never certain (NTT shares many names).
    confidence = !hasFullNames ? Math.min(0.5, name * 0.5) : name >= 0.9 ? 0.8 : name >= 0.8 ? 0.7 : name * 0.5;
    if (phone === "differs") confidence -= 0.05;
    if (email === "differs") confidence -= 0.05;
  }
  return { confidence: Math.max(0, confidence), reasons };
}

function toNameKeys(words: readonly NameWordDigests[]): NameWordKeys[] {
  return words.map(([spelling, sound, initial, shortForm, longForms]) => ({ spelling, sound, initial, shortForm, longForms, isInitial: spelling === initial }));
}

function compareMatters(a: MatchingProfile, b: MatchingProfile, aTrigrams?: Uint32Array): Omit<MatchEvidence, "reporterConfidence"> {
  const reasons: MatchReason[] = [];
  const isSameRegion = a.regionCode === b.regionCode;
  if (!isSameRegion) reasons.push({ field: "region", code: "differs", params: {} });

  let unit: MatchEvidence["unit"] = "unknown";
  if (a.unitId !== null && b.unitId !== null) unit = a.unitId === b.unitId ? "same" : "differs";
  else if (a.unitKind && b.unitKind) unit = a.unitKind === b.unitKind ? "same_kind" : "differs";
  if (unit !== "unknown") reasons.push({ field: "unit", code: unit, params: {} });

  let days: number | null = null;
  if (a.incidentDay !== null && b.incidentDay !== null) {
    days = Math.abs(a.incidentDay - b.incidentDay);
    reasons.push(days === 0 ? { field: "incidentDate", code: "same_day", params: {} } : { field: "incidentDate", code: "days_apart", params: { days } });
  }

  const { similarity: text, specificTerms } = compareTexts(a, b, aTrigrams);
  reasons.push({ field: "text", code: "similarity", params: { similarity: round2(text) } });
  if (specificTerms > 0) reasons.push({ field: "text", code: "specific_terms", params: { count: specificTerms } });
  const setAside = new Set([...a.placeTerms, ...b.placeTerms, ...a.unitWords, ...b.unitWords]);
  const covers = [coverOf(a.subjectTerms, b.terms, setAside), coverOf(b.subjectTerms, a.terms, setAside)].filter((cover) => cover !== null);
  const subjectCover = covers.length === 0 ? null : Math.max(...covers);
  return { text, specificTerms, subjectCover, days, isSameRegion, unit, reasons };
}

/**
 * Weighted share of `words` present in the sorted list `terms`, leaving out the words set aside;
 * null when what is left weighs less than one specific word (it names nothing).
 */
function coverOf(words: readonly string[], terms: readonly string[], setAside: ReadonlySet<string>): number | null {
  let found = 0;
  let total = 0;
  for (const word of words) {
    if (setAside.has(word)) continue;
    const weight = termWeight(word);
    total += weight;
    if (hasSorted(terms, word)) found += weight;
  }
  return total < 1 ? null : found / total;
}

function hasSorted(sorted: readonly string[], value: string): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const item = sorted[middle]!;
    if (item === value) return true;
    if (item < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Text similarity 0..1: weighted stem overlap (Dice and containment) blended with trigram Jaccard. */
export function textSimilarity(a: MatchingProfile, b: MatchingProfile, aTrigrams?: Uint32Array): number {
  return compareTexts(a, b, aTrigrams).similarity;
}

/**
 * One merge of the two sorted term lists gives the weighted overlap and the count of shared
 * specific terms: those that single out an incident (an officer's or a village's name, an amount)
 * rather than a kind of matter, i.e. of weight 1 or more and not a word of either unit's name.
 */
function compareTexts(a: MatchingProfile, b: MatchingProfile, aTrigrams?: Uint32Array): { similarity: number; specificTerms: number } {
  const x = a.terms;
  const y = b.terms;
  let i = 0;
  let j = 0;
  let shared = 0;
  let weightA = 0;
  let weightB = 0;
  let specificTerms = 0;
  while (i < x.length && j < y.length) {
    const s = x[i]!;
    const u = y[j]!;
    if (s < u) {
      weightA += termWeight(s);
      i++;
    } else if (u < s) {
      weightB += termWeight(u);
      j++;
    } else {
      const w = termWeight(s);
      shared += w;
      weightA += w;
      weightB += w;
      if (w >= 1 && !a.unitWords.includes(s) && !b.unitWords.includes(s)) specificTerms++;
      i++;
      j++;
    }
  }
  for (; i < x.length; i++) weightA += termWeight(x[i]!);
  for (; j < y.length; j++) weightB += termWeight(y[j]!);
  if (weightA === 0 || weightB === 0) return { similarity: 0, specificTerms };
  const dice = (2 * shared) / (weightA + weightB);
  const containment = shared / Math.min(weightA, weightB);
  const trigrams = sketchJaccard(aTrigrams ?? decodeSketch(a.trigrams), decodeSketch(b.trigrams));
  return { similarity: 0.4 * dice + 0.3 * containment + 0.3 * trigrams, specificTerms };
}
