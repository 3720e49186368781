import { applyTransition } from "../complaints/workflow/apply-transition.js";
import type { CaseActor } from "../complaints/workflow/case-actor.js";
import { loadCaseForAction } from "../complaints/workflow/load-case.js";
import { canSeeReporterIdentity } from "../complaints/policy.js";
import { civilDateIn } from "../complaints/intake-rules.js";
import { transaction } from "../db.js";
import { DomainError } from "../http/errors.js";
import { queueEmail } from "../notifications/queue-email.js";
import { notifyStaff } from "../notifications/notify-staff.js";
import type { Confidentiality } from "../complaints/vocabulary.js";
import { DEFAULT_COORDINATION_TEMPLATE } from "./default-templates.js";
import { letterNumber, renderLetter } from "./render-letter.js";

/** Days the office has to answer a coordination letter (shown in the letter; the deadline engine tracks it). */
export const LETTER_ANSWER_DAYS = 14;

/**
 * Sends a numbered coordination letter (Surat Koordinasi / permintaan klarifikasi) about a routed
 * case to the office handling it: generated from the administrators' template, in the office's
 * inbox and by email with a link, copied to the Inspektur. The reporter's identity appears in it
 * only if a focal point may see it.
 */
export async function sendCoordinationLetter(ref: string, actor: CaseActor, input: { summary: string }, now = new Date()) {
  return transaction(async (tx, afterCommit) => {
    const complaint = await loadCaseForAction(tx, ref, actor, "request_clarification");
    if (!complaint.assignedOffice) throw new DomainError("conflict", "errors.letter_needs_route");
    const details = await tx.complaint.findUniqueOrThrow({ where: { id: complaint.id }, select: { incidentDate: true, reporter: { select: { name: true, confidentiality: true } } } });
    const template = (await tx.letterTemplate.findUnique({ where: { key: "coordination" } })) ?? DEFAULT_COORDINATION_TEMPLATE;
    const today = civilDateIn("Asia/Makassar", now);
    const counterKey = `letter:${today.slice(0, 4)}`;
    const counter = await tx.counter.upsert({ where: { key: counterKey }, create: { key: counterKey, value: 1 }, update: { value: { increment: 1 } } });
    const number = letterNumber(counter.value, complaint.region.code, today);
    const due = new Date(now.getTime() + LETTER_ANSWER_DAYS * 24 * 3600_000);
    const confidentiality = (details.reporter?.confidentiality ?? "confidential") as Confidentiality;
    const reporterShown = details.reporter && canSeeReporterIdentity({ kind: "staff", user: { id: 0, email: "", name: "", role: "focal_point", regionId: complaint.regionId, office: null, locale: "id" } }, confidentiality);
    const values = {
      number,
      date: today,
      office: complaint.assignedOffice.name,
      regionName: complaint.region.name,
      trackingNumber: complaint.trackingNumber,
      subject: complaint.subject,
      unit: complaint.unit?.name ?? complaint.unitName ?? "-",
      incidentDate: details.incidentDate,
      reporter: reporterShown ? details.reporter!.name : "(identitas dirahasiakan / confidential)",
      summary: input.summary.trim(),
      dueDate: civilDateIn("Asia/Makassar", due),
      sender: actor.kind === "user" ? actor.user.name : "Ombudsman RI",
    };
    const letter = await tx.coordinationLetter.create({
      data: { complaintId: complaint.id, officeId: complaint.assignedOffice.id, number, templateKey: template.key, subject: renderLetter(template.subject, values), body: renderLetter(template.body, values), sentAt: now, sentById: actor.kind === "user" ? actor.user.id : 0 },
    });
    const link = `/letters/${letter.id}`;
    await notifyStaff(tx, afterCommit, {
      audience: { office: { regionId: complaint.regionId, kind: complaint.assignedOffice.kind } },
      kind: "letter.received",
      messageKey: "notices.letter_received",
      params: { number, trackingNumber: complaint.trackingNumber, dueDate: values.dueDate },
      link,
      complaintId: complaint.id,
      dedupeKey: `letter:${letter.id}`,
      email: { template: "coordination-letter", data: { number, subject: letter.subject, body: letter.body, url: link } },
    });
    const inspektorat = await tx.office.findUnique({ where: { regionId_kind: { regionId: complaint.regionId, kind: "inspektorat" } }, select: { superiorEmail: true, superiorName: true } });
    if (inspektorat?.superiorEmail) {
      await queueEmail(tx, afterCommit, { dedupeKey: `letter-cc:${letter.id}`, to: inspektorat.superiorEmail, template: "coordination-letter", locale: "id", data: { name: inspektorat.superiorName ?? "Inspektur", number, subject: letter.subject, body: letter.body, url: link, isCopy: true } });
    }
    await applyTransition(tx, afterCommit, { complaint, action: "request_clarification", actor, at: now, data: { letterId: letter.id, number }, isPublic: false });
    return letter;
  });
}
