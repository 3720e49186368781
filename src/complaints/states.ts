/**
 * The case workflow as a pure table (domain brief §2 and issue #5): received -> verification
 * (incomplete files go back to the reporter) -> duplicate check -> routed to the focal point ->
 * acknowledged -> in progress (forwarded to the unit, clarification requested, answered) ->
 * decided -> reporter notified -> closed; rejected, withdrawn and linked-as-duplicate end a case
 * early; reopen brings any ended case back to verification.
 */
export const STATES = [
  "received",
  "verification",
  "incomplete",
  "duplicate_check",
  "routed",
  "acknowledged",
  "in_progress",
  "decided",
  "reporter_notified",
  "closed",
  "rejected",
  "withdrawn",
  "duplicate",
] as const;
export type State = (typeof STATES)[number];

export const ENDED_STATES: readonly State[] = ["closed", "rejected", "withdrawn", "duplicate"];
export const OPEN_STATES: readonly State[] = STATES.filter((s) => !ENDED_STATES.includes(s));

/** Who performs an action, in the case's terms (policy.ts maps people to these capacities). */
export type Capacity = "ombudsman" | "handler" | "citizen" | "system";

export const ACTIONS = [
  "start_verification",
  "request_completion",
  "reporter_completed",
  "expire_incomplete",
  "verify",
  "link_duplicate",
  "route",
  "reroute",
  "acknowledge",
  "forward_to_unit",
  "request_clarification",
  "answer_clarification",
  "send_answer",
  "decide",
  "notify_reporter",
  "close",
  "reject",
  "withdraw",
  "reopen",
  "rate",
] as const;
export type Action = (typeof ACTIONS)[number];

interface Transition {
  from: readonly State[];
  /** "same" keeps the state (the action records a step without changing it). */
  to: State | "same";
  by: readonly Capacity[];
  requiresReason?: boolean;
}

const open = OPEN_STATES;
const handling: readonly State[] = ["routed", "acknowledged", "in_progress"];

export const TRANSITIONS: Record<Action, Transition> = {
  start_verification: { from: ["received"], to: "verification", by: ["ombudsman", "handler"] },
  request_completion: { from: ["verification"], to: "incomplete", by: ["ombudsman", "handler"], requiresReason: true },
  reporter_completed: { from: ["incomplete"], to: "verification", by: ["citizen", "ombudsman", "handler"] },
  expire_incomplete: { from: ["incomplete"], to: "withdrawn", by: ["system"] },
  verify: { from: ["verification"], to: "duplicate_check", by: ["ombudsman", "handler"] },
  link_duplicate: { from: ["received", "verification", "duplicate_check"], to: "duplicate", by: ["ombudsman", "handler"] },
  route: { from: ["duplicate_check"], to: "routed", by: ["ombudsman", "handler"] },
  reroute: { from: handling, to: "routed", by: ["ombudsman", "handler"], requiresReason: true },
  acknowledge: { from: ["routed"], to: "acknowledged", by: ["handler"] },
  forward_to_unit: { from: ["acknowledged", "in_progress"], to: "in_progress", by: ["handler"] },
  request_clarification: { from: handling, to: "same", by: ["ombudsman"] },
  answer_clarification: { from: handling, to: "same", by: ["handler"] },
  send_answer: { from: open, to: "same", by: ["ombudsman", "handler"] },
  decide: { from: ["acknowledged", "in_progress"], to: "decided", by: ["ombudsman", "handler"] },
  notify_reporter: { from: ["decided"], to: "reporter_notified", by: ["ombudsman", "handler"] },
  close: { from: ["reporter_notified"], to: "closed", by: ["ombudsman", "handler"] },
  reject: { from: ["received", "verification", "duplicate_check"], to: "rejected", by: ["ombudsman", "handler"], requiresReason: true },
  withdraw: { from: open, to: "withdrawn", by: ["ombudsman", "handler", "citizen"], requiresReason: true },
  reopen: { from: ENDED_STATES, to: "verification", by: ["ombudsman", "handler"], requiresReason: true },
  rate: { from: ["reporter_notified", "closed"], to: "same", by: ["citizen"] },
};

export class IllegalTransition extends Error {
  constructor(
    public readonly action: Action,
    public readonly state: State,
  ) {
    super(`cannot ${action} a case that is ${state}`);
    this.name = "IllegalTransition";
  }
}

/** The state after `action`, or IllegalTransition when the table does not allow it. */
export function nextState(state: State, action: Action): State {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(state)) throw new IllegalTransition(action, state);
  return transition.to === "same" ? state : transition.to;
}

/** The actions open to someone acting in these capacities on a case in `state`. */
export function availableActions(state: State, capacities: readonly Capacity[]): Action[] {
  return ACTIONS.filter((action) => TRANSITIONS[action].from.includes(state) && TRANSITIONS[action].by.some((c) => capacities.includes(c)));
}

export function isEnded(state: State): boolean {
  return ENDED_STATES.includes(state);
}

/** Whose move it is, for the assistant's overview: the Ombudsman, the Pemda, the reporter, or nobody. */
export function waitingOn(state: State, desk: "ombudsman" | "inspektorat"): "ombudsman" | "pemda" | "reporter" | null {
  if (isEnded(state)) return null;
  if (state === "incomplete") return "reporter";
  if (["routed", "acknowledged", "in_progress"].includes(state)) return "pemda";
  return desk === "ombudsman" ? "ombudsman" : "pemda";
}
