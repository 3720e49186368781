import crypto from "node:crypto";
import { generateTrackingNumber } from "../../src/complaints/tracking-number.js";
import { db, transaction } from "../../src/db.js";
import { refreshComplaintDeadlines } from "../../src/deadlines/deadline-record.js";

/**
 * Rows as the other modules write them (complaints, their deadlines, coordination letters), stored
 * directly so that each test says exactly which facts stand behind a figure.
 */

const DAY = 86_400_000;
/** An instant in WITA (UTC+8). */
export const wita = (date: string, time = "09:00") => new Date(`${date}T${time}:00+08:00`);
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/** A seeded Pemda by code with its assessed units, lowest id first. */
export async function pemda(code: string) {
  return db.region.findUniqueOrThrow({
    where: { code },
    select: { id: true, code: true, name: true, timeZone: true, units: { where: { isAssessed: true, isActive: true }, orderBy: { id: "asc" }, select: { id: true, name: true, kind: true } } },
  });
}

export interface ComplaintRow {
  regionId: number;
  unitId: number;
  receivedAt: Date;
  desk?: "inspektorat" | "ombudsman";
  status?: string;
  category?: string | null;
  rating?: number | null;
  ratedAt?: Date | null;
  outcome?: string | null;
  closedAt?: Date | null;
  reporter?: { name: string; phone?: string | null; confidentiality?: string } | null;
  officeId?: number | null;
}

/** A complaint about a unit; by default on the Inspektorat's desk, in progress, with a reporter who can be reached. */
export async function storeComplaint(row: ComplaintRow) {
  const reporter = row.reporter === undefined ? { name: "Yohanes Bere", phone: "+6281234567890", confidentiality: "confidential" } : row.reporter;
  return db.complaint.create({
    data: {
      trackingNumber: generateTrackingNumber((n) => crypto.randomInt(n)),
      desk: row.desk ?? "inspektorat",
      channel: "walk_in",
      status: row.status ?? "in_progress",
      receivedAt: row.receivedAt,
      regionId: row.regionId,
      unitId: row.unitId,
      subject: "KTP elektronik belum dicetak",
      description: "Sudah merekam KTP elektronik tiga bulan lalu tetapi belum dicetak.",
      incidentDate: "2025-01-02",
      category: row.category === undefined ? "penundaan_berlarut" : row.category,
      rating: row.rating ?? null,
      ratedAt: row.ratedAt ?? null,
      outcome: row.outcome ?? null,
      closedAt: row.closedAt ?? null,
      assignedOfficeId: row.officeId ?? null,
      reporter: reporter ? { create: { name: reporter.name, phone: reporter.phone ?? null, confidentiality: reporter.confidentiality ?? "confidential" } } : undefined,
    },
    select: { id: true, trackingNumber: true },
  });
}

/** A deadline row, and the case's nextDueAt and overdueSince kept as the deadlines module keeps them. */
export async function storeDeadline(complaintId: number, kind: string, times: { startedAt: Date; dueAt: Date; metAt?: Date | null; missedAt?: Date | null; pausedAt?: Date | null; cancelledAt?: Date | null }) {
  return transaction(async (tx) => {
    const row = await tx.deadline.create({
      data: { complaintId, kind, policyVersion: 1, basis: { unit: "calendar_days", count: 14 }, startedAt: times.startedAt, dueAt: times.dueAt, metAt: times.metAt ?? null, missedAt: times.missedAt ?? null, pausedAt: times.pausedAt ?? null, cancelledAt: times.cancelledAt ?? null },
      select: { id: true },
    });
    await refreshComplaintDeadlines(tx, complaintId);
    return row;
  });
}

/** A complaint received on `receivedAt` whose 14-day written answer was on time, or late. */
export async function answeredComplaint(base: Omit<ComplaintRow, "receivedAt">, receivedAt: Date, isOnTime: boolean) {
  const complaint = await storeComplaint({ ...base, receivedAt });
  const dueAt = addDays(receivedAt, 14);
  await storeDeadline(complaint.id, "written_answer", { startedAt: receivedAt, dueAt, metAt: isOnTime ? addDays(receivedAt, 5) : addDays(receivedAt, 20), missedAt: isOnTime ? null : addDays(dueAt, 0.1) });
  return complaint;
}

/** A coordination letter about a case, sent by an assistant, answered (or not) at `answeredAt`. */
export async function storeLetter(complaintId: number, regionId: number, sentAt: Date, answeredAt: Date | null) {
  const office = await db.office.findFirstOrThrow({ where: { regionId, kind: "inspektorat" }, select: { id: true } });
  return db.coordinationLetter.create({
    data: { complaintId, officeId: office.id, number: `B/${crypto.randomInt(1e9)}/PW24/2025`, templateKey: "coordination", subject: "Permintaan klarifikasi", body: "Mohon klarifikasi.", sentAt, sentById: 0, answeredAt, answerBody: answeredAt ? "Sudah ditindaklanjuti." : null },
    select: { id: true, number: true },
  });
}

/** Assessor points for each unit (a map by unit id), stored as the sheet stores them. */
export async function storeAssessorPoints(year: number, points: Record<number, Record<string, number>>) {
  for (const [unitId, values] of Object.entries(points)) {
    await db.assessorScore.upsert({
      where: { unitId_year: { unitId: Number(unitId), year } },
      create: { unitId: Number(unitId), year, points: values, source: "form" },
      update: { points: values },
    });
  }
}

/** Resolves once `check` returns something other than null/undefined, polling the database. */
export async function eventually<T>(check: () => Promise<T | null | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > until) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
