import { decodeSketch } from "./indonesian-text.js";
import type { MatchingProfile } from "./matching-profile.js";
import { type CandidateMatch, scoreCandidate, type Verdict } from "./score-candidate.js";

const RANK: Record<Verdict, number> = { duplicate: 2, related: 1, none: 0 };

/** A candidate with its verdict, score and reasons. */
export type ClassifiedCandidate<C> = C & { match: CandidateMatch };

/**
 * Scores every candidate against a new complaint's profile. The overall verdict is the strongest
 * one found (duplicate, then related, then none); candidates come back duplicates first, then by
 * score, and without the "none" ones unless `keepNone` is set.
 */
export function classifyCandidates<C extends { profile: MatchingProfile }>(
  newProfile: MatchingProfile,
  candidates: readonly C[],
  options: { keepNone?: boolean } = {},
): { verdict: Verdict; candidates: Array<ClassifiedCandidate<C>> } {
  // Decoded once for all candidates: the new profile's sketch is the one compared every time.
  const newTrigrams = decodeSketch(newProfile.trigrams);
  const scored = candidates
    .map((candidate) => ({ ...candidate, match: scoreCandidate(newProfile, candidate.profile, { newTrigrams }) }))
    .filter((candidate) => options.keepNone || candidate.match.verdict !== "none")
    .sort((x, y) => RANK[y.match.verdict] - RANK[x.match.verdict] || y.match.score - x.match.score);
  const verdict = scored.reduce<Verdict>((best, candidate) => (RANK[candidate.match.verdict] > RANK[best] ? candidate.match.verdict : best), "none");
  return { verdict, candidates: scored };
}
