import { buildMatchingProfile } from "../../src/duplicates/build-matching-profile.js";
import type { ComplaintForMatching, MatchingProfile } from "../../src/duplicates/matching-profile.js";

export const TEST_SECRET = "test-matching-secret-0123456789abcdef";

type Overrides = Omit<Partial<ComplaintForMatching>, "reporter"> & { reporter?: Partial<ComplaintForMatching["reporter"]> };

/** A complaint about extortion for an e-KTP at Dukcapil Kota Kupang; override what a test varies. */
export function buildComplaint(overrides: Overrides = {}): ComplaintForMatching {
  const { reporter, ...rest } = overrides;
  return {
    reporter: { name: "Yohanes Bria", nik: "5371041203850002", phone: "0812-3791-4406", email: "yohanes.bria85@gmail.com", ...reporter },
    regionCode: "53.71",
    unitId: 715,
    unitName: "Dinas Kependudukan dan Pencatatan Sipil Kota Kupang",
    unitKind: "DUKCAPIL",
    subject: "KTP elektronik tidak kunjung dicetak dan diminta membayar melalui perantara",
    description:
      "Saya merekam KTP elektronik pada April 2025 dan sampai sekarang belum dicetak karena blanko habis. Petugas loket menyuruh saya menemui perantara bernama Om Yanto di depan kantor yang meminta Rp 100.000 agar KTP dicetak hari itu juga.",
    incidentDate: "2025-08-04",
    ...rest,
  };
}

export function profile(overrides: Overrides = {}): MatchingProfile {
  return buildMatchingProfile(buildComplaint(overrides), TEST_SECRET);
}
