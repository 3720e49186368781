import { describe, expect, it } from "vitest";
import { db } from "../../src/db.js";
import { addHoliday } from "../../src/deadlines/add-holiday.js";
import { deleteHoliday } from "../../src/deadlines/delete-holiday.js";
import { loadWorkingCalendar } from "../../src/deadlines/load-calendar.js";
import { recomputeOpenDeadlines } from "../../src/deadlines/recompute-open-deadlines.js";
import { holidayInputSchema } from "../../src/deadlines/schemas.js";
import { updateHoliday } from "../../src/deadlines/update-holiday.js";
import { isWorkingDay } from "../../src/deadlines/working-calendar.js";
import { SYSTEM_ACTOR } from "../../src/audit/record-audit-event.js";
import { endOfWitaDay, fileComplaintAt, openDeadlines, wita } from "./support.js";

const holidayInput = (fields: Record<string, unknown>) => holidayInputSchema.parse({ kind: "national", isConfirmed: "true", ...fields });

describe("calendar edits move the running deadlines", () => {
  it("counts a year without a confirmed list on weekends only, says so, and recounts once a holiday is confirmed, then again when it is deleted", async () => {
    // Monday 4 January 2027: no SKB for 2027 has been entered.
    const { id } = await fileComplaintAt(wita("2027-01-04 10:00"));
    const verify = () => openDeadlines(id).then((open) => open.verify_and_route!);
    expect(await verify()).toMatchObject({ dueAt: endOfWitaDay("2027-01-07"), basis: expect.objectContaining({ uncoveredYears: [2027] }) });

    const draft = await addHoliday(2027, holidayInput({ date: "2027-01-06", name: "Libur uji 2027", isConfirmed: "false" }), SYSTEM_ACTOR);
    expect(await recomputeOpenDeadlines(wita("2027-01-04 12:00"))).toMatchObject({ moved: 0 });
    expect((await verify()).dueAt).toEqual(endOfWitaDay("2027-01-07"));

    await updateHoliday(2027, draft.id, holidayInput({ date: "2027-01-06", name: "Libur uji 2027" }), SYSTEM_ACTOR);
    expect(isWorkingDay("2027-01-06", await loadWorkingCalendar(db, "53.01"))).toBe(false);
    const moved = await recomputeOpenDeadlines(wita("2027-01-04 12:00"));
    expect(moved.moved).toBeGreaterThanOrEqual(1);
    expect(await verify()).toMatchObject({ dueAt: endOfWitaDay("2027-01-08"), nextTriggerAt: expect.any(Date), basis: expect.objectContaining({ uncoveredYears: [] }) });
    expect((await db.complaint.findUniqueOrThrow({ where: { id } })).nextDueAt).toEqual(endOfWitaDay("2027-01-08"));
    expect(await recomputeOpenDeadlines(wita("2027-01-04 12:00"))).toEqual({ recomputed: 0, moved: 0 });

    await deleteHoliday(2027, draft.id, SYSTEM_ACTOR);
    await recomputeOpenDeadlines(wita("2027-01-04 12:00"));
    expect(await verify()).toMatchObject({ dueAt: endOfWitaDay("2027-01-07"), basis: expect.objectContaining({ uncoveredYears: [2027] }) });
  });

  it("moves a Pemda's deadlines for its own regional holiday and no one else's", async () => {
    const kota = await fileComplaintAt(wita("2027-02-01 10:00"), { regionCode: "53.71" });
    const kabupaten = await fileComplaintAt(wita("2027-02-01 10:00"), { regionCode: "53.01" });
    await addHoliday(2027, holidayInput({ date: "2027-02-02", name: "Libur daerah uji", kind: "regional", regionCode: "53.71" }), SYSTEM_ACTOR);
    await recomputeOpenDeadlines(wita("2027-02-01 12:00"));
    expect((await openDeadlines(kota.id)).verify_and_route!.dueAt).toEqual(endOfWitaDay("2027-02-05"));
    expect((await openDeadlines(kabupaten.id)).verify_and_route!.dueAt).toEqual(endOfWitaDay("2027-02-04"));
  });

  it("never moves a deadline already missed: a miss is a fact", async () => {
    const { id } = await fileComplaintAt(wita("2027-03-01 10:00"));
    const verify = (await openDeadlines(id)).verify_and_route!;
    const missedAt = new Date(verify.dueAt.getTime() + 1);
    await db.deadline.update({ where: { id: verify.id }, data: { missedAt } });
    await addHoliday(2027, holidayInput({ date: "2027-03-02", name: "Libur uji Maret" }), SYSTEM_ACTOR);
    await recomputeOpenDeadlines(wita("2027-03-10 12:00"));
    expect(await db.deadline.findUniqueOrThrow({ where: { id: verify.id } })).toMatchObject({ dueAt: verify.dueAt, missedAt });
  });
});
