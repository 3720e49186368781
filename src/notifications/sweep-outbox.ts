import { enqueue } from "../../jobs/queue.js";
import { db } from "../db.js";

/**
 * Finds messages that should have been delivered by now but are not (their job was lost with
 * Redis, or a worker was down) and enqueues them again. Idempotent: delivery claims each message.
 */
export async function sweepOutbox(now: Date = new Date(), limit = 500) {
  const due = await db.outboxMessage.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true, attempts: true },
  });
  for (const message of due) {
    await enqueue("send-mail", { outboxId: message.id }, { jobId: `mail-${message.id}-${message.attempts}` });
  }
  return { enqueued: due.length };
}
