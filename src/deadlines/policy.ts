import type { CurrentUser } from "../accounts/roles.js";

/**
 * Who may change the working-day calendar and the deadline policy: administrators. The Ombudsman
 * assistant, who is escalated to when deadlines are missed, may read both.
 */
export const canManageDeadlines = (user: CurrentUser) => user.role === "admin";

export const canViewDeadlineSettings = (user: CurrentUser) => user.role === "admin" || user.role === "assistant";
