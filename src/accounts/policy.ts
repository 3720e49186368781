import type { CurrentUser } from "./roles.js";

/**
 * Who may do what with staff accounts and region data. Pure one-liners: values in, boolean out.
 * Focal points are bound to one Pemda; the assistant and the auditor see every Pemda; only the
 * administrator manages accounts; the auditor never changes anything.
 */
export const canManageUsers = (user: CurrentUser) => user.role === "admin";

export const canSeeAllRegions = (user: CurrentUser) => user.role === "admin" || user.role === "assistant" || user.role === "auditor";

export const canSeeRegion = (user: CurrentUser, regionId: number) => canSeeAllRegions(user) || (user.role === "focal_point" && user.regionId === regionId);

export const isReadOnly = (user: CurrentUser) => user.role === "auditor";

export const canViewQueueMonitor = (user: CurrentUser) => user.role === "admin";

/** Every staff member manages their own password, sessions and API tokens. */
export const canManageOwnAccount = (_user: CurrentUser) => true;
