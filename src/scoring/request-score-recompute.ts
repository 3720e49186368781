import { enqueue } from "../../jobs/queue.js";
import type { CurrentUser } from "../accounts/roles.js";
import { forbidden } from "../http/errors.js";
import { canPublishScores } from "./policy.js";

/** Asks for a year's recomputation now (a person wants fresh figures before the hourly sweep). */
export async function requestScoreRecompute(year: number, user: CurrentUser, now = new Date()): Promise<boolean> {
  if (!canPublishScores(user)) throw forbidden();
  return enqueue("recompute-scores", { year, trigger: "staff" }, { jobId: `scores-${year}-staff-${now.getTime()}` });
}
