import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { verifyAuditChain } from "../../../src/audit/verify-audit-chain.js";
import { db } from "../../../src/db.js";

/**
 * What "no half-written complaint" means, read from the database the server wrote: every stored
 * complaint has its reporter, its first audit entry, its duplicate-index profile, the deadlines a
 * new complaint starts, its receipt email in the outbox when the reporter gave an address, and
 * evidence files that are on disk with the checksum recorded; nothing refers to a complaint that
 * is not there; the audit trail's hash chain verifies. Returns one line per problem (none: intact).
 */
export async function findHalfWrittenComplaints(options: { uploadDir: string; deadlineKinds: string[] }): Promise<string[]> {
  const problems: string[] = [];
  const complaints = await db.complaint.findMany({
    select: { id: true, trackingNumber: true, reporter: { select: { email: true } }, matchProfile: { select: { complaintId: true } }, deadlines: { select: { kind: true } } },
    orderBy: { id: "asc" },
  });
  const ids = new Set(complaints.map((c) => c.id));
  const received = new Set((await db.auditEvent.findMany({ where: { action: "complaint.received" }, select: { stream: true } })).map((e) => e.stream));
  const receipts = new Set((await db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "complaint-received:" } }, select: { dedupeKey: true } })).map((m) => m.dedupeKey));
  const expectedKinds = [...options.deadlineKinds].sort().join(",");
  for (const complaint of complaints) {
    const name = `${complaint.trackingNumber} (#${complaint.id})`;
    if (!complaint.reporter) problems.push(`${name} has no reporter`);
    if (!received.has(`complaint:${complaint.id}`)) problems.push(`${name} has no complaint.received audit entry`);
    if (!complaint.matchProfile) problems.push(`${name} has no duplicate-index profile`);
    const kinds = complaint.deadlines.map((d) => d.kind).sort().join(",");
    if (kinds !== expectedKinds) problems.push(`${name} has deadlines [${kinds}], expected [${expectedKinds}]`);
    if (complaint.reporter?.email && !receipts.has(`complaint-received:${complaint.id}`)) problems.push(`${name} has no receipt email in the outbox`);
  }

  const streams = await db.auditEvent.findMany({ where: { stream: { startsWith: "complaint:" } }, distinct: ["stream"], select: { stream: true } });
  for (const { stream } of streams) {
    if (!ids.has(Number(stream.slice("complaint:".length)))) problems.push(`audit stream ${stream} belongs to no complaint`);
  }
  for (const { dedupeKey } of await db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "complaint-received:" } }, select: { dedupeKey: true } })) {
    if (!ids.has(Number(dedupeKey.split(":")[1]))) problems.push(`outbox message ${dedupeKey} belongs to no complaint`);
  }

  const files = [
    ...(await db.attachment.findMany({ select: { storageKey: true, sha256: true, sizeBytes: true } })).map((f) => ({ ...f, kind: "attachment" })),
    ...(await db.pendingUpload.findMany({ select: { storageKey: true, sha256: true, sizeBytes: true } })).map((f) => ({ ...f, kind: "pending upload" })),
  ];
  for (const file of files) {
    const problem = fileProblem(path.join(options.uploadDir, file.storageKey), file);
    if (problem) problems.push(`${file.kind} ${file.storageKey}: ${problem}`);
  }

  const chain = await verifyAuditChain();
  for (const p of chain.problems) problems.push(`audit chain: ${p.stream} #${p.seq} ${p.problem}`);
  return problems;
}

function fileProblem(file: string, expected: { sha256: string; sizeBytes: number }): string | null {
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch {
    return "file missing";
  }
  if (content.length !== expected.sizeBytes) return `size ${content.length}, recorded ${expected.sizeBytes}`;
  if (crypto.createHash("sha256").update(content).digest("hex") !== expected.sha256) return "checksum differs from the one recorded";
  return null;
}

/** Stored files that no row refers to (a process stopped between writing a file and recording it). */
export async function unreferencedUploads(uploadDir: string): Promise<string[]> {
  const referenced = new Set([
    ...(await db.attachment.findMany({ select: { storageKey: true } })).map((f) => f.storageKey),
    ...(await db.pendingUpload.findMany({ select: { storageKey: true } })).map((f) => f.storageKey),
  ]);
  if (!fs.existsSync(uploadDir)) return [];
  return (fs.readdirSync(uploadDir, { recursive: true }) as string[])
    .map((entry) => entry.split(path.sep).join("/"))
    .filter((entry) => fs.statSync(path.join(uploadDir, entry)).isFile() && !referenced.has(entry));
}
