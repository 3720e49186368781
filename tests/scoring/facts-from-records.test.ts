import { describe, expect, it } from "vitest";
import {
  channelFactOf,
  complaintFactOf,
  correctiveActionFactOf,
  countedDeadline,
  dayEndAt,
  dayStartAt,
  isUnitResponsible,
  letterFactOf,
  officerFactOf,
  periodicReportFactOf,
  periodOfYear,
  recordFieldsOf,
  type ComplaintRecord,
  type DeadlineRecord,
} from "../../src/scoring/facts-from-records.js";
import { deadlineStatusAt } from "../../src/scoring/deadline-status.js";

const WITA = "Asia/Makassar";
const at = (iso: string) => new Date(iso);
let sequence = 0;

function deadline(kind: string, startedAt: string, dueAt: string, more: Partial<DeadlineRecord> = {}): DeadlineRecord {
  sequence += 1;
  return { id: sequence, kind, startedAt: at(startedAt), dueAt: at(dueAt), metAt: null, missedAt: null, pausedAt: null, cancelledAt: null, ...more };
}

function complaint(overrides: Partial<ComplaintRecord> = {}): ComplaintRecord {
  return {
    id: 7,
    desk: "inspektorat",
    status: "in_progress",
    receivedAt: at("2025-03-01T01:00:00Z"),
    closedAt: null,
    rating: null,
    ratedAt: null,
    category: "penundaan_berlarut",
    subject: "KTP belum dicetak",
    description: "Sudah tiga bulan.",
    assignedOfficeId: 3,
    outcome: null,
    reporter: { name: "Yohanes", hasContact: true, confidentiality: "confidential" },
    deadlines: [],
    ...overrides,
  };
}

describe("which deadline of a case counts", () => {
  it("takes the latest started deadline of a kind: a restart supersedes the one before", () => {
    const first = deadline("decision", "2025-03-01T00:00:00Z", "2025-04-30T00:00:00Z", { missedAt: at("2025-05-01T00:00:00Z") });
    const restarted = deadline("decision", "2025-05-10T00:00:00Z", "2025-07-09T00:00:00Z");
    expect(countedDeadline([restarted, first], "decision", "in_progress")).toBe(restarted);
    expect(countedDeadline([first, restarted], "decision", "in_progress")).toBe(restarted);
  });

  it("counts none when the latest one was cancelled, or when there is none of that kind", () => {
    const cancelled = deadline("decision", "2025-03-01T00:00:00Z", "2025-04-30T00:00:00Z", { cancelledAt: at("2025-03-05T00:00:00Z") });
    expect(countedDeadline([cancelled], "decision", "withdrawn")).toBeNull();
    expect(countedDeadline([cancelled], "written_answer", "in_progress")).toBeNull();
  });

  it("treats an unmet decision deadline of a rejected case as cancelled, but keeps one met before the rejection", () => {
    const open = deadline("decision", "2025-03-01T00:00:00Z", "2025-04-30T00:00:00Z");
    expect(countedDeadline([open], "decision", "rejected")).toBeNull();
    const met = deadline("decision", "2025-03-01T00:00:00Z", "2025-04-30T00:00:00Z", { metAt: at("2025-04-01T00:00:00Z") });
    expect(countedDeadline([met], "decision", "rejected")).toBe(met);
    expect(countedDeadline([open], "written_answer", "rejected")).toBeNull();
  });
});

describe("whose deadline it is", () => {
  it("holds the unit to the 14-day answer only on the Pemda's own desk, and to decisions and notices on either desk", () => {
    expect(isUnitResponsible("written_answer", "inspektorat")).toBe(true);
    expect(isUnitResponsible("written_answer", "ombudsman")).toBe(false);
    for (const kind of ["decision", "notify_reporter_of_decision", "lhp_follow_up", "recommendation_report"] as const) {
      expect(isUnitResponsible(kind, "ombudsman")).toBe(true);
      expect(isUnitResponsible(kind, "inspektorat")).toBe(true);
    }
  });
});

describe("a complaint as the indicators see it", () => {
  it("leaves out withdrawn complaints and duplicates", () => {
    expect(complaintFactOf(complaint({ status: "withdrawn" }))).toBeNull();
    expect(complaintFactOf(complaint({ status: "duplicate" }))).toBeNull();
    expect(complaintFactOf(complaint({ status: "closed" }))).not.toBeNull();
  });

  it("passes each counted deadline with its times, and none for the Ombudsman's own answer", () => {
    const answer = deadline("written_answer", "2025-03-01T01:00:00Z", "2025-03-15T01:00:00Z", { metAt: at("2025-03-10T00:00:00Z") });
    const decision = deadline("decision", "2025-03-02T00:00:00Z", "2025-05-01T00:00:00Z", { pausedAt: at("2025-03-20T00:00:00Z") });
    const fact = complaintFactOf(complaint({ deadlines: [answer, decision] }))!;
    expect(fact.answerDeadline).toEqual({ dueAt: answer.dueAt, metAt: answer.metAt, missedAt: null, pausedAt: null });
    expect(fact.decisionDeadline).toEqual({ dueAt: decision.dueAt, metAt: null, missedAt: null, pausedAt: decision.pausedAt });
    expect(fact.outcomeNoticeDeadline).toBeNull();
    expect(complaintFactOf(complaint({ desk: "ombudsman", deadlines: [answer, decision] }))!.answerDeadline).toBeNull();
  });

  it("keeps a rating only with the time it was given", () => {
    expect(complaintFactOf(complaint({ rating: 4, ratedAt: at("2025-06-01T00:00:00Z") }))!.rating).toEqual({ value: 4, ratedAt: at("2025-06-01T00:00:00Z") });
    expect(complaintFactOf(complaint({ rating: 4, ratedAt: null }))!.rating).toBeNull();
  });
});

describe("record completeness", () => {
  it("finds a full record complete", () => {
    expect(recordFieldsOf(complaint({ outcome: "founded" }))).toEqual({ reporter: true, channel: true, category: true, summary: true, handler: true, outcome: true });
  });

  it("needs a reporter who can be reached, unless the reporter chose to stay anonymous", () => {
    expect(recordFieldsOf(complaint({ reporter: null })).reporter).toBe(false);
    expect(recordFieldsOf(complaint({ reporter: { name: "Yohanes", hasContact: false, confidentiality: "confidential" } })).reporter).toBe(false);
    expect(recordFieldsOf(complaint({ reporter: { name: "Yohanes", hasContact: false, confidentiality: "anonymous" } })).reporter).toBe(true);
    expect(recordFieldsOf(complaint({ reporter: { name: "  ", hasContact: true, confidentiality: "public" } })).reporter).toBe(false);
  });

  it("counts the Inspektorat's own desk as a handler before routing, but not the Ombudsman's", () => {
    expect(recordFieldsOf(complaint({ assignedOfficeId: null, desk: "inspektorat" })).handler).toBe(true);
    expect(recordFieldsOf(complaint({ assignedOfficeId: null, desk: "ombudsman" })).handler).toBe(false);
    expect(recordFieldsOf(complaint({ category: null })).category).toBe(false);
    expect(recordFieldsOf(complaint({ description: " " })).summary).toBe(false);
  });
});

describe("civil dates of the unit facts, in the Pemda's time zone", () => {
  it("starts a WITA day at 16:00 UTC the day before and ends it one millisecond before the next", () => {
    expect(dayStartAt("2025-01-01", WITA).toISOString()).toBe("2024-12-31T16:00:00.000Z");
    expect(dayEndAt("2025-01-01", WITA).toISOString()).toBe("2025-01-01T15:59:59.999Z");
    expect(dayEndAt("2024-02-29", WITA).toISOString()).toBe("2024-02-29T15:59:59.999Z");
    expect(dayStartAt("2025-01-01", "Asia/Jakarta").toISOString()).toBe("2024-12-31T17:00:00.000Z");
  });

  it("takes a year from 1 January 00:00 to the next 1 January 00:00", () => {
    expect(periodOfYear(2025, WITA)).toEqual({ startAt: at("2024-12-31T16:00:00.000Z"), endAt: at("2025-12-31T16:00:00.000Z") });
  });

  it("counts a report sent on its due date as on time, and the day after as late", () => {
    const onDueDay = periodicReportFactOf({ id: 1, dueDate: "2025-04-10", sentDate: "2025-04-10" }, WITA);
    const dayAfter = periodicReportFactOf({ id: 2, dueDate: "2025-04-10", sentDate: "2025-04-11" }, WITA);
    const asOf = at("2025-06-01T00:00:00Z");
    expect(deadlineStatusAt(onDueDay.deadline, asOf)).toBe("met");
    expect(deadlineStatusAt(dayAfter.deadline, asOf)).toBe("missed");
    expect(onDueDay.id).toBe("report:1");
  });

  it("keeps an officer appointed through the last day of the term, and not a moment after", () => {
    const officer = officerFactOf({ id: 3, decreeNumber: "SK 1", appointedFrom: "2025-01-01", appointedUntil: "2025-06-30", trainedDate: null }, WITA);
    expect(officer.appointedUntil!.toISOString()).toBe("2025-06-30T16:00:00.000Z");
    expect(officer.appointedFrom.toISOString()).toBe("2024-12-31T16:00:00.000Z");
  });

  it("prefixes the ids of the unit facts so the drill-down can tell them apart", () => {
    expect(channelFactOf({ id: 4, isElectronic: true, openedDate: "2025-01-01", publishedDate: null, closedDate: null }, WITA)).toMatchObject({ id: "channel:4", publishedAt: null, closedAt: null });
    expect(correctiveActionFactOf({ id: 5, kind: "recommendation", complaintId: 9, receivedDate: "2025-02-01", dueDate: "2025-04-02", followedUpDate: "2025-04-02" }, WITA)).toMatchObject({ id: "action:5", kind: "recommendation", complaintId: 9 });
  });
});

describe("coordination letters as Ombudsman requests", () => {
  it("is due the given number of days after it was sent and met when answered by then", () => {
    const sentAt = at("2025-03-01T02:00:00Z");
    const fact = letterFactOf({ id: 12, complaintId: 7, sentAt, answeredAt: at("2025-03-15T02:00:00Z") }, 14);
    expect(fact).toMatchObject({ id: "letter:12", kind: "coordination_letter", complaintId: 7 });
    expect(fact.deadline.dueAt.toISOString()).toBe("2025-03-15T02:00:00.000Z");
    expect(deadlineStatusAt(fact.deadline, at("2025-04-01T00:00:00Z"))).toBe("met");
    const late = letterFactOf({ id: 13, complaintId: 7, sentAt, answeredAt: at("2025-03-15T02:00:01Z") }, 14);
    expect(deadlineStatusAt(late.deadline, at("2025-04-01T00:00:00Z"))).toBe("missed");
  });
});
