import os from "node:os";
import { db } from "../db.js";
import { logger } from "../logger.js";
import { mailTransport } from "./mail-transport.js";
import { nextAttemptAt, OUTBOX_LOCK_MS, shouldGiveUp } from "./retry-policy.js";

/**
 * Delivers one outbox message, at most once: the message is claimed with a short lock before
 * sending, marked sent after, and skipped when already sent or claimed by another worker.
 * The Message-ID is derived from the outbox id, so a receiving server can discard a rare
 * duplicate (a crash between sending and marking).
 */
export async function deliverOutboxMessage(outboxId: number, now: () => Date = () => new Date()) {
  const claimedAt = now();
  const claimed = await db.outboxMessage.updateMany({
    where: { id: outboxId, status: "pending", OR: [{ lockedUntil: null }, { lockedUntil: { lt: claimedAt } }] },
    data: { lockedUntil: new Date(claimedAt.getTime() + OUTBOX_LOCK_MS), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return { status: "skipped" as const };
  const message = await db.outboxMessage.findUniqueOrThrow({ where: { id: outboxId } });
  try {
    await mailTransport().send({
      to: message.recipient,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody ?? undefined,
      messageId: `<outbox-${message.id}.${message.dedupeKey.replace(/[^A-Za-z0-9.-]+/g, "-").slice(0, 60)}@${os.hostname() || "penghubung"}>`,
    });
  } catch (error) {
    const failedAt = now();
    const giveUp = shouldGiveUp(message.createdAt, failedAt);
    await db.outboxMessage.update({
      where: { id: outboxId },
      data: {
        lockedUntil: null,
        lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error),
        nextAttemptAt: nextAttemptAt(message.attempts, failedAt),
        status: giveUp ? "failed" : "pending",
      },
    });
    if (giveUp) logger.error({ outboxId, err: error }, "giving up on an email after its retry window");
    throw error;
  }
  await db.outboxMessage.update({ where: { id: outboxId }, data: { status: "sent", sentAt: now(), lockedUntil: null, lastError: null } });
  return { status: "sent" as const };
}
