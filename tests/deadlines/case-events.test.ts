import { beforeAll, describe, expect, it } from "vitest";
import { addCitizenInformation } from "../../src/complaints/add-citizen-information.js";
import type { CaseActor } from "../../src/complaints/workflow/case-actor.js";
import { decideComplaint } from "../../src/complaints/workflow/decide-complaint.js";
import { notifyReporterOfDecision } from "../../src/complaints/workflow/notify-reporter-of-decision.js";
import { performCaseAction } from "../../src/complaints/workflow/perform-case-action.js";
import { requestCompletion } from "../../src/complaints/workflow/request-completion.js";
import { db } from "../../src/db.js";
import { applyCaseEvent } from "../../src/deadlines/apply-case-event.js";
import { transaction } from "../../src/db.js";
import { rerouteComplaint } from "../../src/routing/reroute-complaint.js";
import { routeComplaint } from "../../src/routing/route-complaint.js";
import { deadlinesOf, endOfWitaDay, fileComplaintAt, openDeadlines, staffActor, wita } from "./support.js";

let assistant: CaseActor;
let organisasi: CaseActor;

beforeAll(async () => {
  assistant = await staffActor("assistant");
  organisasi = await staffActor("focal_point", { regionCode: "53.01", office: "organisasi" });
});

async function caseSummary(id: number) {
  return db.complaint.findUniqueOrThrow({ where: { id }, select: { status: true, nextDueAt: true, overdueSince: true } });
}

function dueDates(open: Record<string, { dueAt: Date; pausedAt: Date | null }>) {
  return Object.fromEntries(Object.entries(open).map(([kind, d]) => [kind, d.pausedAt ? "paused" : d.dueAt.toISOString()]));
}

describe("deadlines along a whole case, with the official 2026 holidays", () => {
  it("starts, pauses, resumes, meets, restarts and cancels each step as the case moves, and keeps the case's due time right", async () => {
    // Monday 2 March 2026, 10:00 WITA: the complaint arrives.
    const { id, trackingNumber } = await fileComplaintAt(wita("2026-03-02 10:00"));
    expect(dueDates(await openDeadlines(id))).toEqual({
      verify_and_route: endOfWitaDay("2026-03-05").toISOString(), // 3 working days
      written_answer: endOfWitaDay("2026-03-16").toISOString(), // 14 calendar days, UU 25/2009
    });
    expect(await caseSummary(id)).toMatchObject({ nextDueAt: endOfWitaDay("2026-03-05"), overdueSince: null });

    await performCaseAction(trackingNumber, "start_verification", assistant, {}, wita("2026-03-02 11:00"));
    expect(Object.keys(await openDeadlines(id))).toEqual(["verify_and_route", "written_answer"]);

    // Tuesday: the file is incomplete. Telling the reporter answers them; verification waits on them.
    await requestCompletion(trackingNumber, assistant, { reason: "Mohon lampirkan bukti perekaman KTP-el." }, wita("2026-03-03 09:00"));
    let open = await openDeadlines(id);
    expect(dueDates(open)).toEqual({ verify_and_route: "paused", reporter_completion: endOfWitaDay("2026-04-02").toISOString() });
    expect(open.verify_and_route!.pausedAt).toEqual(wita("2026-03-03 09:00"));
    expect(await caseSummary(id)).toMatchObject({ status: "incomplete", nextDueAt: endOfWitaDay("2026-04-02") });

    // The reporter completes it a week later: the 30 days are met and verification resumes with the
    // two working days it had left (Tuesday 3 March was used).
    await addCitizenInformation(id, { body: "Bukti perekaman terlampir.", files: [] }, wita("2026-03-10 10:00"));
    open = await openDeadlines(id);
    expect(dueDates(open)).toEqual({ verify_and_route: endOfWitaDay("2026-03-12").toISOString() });
    expect(open.verify_and_route!.basis).toMatchObject({ unit: "working_days", count: 3, from: "2026-03-02", extendedBy: 5 });

    // Verified: one working day to reach the focal point, sixty days to decide (UU 25/2009 Ps. 50).
    await performCaseAction(trackingNumber, "verify", assistant, {}, wita("2026-03-11 10:00"));
    expect(dueDates(await openDeadlines(id))).toMatchObject({ forward_to_focal_point: endOfWitaDay("2026-03-12").toISOString(), decision: endOfWitaDay("2026-05-10").toISOString() });

    // Routed on Thursday 12 March: the focal point's five working days skip Nyepi, Idul Fitri and their cuti bersama.
    await routeComplaint(trackingNumber, assistant, wita("2026-03-12 10:00"));
    open = await openDeadlines(id);
    expect(dueDates(open)).toEqual({ decision: endOfWitaDay("2026-05-10").toISOString(), focal_point_acknowledgement: endOfWitaDay("2026-03-26").toISOString() });
    const firstAcknowledgement = open.focal_point_acknowledgement!;

    // A re-route gives the new office its own five working days; the old clock is cancelled.
    await rerouteComplaint(trackingNumber, assistant, { reason: "Menyangkut standar pelayanan", office: "organisasi" }, wita("2026-03-13 10:00"));
    open = await openDeadlines(id);
    expect(open.focal_point_acknowledgement!.id).not.toBe(firstAcknowledgement.id);
    expect(open.focal_point_acknowledgement!.dueAt).toEqual(endOfWitaDay("2026-03-27"));
    expect((await db.deadline.findUniqueOrThrow({ where: { id: firstAcknowledgement.id } })).cancelledAt).toEqual(wita("2026-03-13 10:00"));

    await performCaseAction(trackingNumber, "acknowledge", organisasi, {}, wita("2026-03-16 10:00"));
    await decideComplaint(trackingNumber, organisasi, { outcome: "resolved", summary: "KTP-el sudah dicetak." }, wita("2026-03-25 10:00"));
    expect(dueDates(await openDeadlines(id))).toEqual({ notify_reporter_of_decision: endOfWitaDay("2026-04-08").toISOString() });
    await notifyReporterOfDecision(trackingNumber, organisasi, wita("2026-03-26 10:00"));
    await performCaseAction(trackingNumber, "close", organisasi, {}, wita("2026-03-27 10:00"));
    expect(await openDeadlines(id)).toEqual({});
    expect(await caseSummary(id)).toMatchObject({ status: "closed", nextDueAt: null, overdueSince: null });

    // Reopened on Wednesday 1 April: verification starts again (Good Friday 3 April is a day off).
    await performCaseAction(trackingNumber, "reopen", assistant, { reason: "Pelapor menyatakan KTP-el belum diterima." }, wita("2026-04-01 10:00"));
    expect(dueDates(await openDeadlines(id))).toEqual({ verify_and_route: endOfWitaDay("2026-04-07").toISOString() });

    const history = (await deadlinesOf(id)).map((d) => [d.kind, d.metAt ? "met" : d.cancelledAt ? "cancelled" : "open"]);
    expect(history).toEqual([
      ["verify_and_route", "met"],
      ["written_answer", "met"],
      ["reporter_completion", "met"],
      ["forward_to_focal_point", "met"],
      ["decision", "met"],
      ["focal_point_acknowledgement", "cancelled"],
      ["focal_point_acknowledgement", "met"],
      ["notify_reporter_of_decision", "met"],
      ["verify_and_route", "open"],
    ]);
    expect(new Set((await deadlinesOf(id)).map((d) => d.policyVersion))).toEqual(new Set([1]));
  });

  it("cancels every step of a withdrawn case, and clears the case's due time", async () => {
    const { id, trackingNumber } = await fileComplaintAt(wita("2026-03-02 10:00"));
    await performCaseAction(trackingNumber, "withdraw", assistant, { reason: "Pelapor mencabut pengaduan." }, wita("2026-03-04 10:00"));
    const all = await deadlinesOf(id);
    expect(all.map((d) => [d.kind, d.cancelledAt])).toEqual([
      ["verify_and_route", wita("2026-03-04 10:00")],
      ["written_answer", wita("2026-03-04 10:00")],
    ]);
    expect(all.every((d) => d.nextTriggerAt === null)).toBe(true);
    expect(await caseSummary(id)).toMatchObject({ status: "withdrawn", nextDueAt: null, overdueSince: null });
  });

  it("meets a missed step late, keeping when it was missed, and clears the case's overdue mark", async () => {
    const { id, trackingNumber } = await fileComplaintAt(wita("2026-03-02 10:00"));
    const missedAt = new Date(endOfWitaDay("2026-03-05").getTime() + 1);
    await db.deadline.updateMany({ where: { complaintId: id, kind: "verify_and_route" }, data: { missedAt } });
    await db.complaint.update({ where: { id }, data: { overdueSince: missedAt } });
    await performCaseAction(trackingNumber, "start_verification", assistant, {}, wita("2026-03-06 10:00"));
    await performCaseAction(trackingNumber, "reject", assistant, { reason: "Bukan kewenangan Pemda." }, wita("2026-03-09 10:00"));
    const verify = (await deadlinesOf(id)).find((d) => d.kind === "verify_and_route")!;
    expect(verify).toMatchObject({ missedAt, metAt: wita("2026-03-09 10:00") });
    expect(await caseSummary(id)).toMatchObject({ nextDueAt: null, overdueSince: null });
  });

  it("leaves a pause after the due time alone: it cannot revive a missed deadline", async () => {
    const { id } = await fileComplaintAt(wita("2026-03-02 10:00"));
    await transaction((tx, afterCommit) => applyCaseEvent(tx, afterCommit, { complaintId: id, event: "returned_to_reporter", at: wita("2026-03-06 09:00") }));
    const open = await openDeadlines(id);
    expect(open.verify_and_route).toMatchObject({ pausedAt: null, dueAt: endOfWitaDay("2026-03-05") });
    expect(open.reporter_completion).toBeDefined();
  });

  it("ignores events that concern no open deadline", async () => {
    const { id } = await fileComplaintAt(wita("2026-03-02 10:00"));
    const before = await deadlinesOf(id);
    const applied = await transaction((tx, afterCommit) => applyCaseEvent(tx, afterCommit, { complaintId: id, event: "clarification_answered", at: wita("2026-03-03 10:00") }));
    expect(applied).toEqual({ started: [], met: [], paused: [], resumed: [], cancelled: [] });
    expect(await deadlinesOf(id)).toEqual(before);
  });
});
