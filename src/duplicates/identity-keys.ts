import type { MatchingProfile } from "./matching-profile.js";

/** One row of the identity index: a keyed digest and which identity field it comes from. */
export interface IdentityKey {
  kind: "nik" | "phone" | "email" | "name";
  digest: string;
}

/**
 * The keys under which a complaint goes into the identity index (and with which a new complaint
 * looks its reporter up): NIK, phone, email and name keys, all keyed digests already in the profile,
 * so neither the index nor the profile holds identity in clear.
 */
export function identityKeys(profile: MatchingProfile): IdentityKey[] {
  const keys: IdentityKey[] = [];
  const { nik, phone, email, nameKeys } = profile.reporter;
  if (nik) keys.push({ kind: "nik", digest: nik });
  if (phone) keys.push({ kind: "phone", digest: phone });
  if (email) keys.push({ kind: "email", digest: email });
  for (const digest of nameKeys) keys.push({ kind: "name", digest });
  return keys;
}
