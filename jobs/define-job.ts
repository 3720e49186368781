import type { z } from "zod";

/**
 * A job as data: its name, the shape of its payload (ids, never row data), retry policy, an
 * optional repeat interval (a sweep), and a handler that is a thin call into a module's use case.
 * Handlers must be idempotent: they re-read state and do nothing when the work is already done.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  handler: (payload: z.output<S>, context: { attempt: number; jobId?: string }) => Promise<unknown>;
  /** Total attempts before the job is given up (default 5). */
  attempts?: number;
  /** First retry delay; doubles with each attempt (default 10 s). */
  backoffMs?: number;
  /** Run as a repeatable sweep every N ms (one schedule shared by every process). */
  repeatEveryMs?: number;
  /** Parallel jobs of this kind per worker process (default 1). */
  concurrency?: number;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
