/**
 * Rounds a score to the two decimals the Ombudsman publishes, half up (87.995 -> 88.00, as a
 * spreadsheet's ROUND does). Binary floating point stores 87.995 as 87.99499999…, so the value is
 * first cleaned to 6 decimals of hundredths; no genuine score carries that much precision.
 * Units: points 0..100. Source: published figures are given with two decimals (e.g. seed 004).
 */
export function roundScore(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`score must be a finite number, got ${value}`);
  const hundredths = Number((Math.abs(value) * 100).toFixed(6));
  return (Math.sign(value) * Math.round(hundredths)) / 100 || 0;
}

/**
 * Plain mean of unit scores, rounded to two decimals: a Pemda's score is the mean of its assessed
 * units (domain brief section 6). Pass full-precision unit totals; the Ombudsman's published
 * totals show that rounding happens once, at the end (see compute-assessment.ts).
 */
export function meanScore(scores: readonly number[]): number {
  if (scores.length === 0) throw new RangeError("cannot average an empty list of scores");
  return roundScore(scores.reduce((sum, score) => sum + score, 0) / scores.length);
}
