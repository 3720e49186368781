/**
 * The recorded facts the complaint-management dimension is computed from: plain records, loaded
 * by the database layer, never queried here. Every timestamp is an instant (`Date`); whatever
 * happened after the assessment's `asOf` is treated as not having happened yet, so a result can
 * be recomputed exactly as it stood on any earlier day.
 */

/** Database ids are passed through untouched so that the dashboard can link to each record. */
export type RecordId = string | number;

/**
 * One legal deadline as the deadlines module keeps it (its Deadline row). `metAt` is when the step
 * was done (also when done late); `missedAt` is when the deadline passed without it; `pausedAt` is
 * set while the clock waits (e.g. on the reporter). A cancelled deadline is not passed at all. See
 * deadline-status.ts for how met, missed and pending are told apart.
 */
export interface DeadlineFact {
  dueAt: Date;
  metAt: Date | null;
  missedAt: Date | null;
  pausedAt?: Date | null;
}

/** Parts of a complaint record the record-completeness indicator can require. */
export const RECORD_FIELDS = [
  /** who reported and how to reach them, or the recorded choice to stay anonymous */
  "reporter",
  /** the channel it came in by (web, walk-in, letter, phone, SP4N-LAPOR!, …) */
  "channel",
  /** the maladministration category */
  "category",
  /** what happened, when and where */
  "summary",
  /** the officer or focal point handling it */
  "handler",
  /** the decision and what was done (required once the complaint is closed) */
  "outcome",
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/** One complaint about the unit. */
export interface ComplaintFact {
  id: RecordId;
  receivedAt: Date;
  /** Written answer to the reporter, at least "complete or not": 14 days (UU 25/2009). */
  answerDeadline: DeadlineFact | null;
  /** Decision, 60 days after the file is complete (UU 25/2009 Ps. 50); null while the file is incomplete. */
  decisionDeadline: DeadlineFact | null;
  /** Telling the reporter the decision, 14 days after it (UU 25/2009); null until decided. */
  outcomeNoticeDeadline: DeadlineFact | null;
  closedAt: Date | null;
  /** Which parts of the record are filled in; a field left out counts as not filled in. */
  recordFields: Partial<Record<RecordField, boolean>>;
  /** The reporter's rating of how the complaint was handled, 1 (worst) to 5 (best). */
  rating: { value: number; ratedAt: Date } | null;
}

export const OMBUDSMAN_REQUEST_KINDS = ["coordination_letter", "corrective_action", "recommendation"] as const;
export type OmbudsmanRequestKind = (typeof OMBUDSMAN_REQUEST_KINDS)[number];

/**
 * Something the Ombudsman asked of the unit: a coordination letter (Surat Koordinasi, permintaan
 * klarifikasi), a corrective action from an examination result (LAHP, 30 working days, Peraturan
 * Ombudsman 58/2023 Ps. 54) or a Recommendation (60 days, UU 37/2008 Ps. 38(2)).
 */
export interface OmbudsmanRequestFact {
  id: RecordId;
  complaintId: RecordId | null;
  kind: OmbudsmanRequestKind;
  sentAt: Date;
  deadline: DeadlineFact;
}

/** A way to complain to the unit (web form, desk, box, phone/WhatsApp, SP4N-LAPOR!). */
export interface ChannelFact {
  id: RecordId;
  isElectronic: boolean;
  openedAt: Date;
  /** When the channel was announced to the public (notice board, website, service standard). */
  publishedAt: Date | null;
  closedAt: Date | null;
}

/** A complaint officer or focal point appointed for the unit. */
export interface OfficerFact {
  id: RecordId;
  /** Number of the appointing decree (SK); null or blank when appointed without one. */
  decreeNumber: string | null;
  appointedFrom: Date;
  appointedUntil: Date | null;
  /** Latest complaint-handling training completed. */
  trainedAt: Date | null;
}

/** The unit's complaint-handling procedure (SOP pengaduan). A record exists once it is drafted. */
export interface ProcedureFact {
  id: RecordId;
  /** When it was formally adopted (ditetapkan). */
  adoptedAt: Date | null;
  publishedAt: Date | null;
}

/** A periodic complaint-management report owed to the unit's superior, one per report due. */
export interface PeriodicReportFact {
  id: RecordId;
  deadline: DeadlineFact;
}

/**
 * Everything recorded about one unit's complaint management. `complaints` is always loaded (an
 * empty list means none were received). The other lists are optional: leaving one out means
 * "nobody has recorded this yet" and the indicator says so, while an empty list means "recorded:
 * there are none" and scores 0.
 */
export interface ComplaintManagementFacts {
  complaints: readonly ComplaintFact[];
  ombudsmanRequests?: readonly OmbudsmanRequestFact[];
  channels?: readonly ChannelFact[];
  officers?: readonly OfficerFact[];
  procedures?: readonly ProcedureFact[];
  periodicReports?: readonly PeriodicReportFact[];
}

/** The assessment period (complaints received in [startAt, endAt)) and the instant the figures stand at. */
export interface ScoringWindow {
  period: { startAt: Date; endAt: Date };
  asOf: Date;
}
