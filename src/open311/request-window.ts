/** Open311 GET requests: the longest span one query may cover, and the default span (GeoReport v2, "Response Volume"). */
export const MAX_WINDOW_DAYS = 90;
const DAY_MS = 24 * 3600_000;

export type RequestWindow = { from: Date; to: Date } | { problem: "end_before_start" | "too_long" };

/**
 * The requested_datetime range of a GET requests query, in days per GeoReport v2: both dates
 * given, at most 90 days apart; one given, 90 days from or up to it; none, the 90 days up to `now`.
 */
export function requestWindow(start: Date | undefined, end: Date | undefined, now: Date): RequestWindow {
  const span = MAX_WINDOW_DAYS * DAY_MS;
  if (start && end) {
    if (end < start) return { problem: "end_before_start" };
    if (end.getTime() - start.getTime() > span) return { problem: "too_long" };
    return { from: start, to: end };
  }
  if (start) return { from: start, to: new Date(start.getTime() + span) };
  const to = end ?? now;
  return { from: new Date(to.getTime() - span), to };
}
