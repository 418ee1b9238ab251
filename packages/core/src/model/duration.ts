import * as z from "zod";
import { PmokitError } from "../errors.js";

/**
 * Duration units (MPXJ `TimeUnit`). Working units (`minutes` .. `years`) convert with the project's
 * minutes per day / week and days per month and run on working calendars; `elapsed*` units run on 24×7
 * time; `percent` is only valid for dependency lags (a fraction of the predecessor's duration).
 *
 * @example
 * ```ts
 * import { TimeUnitSchema } from "@pmokit/core";
 * TimeUnitSchema.parse("elapsedDays");
 * ```
 * @category Model
 * @since 0.1.0
 */
export const TimeUnitSchema = /* @__PURE__ */ z
  .enum([
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "elapsedMinutes",
    "elapsedHours",
    "elapsedDays",
    "elapsedWeeks",
    "elapsedMonths",
    "elapsedYears",
    "percent",
  ])
  .describe("Duration unit; elapsed units ignore calendars; percent only for lags.");

/**
 * A duration unit, see {@link TimeUnitSchema}.
 *
 * @example
 * ```ts
 * import type { TimeUnit } from "@pmokit/core";
 * const u: TimeUnit = "days";
 * ```
 * @category Model
 * @since 0.1.0
 */
export type TimeUnit = z.infer<typeof TimeUnitSchema>;

/**
 * A quantity of time with its unit (MPXJ `Duration`). The value is any finite number; negative values are
 * only meaningful for lags (leads), which {@link validateProject} checks.
 *
 * @example
 * ```ts
 * import { DurationSchema } from "@pmokit/core";
 * DurationSchema.parse({ value: 5, unit: "days" });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const DurationSchema = /* @__PURE__ */ z
  .strictObject({
    value: z.number().describe("Amount of the unit (may be fractional; negative only for lags)."),
    unit: TimeUnitSchema,
  })
  .describe("A duration: value and unit.");

/**
 * A duration, see {@link DurationSchema}.
 *
 * @example
 * ```ts
 * import type { Duration } from "@pmokit/core";
 * const d: Duration = { value: 2, unit: "weeks" };
 * ```
 * @category Model
 * @since 0.1.0
 */
export type Duration = z.infer<typeof DurationSchema>;

/**
 * The project settings that convert working units: MS Project defaults are 480 minutes per day, 2,400
 * minutes per week and 20 days per month.
 *
 * @example
 * ```ts
 * import type { DurationSettings } from "@pmokit/core";
 * const s: DurationSettings = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };
 * ```
 * @category Model
 * @since 0.1.0
 */
export interface DurationSettings {
  readonly minutesPerDay: number;
  readonly minutesPerWeek: number;
  readonly daysPerMonth: number;
}

/**
 * MS Project's default conversion settings (480 / 2,400 / 20).
 *
 * @example
 * ```ts
 * import { DEFAULT_DURATION_SETTINGS, durationToMinutes } from "@pmokit/core";
 * durationToMinutes({ value: 1, unit: "weeks" }, DEFAULT_DURATION_SETTINGS); // 2400
 * ```
 * @category Model
 * @since 0.1.0
 */
export const DEFAULT_DURATION_SETTINGS: DurationSettings = {
  minutesPerDay: 480,
  minutesPerWeek: 2400,
  daysPerMonth: 20,
};

/**
 * Whether a unit is elapsed (24×7 time, calendar-independent).
 *
 * @param unit - the unit
 * @returns `true` for `elapsedMinutes` .. `elapsedYears`
 * @example
 * ```ts
 * import { isElapsedUnit } from "@pmokit/core";
 * isElapsedUnit("elapsedDays"); // true
 * ```
 * @category Model
 * @since 0.1.0
 */
export function isElapsedUnit(unit: TimeUnit): boolean {
  return unit.startsWith("elapsed");
}

/**
 * Converts a duration to minutes. Working units use the settings (a month is `daysPerMonth` working days,
 * a year 12 months); elapsed units use calendar time (elapsed day = 1,440 minutes, elapsed week = 10,080,
 * elapsed month = 30 elapsed days, elapsed year = 365 elapsed days, as MS Project does). The result is
 * working minutes for working units and wall-clock minutes for elapsed units (see {@link isElapsedUnit}).
 *
 * @param d - the duration
 * @param settings - minutes per day / week and days per month (defaults: MS Project's)
 * @returns minutes (may be fractional or negative)
 * @throws PmokitError `INVALID_INPUT` for `percent` (a percent lag needs the predecessor's duration) or a
 *   non-finite value
 * @example
 * ```ts
 * import { durationToMinutes } from "@pmokit/core";
 * durationToMinutes({ value: 2, unit: "days" }, { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 }); // 960
 * durationToMinutes({ value: 1, unit: "elapsedDays" }); // 1440
 * ```
 * @category Model
 * @since 0.1.0
 */
export function durationToMinutes(
  d: Duration,
  settings: DurationSettings = DEFAULT_DURATION_SETTINGS,
): number {
  if (!Number.isFinite(d.value)) {
    throw new PmokitError("INVALID_INPUT", `Duration value must be finite, got ${String(d.value)}`, {
      expected: "finite number",
    });
  }
  const { minutesPerDay: mpd, minutesPerWeek: mpw, daysPerMonth: dpm } = settings;
  switch (d.unit) {
    case "minutes":
    case "elapsedMinutes":
      return d.value;
    case "hours":
    case "elapsedHours":
      return d.value * 60;
    case "days":
      return d.value * mpd;
    case "weeks":
      return d.value * mpw;
    case "months":
      return d.value * dpm * mpd;
    case "years":
      return d.value * 12 * dpm * mpd;
    case "elapsedDays":
      return d.value * 1440;
    case "elapsedWeeks":
      return d.value * 10080;
    case "elapsedMonths":
      return d.value * 30 * 1440;
    case "elapsedYears":
      return d.value * 365 * 1440;
    case "percent":
      throw new PmokitError("INVALID_INPUT", "A percent duration has no length on its own", {
        expected: "a time unit (percent lags are relative to the predecessor's duration)",
        received: "percent",
      });
  }
}
