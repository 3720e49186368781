import type { ComplaintFact, ComplaintManagementFacts, DeadlineFact, ScoringWindow } from "../../src/scoring/facts.js";
import { readMethodologyFiles } from "../../src/scoring/read-methodology-files.js";
import type { Methodology } from "../../src/scoring/methodology.js";

/** Methodology files as shipped, read once per test file. */
export const methodologies = await readMethodologyFiles();

export function methodology(id: string): Methodology {
  const found = methodologies.find((m) => m.id === id);
  if (!found) throw new Error(`no methodology ${id}`);
  return found;
}

const DAY = 86_400_000;
/** An instant in WITA (UTC+8), the time zone of NTT's offices. */
export const wita = (date: string, time = "09:00") => new Date(`${date}T${time}:00+08:00`);
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/** The 2023 assessment year, figures as they stood on 31 January 2024. */
export const window2023: ScoringWindow = { period: { startAt: wita("2023-01-01", "00:00"), endAt: wita("2024-01-01", "00:00") }, asOf: wita("2024-01-31", "17:00") };

export const onTime = (dueAt: Date): DeadlineFact => ({ dueAt, metAt: addDays(dueAt, -1), missedAt: null });
export const late = (dueAt: Date): DeadlineFact => ({ dueAt, metAt: addDays(dueAt, 2), missedAt: addDays(dueAt, 0.5) });
export const open = (dueAt: Date): DeadlineFact => ({ dueAt, metAt: null, missedAt: null });

let sequence = 0;
/** A complaint received in March 2023, answered and decided on time, complete, not rated. */
export function complaint(overrides: Partial<ComplaintFact> = {}): ComplaintFact {
  sequence += 1;
  const receivedAt = overrides.receivedAt ?? wita("2023-03-01");
  return {
    id: `c${sequence}`,
    receivedAt,
    answerDeadline: onTime(addDays(receivedAt, 14)),
    decisionDeadline: onTime(addDays(receivedAt, 70)),
    outcomeNoticeDeadline: onTime(addDays(receivedAt, 84)),
    closedAt: addDays(receivedAt, 80),
    recordFields: { reporter: true, channel: true, category: true, summary: true, handler: true, outcome: true },
    rating: null,
    ...overrides,
  };
}

export const complaints = (count: number, overrides: Partial<ComplaintFact> = {}) => Array.from({ length: count }, () => complaint(overrides));

/** A unit whose every recorded fact is exemplary: all eleven indicators score 3. */
export function exemplaryFacts(): ComplaintManagementFacts {
  return {
    complaints: complaints(6, { rating: { value: 5, ratedAt: wita("2023-06-01") } }),
    ombudsmanRequests: [{ id: "r1", complaintId: null, kind: "coordination_letter", sentAt: wita("2023-04-01"), deadline: onTime(wita("2023-04-15")) }],
    channels: [
      { id: "web", isElectronic: true, openedAt: wita("2022-01-01"), publishedAt: wita("2022-01-01"), closedAt: null },
      { id: "desk", isElectronic: false, openedAt: wita("2022-01-01"), publishedAt: wita("2022-01-01"), closedAt: null },
    ],
    officers: [{ id: "o1", decreeNumber: "SK 12/2022", appointedFrom: wita("2022-01-01"), appointedUntil: null, trainedAt: wita("2023-05-01") }],
    procedures: [{ id: "sop", adoptedAt: wita("2022-02-01"), publishedAt: wita("2022-02-02") }],
    periodicReports: [{ id: "q1", deadline: onTime(wita("2023-04-10")) }],
  };
}
