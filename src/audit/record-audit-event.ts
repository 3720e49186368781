import { config } from "../config.js";
import type { Tx } from "../db.js";
import { auditHash } from "./audit-hash.js";

export interface Actor {
  kind: "user" | "citizen" | "system";
  userId?: number | null;
}

export const SYSTEM_ACTOR: Actor = { kind: "system" };

export interface AuditEventInput {
  /** The chain this entry belongs to, e.g. "user:12"; defaults to `${entityType}:${entityId}`. */
  stream?: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string | number;
  data?: Record<string, unknown>;
  at?: Date;
  /** Shown on the citizen's timeline of a complaint (never for internal steps). */
  isPublic?: boolean;
  /**
   * The stream cannot hold an entry yet (its entity was created in this very transaction): the
   * entry is the first of its chain without reading the chain's head. Were the stream not empty
   * after all, the (stream, seq) key refuses the entry rather than forking the chain.
   */
  isNewStream?: boolean;
}

/**
 * Appends one entry to the audit trail inside the caller's transaction. Writers of one stream are
 * serialised; the (stream, seq) unique key is the last guard that refuses to fork the chain.
 */
export async function recordAuditEvent(tx: Tx, input: AuditEventInput) {
  const entityId = String(input.entityId);
  const stream = input.stream ?? `${input.entityType}:${entityId}`;
  // SQLite runs one write transaction at a time; PostgreSQL lets two run at once, so writers of the
  // same stream take turns (a transaction-scoped advisory lock) instead of one of them failing.
  if (!input.isNewStream && config.databaseProvider === "postgresql") await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${stream}))::text AS "locked"`;
  const last = input.isNewStream ? null : await tx.auditEvent.findFirst({ where: { stream }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const content = {
    stream,
    seq: (last?.seq ?? 0) + 1,
    at: input.at ?? new Date(),
    actorKind: input.actor.kind,
    actorUserId: input.actor.userId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId,
    data: input.data ?? {},
    isPublic: input.isPublic ?? false,
    prevHash: last?.hash ?? null,
  };
  return tx.auditEvent.create({ data: { ...content, data: content.data as object, hash: auditHash(content) } });
}
