/**
 * `@pmokit/core`: the PMO domain model, working calendars, money, critical-path scheduling,
 * earned value and schedule audits.
 *
 * @packageDocumentation
 */
export { PmokitError, isPmokitError } from "./errors.js";
export type { PmokitErrorCode, PmokitErrorDetails, PmokitErrorKind, Result } from "./errors.js";
export { toEpochMinute, fromEpochMinute, toEpochDay, fromEpochDay, dayOfWeek } from "./time/local.js";
export type { EpochMinute, EpochDay } from "./time/local.js";
export type { WorkingCalendar } from "./calendar/types.js";
