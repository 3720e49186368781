/**
 * Whether an error means "the database is there but cannot take this request now": PostgreSQL's
 * connection pool had no free connection within DATABASE_POOL_TIMEOUT_MS, the server refused a
 * new connection (max_connections or a role's CONNECTION LIMIT), or SQLite stayed locked by
 * another process's write for longer than the busy timeout. The request can succeed when retried
 * a little later, so the HTTP layer answers 503 with Retry-After instead of 500.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const e = error as { message?: unknown; code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } } | null;
  if (!e || typeof e !== "object") return false;
  // pg-pool's own errors reach us unwrapped: waiting for a pooled connection, or connecting, timed out.
  if (typeof e.message === "string" && POOL_MESSAGES.some((text) => e.message === text)) return true;
  // Prisma: P1008 operation timed out (SQLite: SQLITE_BUSY after busy_timeout), P2037 too many connections.
  if (e.code === "P1008" || e.code === "P2037") return true;
  // better-sqlite3 used directly (outside Prisma).
  if (e.code === "SQLITE_BUSY") return true;
  const cause = e.meta?.driverAdapterError?.cause;
  return cause?.kind === "TooManyConnections" || cause?.kind === "SocketTimeout" || cause?.originalCode === "SQLITE_BUSY" || cause?.originalCode === "53300";
}

const POOL_MESSAGES = ["timeout exceeded when trying to connect", "Connection terminated due to connection timeout"];

/** How long a client should wait before retrying a request refused with isDatabaseBusy (seconds). */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 5;
