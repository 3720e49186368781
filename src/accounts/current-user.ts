import type { User } from "../generated/prisma/client.js";
import type { CurrentUser, Office, Role } from "./roles.js";

export function toCurrentUser(user: Pick<User, "id" | "email" | "name" | "role" | "regionId" | "office" | "locale">): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    regionId: user.regionId,
    office: (user.office as Office | null) ?? null,
    locale: user.locale,
  };
}

export const currentUserSelect = { id: true, email: true, name: true, role: true, regionId: true, office: true, locale: true } as const;
