import { db, transaction } from "../db.js";
import { indexComplaints } from "./index-complaints.js";
import { PROFILE_VERSION } from "./matching-profile.js";

/**
 * Rebuilds the duplicate index: by default the complaints whose profile is missing or of another
 * PROFILE_VERSION; with `all`, every complaint (needed after MATCHING_SECRET changes, since every
 * identity digest changes with it). Walks complaints by id in batches, one transaction each, so the
 * server keeps serving meanwhile. Returns how many complaints were indexed.
 */
export async function rebuildDuplicateIndex(options: { all?: boolean; batchSize?: number; onProgress?: (done: number) => void } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let afterId = 0;
  let done = 0;
  for (;;) {
    const batch = await db.complaint.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, matchProfile: { select: { version: true } } },
    });
    if (batch.length === 0) return done;
    afterId = batch[batch.length - 1]!.id;
    const stale = batch.filter((c) => options.all || c.matchProfile?.version !== PROFILE_VERSION).map((c) => c.id);
    if (stale.length) await transaction((tx) => indexComplaints(tx, stale));
    done += stale.length;
    options.onProgress?.(done);
  }
}
