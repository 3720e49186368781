import { transaction } from "../db.js";
import { DEFAULT_DEADLINE_POLICY } from "./default-deadline-policy.js";
import { listHolidayReferenceYears, readHolidayReference } from "./holiday-reference.js";
import { markCalendarChanged } from "./load-calendar.js";

/**
 * Seeds version 1 of the deadline policy (the defaults of the domain brief §5) and the official
 * holiday lists of prisma/reference/holidays (the SKB 3 Menteri of each year, confirmed). Safe to
 * repeat; never overwrites an administrator's changes: a year that has any national holiday or
 * cuti bersama already is left as it is.
 */
export async function seedDeadlineReferenceData() {
  return transaction(async (tx) => {
    let policyVersionsCreated = 0;
    if (!(await tx.deadlinePolicyVersion.findUnique({ where: { version: DEFAULT_DEADLINE_POLICY.version }, select: { version: true } }))) {
      const { version, noticeTime, note, rules } = DEFAULT_DEADLINE_POLICY;
      await tx.deadlinePolicyVersion.create({ data: { version, noticeTime, note: note ?? null, rules: JSON.parse(JSON.stringify(rules)) } });
      policyVersionsCreated += 1;
    }
    let holidaysCreated = 0;
    for (const year of listHolidayReferenceYears()) {
      const existing = await tx.holiday.count({ where: { date: { startsWith: `${year}-` }, kind: { in: ["national", "cuti_bersama"] } } });
      if (existing > 0) continue;
      const reference = readHolidayReference(year);
      if (!reference) continue;
      const regions = new Map((await tx.region.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id]));
      for (const holiday of reference.holidays) {
        const regionId = holiday.regionCode ? regions.get(holiday.regionCode) : null;
        if (regionId === undefined) continue;
        await tx.holiday.create({ data: { date: holiday.date, name: holiday.name, kind: holiday.kind, regionId, source: holiday.source, isConfirmed: holiday.isConfirmed, note: holiday.note ?? null } });
        holidaysCreated += 1;
      }
    }
    if (holidaysCreated > 0) await markCalendarChanged(tx);
    return { policyVersionsCreated, holidaysCreated };
  });
}

