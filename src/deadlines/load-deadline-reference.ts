import { Prisma } from "../generated/prisma/client.js";
import type { Tx } from "../db.js";
import type { DeadlinePolicy } from "./deadline-policy.js";
import { DEFAULT_DEADLINE_POLICY } from "./default-deadline-policy.js";
import { CALENDAR_REVISION_KEY, workingCalendarAtRevision } from "./load-calendar.js";
import { loadDeadlinePolicyVersion } from "./load-deadline-policy.js";
import type { WorkingCalendar } from "./working-calendar.js";

export interface DeadlineReference {
  /** The policy in force: the newest version (new deadlines are set under it). */
  inForce: DeadlinePolicy;
  /** The working-day calendar of the Pemda's offices (national only for null). */
  calendar: WorkingCalendar;
}

/**
 * What starting deadlines needs, in one statement: the calendar revision and the newest policy
 * version are read together, then the calendar and the policy come from the process's caches
 * (rebuilt when the revision moved; policy versions never change once saved). Same result as
 * loadWorkingCalendar + loadDeadlinePolicyInForce, one round trip instead of two.
 */
export async function loadDeadlineReference(client: Tx, regionCode: string | null): Promise<DeadlineReference> {
  const [row] = await client.$queryRaw<Array<{ revision: string | null; version: number | bigint | null }>>(
    Prisma.sql`SELECT (SELECT "value" FROM "SystemSetting" WHERE "key" = ${CALENDAR_REVISION_KEY}) AS "revision", (SELECT MAX("version") FROM "DeadlinePolicyVersion") AS "version"`,
  );
  const calendar = await workingCalendarAtRevision(client, row?.revision ?? "0", regionCode);
  const version = row?.version === null || row?.version === undefined ? DEFAULT_DEADLINE_POLICY.version : Number(row.version);
  return { inForce: await loadDeadlinePolicyVersion(client, version), calendar };
}
