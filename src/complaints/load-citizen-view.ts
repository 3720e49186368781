import { db } from "../db.js";
import { listCaseDeadlines } from "../deadlines/list-case-deadlines.js";

export interface TimelineEntry {
  at: Date;
  kind: "event" | "message";
  action?: string;
  data?: Record<string, unknown>;
  authorKind?: string;
  body?: string;
  attachments?: Array<{ id: number; originalName: string; mediaType: string; sizeBytes: number }>;
}

/**
 * What the citizen sees of their complaint: its status, the public timeline (public steps and
 * what was written to them or by them — never internal notes, never other people's data) and the
 * evidence they may open.
 */
export async function loadCitizenView(complaintId: number) {
  const [complaint, events] = await Promise.all([
    db.complaint.findUniqueOrThrow({
      where: { id: complaintId },
      select: {
        id: true, trackingNumber: true, status: true, rating: true, ratingComment: true, subject: true, description: true, incidentDate: true, receivedAt: true, category: true, unitName: true,
        region: { select: { code: true, name: true } },
        unit: { select: { id: true, name: true, kind: true } },
        reporter: { select: { confidentiality: true } },
        attachments: { where: { isInternal: false }, orderBy: { id: "asc" }, select: { id: true, originalName: true, mediaType: true, sizeBytes: true, messageId: true, createdAt: true } },
        messages: { where: { isInternal: false }, orderBy: { createdAt: "asc" }, select: { id: true, authorKind: true, body: true, createdAt: true } },
      },
    }),
    db.auditEvent.findMany({ where: { stream: `complaint:${complaintId}`, isPublic: true }, orderBy: { seq: "asc" }, select: { at: true, action: true, data: true } }),
  ]);
  const timeline: TimelineEntry[] = [
    ...events.map((e) => ({ at: e.at, kind: "event" as const, action: e.action, data: (e.data ?? {}) as Record<string, unknown> })),
    ...complaint.messages.map((m) => ({
      at: m.createdAt,
      kind: "message" as const,
      authorKind: m.authorKind,
      body: m.body,
      attachments: complaint.attachments.filter((a) => a.messageId === m.id),
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const { messages: _messages, ...rest } = complaint;
  return { ...rest, timeline, deadlines: await listCaseDeadlines(complaintId, { audience: "reporter" }) };
}

export type CitizenView = Awaited<ReturnType<typeof loadCitizenView>>;
