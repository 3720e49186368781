import { addCalendarDays, calendarDaysBetween, civilDateOf, type CivilDate } from "../deadlines/civil-date.js";

/** Roles of a focal-point appointment: the officer named first in the decree, and their deputy. */
export const APPOINTMENT_ROLES = ["primary", "deputy"] as const;
export type AppointmentRole = (typeof APPOINTMENT_ROLES)[number];

/**
 * Calendar days before the end of an appointment's term from which it is flagged as expiring
 * (default of issue #5: the administrator has a month to obtain the next decree).
 */
export const EXPIRY_WARNING_DAYS = 30;

/** What validity needs to know of an appointment (decree term as civil dates, WITA). */
export interface AppointmentTerm {
  role: string;
  /** first day of the term, "YYYY-MM-DD" */
  validFrom: CivilDate;
  /** last day of the term, inclusive; null: until further notice */
  validUntil: CivilDate | null;
  /** ended before its term (moved, retired): no longer valid from the WITA day of this instant */
  endedAt: Date | null;
}

/** upcoming: term not started; valid; expired: term ran out; ended: ended early by an administrator. */
export type AppointmentState = "upcoming" | "valid" | "expired" | "ended";

export interface AppointmentStatus<A extends AppointmentTerm = AppointmentTerm> {
  appointment: A;
  state: AppointmentState;
  /** the last day the appointment counts (inclusive), null when open-ended */
  lastValidDay: CivilDate | null;
  /** calendar days from today to lastValidDay (0: today is the last day), null when open-ended or not valid */
  daysLeft: number | null;
  /** another appointment to the same role is valid or upcoming and lasts beyond this one */
  hasSuccessor: boolean;
}

export interface OfficeAppointmentValidity<A extends AppointmentTerm = AppointmentTerm> {
  hasValidPrimary: boolean;
  hasValidDeputy: boolean;
  /** every appointment with its state, in the order given */
  statuses: AppointmentStatus<A>[];
  valid: AppointmentStatus<A>[];
  /** the term ran out (validUntil before today) without the appointment being ended early */
  expired: AppointmentStatus<A>[];
  /** valid today and counting at most `warningDays` more calendar days */
  expiringSoon: AppointmentStatus<A>[];
}

/** The last civil day an appointment counts: its term's last day, or the day before it was ended early. */
function lastValidDayOf(term: AppointmentTerm): CivilDate | null {
  const dayBeforeEnd = term.endedAt ? addCalendarDays(civilDateOf(term.endedAt), -1) : null;
  if (term.validUntil === null) return dayBeforeEnd;
  if (dayBeforeEnd === null) return term.validUntil;
  return dayBeforeEnd < term.validUntil ? dayBeforeEnd : term.validUntil;
}

/**
 * The state of one focal-point appointment on `today` (a WITA civil date): valid from `validFrom`
 * through `validUntil` inclusive; an appointment ended early stops counting on the WITA day it was
 * ended. Days are calendar days (the decree's term, issue #5).
 */
export function appointmentState(term: AppointmentTerm, today: CivilDate): Omit<AppointmentStatus, "appointment" | "hasSuccessor"> {
  const lastValidDay = lastValidDayOf(term);
  const isEndedByToday = term.endedAt !== null && civilDateOf(term.endedAt) <= today;
  // An appointment the administrator ended counts as ended even when its term would also have run out by now.
  const state: AppointmentState = isEndedByToday ? "ended" : term.validFrom > today ? "upcoming" : term.validUntil !== null && term.validUntil < today ? "expired" : "valid";
  const daysLeft = state === "valid" && lastValidDay !== null ? calendarDaysBetween(today, lastValidDay) : null;
  return { state, lastValidDay, daysLeft };
}

/**
 * Whether an office (Inspektorat or Organisasi of one Pemda) has a valid primary focal point and a
 * valid deputy on `today` (WITA civil date), which appointments expired, and which expire within
 * `warningDays` calendar days (default 30, issue #5). An expired or expiring appointment whose
 * role is already covered by a later appointment is marked `hasSuccessor`.
 */
export function officeAppointmentValidity<A extends AppointmentTerm>(appointments: readonly A[], today: CivilDate, warningDays = EXPIRY_WARNING_DAYS): OfficeAppointmentValidity<A> {
  const states = appointments.map((appointment) => ({ appointment, ...appointmentState(appointment, today) }));
  const statuses = states.map((status) => ({
    ...status,
    hasSuccessor: states.some(
      (other) =>
        other !== status &&
        other.appointment.role === status.appointment.role &&
        (other.state === "valid" || other.state === "upcoming") &&
        status.lastValidDay !== null &&
        (other.lastValidDay === null || other.lastValidDay > status.lastValidDay),
    ),
  }));
  const valid = statuses.filter((s) => s.state === "valid");
  return {
    hasValidPrimary: valid.some((s) => s.appointment.role === "primary"),
    hasValidDeputy: valid.some((s) => s.appointment.role === "deputy"),
    statuses,
    valid,
    expired: statuses.filter((s) => s.state === "expired"),
    expiringSoon: valid.filter((s) => s.daysLeft !== null && s.daysLeft <= warningDays),
  };
}
