import type { Tx } from "../../db.js";
import { DomainError, notFound } from "../../http/errors.js";
import { canViewComplaint, capacitiesOf } from "../policy.js";
import { IllegalTransition, nextState, TRANSITIONS, type Action, type Capacity, type State } from "../states.js";
import { normalizeTrackingNumber } from "../tracking-number.js";
import type { CaseActor } from "./case-actor.js";

export const caseSelect = {
  id: true,
  trackingNumber: true,
  status: true,
  desk: true,
  regionId: true,
  unitId: true,
  unitName: true,
  category: true,
  topic: true,
  subject: true,
  locale: true,
  duplicateOfId: true,
  duplicateVerdict: true,
  firstAnsweredAt: true,
  assignedOfficeId: true,
  assignedOffice: { select: { id: true, kind: true, name: true } },
  region: { select: { id: true, code: true, name: true } },
  unit: { select: { id: true, name: true, kind: true, isInspektorat: true } },
  reporter: { select: { name: true, email: true, confidentiality: true } },
} as const;

export type LoadedCase = NonNullable<Awaited<ReturnType<typeof findCase>>>;

function findCase(tx: Tx, where: { trackingNumber: string } | { id: number }) {
  return tx.complaint.findUnique({ where, select: caseSelect });
}

/**
 * Loads a case for an action inside the caller's transaction and checks, in this order: the actor
 * may see the case (else "not found"), acts in a capacity the action allows (else "forbidden"),
 * the workflow allows the action from the case's state (else a clear "conflict" naming both),
 * and a reason is given where the action needs one.
 */
export async function loadCaseForAction(tx: Tx, ref: string | { id: number }, actor: CaseActor, action: Action, options: { reason?: string | null } = {}) {
  const trackingNumber = typeof ref === "string" ? normalizeTrackingNumber(ref) : null;
  const complaint = typeof ref === "string" ? (trackingNumber ? await findCase(tx, { trackingNumber }) : null) : await findCase(tx, ref);
  if (!complaint) throw notFound("errors.complaint_not_found");
  const capacities = capacitiesFor(actor, complaint);
  if (actor.kind === "user" && !canViewComplaint(actor.user, complaint)) throw notFound("errors.complaint_not_found");
  if (!TRANSITIONS[action].by.some((c) => capacities.includes(c))) throw new DomainError("forbidden", "errors.action_not_yours", { action });
  try {
    nextState(complaint.status as State, action);
  } catch (error) {
    if (error instanceof IllegalTransition) throw new DomainError("conflict", "errors.illegal_transition", { action, state: complaint.status });
    throw error;
  }
  if (TRANSITIONS[action].requiresReason && !options.reason?.trim()) throw new DomainError("validation_failed", "errors.reason_required");
  return complaint;
}

export function capacitiesFor(actor: CaseActor, complaint: { regionId: number; desk: string; assignedOffice: { kind: string } | null }): Capacity[] {
  if (actor.kind === "citizen") return ["citizen"];
  if (actor.kind === "system") return ["system"];
  return capacitiesOf(actor.user, { regionId: complaint.regionId, desk: complaint.desk, assignedOfficeKind: complaint.assignedOffice?.kind ?? null });
}
