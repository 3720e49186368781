/** How long one delivery attempt may hold a message before another worker may try it. */
export const OUTBOX_LOCK_MS = 2 * 60_000;

/** Messages are retried for three days, then marked failed for an administrator to see. */
export const OUTBOX_RETRY_WINDOW_MS = 3 * 24 * 3600_000;

/**
 * Back-off after the n-th failed attempt (n >= 1): 30 s doubling, capped at one hour.
 * Pure: `failedAt` in, next attempt time out.
 */
export function nextAttemptAt(attempts: number, failedAt: Date): Date {
  const delay = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
  return new Date(failedAt.getTime() + delay);
}

export function shouldGiveUp(createdAt: Date, failedAt: Date): boolean {
  return failedAt.getTime() - createdAt.getTime() >= OUTBOX_RETRY_WINDOW_MS;
}
