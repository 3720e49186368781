import type { CurrentUser } from "../accounts/roles.js";

/**
 * Who may see and change the focal-point registry (Pemda, units, offices, appointments, routing
 * rules). The Ombudsman assistant monitors every Pemda's focal points, so reads it; only the
 * administrator changes it.
 */
export const canViewRegistry = (user: CurrentUser) => user.role === "admin" || user.role === "assistant";

export const canManageRegistry = (user: CurrentUser) => user.role === "admin";
