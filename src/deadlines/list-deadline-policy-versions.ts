import { db } from "../db.js";
import { notFound } from "../http/errors.js";
import { policyOfRow } from "./load-deadline-policy.js";

/**
 * The deadline policy for the administrators' page: every version (newest first, with who saved
 * it and why, and how many deadlines run under it), one version's rules in full (the one in
 * force unless asked), and that version as the JSON an administrator copies and edits.
 */
export async function listDeadlinePolicyVersions(version?: number) {
  const rows = await db.deadlinePolicyVersion.findMany({ orderBy: { version: "desc" } });
  if (rows.length === 0) throw notFound();
  const inForce = rows[0]!;
  const shownRow = version === undefined ? inForce : rows.find((row) => row.version === version);
  if (!shownRow) throw notFound();
  const [users, counts] = await Promise.all([
    db.user.findMany({ where: { id: { in: rows.map((r) => r.createdById).filter((id): id is number => id !== null) } }, select: { id: true, name: true } }),
    db.deadline.groupBy({ by: ["policyVersion"], _count: { _all: true } }),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const deadlineCounts = new Map(counts.map((c) => [c.policyVersion, c._count._all]));
  const shown = policyOfRow(shownRow);
  const { version: _version, note: _note, ...editable } = shown;
  return {
    versions: rows.map((row) => ({ version: row.version, note: row.note, createdAt: row.createdAt, createdBy: row.createdById ? (names.get(row.createdById) ?? null) : null, deadlines: deadlineCounts.get(row.version) ?? 0 })),
    inForceVersion: inForce.version,
    policy: shown,
    editableJson: JSON.stringify(editable, null, 2),
  };
}
