import { dayNumberOf } from "./civil-date.js";
import { type WorkingCalendar, countWorkingDayNumbers } from "./working-calendar.js";

export const DEADLINE_STATES = ["pending", "met", "missed", "paused", "cancelled"] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** A stored deadline as the database holds it, plus `now`. */
export interface DeadlineStatusInput {
  dueAt: Date | null;
  pausedAt?: Date | null;
  metAt?: Date | null;
  cancelledAt?: Date | null;
  now: Date;
  /** Needed for overdue working days; without it `overdue.workingDays` is null. */
  calendar?: WorkingCalendar;
}

/** How late: milliseconds, and whole days past the due day (WITA civil days). */
export interface Overdue {
  ms: number;
  /** WITA days after the due day up to the day it was met, or today: 1 on the day after it. */
  calendarDays: number;
  /** Working days after the due day up to that day; null without a calendar. */
  workingDays: number | null;
}

export interface DeadlineStatus {
  state: DeadlineState;
  /** Met after the due time, or missed. */
  isLate: boolean;
  /** For a missed deadline up to now, for one met late up to metAt; otherwise null. */
  overdue: Overdue | null;
  /** For a pending deadline, milliseconds left until dueAt; otherwise null. */
  msLeft: number | null;
}

/**
 * Where a deadline stands at `now`: met (on time or late) wins over cancelled, cancelled over
 * paused; a deadline is missed from the first instant after dueAt (00:00 WITA the next day) and
 * pending up to and including dueAt. A pause or a cancellation recorded after dueAt does not
 * hide a miss (a cancelled one is overdue up to its cancellation). Units:
 * milliseconds and WITA civil days (working days per the calendar).
 */
export function deadlineStatus(input: DeadlineStatusInput): DeadlineStatus {
  const { dueAt, now, calendar } = input;
  const overdueUntil = (until: Date): Overdue | null => {
    if (!dueAt || until.getTime() <= dueAt.getTime()) return null;
    const dueDay = dayNumberOf(dueAt);
    const untilDay = dayNumberOf(until);
    return {
      ms: until.getTime() - dueAt.getTime(),
      calendarDays: untilDay - dueDay,
      workingDays: calendar ? countWorkingDayNumbers(dueDay, untilDay, calendar) : null,
    };
  };

  if (input.metAt) {
    const overdue = overdueUntil(input.metAt);
    return { state: "met", isLate: overdue !== null, overdue, msLeft: null };
  }
  if (input.cancelledAt) {
    // Like a late pause, a cancellation after the due time cannot hide the miss; lateness stops with it.
    const overdue = overdueUntil(input.cancelledAt);
    if (overdue) return { state: "missed", isLate: true, overdue, msLeft: null };
    return { state: "cancelled", isLate: false, overdue: null, msLeft: null };
  }
  if (input.pausedAt && (!dueAt || input.pausedAt.getTime() <= dueAt.getTime())) {
    return { state: "paused", isLate: false, overdue: null, msLeft: null };
  }
  if (!dueAt) throw new RangeError("A deadline that is neither paused, met nor cancelled needs a dueAt");
  const overdue = overdueUntil(now);
  if (overdue) return { state: "missed", isLate: true, overdue, msLeft: null };
  return { state: "pending", isLate: false, overdue: null, msLeft: dueAt.getTime() - now.getTime() };
}
