import type { AfterCommit, Tx } from "../db.js";
import type { Deadline } from "../generated/prisma/client.js";
import type { CaseEvent } from "./case-events.js";
import { computeDeadline } from "./compute-deadline.js";
import { deadlineEffectsOf } from "./deadline-effects.js";
import { pausesOf, refreshComplaintDeadlines, runningSchedule, storedBasis, storedPauses } from "./deadline-record.js";
import { loadDeadlinePolicyVersion } from "./load-deadline-policy.js";
import { loadDeadlineReference } from "./load-deadline-reference.js";
import { scheduleDeadlineTriggers } from "./schedule-deadline-triggers.js";

export interface CaseEventInput {
  complaintId: number;
  event: CaseEvent;
  /** When it happened; its WITA date is day zero of the deadlines it starts. */
  at: Date;
}

/** Kinds of deadline per effect, as applied. */
export interface AppliedCaseEvent {
  started: string[];
  met: string[];
  paused: string[];
  resumed: string[];
  cancelled: string[];
}

/**
 * Applies one case event to the case's deadlines inside the caller's transaction: meets,
 * cancels, pauses and resumes the open deadlines, each under the policy version it was set with,
 * then starts the deadlines the policy in force starts on this event (an open deadline of the
 * same kind is cancelled first: a re-route or a reopening restarts the clock). Keeps the case's
 * nextDueAt and overdueSince right, and queues the triggers after commit.
 */
export async function applyCaseEvent(tx: Tx, afterCommit: AfterCommit, input: CaseEventInput): Promise<AppliedCaseEvent> {
  const { complaintId, event, at } = input;
  const applied: AppliedCaseEvent = { started: [], met: [], paused: [], resumed: [], cancelled: [] };
  const complaint = await tx.complaint.findUniqueOrThrow({ where: { id: complaintId }, select: { region: { select: { code: true } } } });
  const { calendar, inForce } = await loadDeadlineReference(tx, complaint.region.code);
  const open = await tx.deadline.findMany({ where: { complaintId, metAt: null, cancelledAt: null }, orderBy: { id: "asc" } });
  const changed: Deadline[] = [];

  const cancel = async (deadline: Deadline) => {
    changed.push(await tx.deadline.update({ where: { id: deadline.id }, data: { cancelledAt: at, ...NOTHING_SCHEDULED } }));
    applied.cancelled.push(deadline.kind);
  };

  for (const deadline of open) {
    const policy = await loadDeadlinePolicyVersion(tx, deadline.policyVersion);
    if (!policy.rules.some((rule) => rule.kind === deadline.kind)) continue;
    const effects = deadlineEffectsOf(event, policy);
    if (effects.meet.includes(deadline.kind)) {
      changed.push(await tx.deadline.update({ where: { id: deadline.id }, data: { metAt: at, ...NOTHING_SCHEDULED } }));
      applied.met.push(deadline.kind);
    } else if (effects.cancel.includes(deadline.kind)) {
      await cancel(deadline);
    } else if (effects.pause.includes(deadline.kind)) {
      // A pause after the due time cannot revive a missed deadline (computeDeadline ignores it too).
      if (deadline.pausedAt || deadline.missedAt || at.getTime() > deadline.dueAt.getTime()) continue;
      const pauses = [...pausesOf(deadline), { pausedAt: at, resumedAt: null }];
      changed.push(await tx.deadline.update({ where: { id: deadline.id }, data: { pausedAt: at, pauses: storedPauses(pauses), ...NOTHING_SCHEDULED } }));
      applied.paused.push(deadline.kind);
    } else if (effects.resume.includes(deadline.kind)) {
      if (!deadline.pausedAt) continue;
      const pauses = pausesOf(deadline).map((pause) => (pause.resumedAt ? pause : { ...pause, resumedAt: at }));
      const computed = computeDeadline({ policy, kind: deadline.kind, startedAt: deadline.startedAt, calendar, pauses, policyVersion: deadline.policyVersion });
      if (!computed.dueAt) continue;
      changed.push(
        await tx.deadline.update({
          where: { id: deadline.id },
          data: { pausedAt: null, pauses: storedPauses(pauses), basis: storedBasis(computed), ...runningSchedule({ ...computed, dueAt: computed.dueAt }, at) },
        }),
      );
      applied.resumed.push(deadline.kind);
    }
  }

  for (const kind of deadlineEffectsOf(event, inForce).start) {
    for (const superseded of open.filter((d) => d.kind === kind && !changed.some((c) => c.id === d.id && (c.metAt || c.cancelledAt)))) {
      await cancel(superseded);
    }
    const computed = computeDeadline({ policy: inForce, kind, startedAt: at, calendar });
    if (!computed.dueAt) continue;
    changed.push(
      await tx.deadline.create({
        data: { complaintId, kind, policyVersion: inForce.version, startedAt: at, basis: storedBasis(computed), ...runningSchedule({ ...computed, dueAt: computed.dueAt }, at) },
      }),
    );
    applied.started.push(kind);
  }

  if (changed.length > 0) {
    await refreshComplaintDeadlines(tx, complaintId);
    afterCommit(() => scheduleDeadlineTriggers(changed));
  }
  return applied;
}

/** A deadline that waits for nothing: met, cancelled or paused. */
const NOTHING_SCHEDULED = { remindAt: null, nextEscalationAt: null, nextTriggerAt: null } as const;
