/** The Ombudsman's maladministration categories (domain brief §3), as stable keys. */
export const CATEGORIES = [
  "penundaan_berlarut",
  "penyimpangan_prosedur",
  "tidak_memberikan_pelayanan",
  "permintaan_imbalan",
  "tidak_kompeten",
  "diskriminasi",
  "penyalahgunaan_wewenang",
  "tidak_patut",
  "berpihak",
  "konflik_kepentingan",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Who holds a case. */
export const DESKS = ["ombudsman", "inspektorat"] as const;
export type Desk = (typeof DESKS)[number];

/** How a complaint arrived. The first three are the citizen's own; the rest are entered by staff. */
export const CHANNELS = ["web", "api", "open311", "walk_in", "letter", "phone", "whatsapp", "sp4n_lapor", "inspektorat_register"] as const;
export type Channel = (typeof CHANNELS)[number];
export const STAFF_CHANNELS = ["walk_in", "letter", "phone", "whatsapp", "sp4n_lapor", "inspektorat_register"] as const satisfies readonly Channel[];

/** Whom the reporter complained to before (UU 37/2008 Ps. 24(1): first to the terlapor or its superior). */
export const PRIOR_COMPLAINT_TARGETS = ["unit", "superior", "inspektorat", "ombudsman", "other"] as const;

/**
 * public: identity may be shared with those handling the case; anonymous: hidden in public
 * listings; confidential: only Ombudsman staff see it (domain brief §3 and §7).
 */
export const CONFIDENTIALITY = ["public", "anonymous", "confidential"] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];
