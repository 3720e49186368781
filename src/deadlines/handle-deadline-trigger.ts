import { recordAuditEvent, SYSTEM_ACTOR } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { escalationInstantsOf, reminderInstantsOf } from "./compute-deadline.js";
import { findDeadlineRule } from "./deadline-policy.js";
import { progressDeadline } from "./deadline-progress.js";
import { clockStartedAtOf, refreshComplaintDeadlines } from "./deadline-record.js";
import { expireIncompleteComplaint } from "./expire-incomplete-complaint.js";
import { loadWorkingCalendar } from "./load-calendar.js";
import { loadDeadlinePolicyVersion } from "./load-deadline-policy.js";
import { sendDeadlineEscalation, sendDeadlineReminder } from "./notify-deadline.js";
import { scheduleDeadlineTriggers, triggerSelect } from "./schedule-deadline-triggers.js";

export type DeadlineTriggerOutcome =
  /** The deadline no longer exists (its complaint was deleted). */
  | "gone"
  /** Met, cancelled or paused: nothing to send, ever (or until it resumes). */
  | "closed"
  /** Running, but nothing is due yet (a trigger for a moved deadline, or an early wake-up). */
  | "nothing_due"
  /** Someone else handled it between our read and our write. */
  | "raced"
  | "handled";

/**
 * Does whatever is due on one deadline at `now`, once: a reminder, marking it missed (and the
 * case overdue), an escalation, and the system's own action when the policy names one (an
 * incomplete report expires). Called by the deadline's delayed jobs and by the sweep alike; it
 * re-reads the row and does nothing when the deadline was met, moved, paused or cancelled, and
 * its write is conditional on the state it read, so two callers never both send.
 */
export async function handleDeadlineTrigger(deadlineId: number, now = new Date()): Promise<{ outcome: DeadlineTriggerOutcome; reminded?: boolean; missed?: boolean; escalation?: number | null; expired?: boolean }> {
  return transaction(async (tx, afterCommit) => {
    const deadline = await tx.deadline.findUnique({
      where: { id: deadlineId },
      include: {
        complaint: {
          select: { id: true, trackingNumber: true, subject: true, desk: true, status: true, regionId: true, region: { select: { code: true, name: true } }, assignedOffice: { select: { id: true, kind: true, name: true } } },
        },
      },
    });
    if (!deadline) return { outcome: "gone" };
    if (deadline.metAt || deadline.cancelledAt || deadline.pausedAt) {
      if (deadline.nextTriggerAt) await tx.deadline.update({ where: { id: deadline.id }, data: { nextTriggerAt: null, remindAt: null, nextEscalationAt: null } });
      return { outcome: "closed" };
    }

    const policy = await loadDeadlinePolicyVersion(tx, deadline.policyVersion);
    const rule = findDeadlineRule(policy, deadline.kind);
    const calendar = await loadWorkingCalendar(tx, deadline.complaint.region.code);
    const progress = progressDeadline({
      now,
      dueAt: deadline.dueAt,
      remindAt: deadline.remindAt,
      missedAt: deadline.missedAt,
      escalations: deadline.escalations,
      nextEscalationAt: deadline.nextEscalationAt,
      reminderInstants: reminderInstantsOf({ policy, kind: deadline.kind, dueAt: deadline.dueAt, clockStartedAt: clockStartedAtOf(deadline), calendar }),
      escalationInstants: escalationInstantsOf({ policy, kind: deadline.kind, dueAt: deadline.dueAt, calendar }),
    });
    const hasWork = progress.reminderFor !== null || progress.isNewlyMissed || progress.escalation !== null;
    if (!hasWork && sameInstant(progress.nextTriggerAt, deadline.nextTriggerAt) && sameInstant(progress.remindAt, deadline.remindAt)) return { outcome: "nothing_due" };

    const { count } = await tx.deadline.updateMany({
      where: {
        id: deadline.id,
        metAt: null,
        cancelledAt: null,
        pausedAt: null,
        dueAt: deadline.dueAt,
        remindAt: deadline.remindAt,
        missedAt: deadline.missedAt,
        escalations: deadline.escalations,
      },
      data: {
        remindAt: progress.remindAt,
        missedAt: progress.missedAt,
        escalations: progress.escalations,
        nextEscalationAt: progress.nextEscalationAt,
        nextTriggerAt: progress.nextTriggerAt,
        ...(progress.reminderFor ? { remindersSent: { increment: 1 } } : {}),
      },
    });
    if (count !== 1) return { outcome: "raced" };

    const context = { deadline, rule, complaint: deadline.complaint };
    const audit = (action: string, data: Record<string, unknown>) =>
      recordAuditEvent(tx, { stream: `complaint:${deadline.complaintId}`, actor: SYSTEM_ACTOR, action, entityType: "deadline", entityId: deadline.id, data: { kind: deadline.kind, dueAt: deadline.dueAt.toISOString(), ...data }, at: now });
    if (progress.reminderFor) {
      await sendDeadlineReminder(tx, afterCommit, context, progress.reminderFor);
      await audit("deadline.reminded", { remindAt: progress.reminderFor.toISOString() });
    }
    if (progress.isNewlyMissed) await refreshComplaintDeadlines(tx, deadline.complaintId);
    if (progress.escalation !== null) await sendDeadlineEscalation(tx, afterCommit, context, progress.escalation);
    // One entry for the miss and its first escalation, which happen together.
    if (progress.isNewlyMissed) await audit("deadline.missed", { missedAt: progress.missedAt?.toISOString(), escalation: progress.escalation, to: progress.escalation ? rule.escalation.to : [] });
    else if (progress.escalation !== null) await audit("deadline.escalated", { number: progress.escalation, to: rule.escalation.to });
    const expired = progress.isNewlyMissed && rule.actionWhenMissed === "expire_incomplete" ? await expireIncompleteComplaint(tx, afterCommit, deadline.complaintId, now) : false;

    // Expiring the case cancels the deadline: then it has no triggers left at all.
    const updated = expired ? await tx.deadline.findUniqueOrThrow({ where: { id: deadline.id }, select: triggerSelect }) : { ...deadline, remindAt: progress.remindAt, missedAt: progress.missedAt, nextEscalationAt: progress.nextEscalationAt };
    afterCommit(() => scheduleDeadlineTriggers([updated]));
    return { outcome: "handled", reminded: progress.reminderFor !== null, missed: progress.isNewlyMissed, escalation: progress.escalation, expired };
  });
}

function sameInstant(a: Date | null, b: Date | null) {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}
