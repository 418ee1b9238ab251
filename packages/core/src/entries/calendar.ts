/**
 * `@pmokit/core/calendar`: working calendars (schema, presets, recurring exceptions, compilation,
 * working-time arithmetic) and the local date-time helpers (epoch minutes and days). Pulls the
 * calendar schema (zod) but no money (decimal.js) and no other model schema.
 *
 * @module calendar
 */
export { PmokitError, isPmokitError } from "../errors.js";
export type { Result } from "../errors.js";
export { toEpochMinute, fromEpochMinute, toEpochDay, fromEpochDay, dayOfWeek } from "../time/local.js";
export type { EpochMinute, EpochDay } from "../time/local.js";
export type { WorkingCalendar } from "../calendar/types.js";
export {
  CalendarSchema,
  CalendarExceptionSchema,
  DayPatternSchema,
  DayNameSchema,
  DAY_NAMES,
  IsoDateSchema,
  RecurrenceSchema,
  TimeOfDaySchema,
  WeekDaysSchema,
  WeekOfMonthSchema,
  WorkWeekSchema,
  WorkingTimeSchema,
  timeToMinutes,
} from "../calendar/schema.js";
export type {
  Calendar,
  CalendarInput,
  CalendarException,
  DayName,
  DayPattern,
  Recurrence,
  WeekDays,
  WeekOfMonth,
  WorkWeek,
  WorkingTime,
} from "../calendar/schema.js";
export { standardCalendar, twentyFourHourCalendar, nightShiftCalendar } from "../calendar/presets.js";
export { expandRecurrence } from "../calendar/recurrence.js";
export { compileCalendar, compileCalendars, parseCalendar, safeParseCalendar } from "../calendar/compile.js";
export type { CompiledCalendar, CompileCalendarOptions } from "../calendar/compile.js";
export { addDuration, durationBetween } from "../calendar/duration.js";
export type { TimeUnit, Duration, DurationSettings } from "../model/duration.js";
