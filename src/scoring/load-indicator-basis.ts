import type { CurrentUser } from "../accounts/roles.js";
import { db } from "../db.js";
import { forbidden, notFound } from "../http/errors.js";
import type { RecordId } from "./facts.js";
import { findMethodology } from "./load-methodologies.js";
import { canViewRegionScores } from "./policy.js";
import { findRun } from "./score-runs.js";

export const BASIS_LISTS = ["met", "notMet", "pending"] as const;
export type BasisList = (typeof BASIS_LISTS)[number];
export const BASIS_PAGE_SIZE = 100;

export interface BasisRecord {
  /** The id as the computation keeps it (a complaint's number, or "letter:12", "channel:3"...). */
  id: string;
  /** The case behind it, when there is one: the staff case page is /complaints/<trackingNumber>. */
  trackingNumber: string | null;
  /** letter | corrective_action | recommendation | channel | officer | procedure | periodic_report | complaint */
  kind: string;
  /** A letter's number, an LAHP reference, a channel's address, an officer's name, a report's period. */
  label: string | null;
  status: string | null;
  /** received / sent / opened / appointed */
  startedAt: Date | string | null;
  dueAt: Date | string | null;
  /** answered / followed up / published / trained / sent */
  doneAt: Date | string | null;
}

/**
 * The records behind one indicator of one unit in a year's current run: those that count for it
 * (met), those looked at that do not (missed, unpublished...), and those still running (pending),
 * a page of each; complaints as tracking numbers linking to the case page. Never a reporter's
 * identity. Staff only, within the Pemda they may see.
 */
export async function loadIndicatorBasis(input: { year: number; unitId: number; key: string; user: CurrentUser; pages?: Partial<Record<BasisList, number>> }) {
  const unit = await db.unit.findUnique({ where: { id: input.unitId }, select: { id: true, name: true, region: { select: { id: true, code: true, name: true } } } });
  if (!unit) throw notFound();
  if (!canViewRegionScores(input.user, unit.region.id)) throw forbidden();
  const run = await findRun(input.year, "current");
  if (!run) throw notFound();
  const indicator = await db.scoreIndicatorResult.findFirst({ where: { runId: run.id, unitId: unit.id, key: input.key } });
  if (!indicator) throw notFound();
  const stored = await findMethodology(run.methodologyId);
  const basis = indicator.basis as unknown as { numeratorIds: RecordId[]; denominatorIds: RecordId[]; pendingIds: RecordId[] };
  const numerator = new Set(basis.numeratorIds.map(String));
  const all: Record<BasisList, RecordId[]> = {
    met: basis.numeratorIds,
    notMet: basis.denominatorIds.filter((id) => !numerator.has(String(id))),
    pending: basis.pendingIds,
  };
  const lists = {} as Record<BasisList, { total: number; page: number; pages: number; records: BasisRecord[] }>;
  for (const list of BASIS_LISTS) {
    const pages = Math.max(1, Math.ceil(all[list].length / BASIS_PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Math.trunc(input.pages?.[list] ?? 1)));
    const slice = all[list].slice((page - 1) * BASIS_PAGE_SIZE, page * BASIS_PAGE_SIZE);
    lists[list] = { total: all[list].length, page, pages, records: await resolveRecords(indicator.recordKind, slice) };
  }
  const sources = new Map((stored?.methodology.sources ?? []).map((s) => [s.id, s]));
  return {
    unit,
    year: input.year,
    run,
    methodology: stored ? { id: stored.methodology.id, title: stored.methodology.title } : null,
    indicator: {
      key: indicator.key,
      valueKind: indicator.valueKind,
      status: indicator.status,
      value: indicator.value,
      points: indicator.points,
      maxPoints: indicator.maxPoints,
      lostPoints: indicator.lostPoints,
      minimumCases: indicator.minimumCases,
      recordKind: indicator.recordKind,
      numeratorCount: indicator.numeratorCount,
      denominatorCount: indicator.denominatorCount,
      pendingCount: indicator.pendingCount,
      thresholds: indicator.thresholds as Array<{ min: number; points: number }>,
      textParams: indicator.textParams as Record<string, number>,
      assumed: indicator.assumed,
      sources: (indicator.sourceIds as string[]).map((id) => sources.get(id)).filter((s) => s !== undefined),
    },
    lists,
  };
}

/** The ids of the computation, resolved to what a person recognises; unknown ids (deleted since) stay as ids. */
export async function resolveRecords(recordKind: string, ids: readonly RecordId[]): Promise<BasisRecord[]> {
  const blank = (id: RecordId, kind: string): BasisRecord => ({ id: String(id), trackingNumber: null, kind, label: null, status: null, startedAt: null, dueAt: null, doneAt: null });
  if (ids.length === 0) return [];
  if (recordKind === "complaint") {
    const rows = await db.complaint.findMany({ where: { id: { in: ids.map(Number) } }, select: { id: true, trackingNumber: true, receivedAt: true, status: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(Number(id));
      return row ? { ...blank(id, "complaint"), trackingNumber: row.trackingNumber, status: row.status, startedAt: row.receivedAt } : blank(id, "complaint");
    });
  }
  const numbers = (prefix: string) => ids.map(String).filter((id) => id.startsWith(`${prefix}:`)).map((id) => Number(id.slice(prefix.length + 1)));
  const found = new Map<string, BasisRecord>();
  const put = (key: string, record: Omit<BasisRecord, "id">) => found.set(key, { id: key, ...record });
  const letters = await db.coordinationLetter.findMany({ where: { id: { in: numbers("letter") } }, select: { id: true, number: true, sentAt: true, answeredAt: true, complaint: { select: { trackingNumber: true } } } });
  for (const l of letters) put(`letter:${l.id}`, { trackingNumber: l.complaint.trackingNumber, kind: "letter", label: l.number, status: null, startedAt: l.sentAt, dueAt: null, doneAt: l.answeredAt });
  const actions = await db.correctiveAction.findMany({ where: { id: { in: numbers("action") } } });
  const actionCases = new Map((await db.complaint.findMany({ where: { id: { in: actions.map((a) => a.complaintId).filter((c) => c !== null) } }, select: { id: true, trackingNumber: true } })).map((c) => [c.id, c.trackingNumber]));
  for (const a of actions) put(`action:${a.id}`, { trackingNumber: a.complaintId ? (actionCases.get(a.complaintId) ?? null) : null, kind: a.kind, label: a.reference, status: null, startedAt: a.receivedDate, dueAt: a.dueDate, doneAt: a.followedUpDate });
  const deadlines = await db.deadline.findMany({ where: { id: { in: numbers("deadline") } }, select: { id: true, kind: true, startedAt: true, dueAt: true, metAt: true, complaint: { select: { trackingNumber: true } } } });
  for (const d of deadlines) put(`deadline:${d.id}`, { trackingNumber: d.complaint.trackingNumber, kind: d.kind === "lhp_follow_up" ? "corrective_action" : "recommendation", label: null, status: null, startedAt: d.startedAt, dueAt: d.dueAt, doneAt: d.metAt });
  for (const c of await db.complaintChannel.findMany({ where: { id: { in: numbers("channel") } } })) {
    put(`channel:${c.id}`, { trackingNumber: null, kind: "channel", label: c.name, status: c.closedDate ? "closed" : null, startedAt: c.openedDate, dueAt: null, doneAt: c.publishedDate });
  }
  for (const o of await db.complaintOfficer.findMany({ where: { id: { in: numbers("officer") } } })) {
    put(`officer:${o.id}`, { trackingNumber: null, kind: "officer", label: [o.name, o.decreeNumber].filter(Boolean).join(" · "), status: null, startedAt: o.appointedFrom, dueAt: o.appointedUntil, doneAt: o.trainedDate });
  }
  for (const p of await db.complaintProcedure.findMany({ where: { id: { in: numbers("procedure") } } })) {
    put(`procedure:${p.id}`, { trackingNumber: null, kind: "procedure", label: p.title, status: null, startedAt: p.adoptedDate, dueAt: null, doneAt: p.publishedDate });
  }
  for (const r of await db.periodicReport.findMany({ where: { id: { in: numbers("report") } } })) {
    put(`report:${r.id}`, { trackingNumber: null, kind: "periodic_report", label: r.period, status: null, startedAt: null, dueAt: r.dueDate, doneAt: r.sentDate });
  }
  return ids.map((id) => found.get(String(id)) ?? blank(id, recordKind));
}
