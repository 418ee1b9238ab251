import { PmokitError } from "../errors.js";
import { DEFAULT_DURATION_SETTINGS, durationToMinutes, isElapsedUnit } from "../model/duration.js";
import type { Duration, DurationSettings } from "../model/duration.js";
import type { EpochMinute } from "../time/local.js";
import type { WorkingCalendar } from "./types.js";

/**
 * Adds a duration to an instant. Elapsed units (`elapsedDays`, …) add wall-clock minutes and ignore
 * the calendar; working units are converted with the project settings (`minutesPerDay`, …) and added
 * as working minutes on the calendar (MS Project conventions of {@link WorkingCalendar}: a positive
 * duration ends at the end of its last working minute, a negative one at a start).
 *
 * @param cal - the calendar working units run on
 * @param t - start instant (epoch minutes)
 * @param duration - value and unit
 * @param settings - minutes per day / week, days per month (default MS Project's 480 / 2,400 / 20)
 * @returns the resulting instant
 * @throws PmokitError `INVALID_INPUT` for `percent` durations; `NO_WORKING_TIME` / `LIMIT_EXCEEDED`
 *   from the calendar
 * @example
 * ```ts
 * import { addDuration, compileCalendar, standardCalendar, toEpochMinute, fromEpochMinute } from "@pmokit/core";
 * const cal = compileCalendar(standardCalendar());
 * const fri = toEpochMinute("2026-11-27T13:00");
 * fromEpochMinute(addDuration(cal, fri, { value: 2, unit: "days" })); // "2026-12-01T12:00:00"
 * fromEpochMinute(addDuration(cal, fri, { value: 2, unit: "elapsedDays" })); // "2026-11-29T13:00:00"
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export function addDuration(
  cal: WorkingCalendar,
  t: EpochMinute,
  duration: Duration,
  settings: DurationSettings = DEFAULT_DURATION_SETTINGS,
): EpochMinute {
  const minutes = durationToMinutes(duration, settings);
  if (isElapsedUnit(duration.unit)) return t + minutes;
  return cal.addWorkingMinutes(t, minutes);
}

/**
 * The duration between two instants in the given unit: working time on the calendar for working
 * units, wall-clock time for elapsed units (the inverse of {@link addDuration}).
 *
 * @param cal - the calendar working units run on
 * @param a - from (epoch minutes)
 * @param b - to (epoch minutes); negative result when `b < a`
 * @param unit - the unit of the result (not `percent`)
 * @param settings - minutes per day / week, days per month
 * @returns the duration in `unit`
 * @throws PmokitError `INVALID_INPUT` for `percent`
 * @example
 * ```ts
 * import { durationBetween, compileCalendar, standardCalendar, toEpochMinute } from "@pmokit/core";
 * const cal = compileCalendar(standardCalendar());
 * durationBetween(cal, toEpochMinute("2026-11-27T13:00"), toEpochMinute("2026-12-01T12:00"), "days"); // { value: 2, unit: "days" }
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export function durationBetween(
  cal: WorkingCalendar,
  a: EpochMinute,
  b: EpochMinute,
  unit: Duration["unit"],
  settings: DurationSettings = DEFAULT_DURATION_SETTINGS,
): Duration {
  if (unit === "percent") {
    throw new PmokitError("INVALID_INPUT", "Cannot express a duration in percent", {
      expected: "a time unit",
      received: "percent",
    });
  }
  const per = durationToMinutes({ value: 1, unit }, settings);
  const minutes = isElapsedUnit(unit) ? b - a : cal.workingMinutesBetween(a, b);
  return { value: minutes / per, unit };
}
