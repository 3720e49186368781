import { termWeight } from "./indonesian-text.js";
import { MATCHING_THRESHOLDS } from "./score-candidate.js";

/**
 * Days per incident-date bucket of the search index: 32, so that a day's own bucket and the two
 * beside it always cover the ±31 days within which two complaints can still be one matter
 * (MATCHING_THRESHOLDS.duplicateDays).
 */
export const DATE_BUCKET_DAYS = 32;

/** The incident-date bucket (whole DATE_BUCKET_DAYS-day periods since 1970-01-01) of a day. */
export function dateBucket(day: number): number {
  return Math.floor(day / DATE_BUCKET_DAYS);
}

/** A stem the ascii tokenizer keeps whole: stems are made of [a-z0-9] already, this only guards. */
const isIndexable = (term: string) => /^[a-z0-9]+$/.test(term);

/**
 * The tokens under which a complaint goes into the search index: each stem qualified by its Pemda
 * (region id) and incident-date bucket ("r12b633tktp"), so that one posting list holds only one
 * Pemda's complaints of about one month and a lookup never walks the whole archive. Letters
 * separate the numbers, so no two (Pemda, bucket, stem) triples share a token.
 */
export function indexTokens(regionId: number, incidentDay: number | null, terms: readonly string[]): string[] {
  if (incidentDay === null) return [];
  const prefix = `r${regionId}b${dateBucket(incidentDay)}t`;
  return [...new Set(terms.filter(isIndexable))].map((term) => prefix + term);
}

/**
 * The tokens a complaint looks for, with the weight each adds to a candidate's rank: its search
 * terms (searchTerms) in its own bucket and the two beside it, weighted by termWeight (amounts and
 * names count more than topic words).
 */
export function queryTokens(regionId: number, incidentDay: number | null, terms: readonly string[]): Array<{ token: string; weight: number }> {
  if (incidentDay === null) return [];
  const bucket = dateBucket(incidentDay);
  return terms.filter(isIndexable).flatMap((term) =>
    [bucket - 1, bucket, bucket + 1].map((b) => ({ token: `r${regionId}b${b}t${term}`, weight: termWeight(term) })),
  );
}

/** Days before and after the incident within which candidates are looked for: the widest window of any verdict (days). */
export const CANDIDATE_WINDOW_DAYS = Math.max(MATCHING_THRESHOLDS.duplicateDays, MATCHING_THRESHOLDS.relatedDays);

/** The civil date "YYYY-MM-DD" of a day counted since 1970-01-01 (the inverse of civilDay). */
export function dayToCivilDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Postings a text search may read (count): enough for the rare tokens that single out a matter,
 * far below what the common ones of a busy month would cost at a million complaints (thousands
 * each). Keeps the search's cost flat as the archive grows.
 */
export const POSTINGS_BUDGET = 4_000;

/**
 * The tokens worth looking up, given how many complaints hold each (`postings`, from the index):
 * none that no complaint holds, then the rarest first (the most telling, and the cheapest) while the
 * total stays within the budget, and always at least `minimum` of them so that a complaint of only
 * common words still finds its neighbours. Pure.
 */
export function affordableTokens<T extends { postings: number }>(tokens: readonly T[], budget = POSTINGS_BUDGET, minimum = 3): T[] {
  const held = tokens.filter((token) => token.postings > 0).sort((a, b) => a.postings - b.postings);
  const chosen: T[] = [];
  let total = 0;
  for (const token of held) {
    if (chosen.length >= minimum && total + token.postings > budget) break;
    chosen.push(token);
    total += token.postings;
  }
  return chosen;
}
