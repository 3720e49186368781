import { createUser } from "../src/accounts/create-user.js";
import type { Role } from "../src/accounts/roles.js";
import { newUserSchema } from "../src/accounts/schemas.js";
import { SYSTEM_ACTOR } from "../src/audit/record-audit-event.js";

let sequence = 0;
export const DEFAULT_PASSWORD = "kata sandi yang panjang";

export interface UserOverrides {
  email?: string;
  name?: string;
  role?: Role;
  regionCode?: string;
  office?: "inspektorat" | "organisasi";
  password?: string | null;
  locale?: "id" | "en";
}

/** Creates a staff account through the real use case; focal points default to Kabupaten Kupang's Inspektorat. */
export async function buildUser(overrides: UserOverrides = {}) {
  sequence += 1;
  const role = overrides.role ?? "assistant";
  const input = newUserSchema.parse({
    email: overrides.email ?? `${role}.${sequence}.${process.pid}@penghubung.test`,
    name: overrides.name ?? `Test ${role} ${sequence}`,
    role,
    regionCode: overrides.regionCode ?? (role === "focal_point" ? "53.01" : undefined),
    office: overrides.office ?? (role === "focal_point" ? "inspektorat" : undefined),
    password: overrides.password === null ? undefined : (overrides.password ?? DEFAULT_PASSWORD),
    locale: overrides.locale ?? "id",
  });
  const { user, invitationUrl } = await createUser(input, SYSTEM_ACTOR);
  return { ...user, password: overrides.password === null ? null : (overrides.password ?? DEFAULT_PASSWORD), invitationUrl };
}
