import { z } from "zod";
import { OFFICES } from "../../accounts/roles.js";
import type { DuplicateDecisionAction } from "../../duplicates/decision-parties.js";
import { keepSeparate } from "../../duplicates/keep-separate.js";
import { linkDuplicate } from "../../duplicates/link-duplicate.js";
import { linkRelated } from "../../duplicates/link-related.js";
import { reverseDuplicateDecision } from "../../duplicates/reverse-duplicate-decision.js";
import { sendCoordinationLetter } from "../../letters/send-coordination-letter.js";
import { rerouteComplaint } from "../../routing/reroute-complaint.js";
import { routeComplaint } from "../../routing/route-complaint.js";
import type { Action } from "../states.js";
import type { CaseActor } from "./case-actor.js";
import { decideComplaint, OUTCOMES } from "./decide-complaint.js";
import { notifyReporterOfDecision } from "./notify-reporter-of-decision.js";
import { performCaseAction, type SimpleAction } from "./perform-case-action.js";
import { requestCompletion } from "./request-completion.js";
import { sendAnswer } from "./send-answer.js";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (max: number) => z.string({ message: "errors.required" }).trim().min(1, { message: "errors.required" }).max(max, { message: "errors.too_long" });
const optionalReason = z.object({ reason: z.preprocess(blank, z.string().trim().max(2000, { message: "errors.too_long" }).optional()) });
const requiredReason = z.object({ reason: text(2000) });
const candidate = z.string({ message: "errors.required" }).trim().min(1, { message: "errors.required" }).max(40, { message: "errors.too_long" });

interface CaseActionHandler {
  schema: z.ZodType;
  run: (trackingNumber: string, actor: CaseActor, input: never) => Promise<unknown>;
}

const simple = (action: SimpleAction, schema: z.ZodType): CaseActionHandler => ({
  schema,
  run: (trackingNumber, actor, input: { reason?: string }) => performCaseAction(trackingNumber, action, actor, input),
});

/**
 * Every workflow action staff can take, with the shape of its input: the web forms and the JSON
 * API (POST /api/v1/complaints/{trackingNumber}/actions/{action}) both dispatch through this table,
 * so both follow exactly the same rules. Actions by the citizen or the system are not here.
 */
/** A workflow action, or a duplicate decision that records without changing the state. */
export type CaseActionName = Action | DuplicateDecisionAction;

export const CASE_ACTIONS: Partial<Record<CaseActionName, CaseActionHandler>> = {
  start_verification: simple("start_verification", optionalReason),
  verify: simple("verify", optionalReason),
  acknowledge: simple("acknowledge", optionalReason),
  forward_to_unit: simple("forward_to_unit", optionalReason),
  close: simple("close", optionalReason),
  reject: simple("reject", requiredReason),
  withdraw: simple("withdraw", requiredReason),
  reopen: simple("reopen", requiredReason),
  request_completion: { schema: requiredReason, run: (tn, actor, input: { reason: string }) => requestCompletion(tn, actor, input) },
  send_answer: { schema: z.object({ message: text(5000) }), run: (tn, actor, input: { message: string }) => sendAnswer(tn, actor, input) },
  decide: {
    schema: z.object({ outcome: z.enum(OUTCOMES, { message: "errors.invalid_choice" }), summary: text(5000) }),
    run: (tn, actor, input: { outcome: (typeof OUTCOMES)[number]; summary: string }) => decideComplaint(tn, actor, input),
  },
  notify_reporter: { schema: z.object({}), run: (tn, actor) => notifyReporterOfDecision(tn, actor) },
  route: { schema: z.object({}), run: (tn, actor) => routeComplaint(tn, actor) },
  reroute: {
    schema: z.object({
      reason: text(2000),
      regionCode: z.preprocess(blank, z.string().trim().regex(/^\d{2}(\.\d{2})?$/, { message: "errors.region_required" }).optional()),
      unitId: z.preprocess((v) => (v === "other" ? undefined : blank(v)), z.coerce.number().int().positive({ message: "errors.invalid_choice" }).optional()),
      unitName: z.preprocess(blank, z.string().trim().max(200).optional()),
      office: z.preprocess(blank, z.enum(OFFICES, { message: "errors.invalid_choice" }).optional()),
    }),
    run: (tn, actor, input: Parameters<typeof rerouteComplaint>[2]) => rerouteComplaint(tn, actor, input),
  },
  request_clarification: { schema: z.object({ summary: text(5000) }), run: (tn, actor, input: { summary: string }) => sendCoordinationLetter(tn, actor, input) },
  link_duplicate: {
    schema: optionalReason.extend({ candidate }),
    run: (tn, actor, input: { candidate: string; reason?: string }) => linkDuplicate(tn, actor, input),
  },
  link_related: {
    schema: optionalReason.extend({ candidate }),
    run: (tn, actor, input: { candidate: string; reason?: string }) => linkRelated(tn, actor, input),
  },
  keep_separate: {
    schema: requiredReason.extend({ candidate }),
    run: (tn, actor, input: { candidate: string; reason: string }) => keepSeparate(tn, actor, input),
  },
  reverse_duplicate_decision: {
    schema: requiredReason.extend({ decisionId: z.coerce.number({ message: "errors.invalid_choice" }).int().positive({ message: "errors.invalid_choice" }) }),
    run: (tn, actor, input: { decisionId: number; reason: string }) => reverseDuplicateDecision(tn, actor, input),
  },
};

export function isCaseAction(action: string): action is CaseActionName {
  return Object.hasOwn(CASE_ACTIONS, action);
}
