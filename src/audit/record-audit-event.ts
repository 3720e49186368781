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
}

/**
 * Appends one entry to the audit trail inside the caller's transaction. The (stream, seq) unique
 * key makes two concurrent writers of the same stream fail instead of forking the chain.
 */
export async function recordAuditEvent(tx: Tx, input: AuditEventInput) {
  const entityId = String(input.entityId);
  const stream = input.stream ?? `${input.entityType}:${entityId}`;
  const last = await tx.auditEvent.findFirst({ where: { stream }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
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
