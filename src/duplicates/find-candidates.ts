import { logger } from "../logger.js";
import { identityKeys } from "./identity-keys.js";
import { type MatchingProfile, PROFILE_VERSION } from "./matching-profile.js";
import { MATCHING_THRESHOLDS } from "./score-candidate.js";
import { type RetrievalQuery, searchIndex } from "./search-index.js";
import { searchTerms } from "./search-terms.js";
import { CANDIDATE_WINDOW_DAYS, dayToCivilDate, queryTokens } from "./search-tokens.js";

/**
 * How many complaints each index may propose, and in all. Scoring a candidate costs about 15 µs
 * and reading and parsing its profile about as much; duplicates and related complaints rank at the
 * top of their index (the same reporter's keys, specific shared terms, the closest dates), so 120
 * keep the check inside its 25 ms budget whatever the archive's size without losing them.
 */
export const CANDIDATE_LIMITS = { identity: 50, text: 60, unit: 20, total: 120 } as const;

const VIA = ["identity", "text", "unit"] as const;

/** A stored complaint worth scoring, with the index that proposed it. */
export interface Candidate {
  complaintId: number;
  via: (typeof VIA)[number];
  profile: MatchingProfile;
}

/**
 * The stored complaints a complaint may duplicate or relate to, found through three indexes and
 * never by reading the archive: the same reporter (identity keys), the same words (search tokens)
 * and the same unit, each within the same Pemda and the incident-date window of the widest verdict.
 * Other Pemda's complaints are never candidates: the engine calls none of them duplicate or related.
 * Both desks count: finding the other desk's case is the point.
 */
export async function findCandidates(profile: MatchingProfile, where: { regionId: number; excludeId?: number }, limits = CANDIDATE_LIMITS): Promise<Candidate[]> {
  if (profile.incidentDay === null) return [];
  const day = profile.incidentDay;
  const query = retrievalQuery(profile, day, where, limits);
  const rows = await searchIndex.retrieve(query);
  const candidates: Candidate[] = [];
  let stale = 0;
  for (const row of rows) {
    if (row.version !== PROFILE_VERSION) stale += 1;
    else candidates.push({ complaintId: row.complaintId, via: VIA[row.via], profile: JSON.parse(row.profile) as MatchingProfile });
  }
  if (stale) logger.warn({ stale }, "duplicate check skipped profiles of another version: run `npm run cli -- duplicates rebuild`");
  return candidates;
}

/** The index lookups a profile needs (see SearchIndex.retrieve). */
export function retrievalQuery(profile: MatchingProfile, day: number, where: { regionId: number; excludeId?: number }, limits = CANDIDATE_LIMITS): RetrievalQuery {
  const relatedDays = MATCHING_THRESHOLDS.relatedDays;
  return {
    regionId: where.regionId,
    from: dayToCivilDate(day - CANDIDATE_WINDOW_DAYS),
    to: dayToCivilDate(day + CANDIDATE_WINDOW_DAYS),
    digests: identityKeys(profile).map((key) => key.digest),
    identityLimit: limits.identity * 4,
    tokens: queryTokens(where.regionId, day, searchTerms(profile)),
    textLimit: limits.text,
    unit: profile.unitId === null ? null : { unitId: profile.unitId, from: dayToCivilDate(day - relatedDays), to: dayToCivilDate(day + relatedDays), day: dayToCivilDate(day), limit: limits.unit },
    excludeId: where.excludeId ?? null,
    total: limits.total,
  };
}
