import { contentWords, encodeSketch, placeWords, termsOfWords, termWeight, trigramSketch } from "./indonesian-text.js";
import { keyedDigest } from "./keyed-digest.js";
import { type ComplaintForMatching, type MatchingProfile, type NameWordDigests, PROFILE_VERSION } from "./matching-profile.js";
import { normaliseEmail, normaliseNik, normalisePhone } from "./normalise-identity.js";
import { nameWordKeys, nameWordSound, personNameWords } from "./person-names.js";
import { unitKindOfName, unitNameWords } from "./unit-names.js";

/** Name words are short and many: 8 bytes keep collisions negligible at a fraction of the size. */
const NAME_DIGEST_BYTES = 8;

/**
 * The matching profile of a complaint: identity as keyed digests under `secret` (the same secret for
 * every profile that will be compared; changing it means rebuilding them all), the unit, the
 * incident day, the stems and a trigram sketch of subject and description. Pure and deterministic.
 */
export function buildMatchingProfile(complaint: ComplaintForMatching, secret: string): MatchingProfile {
  const digest = (purpose: string, value: string | null) => (value === null ? null : keyedDigest(secret, purpose, value));
  const nameWords = personNameWords(complaint.reporter.name);
  const nameDigest = (value: string) => keyedDigest(secret, "name", value, NAME_DIGEST_BYTES);
  const name: NameWordDigests[] = nameWords.map((word) => {
    const keys = nameWordKeys(word);
    const form = (value: string) => nameDigest(`form:${value}`);
    return [nameDigest(keys.spelling), nameDigest(keys.sound), nameDigest(keys.initial), keys.shortForm === "" ? "" : form(keys.shortForm), keys.longForms.map(form)];
  });
  const words = contentWords(`${complaint.subject}\n${complaint.description}`);
  const placeTerms = termsOfWords(placeWords(`${complaint.subject}\n${complaint.description}`));
  const unitWords = unitNameWords(complaint.unitName);
  return {
    version: PROFILE_VERSION,
    regionCode: complaint.regionCode.trim(),
    unitId: complaint.unitId ?? null,
    unitKind: complaint.unitKind ?? unitKindOfName(complaint.unitName),
    unitWords,
    incidentDay: civilDay(complaint.incidentDate),
    category: complaint.category ?? null,
    reporter: {
      nik: digest("nik", normaliseNik(complaint.reporter.nik)),
      phone: digest("phone", normalisePhone(complaint.reporter.phone)),
      email: digest("email", normaliseEmail(complaint.reporter.email)),
      name,
      nameKeys: nameIndexKeys(nameWords).map((key) => keyedDigest(secret, "name-key", key)),
    },
    terms: termsOfWords(words),
    subjectTerms: subjectTermsOf(complaint, new Set([...placeTerms, ...unitWords])),
    placeTerms,
    trigrams: encodeSketch(trigramSketch(words)),
  };
}

/**
 * The stems that name the matter: the subject's, or, when the subject says nothing specific once
 * places and the unit are set aside ("Pengaduan", "Mohon bantuan", "Saya warga Desa Makata Keri"),
 * the subject with as many opening sentences of the description as it takes (three at most).
 */
function subjectTermsOf(complaint: ComplaintForMatching, setAside: ReadonlySet<string>): string[] {
  const informative = (terms: readonly string[]) => terms.filter((term) => !setAside.has(term)).reduce((sum, term) => sum + termWeight(term), 0) >= 1;
  let text = complaint.subject;
  let terms = termsOfWords(contentWords(text));
  const sentences = complaint.description.split(/(?<=[.!?])\s+|\n+/);
  for (let i = 0; i < 3 && i < sentences.length && !informative(terms); i++) {
    text += ` ${sentences[i]}`;
    terms = termsOfWords(contentWords(text));
  }
  return terms;
}

/**
 * Index keys of a name, by sound so spelling variants meet: the whole name, and for names of three
 * words or more every pair, so "Maria Goretti" finds "Maria Goreti Bano". Initials are left out.
 */
function nameIndexKeys(words: readonly string[]): string[] {
  const sounds = [...new Set(words.filter((word) => word.length > 1).map(nameWordSound))].sort();
  if (sounds.length === 0) return [];
  const keys = new Set([sounds.join(" ")]);
  if (sounds.length >= 3) {
    for (let i = 0; i < sounds.length; i++) for (let j = i + 1; j < sounds.length; j++) keys.add(`${sounds[i]} ${sounds[j]}`);
  }
  return [...keys];
}

/** Days since 1970-01-01 of a civil date "YYYY-MM-DD"; null when it is not one. */
export function civilDay(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(time / 86_400_000);
}
