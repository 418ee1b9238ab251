// Zod-free building blocks of the calendar schema, shared by the schema (parse boundaries) and the
// hand-written validator that compiling a calendar uses (so scheduling ships no zod).

/** `HH:mm` between `00:00` and `23:59`, or `24:00`. */
export const TIME_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Minutes after midnight of a validated `HH:mm` string (`24:00` → 1440).
 *
 * @param value - a time `HH:mm` accepted by `TimeOfDaySchema`
 * @returns minutes after midnight, 0 … 1440
 * @example
 * ```ts
 * import { timeToMinutes } from "@pmokit/core";
 * timeToMinutes("13:30"); // 810
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export function timeToMinutes(value: string): number {
  if (value === "24:00") return 1440;
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

/** Whether `value` is an existing calendar date `YYYY-MM-DD`. */
export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const back = new Date(Date.UTC(y, mo - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
}

/** Whether the runtime knows the IANA time zone `tz`. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Last possible day of each month (February 29: leap years are checked by the recurrence). */
export const MONTH_MAX_DAY: readonly number[] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Names of the days of the week, in the order of {@link dayOfWeek} (0 = Sunday).
 *
 * @example
 * ```ts
 * import { DAY_NAMES } from "@pmokit/core";
 * DAY_NAMES[1]; // "monday"
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export const DAY_NAMES = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;

/**
 * A day of the week by name.
 *
 * @example
 * ```ts
 * import type { DayName } from "@pmokit/core";
 * const d: DayName = "friday";
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export type DayName = (typeof DAY_NAMES)[number];

/** Weeks of the month of "Nth weekday" recurrences. */
export const WEEKS_OF_MONTH = ["first", "second", "third", "fourth", "last"] as const;
