/** Staff roles (domain brief §1). */
export const ROLES = ["admin", "assistant", "focal_point", "auditor"] as const;
export type Role = (typeof ROLES)[number];

/** The two offices of a Pemda that appoint focal points (seed 003, point 8). */
export const OFFICES = ["inspektorat", "organisasi"] as const;
export type Office = (typeof OFFICES)[number];

/** The signed-in staff member, as every policy and use case sees them. */
export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  regionId: number | null;
  office: Office | null;
  locale: string;
}
