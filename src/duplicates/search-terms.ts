import { termWeight } from "./indonesian-text.js";
import type { MatchingProfile } from "./matching-profile.js";

/**
 * The text to put in a full-text index column for a complaint: its stems, space-separated. Index
 * this rather than the raw text, so that "pelayanan", "dilayani" and "layan" meet.
 */
export function indexText(profile: MatchingProfile): string {
  return profile.terms.join(" ");
}

/**
 * The few terms that best single out a complaint's matter, for an OR query on that index: amounts
 * first, then specific words (names, places: longest first, long stems being rarer), then topic
 * words (ktp, akta, pkh), then the unit's own words. Generic complaint words never. At most `limit`.
 */
export function searchTerms(profile: MatchingProfile, limit = 12): string[] {
  const rank = (term: string) => {
    const weight = termWeight(term);
    if (weight > 1) return 0;
    if (profile.unitWords.includes(term)) return 3;
    return weight === 1 ? 1 : 2;
  };
  return profile.terms
    .filter((term) => termWeight(term) > 0.3 && term.length >= 3)
    .sort((a, b) => rank(a) - rank(b) || b.length - a.length || (a < b ? -1 : 1))
    .slice(0, limit);
}
