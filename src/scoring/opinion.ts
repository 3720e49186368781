import type { Category, Methodology, Zone } from "./methodology.js";
import { roundScore } from "./rounding.js";

export interface Opinion {
  /** The score as published: two decimals, half up. */
  score: number;
  /** A-E from 2022 on; null for years that used zones only (2021). */
  category: Category | null;
  zone: Zone;
}

/**
 * The opinion (category and zone) of a score 0..100 under a methodology year. The score is first
 * rounded to the published two decimals, then placed in the band whose `min` it reaches: 87.995
 * rounds to 88.00 (A in 2024) while 87.994 stays 87.99 (B); exactly 78.00 is B. Source: the
 * methodology file's bands (2024: A 88-100, B 78-87.99, C 54-77.99, D 32-53.99, E below 32).
 */
export function opinionOf(methodology: Methodology, score: number): Opinion {
  const rounded = roundScore(score);
  if (rounded < 0 || rounded > 100) throw new RangeError(`score ${score} is outside 0..100`);
  const band = methodology.bands.find((b) => rounded >= b.min);
  // The schema guarantees the last band starts at 0, so a band is always found.
  if (!band) throw new Error(`methodology ${methodology.id} has no band for ${rounded}`);
  return { score: rounded, category: band.category, zone: band.zone };
}
