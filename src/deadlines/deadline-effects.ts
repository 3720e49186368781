import type { CaseEvent } from "./case-events.js";
import type { DeadlinePolicy } from "./deadline-policy.js";

/** What one case event does to the deadlines of a policy version: kinds per effect. */
export interface DeadlineEffects {
  /** Start a deadline of these kinds; an open one of the same kind is superseded (cancelled). */
  start: string[];
  /** Meet the open (running or paused) deadline of these kinds. */
  meet: string[];
  /** Pause the running deadline of these kinds (the clock stops). */
  pause: string[];
  /** Resume the paused deadline of these kinds. */
  resume: string[];
  /** Cancel the open deadline of these kinds: the step no longer applies. */
  cancel: string[];
}

/**
 * Which deadlines a case event starts, meets, pauses, resumes or cancels under a policy version.
 * Apply `meet`, `cancel`, `pause` and `resume` to open deadlines first, then `start`, so that an
 * event that ends one step and starts the next (decided) does both.
 */
export function deadlineEffectsOf(event: CaseEvent, policy: DeadlinePolicy): DeadlineEffects {
  const effects: DeadlineEffects = { start: [], meet: [], pause: [], resume: [], cancel: [] };
  for (const rule of policy.rules) {
    if (rule.startedBy.includes(event)) effects.start.push(rule.kind);
    if (rule.metBy.includes(event)) effects.meet.push(rule.kind);
    if (rule.pausedBy.includes(event)) effects.pause.push(rule.kind);
    if (rule.resumedBy.includes(event)) effects.resume.push(rule.kind);
    if (rule.cancelledBy.includes(event)) effects.cancel.push(rule.kind);
  }
  return effects;
}
