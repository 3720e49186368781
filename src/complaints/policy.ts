import type { CurrentUser } from "../accounts/roles.js";
import type { Confidentiality, Desk } from "./vocabulary.js";

/**
 * Who may see and do what with complaints. Pure one-liners. Focal points see only their own
 * Pemda's cases; a confidential reporter's identity is seen by Ombudsman staff (assistants) only
 * — never by focal points (who work with the reported unit), administrators or auditors.
 */
export const canViewComplaint = (user: CurrentUser, complaint: { regionId: number }) =>
  user.role === "admin" || user.role === "assistant" || user.role === "auditor" || (user.role === "focal_point" && user.regionId === complaint.regionId);

export const canListAllComplaints = (user: CurrentUser) => user.role === "admin" || user.role === "assistant" || user.role === "auditor";

/** Staff intake: assistants for the Ombudsman desk, focal points for their Pemda's Inspektorat desk. */
export const canRegisterComplaint = (user: CurrentUser, desk: Desk, regionId: number) =>
  user.role === "admin" || (user.role === "assistant" && desk === "ombudsman") || (user.role === "focal_point" && desk === "inspektorat" && user.regionId === regionId);

/** The Inspektorat's register is imported by administrators and the Pemda's own Inspektorat focal points. */
export const canImportRegister = (user: CurrentUser, regionId?: number) =>
  user.role === "admin" || (user.role === "focal_point" && user.office === "inspektorat" && (regionId === undefined || user.regionId === regionId));

export type Viewer = { kind: "citizen" } | { kind: "staff"; user: CurrentUser } | { kind: "public" };

/** Whether this viewer may see who the reporter is, given the reporter's choice. */
export function canSeeReporterIdentity(viewer: Viewer, confidentiality: Confidentiality): boolean {
  if (viewer.kind === "citizen") return true; // their own complaint, opened with its access code
  if (viewer.kind === "public") return confidentiality === "public";
  if (viewer.user.role === "assistant") return true;
  if (viewer.user.role === "focal_point") return confidentiality !== "confidential";
  return false;
}

/**
 * In which capacities a staff member acts on a case: as the Ombudsman (assistants, on every case),
 * or as its handler (a focal point of the case's Pemda: of the office it is routed to, or of the
 * Inspektorat for the Inspektorat's own desk before routing). Administrators and auditors have no
 * workflow capacity.
 */
export function capacitiesOf(user: CurrentUser, complaint: { regionId: number; desk: string; assignedOfficeKind: string | null }): Array<"ombudsman" | "handler"> {
  if (user.role === "assistant") return ["ombudsman"];
  if (user.role !== "focal_point" || user.regionId !== complaint.regionId) return [];
  const handlesIt = complaint.assignedOfficeKind ? user.office === complaint.assignedOfficeKind : complaint.desk === "inspektorat" && user.office === "inspektorat";
  return handlesIt ? ["handler"] : [];
}
