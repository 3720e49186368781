import { beforeAll, describe, expect, it } from "vitest";
import { addCitizenInformation } from "../../src/complaints/add-citizen-information.js";
import type { CaseActor } from "../../src/complaints/workflow/case-actor.js";
import { performCaseAction } from "../../src/complaints/workflow/perform-case-action.js";
import { requestCompletion } from "../../src/complaints/workflow/request-completion.js";
import { db } from "../../src/db.js";
import { handleDeadlineTrigger } from "../../src/deadlines/handle-deadline-trigger.js";
import { listCaseDeadlines } from "../../src/deadlines/list-case-deadlines.js";
import { sweepDeadlines } from "../../src/deadlines/sweep-deadlines.js";
import { translator } from "../../src/i18n/index.js";
import { routeComplaint } from "../../src/routing/route-complaint.js";
import { endOfWitaDay, fileComplaintAt, openDeadlines, staffActor, wita } from "./support.js";

let assistant: CaseActor & { user: { id: number; email: string } };
let focalPoint: CaseActor & { user: { id: number; email: string } };
const SUPERIOR = "inspektur@kupangkab.go.id";

beforeAll(async () => {
  assistant = await staffActor("assistant");
  focalPoint = await staffActor("focal_point", { regionCode: "53.01", office: "inspektorat" });
  const region = await db.region.findUniqueOrThrow({ where: { code: "53.01" } });
  await db.office.update({ where: { regionId_kind: { regionId: region.id, kind: "inspektorat" } }, data: { superiorTitle: "Inspektur", superiorName: "Drs. Petrus Nenobais", superiorEmail: SUPERIOR } });
});

/** A case routed to Kabupaten Kupang's Inspektorat on Thursday 12 March 2026: the focal point has until 26 March. */
async function routedCase() {
  const complaint = await fileComplaintAt(wita("2026-03-02 10:00"));
  await performCaseAction(complaint.trackingNumber, "start_verification", assistant, {}, wita("2026-03-02 11:00"));
  await performCaseAction(complaint.trackingNumber, "verify", assistant, {}, wita("2026-03-11 10:00"));
  await routeComplaint(complaint.trackingNumber, assistant, wita("2026-03-12 10:00"));
  const acknowledgement = (await openDeadlines(complaint.id)).focal_point_acknowledgement!;
  return { ...complaint, acknowledgement };
}

const noticesOf = (deadlineId: number) => db.staffNotification.findMany({ where: { dedupeKey: { startsWith: `deadline-${deadlineId}-` } }, orderBy: { id: "asc" } });
const mailsOf = (deadlineId: number) => db.outboxMessage.findMany({ where: { dedupeKey: { contains: `deadline-${deadlineId}-` } }, orderBy: { id: "asc" } });

describe("a reminder and escalations on the focal point's five working days", () => {
  it("reminds the focal point office at 08:00 WITA the working day before, in its inbox and by email, once", async () => {
    const { acknowledgement, trackingNumber } = await routedCase();
    expect(acknowledgement).toMatchObject({ dueAt: endOfWitaDay("2026-03-26"), remindAt: wita("2026-03-25 08:00"), nextTriggerAt: wita("2026-03-25 08:00") });

    expect((await handleDeadlineTrigger(acknowledgement.id, wita("2026-03-25 07:59"))).outcome).toBe("nothing_due");
    expect(await handleDeadlineTrigger(acknowledgement.id, wita("2026-03-25 08:00"))).toMatchObject({ outcome: "handled", reminded: true, missed: false });
    expect((await handleDeadlineTrigger(acknowledgement.id, wita("2026-03-25 08:00"))).outcome).toBe("nothing_due");
    expect((await handleDeadlineTrigger(acknowledgement.id, wita("2026-03-25 15:00"))).outcome).toBe("nothing_due");

    const notices = await noticesOf(acknowledgement.id);
    expect(notices.map((n) => [n.userId, n.kind])).toEqual([[focalPoint.user.id, "deadline.reminder"]]);
    expect(translator("id")(notices[0]!.messageKey, notices[0]!.params as Record<string, string>)).toBe(
      `Pengingat: "Penerimaan dan koordinasi oleh pejabat penghubung" untuk pengaduan ${trackingNumber} paling lambat 2026-03-26.`,
    );
    const mails = await mailsOf(acknowledgement.id);
    expect(mails.map((m) => m.recipient)).toEqual([focalPoint.user.email]);
    expect(mails[0]!.textBody).toContain("Dasar: 5 hari kerja sejak 2026-03-12, SP4N-LAPOR!");
    expect((await db.deadline.findUniqueOrThrow({ where: { id: acknowledgement.id } })).remindersSent).toBe(1);
  });

  it("marks the deadline missed at 00:00 WITA after the due day, marks the case overdue, and escalates to the Inspektur and the assistants", async () => {
    const { acknowledgement, id } = await routedCase();
    expect(await handleDeadlineTrigger(acknowledgement.id, wita("2026-03-26 23:59"))).toMatchObject({ outcome: "handled", reminded: true, missed: false });
    const missedAt = new Date(endOfWitaDay("2026-03-26").getTime() + 1);
    expect(await handleDeadlineTrigger(acknowledgement.id, missedAt)).toMatchObject({ outcome: "handled", missed: true, escalation: 1 });

    expect(await db.deadline.findUniqueOrThrow({ where: { id: acknowledgement.id } })).toMatchObject({ missedAt, escalations: 1, nextEscalationAt: wita("2026-04-02 08:00"), nextTriggerAt: wita("2026-04-02 08:00") });
    expect(await db.complaint.findUniqueOrThrow({ where: { id } })).toMatchObject({ overdueSince: missedAt, nextDueAt: endOfWitaDay("2026-03-26") });
    const notices = await noticesOf(acknowledgement.id);
    expect(notices.map((n) => [n.userId, n.kind])).toEqual([
      [focalPoint.user.id, "deadline.reminder"],
      [focalPoint.user.id, "deadline.missed"],
      [assistant.user.id, "deadline.escalated"],
    ]);
    const mails = await mailsOf(acknowledgement.id);
    expect(mails.map((m) => m.recipient)).toEqual([focalPoint.user.email, SUPERIOR, assistant.user.email]);
    expect(mails[1]!.textBody).toContain("Yth. Drs. Petrus Nenobais,");
    expect(mails[1]!.textBody).toContain("atasan pejabat penghubung Inspektorat Daerah Kabupaten Kupang");
    const audit = await db.auditEvent.findMany({ where: { stream: `complaint:${id}`, entityType: "deadline" }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => [a.action, (a.data as { escalation?: number }).escalation ?? null])).toEqual([
      ["deadline.reminded", null],
      ["deadline.missed", 1],
    ]);
  });

  it("repeats the escalation every five working days while unmet, three times at most, never twice for the same one", async () => {
    const { acknowledgement } = await routedCase();
    await handleDeadlineTrigger(acknowledgement.id, wita("2026-03-27 00:00"));
    expect((await handleDeadlineTrigger(acknowledgement.id, wita("2026-04-02 07:59"))).outcome).toBe("nothing_due");
    expect(await handleDeadlineTrigger(acknowledgement.id, wita("2026-04-02 08:00"))).toMatchObject({ escalation: 2 });
    expect((await handleDeadlineTrigger(acknowledgement.id, wita("2026-04-02 08:00"))).outcome).toBe("nothing_due");
    // Ten working days after the due day: Good Friday (3 April) does not count.
    expect(await db.deadline.findUniqueOrThrow({ where: { id: acknowledgement.id } })).toMatchObject({ nextEscalationAt: wita("2026-04-10 08:00") });
    expect(await handleDeadlineTrigger(acknowledgement.id, wita("2026-04-10 08:00"))).toMatchObject({ escalation: 3 });
    expect(await db.deadline.findUniqueOrThrow({ where: { id: acknowledgement.id } })).toMatchObject({ escalations: 3, nextEscalationAt: null, nextTriggerAt: null });
    expect((await handleDeadlineTrigger(acknowledgement.id, wita("2026-06-01 08:00"))).outcome).toBe("nothing_due");
    expect((await mailsOf(acknowledgement.id)).filter((m) => m.recipient === SUPERIOR)).toHaveLength(3);
  });

  it("sends nothing for a deadline met before its trigger fires, and forgets its triggers", async () => {
    const { acknowledgement, trackingNumber } = await routedCase();
    await performCaseAction(trackingNumber, "acknowledge", focalPoint, {}, wita("2026-03-13 09:00"));
    expect(await db.deadline.findUniqueOrThrow({ where: { id: acknowledgement.id } })).toMatchObject({ metAt: wita("2026-03-13 09:00"), nextTriggerAt: null, remindAt: null });
    expect((await handleDeadlineTrigger(acknowledgement.id, wita("2026-03-25 08:00"))).outcome).toBe("closed");
    expect((await handleDeadlineTrigger(acknowledgement.id, wita("2026-03-27 00:00"))).outcome).toBe("closed");
    expect(await noticesOf(acknowledgement.id)).toEqual([]);
    expect(await mailsOf(acknowledgement.id)).toEqual([]);
  });
});

describe("triggers of a deadline that moved or stopped", () => {
  it("does nothing at a paused deadline's old due time, nor at the due time it had before the pause moved it", async () => {
    const { id, trackingNumber } = await fileComplaintAt(wita("2026-03-02 10:00"));
    await performCaseAction(trackingNumber, "start_verification", assistant, {}, wita("2026-03-02 11:00"));
    await requestCompletion(trackingNumber, assistant, { reason: "Mohon lengkapi." }, wita("2026-03-03 09:00"));
    const verify = (await openDeadlines(id)).verify_and_route!;
    expect((await handleDeadlineTrigger(verify.id, wita("2026-03-06 00:00"))).outcome).toBe("closed");
    await addCitizenInformation(id, { body: "Sudah saya lengkapi.", files: [] }, wita("2026-03-10 10:00"));
    expect((await handleDeadlineTrigger(verify.id, wita("2026-03-06 00:00"))).outcome).toBe("nothing_due");
    expect(await noticesOf(verify.id)).toEqual([]);
  });
});

describe("the reporter's 30 days to complete an incomplete report", () => {
  it("reminds the reporter by email, then treats the report as withdrawn when the 30 days pass, and tells them", async () => {
    const { id, trackingNumber } = await fileComplaintAt(wita("2026-03-02 10:00"), { reporter: { email: "maria.lake@contoh.id", confidentiality: "public" } });
    await performCaseAction(trackingNumber, "start_verification", assistant, {}, wita("2026-03-02 11:00"));
    await requestCompletion(trackingNumber, assistant, { reason: "Mohon lampirkan fotokopi KK." }, wita("2026-03-03 09:00"));
    const completion = (await openDeadlines(id)).reporter_completion!;
    expect(completion).toMatchObject({ dueAt: endOfWitaDay("2026-04-02"), remindAt: wita("2026-03-30 08:00") });

    // Another reporter's complaint linked to this one as its duplicate: they have nothing to complete.
    const duplicate = await fileComplaintAt(wita("2026-03-04 10:00"), { reporter: { email: "yakobus.lake@contoh.id", confidentiality: "public" } });
    await db.complaint.update({ where: { id: duplicate.id }, data: { duplicateOfId: id } });

    expect(await handleDeadlineTrigger(completion.id, wita("2026-03-30 08:00"))).toMatchObject({ reminded: true });
    const reminders = await db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `reporter:deadline-${completion.id}-reminder-` } } });
    expect(reminders.map((m) => m.recipient)).toEqual(["maria.lake@contoh.id"]);
    const reminder = reminders[0]!;
    expect(reminder.textBody).toContain(`Pengaduan ${trackingNumber} masih perlu Anda lengkapi, paling lambat 2026-04-02`);

    expect(await handleDeadlineTrigger(completion.id, wita("2026-04-03 00:00"))).toMatchObject({ missed: true, escalation: 1, expired: true });
    expect(await db.complaint.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "withdrawn", nextDueAt: null, overdueSince: null });
    const expiredMail = await db.outboxMessage.findFirstOrThrow({ where: { dedupeKey: `reporter:expired-incomplete:${id}:${id}` } });
    expect(expiredMail.textBody).toContain("dianggap dicabut karena tidak dilengkapi dalam 30 hari");
    expect((await noticesOf(completion.id)).map((n) => [n.userId, n.kind])).toEqual([[assistant.user.id, "deadline.escalated"]]);
    expect(await db.deadline.findMany({ where: { complaintId: id, metAt: null, cancelledAt: null } })).toEqual([]);
    expect((await listCaseDeadlines(id, { audience: "reporter", now: wita("2026-04-03 10:00") })).map((d) => [d.kind, d.state])).toEqual([
      ["written_answer", "met"],
      ["reporter_completion", "missed"],
    ]);
    expect((await handleDeadlineTrigger(completion.id, wita("2026-04-03 00:00"))).outcome).toBe("closed");
  });
});

describe("the sweep", () => {
  it("catches up a worker that was down for weeks: the miss and one escalation, once", async () => {
    const { acknowledgement } = await routedCase();
    const first = await sweepDeadlines(wita("2026-04-20 10:00"));
    expect(first.handled).toBeGreaterThan(0);
    expect(first.failed).toBe(0);
    expect(await db.deadline.findUniqueOrThrow({ where: { id: acknowledgement.id } })).toMatchObject({ missedAt: new Date(endOfWitaDay("2026-03-26").getTime() + 1), escalations: 1, nextTriggerAt: null });
    expect((await noticesOf(acknowledgement.id)).map((n) => n.kind)).toEqual(["deadline.missed", "deadline.escalated"]);
    expect(await sweepDeadlines(wita("2026-04-20 10:00"))).toMatchObject({ handled: 0, failed: 0, hasMore: false });
    expect((await noticesOf(acknowledgement.id)).map((n) => n.kind)).toEqual(["deadline.missed", "deadline.escalated"]);
  });

  it("works in bounded batches and reports that more is left", async () => {
    await routedCase();
    const now = wita("2026-12-31 10:00");
    const due = await db.deadline.count({ where: { nextTriggerAt: { lte: now } } });
    expect(due).toBeGreaterThan(1);
    expect(await sweepDeadlines(now, { batchSize: 1, maxBatches: 1 })).toMatchObject({ handled: 1, hasMore: true });
    expect(await db.deadline.count({ where: { nextTriggerAt: { lte: now } } })).toBeLessThan(due);
  });
});
