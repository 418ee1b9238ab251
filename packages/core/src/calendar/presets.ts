import type { Calendar, DayPattern } from "./schema.js";

const OFF: DayPattern = { working: false };

function day(...ranges: [string, string][]): DayPattern {
  return { working: true, times: ranges.map(([from, to]) => ({ from, to })) };
}

/**
 * MS Project's "Standard" base calendar: Monday–Friday 08:00–12:00 and 13:00–17:00 (8 h/day,
 * 40 h/week), Saturday and Sunday non-working, no exceptions.
 *
 * @param id - calendar id (default `"standard"`)
 * @param name - calendar name (default `"Standard"`)
 * @returns a new, valid {@link Calendar}
 * @example
 * ```ts
 * import { standardCalendar, compileCalendar, toEpochMinute, fromEpochMinute } from "@pmokit/core";
 * const cal = compileCalendar(standardCalendar());
 * fromEpochMinute(cal.addWorkingMinutes(toEpochMinute("2026-11-23T08:00"), 480)); // "2026-11-23T17:00:00"
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export function standardCalendar(id = "standard", name = "Standard"): Calendar {
  const work = day(["08:00", "12:00"], ["13:00", "17:00"]);
  return {
    id,
    name,
    weekDays: {
      sunday: OFF,
      monday: work,
      tuesday: work,
      wednesday: work,
      thursday: work,
      friday: work,
      saturday: OFF,
    },
    workWeeks: [],
    exceptions: [],
  };
}

/**
 * MS Project's "24 Hours" base calendar: every day 00:00–24:00.
 *
 * @param id - calendar id (default `"24-hours"`)
 * @param name - calendar name (default `"24 Hours"`)
 * @returns a new, valid {@link Calendar}
 * @example
 * ```ts
 * import { twentyFourHourCalendar, compileCalendar } from "@pmokit/core";
 * const cal = compileCalendar(twentyFourHourCalendar());
 * cal.workingMinutesBetween(0, 1440); // 1440
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export function twentyFourHourCalendar(id = "24-hours", name = "24 Hours"): Calendar {
  const all = day(["00:00", "24:00"]);
  return {
    id,
    name,
    weekDays: {
      sunday: all,
      monday: all,
      tuesday: all,
      wednesday: all,
      thursday: all,
      friday: all,
      saturday: all,
    },
    workWeeks: [],
    exceptions: [],
  };
}

/**
 * MS Project's "Night Shift" base calendar (40 h/week, shifts crossing midnight): Monday 23:00–24:00;
 * Tuesday–Friday 00:00–03:00, 04:00–08:00, 23:00–24:00; Saturday 00:00–03:00, 04:00–08:00; Sunday
 * non-working. A shift that starts Monday 23:00 continues Tuesday 00:00 without a break.
 *
 * @param id - calendar id (default `"night-shift"`)
 * @param name - calendar name (default `"Night Shift"`)
 * @returns a new, valid {@link Calendar}
 * @example
 * ```ts
 * import { nightShiftCalendar, compileCalendar, toEpochMinute, fromEpochMinute } from "@pmokit/core";
 * const cal = compileCalendar(nightShiftCalendar());
 * fromEpochMinute(cal.addWorkingMinutes(toEpochMinute("2026-11-23T23:00"), 480)); // "2026-11-24T08:00:00"
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export function nightShiftCalendar(id = "night-shift", name = "Night Shift"): Calendar {
  const mid = day(["00:00", "03:00"], ["04:00", "08:00"], ["23:00", "24:00"]);
  return {
    id,
    name,
    weekDays: {
      sunday: OFF,
      monday: day(["23:00", "24:00"]),
      tuesday: mid,
      wednesday: mid,
      thursday: mid,
      friday: mid,
      saturday: day(["00:00", "03:00"], ["04:00", "08:00"]),
    },
    workWeeks: [],
    exceptions: [],
  };
}
