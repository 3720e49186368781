import { deadlineJson } from "../deadlines/list-case-deadlines.js";
import type { Translate } from "../i18n/index.js";
import type { CitizenView } from "./load-citizen-view.js";
import type { StaffView } from "./load-staff-view.js";

/** JSON of a complaint as its citizen sees it (GET /api/v1/complaints/{trackingNumber} with X-Access-Code). */
export function citizenComplaintJson(view: CitizenView, t: Translate) {
  return {
    trackingNumber: view.trackingNumber,
    status: view.status,
    statusLabel: t(`complaint_status.${view.status}.citizen`),
    subject: view.subject,
    description: view.description,
    region: view.region,
    unit: view.unit,
    unitName: view.unitName,
    incidentDate: view.incidentDate,
    receivedAt: view.receivedAt.toISOString(),
    category: view.category,
    timeline: view.timeline.map((entry) =>
      entry.kind === "event"
        ? { at: entry.at.toISOString(), type: "event", action: entry.action, text: t(`timeline.${entry.action}`, { ...entry.data, channel: entry.data?.channel ? t(`channels.${String(entry.data.channel)}`) : "" }) }
        : { at: entry.at.toISOString(), type: "message", author: entry.authorKind, text: entry.body, attachments: (entry.attachments ?? []).map(attachmentJson) },
    ),
    attachments: view.attachments.map(attachmentJson),
  };
}

/** JSON of a complaint for staff: everything their role allows, identity already redacted by policy. */
export function staffComplaintJson(view: StaffView, t: Translate) {
  return {
    trackingNumber: view.trackingNumber,
    status: view.status,
    statusLabel: t(`complaint_status.${view.status}.citizen`),
    desk: view.desk,
    channel: view.channel,
    externalRef: view.externalRef,
    receivedAt: view.receivedAt.toISOString(),
    region: { code: view.region.code, name: view.region.name },
    unit: view.unit,
    unitName: view.unitName,
    subject: view.subject,
    description: view.description,
    incidentDate: view.incidentDate,
    category: view.category,
    priorComplaint: { made: view.hasPriorComplaint, to: view.priorComplaintTo, date: view.priorComplaintDate, response: view.priorComplaintResponse },
    reporter: view.reporter,
    hasAccessCode: view.hasAccessCode,
    duplicateOf: view.duplicateOf?.trackingNumber ?? null,
    createdBy: view.createdBy,
    messages: view.messages.map((m) => ({ id: m.id, at: m.createdAt.toISOString(), author: m.authorKind, isInternal: m.isInternal, text: m.body })),
    attachments: view.attachments.map((a) => ({ ...attachmentJson(a), isInternal: a.isInternal, uploadedBy: a.uploadedByKind })),
    audit: view.audit.map((a) => ({ seq: a.seq, at: a.at.toISOString(), action: a.action, actor: a.actorName ?? a.actorKind, isPublic: a.isPublic, data: a.data })),
    deadlines: view.deadlines.map(deadlineJson),
  };
}

function attachmentJson(a: { id: number; originalName: string; mediaType: string; sizeBytes: number }) {
  return { id: a.id, name: a.originalName, mediaType: a.mediaType, sizeBytes: a.sizeBytes };
}
