import crypto from "node:crypto";
import type { CurrentUser } from "../accounts/roles.js";
import { auditHash } from "../audit/audit-hash.js";
import { SYSTEM_ACTOR, type Actor } from "../audit/record-audit-event.js";
import { transaction, type AfterCommit, type Tx } from "../db.js";
import { indexComplaints } from "../duplicates/index-complaints.js";
import { scheduleDuplicateChecks } from "../duplicates/schedule-duplicate-check.js";
import { Prisma } from "../generated/prisma/client.js";
import { civilDateStartAt } from "./intake-rules.js";
import type { RegisterRow } from "./register-row.js";
import { generateTrackingNumber } from "./tracking-number.js";

export const REGISTER_CHANNEL = "inspektorat_register";

export interface PendingRow {
  /** Line of the file where the row starts. */
  line: number;
  row: RegisterRow;
}

export interface ChunkResult {
  importedCount: number;
  alreadyPresentCount: number;
  /** Register numbers another Pemda's register already uses (the unique key is per channel). */
  takenElsewhere: Array<{ line: number; externalRef: string; regionCode: string }>;
}

export const actorOf = (user: CurrentUser | null): Actor => (user ? { kind: "user", userId: user.id } : SYSTEM_ACTOR);

/**
 * Stores one chunk of checked register rows in one transaction: the register numbers already
 * present are looked up in one query (inside the transaction, so a concurrent import of the same
 * file cannot slip in between), then complaints, reporters and their first audit entries are
 * inserted with one statement each.
 */
export async function storeChunk(rows: PendingRow[], options: { actor: CurrentUser | null; importId: string; now: Date }): Promise<ChunkResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await transaction((tx, afterCommit) => insertChunk(tx, afterCommit, rows, options));
    } catch (error) {
      // A tracking-number collision (about 1 in 10^10 per row) or a concurrent import that stored
      // the same register number first: look again and retry with fresh tracking numbers.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

async function insertChunk(tx: Tx, afterCommit: AfterCommit, rows: PendingRow[], { actor, importId, now }: { actor: CurrentUser | null; importId: string; now: Date }): Promise<ChunkResult> {
  const present = await tx.complaint.findMany({
    where: { channel: REGISTER_CHANNEL, externalRef: { in: rows.map((r) => r.row.externalRef) } },
    select: { externalRef: true, regionId: true, region: { select: { code: true } } },
  });
  const presentByRef = new Map(present.map((c) => [c.externalRef!, c]));
  const result: ChunkResult = { importedCount: 0, alreadyPresentCount: 0, takenElsewhere: [] };
  const byTrackingNumber = new Map<string, RegisterRow>();
  for (const { line, row } of rows) {
    const existing = presentByRef.get(row.externalRef);
    if (!existing) byTrackingNumber.set(newTrackingNumber(byTrackingNumber), row);
    else if (existing.regionId === row.region.id) result.alreadyPresentCount += 1;
    else result.takenElsewhere.push({ line, externalRef: row.externalRef, regionCode: existing.region.code });
  }
  if (!byTrackingNumber.size) return result;

  const complaints = await insertRows<{ id: number; trackingNumber: string }>(
    tx,
    "Complaint",
    [...byTrackingNumber].map(([trackingNumber, { input, externalRef, receivedDate, region }]) => {
      const prior = input.priorComplaint;
      return {
        trackingNumber,
        accessCodeHash: null, // imported registers have no access code until staff issue one
        // The register's own status stays in the audit entry: Penghubung's deadlines and workflow start from receipt.
        status: "received",
        desk: "inspektorat",
        channel: REGISTER_CHANNEL,
        externalRef,
        receivedAt: civilDateStartAt(receivedDate, region.timeZone),
        regionId: region.id,
        unitId: input.unitId ?? null,
        unitName: input.unitId ? null : (input.unitName ?? null),
        subject: input.subject,
        description: input.description,
        incidentDate: input.incidentDate,
        category: input.category ?? null,
        hasPriorComplaint: prior.made,
        priorComplaintTo: prior.made ? (prior.to ?? null) : null,
        priorComplaintDate: prior.made ? (prior.date ?? null) : null,
        priorComplaintResponse: prior.made ? (prior.response ?? null) : null,
        locale: "id",
        createdById: actor?.id ?? null,
        // Columns Prisma fills itself (@default(now()), @updatedAt) must be given here: the database's own default writes another format.
        statusChangedAt: now,
        createdAt: now,
        updatedAt: now,
      } satisfies Prisma.ComplaintCreateManyInput;
    }),
    ["id", "trackingNumber"],
  );
  const created = complaints.map((c) => ({ id: Number(c.id), row: byTrackingNumber.get(c.trackingNumber)! }));
  await insertRows(
    tx,
    "Reporter",
    created.map(({ id, row: { input } }) => ({
      complaintId: id,
      name: input.reporter.name,
      nik: input.reporter.nik ?? null,
      phone: input.reporter.phone ?? null,
      email: input.reporter.email ?? null,
      address: input.reporter.address ?? null,
      confidentiality: input.reporter.confidentiality,
    }) satisfies Prisma.ReporterCreateManyInput),
  );
  await appendAuditEvents(
    tx,
    created.map(({ id, row }) => ({
      stream: `complaint:${id}`,
      actor: actorOf(actor),
      action: "complaint.received",
      entityType: "complaint",
      entityId: String(id),
      data: { channel: REGISTER_CHANNEL, desk: "inspektorat", regionCode: row.region.code, files: 0, externalRef: row.externalRef, importId, importedBy: actor?.id ?? null, ...(row.registerStatus ? { registerStatus: row.registerStatus } : {}) },
      isPublic: true,
      at: now,
    })),
  );
  // The duplicate index takes the chunk in the same transaction; the checks run after commit, one job per chunk.
  await indexComplaints(tx, created.map((c) => c.id), { isNew: true });
  scheduleDuplicateChecks(afterCommit, created.map((c) => c.id));
  result.importedCount = created.length;
  return result;
}

function newTrackingNumber(taken: Map<string, unknown>): string {
  for (;;) {
    const candidate = generateTrackingNumber(crypto.randomInt);
    if (!taken.has(candidate)) return candidate;
  }
}

interface BatchAuditEvent {
  stream: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  isPublic: boolean;
  at: Date;
}

/**
 * recordAuditEvent for many entries at once: the last entry of every stream is read in one query
 * and each new entry chained to it with the same hash (auditHash) the verifier re-computes.
 */
async function appendAuditEvents(tx: Tx, events: BatchAuditEvent[]) {
  const last = new Map<string, { seq: number; hash: string }>();
  const streams = [...new Set(events.map((e) => e.stream))];
  for (const entry of await tx.auditEvent.findMany({ where: { stream: { in: streams } }, orderBy: { seq: "asc" }, select: { stream: true, seq: true, hash: true } })) {
    last.set(entry.stream, entry);
  }
  const rows = events.map((event) => {
    const previous = last.get(event.stream);
    const content = {
      stream: event.stream,
      seq: (previous?.seq ?? 0) + 1,
      at: event.at,
      actorKind: event.actor.kind,
      actorUserId: event.actor.userId ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      data: event.data,
      isPublic: event.isPublic,
      prevHash: previous?.hash ?? null,
    };
    const hash = auditHash(content);
    last.set(event.stream, { seq: content.seq, hash });
    return { ...content, data: JSON.stringify(content.data), hash } satisfies Prisma.AuditEventCreateManyInput;
  });
  await insertRows(tx, "AuditEvent", rows);
}

/** Bound parameters per statement, under SQLite's limit of 32,766. */
const MAX_PARAMETERS = 30_000;

/**
 * One multi-row INSERT per table instead of Prisma's createMany, whose query compilation costs
 * about ten times the insert itself for chunks of hundreds of rows (measured: 1.4 ms against
 * 0.16 ms per complaint). Values travel as bound parameters; every row has the same keys.
 */
async function insertRows<Returned = never>(tx: Tx, table: string, rows: Array<Record<string, unknown>>, returning: string[] = []): Promise<Returned[]> {
  if (!rows.length) return [];
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const into = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  const returned: Returned[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const values = Prisma.join(rows.slice(start, start + perStatement).map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => row[c] ?? null))})`));
    if (returning.length) returned.push(...(await tx.$queryRaw<Returned[]>`${into}${values} RETURNING ${Prisma.raw(returning.map((c) => `"${c}"`).join(", "))}`));
    else await tx.$executeRaw`${into}${values}`;
  }
  return returned;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string; meta?: { code?: string } };
  return e?.code === "P2002" || e?.meta?.code === "2067" || /UNIQUE constraint failed|duplicate key value/i.test(e?.message ?? "");
}
