/**
 * What the duplicate check reads from a complaint, and the compact profile it keeps of one.
 * The profile is plain JSON, holds no identity in clear (NIK, phone, email and name words are keyed
 * digests) and is enough to score a pair without reading the complaint again.
 */

/** The fields of a complaint (new or stored) that matching uses. */
export interface ComplaintForMatching {
  reporter: { name: string; nik?: string | null; phone?: string | null; email?: string | null };
  /** Kemendagri code of the Pemda ("53.71"). */
  regionCode: string;
  unitId?: number | null;
  unitName?: string | null;
  /** KESEHATAN | PENDIDIKAN | SOSIAL | DPMPTSP | DUKCAPIL | PUSKESMAS | OTHER */
  unitKind?: string | null;
  subject: string;
  description: string;
  /** Civil date "YYYY-MM-DD". */
  incidentDate: string;
  category?: string | null;
}

/** One name word: keyed digests of its spelling key, sound key, first letter, short form and long forms (see NameWordKeys). */
export type NameWordDigests = [spelling: string, sound: string, initial: string, shortForm: string, longForms: string[]];

/** Bump when the profile's content or meaning changes: stored profiles of another version must be rebuilt. */
export const PROFILE_VERSION = 1;

export interface MatchingProfile {
  version: typeof PROFILE_VERSION;
  regionCode: string;
  unitId: number | null;
  unitKind: string | null;
  /** Distinguishing words of the unit name as written ("puskesmas", "oepoi"); not identity. */
  unitWords: string[];
  /** Incident date as days since 1970-01-01 (UTC civil date); null when the date was unreadable. */
  incidentDay: number | null;
  category: string | null;
  reporter: {
    nik: string | null;
    phone: string | null;
    email: string | null;
    name: NameWordDigests[];
    /** Keys for the identity index: the whole name, and pairs of its words for long names. */
    nameKeys: string[];
  };
  /** Distinct stems of the subject and description, sorted. */
  terms: string[];
  /** Distinct stems of the subject (or, if it says nothing, of the opening sentences), sorted: the words that name the matter. */
  subjectTerms: string[];
  /** Stems of place names in the text (after desa, kelurahan, SD, pasar...), sorted: where, not what. */
  placeTerms: string[];
  /** Bottom-k sketch of character trigram hashes, base64 (see indonesian-text.ts). */
  trigrams: string;
}
