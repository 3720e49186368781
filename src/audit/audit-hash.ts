import crypto from "node:crypto";

/** The fields of an audit entry that its hash covers (everything but the row id). */
export interface AuditEntryContent {
  stream: string;
  seq: number;
  at: Date;
  actorKind: string;
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  isPublic: boolean;
  prevHash: string | null;
}

/** JSON with object keys sorted at every level, so that the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * SHA-256 (hex) of an audit entry chained to the previous entry of its stream: changing,
 * removing or reordering any entry breaks every hash after it.
 */
export function auditHash(entry: AuditEntryContent): string {
  const content = canonicalJson({ ...entry, at: entry.at.toISOString() });
  return crypto.createHash("sha256").update(content).digest("hex");
}
