import type { Tx } from "../db.js";
import { type DeadlinePolicy, deadlinePolicySchema } from "./deadline-policy.js";
import { DEFAULT_DEADLINE_POLICY } from "./default-deadline-policy.js";

// Versions never change once saved, so each is parsed once per process.
const parsedVersions = new Map<number, DeadlinePolicy>();

/** A stored policy row as a validated policy. */
export function policyOfRow(row: { version: number; noticeTime: string; note: string | null; rules: unknown }): DeadlinePolicy {
  return deadlinePolicySchema.parse({ version: row.version, noticeTime: row.noticeTime, ...(row.note ? { note: row.note } : {}), rules: row.rules });
}

/**
 * One version of the deadline policy, as a deadline set under it needs it. Version 1 falls back to
 * the built-in defaults on a database not yet seeded (it is seeded from the same object).
 */
export async function loadDeadlinePolicyVersion(client: Tx, version: number): Promise<DeadlinePolicy> {
  const cached = parsedVersions.get(version);
  if (cached) return cached;
  const row = await client.deadlinePolicyVersion.findUnique({ where: { version } });
  if (!row && version !== DEFAULT_DEADLINE_POLICY.version) throw new RangeError(`No deadline policy version ${version}`);
  const policy = row ? policyOfRow(row) : DEFAULT_DEADLINE_POLICY;
  parsedVersions.set(version, policy);
  return policy;
}

/** The policy in force: the newest version. New deadlines are set under it; old ones keep theirs. */
export async function loadDeadlinePolicyInForce(client: Tx): Promise<DeadlinePolicy> {
  const newest = await client.deadlinePolicyVersion.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
  return loadDeadlinePolicyVersion(client, newest?.version ?? DEFAULT_DEADLINE_POLICY.version);
}
