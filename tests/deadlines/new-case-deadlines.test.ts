import { describe, expect, it } from "vitest";
import { db, transaction } from "../../src/db.js";
import { applyCaseEvent } from "../../src/deadlines/apply-case-event.js";
import { fileComplaintAt, wita } from "./support.js";

const stored = { kind: true, policyVersion: true, startedAt: true, dueAt: true, remindAt: true, basis: true, pauses: true, pausedAt: true, metAt: true, missedAt: true, cancelledAt: true, nextEscalationAt: true, nextTriggerAt: true } as const;

async function caseDeadlines(complaintId: number) {
  const [deadlines, summary] = await Promise.all([
    db.deadline.findMany({ where: { complaintId }, orderBy: { kind: "asc" }, select: stored }),
    db.complaint.findUniqueOrThrow({ where: { id: complaintId }, select: { nextDueAt: true, overdueSince: true } }),
  ]);
  return { deadlines, summary };
}

describe("deadlines stored with a new complaint", () => {
  it.each([
    ["a working morning", "2026-03-02 10:00"],
    ["the eve of Nyepi and cuti bersama", "2026-03-18 16:30"],
    ["a Saturday night", "2026-03-07 23:30"],
  ])("are the ones applying the received event to the stored case gives (%s)", async (_when, local) => {
    const { id, receivedAt } = await fileComplaintAt(wita(local));
    const atIntake = await caseDeadlines(id);
    expect(atIntake.deadlines.map((d) => d.kind)).toEqual(["verify_and_route", "written_answer"]);
    expect(atIntake.summary.nextDueAt).not.toBeNull();

    // The same case without deadlines, then the general path.
    await transaction(async (tx, afterCommit) => {
      await tx.deadline.deleteMany({ where: { complaintId: id } });
      await tx.complaint.update({ where: { id }, data: { nextDueAt: null, overdueSince: null } });
      await applyCaseEvent(tx, afterCommit, { complaintId: id, event: "received", at: receivedAt });
    });
    expect(await caseDeadlines(id)).toEqual(atIntake);
  });
});
