import type { CurrentUser } from "../../accounts/roles.js";
import type { Actor } from "../../audit/record-audit-event.js";

/** Who acts on a case: a staff member, the citizen holding the access code, or the system (deadlines). */
export type CaseActor = { kind: "user"; user: CurrentUser } | { kind: "citizen" } | { kind: "system" };

export function auditActor(actor: CaseActor): Actor {
  return actor.kind === "user" ? { kind: "user", userId: actor.user.id } : { kind: actor.kind };
}
