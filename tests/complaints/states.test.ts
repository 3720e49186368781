import { describe, expect, it } from "vitest";
import { ACTIONS, availableActions, ENDED_STATES, IllegalTransition, isEnded, nextState, OPEN_STATES, STATES, TRANSITIONS, waitingOn, type Action, type State } from "../../src/complaints/states.js";

/** The whole table, written out once more by hand: [action, from, to]. */
const EXPECTED: Array<[Action, State, State]> = [
  ["start_verification", "received", "verification"],
  ["request_completion", "verification", "incomplete"],
  ["reporter_completed", "incomplete", "verification"],
  ["expire_incomplete", "incomplete", "withdrawn"],
  ["verify", "verification", "duplicate_check"],
  ["link_duplicate", "received", "duplicate"],
  ["link_duplicate", "verification", "duplicate"],
  ["link_duplicate", "duplicate_check", "duplicate"],
  ["route", "duplicate_check", "routed"],
  ...(["routed", "acknowledged", "in_progress"] as const).map((s) => ["reroute", s, "routed"] as [Action, State, State]),
  ["acknowledge", "routed", "acknowledged"],
  ["forward_to_unit", "acknowledged", "in_progress"],
  ["forward_to_unit", "in_progress", "in_progress"],
  ...(["routed", "acknowledged", "in_progress"] as const).flatMap((s) => [["request_clarification", s, s], ["answer_clarification", s, s]] as Array<[Action, State, State]>),
  ...OPEN_STATES.map((s) => ["send_answer", s, s] as [Action, State, State]),
  ["decide", "acknowledged", "decided"],
  ["decide", "in_progress", "decided"],
  ["notify_reporter", "decided", "reporter_notified"],
  ["close", "reporter_notified", "closed"],
  ...(["received", "verification", "duplicate_check"] as const).map((s) => ["reject", s, "rejected"] as [Action, State, State]),
  ...OPEN_STATES.map((s) => ["withdraw", s, "withdrawn"] as [Action, State, State]),
  ...ENDED_STATES.map((s) => ["reopen", s, "verification"] as [Action, State, State]),
  ["rate", "reporter_notified", "reporter_notified"],
  ["rate", "closed", "closed"],
];

describe("the case workflow table", () => {
  it("allows exactly the transitions of the workflow and refuses every other combination", () => {
    for (const action of ACTIONS) {
      for (const state of STATES) {
        const expected = EXPECTED.find(([a, from]) => a === action && from === state);
        if (expected) expect(nextState(state, action), `${action} from ${state}`).toBe(expected[2]);
        else expect(() => nextState(state, action), `${action} from ${state}`).toThrow(IllegalTransition);
      }
    }
  });

  it("names the action and the state in the refusal", () => {
    expect(() => nextState("closed", "acknowledge")).toThrow("cannot acknowledge a case that is closed");
  });

  it("asks for a reason to reject, withdraw, reopen, re-route or send a file back", () => {
    const withReason = ACTIONS.filter((a) => TRANSITIONS[a].requiresReason).sort();
    expect(withReason).toEqual(["reject", "reopen", "request_completion", "reroute", "withdraw"]);
  });

  it("lets only the system withdraw an incomplete file after its time, and only the citizen rate", () => {
    expect(TRANSITIONS.expire_incomplete.by).toEqual(["system"]);
    expect(TRANSITIONS.rate.by).toEqual(["citizen"]);
    expect(availableActions("incomplete", ["ombudsman"])).not.toContain("expire_incomplete");
  });

  it("lets only the handling focal point acknowledge and forward to the unit", () => {
    expect(availableActions("routed", ["ombudsman"])).not.toContain("acknowledge");
    expect(availableActions("routed", ["handler"])).toContain("acknowledge");
    expect(availableActions("acknowledged", ["handler"])).toEqual(expect.arrayContaining(["forward_to_unit", "decide", "answer_clarification"]));
    expect(availableActions("acknowledged", ["handler"])).not.toContain("request_clarification");
  });

  it("offers nothing but reopening on an ended case", () => {
    for (const state of ENDED_STATES) {
      expect(isEnded(state)).toBe(true);
      expect(availableActions(state, ["ombudsman", "handler"])).toEqual(["reopen"]);
    }
  });

  it("says whose move it is", () => {
    expect(waitingOn("received", "ombudsman")).toBe("ombudsman");
    expect(waitingOn("received", "inspektorat")).toBe("pemda");
    expect(waitingOn("incomplete", "ombudsman")).toBe("reporter");
    expect(waitingOn("routed", "ombudsman")).toBe("pemda");
    expect(waitingOn("decided", "ombudsman")).toBe("ombudsman");
    expect(waitingOn("closed", "ombudsman")).toBeNull();
  });
});
