// Zod-free building blocks of the calendar schema, shared by the schema (parse boundaries) and the
// hand-written validator that compiling a calendar uses (so scheduling ships no zod).

/** `HH:mm` between `00:00` and `23:59`, or `24:00`. */
export const TIME_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

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

/** Value of the ASCII digits `value[i]`, `value[i + 1]`, or -1. */
function twoDigits(value: string, i: number): number {
  const a = value.charCodeAt(i) - 48;
  const b = value.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `value` is an existing calendar date `YYYY-MM-DD` in the years 0100–9999 (the range of
 * `Date.UTC`'s four-digit years, which the scheduling arithmetic uses). Checked character by
 * character: it runs for every date of every calendar that is compiled or imported.
 */
export function isValidDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y1 = twoDigits(value, 0);
  const y2 = twoDigits(value, 2);
  const mo = twoDigits(value, 5);
  const d = twoDigits(value, 8);
  if (y1 < 1 || y2 < 0 || mo < 1 || mo > 12 || d < 1) return false;
  const y = y1 * 100 + y2;
  if (mo !== 2) return d <= DAYS_IN_MONTH[mo - 1]!;
  return d <= (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28);
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
