import type { EpochMinute } from "../time/local.js";

/**
 * A compiled working-time calendar: sorted working intervals with prefix sums, so every operation is
 * O(log n). All instants are {@link EpochMinute}s on the project's local clock.
 *
 * Conventions (MS Project's): adding a positive working duration to a start returns the END of the
 * last working minute (a 1-day task starting Monday 08:00 finishes Monday 17:00, not Tuesday 08:00);
 * subtracting a working duration from a finish returns the START of the first working minute.
 * Elapsed durations ignore the calendar.
 *
 * @category Calendars
 * @since 0.1.0
 */
export interface WorkingCalendar {
  /** Id of the calendar this was compiled from. */
  readonly id: string;
  /** Whether minute `[t, t+1)` is working time. */
  isWorking(t: EpochMinute): boolean;
  /** `t` when `t` is the start of or inside working time, else the start of the next working period. */
  nextWorkingStart(t: EpochMinute): EpochMinute;
  /** `t` when `t` is the end of or inside working time, else the end of the previous working period. */
  previousWorkingEnd(t: EpochMinute): EpochMinute;
  /**
   * Adds `minutes` of working time to `t` (negative subtracts). Positive: result is an end of working
   * time when it falls on a boundary; negative: a start. Adding 0 returns `t` unchanged.
   */
  addWorkingMinutes(t: EpochMinute, minutes: number): EpochMinute;
  /** Working minutes in `[a, b)`; negative when `b < a`. */
  workingMinutesBetween(a: EpochMinute, b: EpochMinute): number;
}
