import type { CurrentUser } from "../accounts/roles.js";

/**
 * Who may see and change what of the compliance assessment. Pure one-liners. The Ombudsman's
 * assistants assess every Pemda (the auditor reads everything, changes nothing); a focal point
 * sees its own Pemda's units down to the cases and records its own units' facts and evidence;
 * everyone, signed in or not, sees the published figures.
 */
export const canViewAllScores = (user: CurrentUser) => user.role === "admin" || user.role === "assistant" || user.role === "auditor";

/** The Pemda page, its units, indicators and the cases behind them. */
export const canViewRegionScores = (user: CurrentUser, regionId: number) => canViewAllScores(user) || (user.role === "focal_point" && user.regionId === regionId);

/** Channels, officers, SOP, periodic reports and corrective actions of a unit. */
export const canRecordUnitFacts = (user: CurrentUser, regionId: number) => user.role === "admin" || user.role === "assistant" || (user.role === "focal_point" && user.regionId === regionId);

/** The assessors' input, proses and output points (the assessors are Ombudsman staff). */
export const canEnterAssessorPoints = (user: CurrentUser) => user.role === "admin" || user.role === "assistant";

/** Publishing a year's figures to the public page, and asking for a recomputation now. */
export const canPublishScores = (user: CurrentUser) => user.role === "admin" || user.role === "assistant";

/** Adding a methodology version (a year, or a revision of one). */
export const canManageMethodology = (user: CurrentUser) => user.role === "admin";

/** The checklist of the Ombudsman's standing recommendations, with evidence. */
export const canEditRecommendations = (user: CurrentUser, regionId: number) => canRecordUnitFacts(user, regionId);
