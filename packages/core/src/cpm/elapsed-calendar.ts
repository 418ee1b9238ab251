import type { WorkingCalendar } from "../calendar/types.js";
import type { EpochMinute } from "../time/local.js";

/**
 * The 24×7 calendar on which elapsed durations and elapsed lags run: every minute is working time.
 *
 * @example
 * ```ts
 * import { ELAPSED_CALENDAR } from "@pmokit/core";
 * ELAPSED_CALENDAR.addWorkingMinutes(0, 1440); // 1440
 * ```
 * @category Scheduling
 * @since 0.1.0
 */
export const ELAPSED_CALENDAR: WorkingCalendar = Object.freeze({
  id: "pmokit:24x7",
  isWorking: (_t: EpochMinute) => true,
  nextWorkingStart: (t: EpochMinute) => t,
  previousWorkingEnd: (t: EpochMinute) => t,
  addWorkingMinutes: (t: EpochMinute, minutes: number) => t + minutes,
  workingMinutesBetween: (a: EpochMinute, b: EpochMinute) => b - a,
});
