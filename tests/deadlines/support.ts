import type { CurrentUser, Role } from "../../src/accounts/roles.js";
import { complaintInputSchema } from "../../src/complaints/schemas.js";
import { submitComplaint } from "../../src/complaints/submit-complaint.js";
import type { CaseActor } from "../../src/complaints/workflow/case-actor.js";
import { db } from "../../src/db.js";
import { buildUser, type UserOverrides } from "../factories.js";
import { complaintBody } from "../helpers/complaints.js";

/** A staff member acting on cases, built through the real account use case. */
export async function staffActor(role: Role, overrides: UserOverrides = {}): Promise<CaseActor & { user: CurrentUser }> {
  const user = await buildUser({ role, ...overrides });
  return { kind: "user", user: { id: user.id, email: user.email, name: user.name, role: user.role as Role, regionId: user.regionId, office: user.office as CurrentUser["office"], locale: user.locale } };
}

/** Files a complaint through the real intake at a given instant (the clock of the test, not the machine's). */
export async function fileComplaintAt(now: Date, overrides: Record<string, unknown> = {}) {
  const input = complaintInputSchema.parse(
    complaintBody({ incidentDate: "2025-12-20", priorComplaint: { made: false }, reporter: { email: "pelapor.tenggat@contoh.id", confidentiality: "public" }, ...overrides }),
  );
  const { complaint } = await submitComplaint({ input, channel: "api", locale: "id", now });
  return complaint;
}

/** The case's deadlines as stored, oldest first. */
export function deadlinesOf(complaintId: number) {
  return db.deadline.findMany({ where: { complaintId }, orderBy: [{ startedAt: "asc" }, { id: "asc" }] });
}

/** The case's deadlines that are neither met nor cancelled, as kind -> row. */
export async function openDeadlines(complaintId: number) {
  const rows = await db.deadline.findMany({ where: { complaintId, metAt: null, cancelledAt: null }, orderBy: { id: "asc" } });
  return Object.fromEntries(rows.map((row) => [row.kind, row]));
}

/** An instant given as WITA wall-clock time: wita("2026-03-02 10:00"). */
export function wita(local: string): Date {
  return new Date(`${local.replace(" ", "T")}:00+08:00`);
}

/** 23:59:59.999 WITA on a date: when a deadline due that day falls due. */
export function endOfWitaDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}
