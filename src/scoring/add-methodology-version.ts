import type { CurrentUser } from "../accounts/roles.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { transaction } from "../db.js";
import { forbidden, ValidationError } from "../http/errors.js";
import { methodologyFingerprint, parseMethodology, type Methodology } from "./methodology.js";
import { canManageMethodology } from "./policy.js";
import { scheduleScoreRecompute } from "./schedule-score-recompute.js";

/**
 * Stores a new methodology version an administrator pasted or uploaded (JSON, validated by the
 * methodology schema: every problem is reported with its path under "content."). A version is
 * never replaced: its id must be new and its revision above the year's highest, so results keep
 * pointing at exactly what they were computed with. The year is recomputed under it shortly after.
 */
export async function addMethodologyVersion(json: string, user: CurrentUser, now = new Date()): Promise<{ id: string; year: number }> {
  if (!canManageMethodology(user)) throw forbidden();
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ValidationError([{ path: "content", messageKey: "errors.malformed_json" }]);
  }
  let methodology: Methodology;
  try {
    methodology = parseMethodology(raw);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(error.issues.map((i) => ({ ...i, path: i.path ? `content.${i.path}` : "content" })));
    throw error;
  }
  const fingerprint = methodologyFingerprint(methodology);
  await transaction(async (tx) => {
    if (await tx.methodologyVersion.findUnique({ where: { id: methodology.id }, select: { id: true } })) {
      throw new ValidationError([{ path: "content.id", messageKey: "scoring.admin.methodology_exists", params: { id: methodology.id } }]);
    }
    const latest = await tx.methodologyVersion.findFirst({ where: { year: methodology.year }, orderBy: { revision: "desc" }, select: { revision: true } });
    if (latest && methodology.revision <= latest.revision) {
      throw new ValidationError([{ path: "content.revision", messageKey: "scoring.admin.revision_too_low", params: { revision: latest.revision + 1 } }]);
    }
    await tx.methodologyVersion.create({
      data: { id: methodology.id, year: methodology.year, revision: methodology.revision, title: methodology.title, content: JSON.stringify(methodology), fingerprint, origin: "admin", createdById: user.id, createdAt: now },
    });
    await recordAuditEvent(tx, { stream: `methodology:${methodology.id}`, actor: { kind: "user", userId: user.id }, action: "assessment.methodology.added", entityType: "methodology", entityId: methodology.id, data: { fingerprint }, at: now });
  });
  await scheduleScoreRecompute([methodology.year], "methodology", now);
  return { id: methodology.id, year: methodology.year };
}
