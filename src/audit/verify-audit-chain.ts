import { db } from "../db.js";
import { auditHash } from "./audit-hash.js";

export interface ChainProblem {
  stream: string;
  seq: number;
  eventId: number;
  problem: "hash_mismatch" | "broken_link" | "gap";
}

/**
 * Re-computes every hash of every audit stream (or of one stream) and reports each entry that was
 * changed, removed or inserted after the fact. Reads in pages to keep memory flat.
 */
export async function verifyAuditChain(options: { stream?: string; pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? 5000;
  const problems: ChainProblem[] = [];
  let checked = 0;
  let cursor: { stream: string; seq: number } | null = null;
  let previous: { stream: string; seq: number; hash: string } | null = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof db.auditEvent.findMany>> = await db.auditEvent.findMany({
      where: {
        ...(options.stream ? { stream: options.stream } : {}),
        ...(cursor ? { OR: [{ stream: { gt: cursor.stream } }, { stream: cursor.stream, seq: { gt: cursor.seq } }] } : {}),
      },
      orderBy: [{ stream: "asc" }, { seq: "asc" }],
      take: pageSize,
    });
    for (const event of page) {
      const sameStream: boolean = previous !== null && previous.stream === event.stream;
      const expectedSeq: number = sameStream ? previous!.seq + 1 : 1;
      const expectedPrev: string | null = sameStream ? previous!.hash : null;
      if (event.seq !== expectedSeq) problems.push({ stream: event.stream, seq: event.seq, eventId: event.id, problem: "gap" });
      if (event.prevHash !== expectedPrev) problems.push({ stream: event.stream, seq: event.seq, eventId: event.id, problem: "broken_link" });
      const recomputed = auditHash({
        stream: event.stream,
        seq: event.seq,
        at: event.at,
        actorKind: event.actorKind,
        actorUserId: event.actorUserId,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        data: event.data,
        isPublic: event.isPublic,
        prevHash: event.prevHash,
      });
      if (recomputed !== event.hash) problems.push({ stream: event.stream, seq: event.seq, eventId: event.id, problem: "hash_mismatch" });
      previous = { stream: event.stream, seq: event.seq, hash: event.hash };
      checked += 1;
    }
    if (page.length < pageSize) break;
    const last = page[page.length - 1]!;
    cursor = { stream: last.stream, seq: last.seq };
  }
  return { checked, problems, isIntact: problems.length === 0 };
}
