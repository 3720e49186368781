import { config } from "../config.js";
import type { AfterCommit, Tx } from "../db.js";
import { logger } from "../logger.js";
import { notifyStaff, type StaffAudience } from "../notifications/notify-staff.js";
import { queueEmail } from "../notifications/queue-email.js";
import { civilDateOf } from "./civil-date.js";
import type { DeadlineBasis } from "./compute-deadline.js";
import type { DeadlineRule } from "./deadline-policy.js";

/** What a reminder or an escalation says about its deadline and case. */
export interface DeadlineNoticeContext {
  deadline: { id: number; kind: string; dueAt: Date; basis: unknown };
  rule: DeadlineRule;
  complaint: {
    id: number;
    trackingNumber: string;
    subject: string;
    desk: string;
    regionId: number;
    region: { code: string; name: string };
    assignedOffice: { id: number; kind: string; name: string } | null;
  };
}

/** The office answerable for a step: the routed focal point, or the Pemda's Inspektorat when it holds the case itself. */
async function responsibleOffice(tx: Tx, context: DeadlineNoticeContext) {
  const { complaint, rule } = context;
  const where =
    rule.responsible === "focal_point" && complaint.assignedOffice
      ? { id: complaint.assignedOffice.id }
      : rule.responsible === "intake_desk" && complaint.desk === "inspektorat"
        ? { regionId_kind: { regionId: complaint.regionId, kind: "inspektorat" } }
        : null;
  if (!where) return null;
  return tx.office.findUnique({ where, select: { id: true, kind: true, name: true, regionId: true, superiorTitle: true, superiorName: true, superiorEmail: true } });
}

type ResponsibleOffice = Awaited<ReturnType<typeof responsibleOffice>>;

/** The staff who must act on a step: the responsible office's focal points, else the Ombudsman assistants (the Ombudsman's own steps). */
function audienceOf(office: ResponsibleOffice): StaffAudience {
  return office ? { office: { regionId: office.regionId, kind: office.kind } } : { role: "assistant" };
}

function noticeData(context: DeadlineNoticeContext) {
  const { deadline, complaint } = context;
  const basis = deadline.basis as Pick<DeadlineBasis, "unit" | "count" | "from" | "rule">;
  return {
    kind: deadline.kind,
    trackingNumber: complaint.trackingNumber,
    subject: complaint.subject,
    dueDate: civilDateOf(deadline.dueAt),
    regionName: complaint.region.name,
    basis: { unit: basis.unit, count: basis.count, from: basis.from, rule: basis.rule },
    link: `/complaints/${complaint.trackingNumber}`,
    url: `${config.baseUrl}/complaints/${complaint.trackingNumber}`,
  };
}

/**
 * Reminds whoever must act before a deadline: the responsible focal point office (inbox and
 * email), the Ombudsman assistants for the Ombudsman's own steps, or the reporter (email) for the
 * reporter's own 30 days. Once per reminder instant (dedupe keys).
 */
export async function sendDeadlineReminder(tx: Tx, afterCommit: AfterCommit, context: DeadlineNoticeContext, remindAt: Date) {
  const data = noticeData(context);
  const key = `deadline-${context.deadline.id}-reminder-${remindAt.getTime()}`;
  if (context.rule.responsible === "reporter") {
    // Only this case's own reporter: reporters of complaints linked to it as duplicates have nothing to complete.
    const { locale, reporter } = await tx.complaint.findUniqueOrThrow({ where: { id: context.complaint.id }, select: { locale: true, reporter: { select: { name: true, email: true } } } });
    if (!reporter?.email) return;
    const messageKey = context.rule.actionWhenMissed === "expire_incomplete" ? "deadlines.reporter_messages.reminder_expires" : "deadlines.reporter_messages.reminder";
    const trackingNumber = context.complaint.trackingNumber;
    await queueEmail(tx, afterCommit, {
      dedupeKey: `reporter:${key}`,
      to: reporter.email,
      template: "complaint-update",
      locale,
      data: { name: reporter.name, trackingNumber, caseTrackingNumber: trackingNumber, messageKey, params: { kind: data.kind, dueDate: data.dueDate, trackingNumber }, text: null, url: `${config.baseUrl}/track?tn=${trackingNumber}` },
    });
    return;
  }
  await notifyStaff(tx, afterCommit, {
    audience: audienceOf(await responsibleOffice(tx, context)),
    kind: "deadline.reminder",
    messageKey: "deadlines.notices.reminder",
    params: { kind: data.kind, trackingNumber: data.trackingNumber, dueDate: data.dueDate },
    link: data.link,
    complaintId: context.complaint.id,
    dedupeKey: key,
    email: { template: "deadline-reminder", data },
  });
}

/**
 * Escalates a missed deadline: the first time, the responsible office is told in its inbox;
 * every time (up to the policy's maximum), the rule's targets are emailed and, where they have
 * an account, told in their inbox: the focal point's superior in the registry (Inspektur, Sekda:
 * Office.superiorEmail), the Ombudsman assistants, the administrators. Once per escalation number.
 */
export async function sendDeadlineEscalation(tx: Tx, afterCommit: AfterCommit, context: DeadlineNoticeContext, number: number) {
  const data = { ...noticeData(context), number };
  const key = `deadline-${context.deadline.id}-escalation-${number}`;
  const office = await responsibleOffice(tx, context);
  const params = { kind: data.kind, trackingNumber: data.trackingNumber, dueDate: data.dueDate, number, office: office?.name ?? "" };
  if (number === 1 && context.rule.responsible !== "reporter") {
    await notifyStaff(tx, afterCommit, {
      audience: audienceOf(office),
      kind: "deadline.missed",
      messageKey: "deadlines.notices.missed",
      params,
      link: data.link,
      complaintId: context.complaint.id,
      dedupeKey: `deadline-${context.deadline.id}-missed`,
    });
  }
  for (const target of context.rule.escalation.to) {
    if (target === "focal_point_superior") {
      if (!office?.superiorEmail) {
        logger.warn({ deadlineId: context.deadline.id, officeId: office?.id ?? null }, "missed deadline not escalated to the superior: the registry has no superior email for the office");
        continue;
      }
      await queueEmail(tx, afterCommit, {
        dedupeKey: `${key}-superior`,
        to: office.superiorEmail,
        template: "deadline-escalation",
        locale: "id",
        data: { ...data, name: office.superiorName ?? office.superiorTitle ?? office.name, office: office.name, isSuperior: true },
      });
    } else {
      await notifyStaff(tx, afterCommit, {
        audience: { role: target === "ombudsman_assistant" ? "assistant" : "admin" },
        kind: "deadline.escalated",
        messageKey: "deadlines.notices.escalated",
        params,
        link: data.link,
        complaintId: context.complaint.id,
        dedupeKey: key,
        email: { template: "deadline-escalation", data: { ...data, office: office?.name ?? "", isSuperior: false } },
      });
    }
  }
}
