import { z } from "zod";
import type { Action } from "../complaints/states.js";

/**
 * What can happen to a case, as the deadline policy names it: the steps of the case workflow
 * (src/complaints/states.ts, issue #5) in the past tense, plus the two Ombudsman follow-up
 * documents. Deadlines start, are met, pause, resume and are cancelled on these events.
 */
export const CASE_EVENTS = [
  /** The complaint arrived through any channel. */
  "received",
  /** Formal and material verification began. */
  "verification_started",
  /** The file is incomplete and went back to the reporter (30 days to complete it). */
  "returned_to_reporter",
  /** The reporter supplied what was missing. */
  "completed_by_reporter",
  /** The reporter let the 30 days pass: the report counts as withdrawn. */
  "incomplete_expired",
  /** Verification passed: the file is declared complete ("berkas dinyatakan lengkap"). */
  "verified",
  /** Linked to an existing case as its duplicate; this case ends. */
  "linked_as_duplicate",
  /** Sent to the responsible Pemda's focal point. */
  "routed_to_focal_point",
  /** Sent to another focal point (wrong Pemda or unit), with a reason. */
  "rerouted",
  /** The focal point acknowledged receipt. */
  "acknowledged",
  /** The focal point forwarded the case to the service unit. */
  "forwarded_to_unit",
  /** A coordination letter (permintaan klarifikasi) asked the focal point to clarify. */
  "clarification_requested",
  /** The focal point answered the coordination letter. */
  "clarification_answered",
  /** A written answer went to the reporter (UU 25/2009: at least whether the file is complete). */
  "answer_sent",
  /** The decision on the complaint was made. */
  "decided",
  /** The reporter was told the decision. */
  "reporter_notified",
  "closed",
  "rejected",
  "withdrawn",
  "reopened",
  /** The terlapor received the Ombudsman's examination result (LHP) with corrective action. */
  "lhp_received",
  /** The terlapor reported the follow-up of the LHP. */
  "lhp_follow_up_reported",
  /** The terlapor received an Ombudsman Recommendation. */
  "recommendation_received",
  /** The terlapor reported on carrying out the Recommendation. */
  "recommendation_report_submitted",
] as const;

export type CaseEvent = (typeof CASE_EVENTS)[number];

export const caseEventSchema = z.enum(CASE_EVENTS, { message: "deadlines.errors.case_event" });

/** True for one of CASE_EVENTS (e.g. an event name read back from the database). */
export function isCaseEvent(value: unknown): value is CaseEvent {
  return typeof value === "string" && (CASE_EVENTS as readonly string[]).includes(value);
}

/**
 * The deadline event each workflow action records (null: no deadline cares). Typed against the
 * workflow's own list, so a new action fails to compile until it is mapped here. Intake itself
 * is not an action: a new complaint records "received".
 */
export const CASE_EVENT_OF_ACTION: Readonly<Record<Action, CaseEvent | null>> = {
  start_verification: "verification_started",
  request_completion: "returned_to_reporter",
  reporter_completed: "completed_by_reporter",
  expire_incomplete: "incomplete_expired",
  verify: "verified",
  link_duplicate: "linked_as_duplicate",
  route: "routed_to_focal_point",
  reroute: "rerouted",
  acknowledge: "acknowledged",
  forward_to_unit: "forwarded_to_unit",
  request_clarification: "clarification_requested",
  answer_clarification: "clarification_answered",
  send_answer: "answer_sent",
  decide: "decided",
  notify_reporter: "reporter_notified",
  close: "closed",
  reject: "rejected",
  withdraw: "withdrawn",
  reopen: "reopened",
  rate: null,
};
