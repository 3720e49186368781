import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { applyCaseEvent } from "../../deadlines/apply-case-event.js";
import { CASE_EVENT_OF_ACTION } from "../../deadlines/case-events.js";
import type { AfterCommit, Tx } from "../../db.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { nextState, type Action, type State } from "../states.js";
import { auditActor, type CaseActor } from "./case-actor.js";
import type { LoadedCase } from "./load-case.js";

export interface TransitionInput {
  complaint: LoadedCase;
  action: Action;
  actor: CaseActor;
  at: Date;
  /** further fields of the complaint to change with the state (timestamps, outcome...) */
  update?: Prisma.ComplaintUncheckedUpdateInput;
  /** recorded in the audit entry */
  data?: Record<string, unknown>;
  /** shown on the citizen's timeline */
  isPublic?: boolean;
}

/**
 * Moves a case to its next state and records the step in its audit trail, in the caller's
 * transaction. Every workflow use case ends here, so no state change escapes the trail.
 * The update is conditional on the state read, so two people acting at once cannot both win.
 * The step's case event then starts, meets, pauses, resumes or cancels the case's deadlines.
 */
export async function applyTransition(tx: Tx, afterCommit: AfterCommit, input: TransitionInput): Promise<State> {
  const from = input.complaint.status as State;
  const to = nextState(from, input.action);
  const { count } = await tx.complaint.updateMany({
    where: { id: input.complaint.id, status: from },
    data: { ...(input.update as Prisma.ComplaintUncheckedUpdateManyInput), updatedAt: input.at, ...(to !== from ? { status: to, statusChangedAt: input.at } : {}) },
  });
  if (count !== 1) throw Object.assign(new Error(`case ${input.complaint.trackingNumber} changed while acting on it`), { code: "P2034" });
  await recordAuditEvent(tx, {
    stream: `complaint:${input.complaint.id}`,
    actor: auditActor(input.actor),
    action: `complaint.${input.action}`,
    entityType: "complaint",
    entityId: input.complaint.id,
    data: { from, to, ...(input.data ?? {}) },
    isPublic: input.isPublic ?? false,
    at: input.at,
  });
  const event = CASE_EVENT_OF_ACTION[input.action];
  if (event) await applyCaseEvent(tx, afterCommit, { complaintId: input.complaint.id, event, at: input.at });
  input.complaint.status = to;
  return to;
}
