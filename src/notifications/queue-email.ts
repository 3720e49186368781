import type { AfterCommit, Tx } from "../db.js";
import { enqueue } from "../../jobs/queue.js";
import { renderEmail } from "./render-email.js";

export interface EmailRequest {
  /** Same key, same message: a retried request never sends twice. */
  dedupeKey: string;
  to: string;
  template: string;
  locale: string;
  data: Record<string, unknown>;
  /**
   * The key names something created in the caller's transaction (e.g. a new complaint's id), so
   * no message can have it yet: the outbox is not read first. The key's unique index still
   * refuses a second message.
   */
  isNewKey?: boolean;
}

/**
 * Writes an email to the outbox inside the caller's transaction and, once it has committed,
 * asks the queue to deliver it. If the queue is unreachable the outbox sweep delivers it later.
 */
export async function queueEmail(tx: Tx, afterCommit: AfterCommit, request: EmailRequest) {
  const existing = request.isNewKey ? null : await tx.outboxMessage.findUnique({ where: { dedupeKey: request.dedupeKey }, select: { id: true } });
  if (existing) return existing;
  const { subject, text } = await renderEmail(request.template, request.locale, request.data);
  const message = await tx.outboxMessage.create({
    data: { dedupeKey: request.dedupeKey, recipient: request.to, subject, textBody: text },
    select: { id: true },
  });
  afterCommit(() => enqueue("send-mail", { outboxId: message.id }, { jobId: `mail-${message.id}` }));
  return message;
}
