/**
 * Tracking numbers and access codes use an alphabet without characters people confuse when
 * reading aloud or copying from a phone screen: no 0/O, 1/I/L, and no U (read as V).
 */
export const READABLE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

const PREFIX = "PGH";

/** Check character (weighted sum mod 30) so that a mistyped tracking number is caught at once. */
function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * READABLE_ALPHABET.indexOf(body[i]!);
  return READABLE_ALPHABET[sum % READABLE_ALPHABET.length]!;
}

/** Seven random characters and a check character: "PGH-7KMQ-4X9C". `randomIndex(n)` returns 0..n-1. */
export function generateTrackingNumber(randomIndex: (n: number) => number): string {
  let body = "";
  for (let i = 0; i < 7; i++) body += READABLE_ALPHABET[randomIndex(READABLE_ALPHABET.length)];
  const full = body + checkCharacter(body);
  return `${PREFIX}-${full.slice(0, 4)}-${full.slice(4)}`;
}

/**
 * Accepts what people type ("pgh 7kmq 4x9c", "7KMQ-4X9C") and returns the canonical tracking
 * number, or null if it cannot be one (wrong length, a character outside the alphabet, bad check).
 */
export function normalizeTrackingNumber(input: string): string | null {
  let compact = input.toUpperCase().replace(/[\s\-_.]/g, "");
  if (compact.startsWith(PREFIX)) compact = compact.slice(PREFIX.length);
  if (compact.length !== 8 || [...compact].some((c) => !READABLE_ALPHABET.includes(c))) return null;
  if (checkCharacter(compact.slice(0, 7)) !== compact[7]) return null;
  return `${PREFIX}-${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** An access code of ten characters, shown as "ABCDE-FGHJK". */
export function formatAccessCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function normalizeAccessCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.]/g, "");
}
