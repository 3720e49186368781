/** Open311's two request statuses. */
export const OPEN311_STATUSES = ["open", "closed"] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

/** Our workflow states that end a case; every other state, including ones added later, is still open. */
export const CLOSED_STATES = ["closed", "rejected", "withdrawn"] as const;

/** GeoReport v2 status of a complaint state: "closed" once the case has ended (closed, rejected, withdrawn), else "open". */
export function open311Status(state: string): Open311Status {
  return (CLOSED_STATES as readonly string[]).includes(state) ? "closed" : "open";
}
