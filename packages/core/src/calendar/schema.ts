import * as z from "zod";
import { ExtensionsSchema } from "../model/extensions.js";
import {
  DAY_NAMES,
  MONTH_MAX_DAY,
  TIME_RE,
  WEEKS_OF_MONTH,
  isValidDate,
  isValidTimeZone,
  timeToMinutes,
} from "./primitives.js";

export { DAY_NAMES, timeToMinutes } from "./primitives.js";
export type { DayName } from "./primitives.js";

/**
 * A wall-clock time `HH:mm` (`00:00` … `23:59`, plus `24:00` as the end of a day).
 *
 * @example
 * ```ts
 * import { TimeOfDaySchema } from "@pmokit/core";
 * TimeOfDaySchema.parse("24:00"); // "24:00"
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export const TimeOfDaySchema = z
  .string()
  .regex(TIME_RE, { message: "expected a time HH:mm between 00:00 and 24:00" });

/**
 * An ISO calendar date `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { IsoDateSchema } from "@pmokit/core";
 * IsoDateSchema.parse("2026-12-25");
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export const IsoDateSchema = z
  .string()
  .refine(isValidDate, { message: "expected a valid ISO date YYYY-MM-DD" });

/**
 * One working period of a day, `from` inclusive, `to` exclusive (`to` may be `24:00`).
 *
 * @example
 * ```ts
 * import { WorkingTimeSchema } from "@pmokit/core";
 * WorkingTimeSchema.parse({ from: "08:00", to: "12:00" });
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export const WorkingTimeSchema = z
  .strictObject({ from: TimeOfDaySchema, to: TimeOfDaySchema })
  .refine((t) => t.from !== "24:00" && timeToMinutes(t.from) < timeToMinutes(t.to), {
    message: "working time 'from' must be before 'to'",
    path: ["to"],
  });

/**
 * A working time period `{ from: "08:00", to: "12:00" }`.
 *
 * @example
 * ```ts
 * import type { WorkingTime } from "@pmokit/core";
 * const t: WorkingTime = { from: "13:00", to: "17:00" };
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export type WorkingTime = z.infer<typeof WorkingTimeSchema>;

const timesSchema = z.array(WorkingTimeSchema).superRefine((times, ctx) => {
  for (let i = 1; i < times.length; i++) {
    const prev = times[i - 1]!;
    const cur = times[i]!;
    if (timeToMinutes(cur.from) < timeToMinutes(prev.to)) {
      ctx.addIssue({
        code: "custom",
        message: "working times must be sorted and must not overlap",
        path: [i, "from"],
      });
    }
  }
});

/**
 * The working pattern of one day: `working: false` (no times), or `working: true` with its
 * `times` (absent `times` on a working day means MS Project's default 08:00–12:00, 13:00–17:00).
 *
 * @example
 * ```ts
 * import { DayPatternSchema } from "@pmokit/core";
 * DayPatternSchema.parse({ working: true, times: [{ from: "08:00", to: "12:00" }] });
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export const DayPatternSchema = z
  .strictObject({ working: z.boolean(), times: timesSchema.optional() })
  .refine((d) => d.working || d.times === undefined || d.times.length === 0, {
    message: "a non-working day must not have working times",
    path: ["times"],
  })
  .refine((d) => !d.working || d.times === undefined || d.times.length > 0, {
    message: "a working day needs at least one working time (or omit 'times' for the default)",
    path: ["times"],
  });

/**
 * Working pattern of one day.
 *
 * @example
 * ```ts
 * import type { DayPattern } from "@pmokit/core";
 * const d: DayPattern = { working: false };
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export type DayPattern = z.infer<typeof DayPatternSchema>;

/**
 * A day-of-week name, `"sunday"` … `"saturday"`.
 *
 * @example
 * ```ts
 * import { DayNameSchema } from "@pmokit/core";
 * DayNameSchema.parse("monday");
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export const DayNameSchema = z.enum(DAY_NAMES);

const dayEntry = DayPatternSchema.nullish();

/**
 * The working week: one optional pattern per day of week. An absent or `null` day inherits from the
 * parent (base) calendar; on a calendar without parent it is non-working.
 *
 * @example
 * ```ts
 * import { WeekDaysSchema } from "@pmokit/core";
 * WeekDaysSchema.parse({ saturday: { working: false }, sunday: null });
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export const WeekDaysSchema = z.strictObject({
  sunday: dayEntry,
  monday: dayEntry,
  tuesday: dayEntry,
  wednesday: dayEntry,
  thursday: dayEntry,
  friday: dayEntry,
  saturday: dayEntry,
});

/**
 * The per-day-of-week working pattern of a calendar or work week.
 *
 * @example
 * ```ts
 * import type { WeekDays } from "@pmokit/core";
 * const w: WeekDays = { saturday: { working: false } };
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export type WeekDays = z.infer<typeof WeekDaysSchema>;

/**
 * A named work week (MS Project "Work Weeks" tab): between `from` and `to` (inclusive dates) its
 * `weekDays` replace the calendar's default week; days it leaves absent fall back to the default
 * week.
 *
 * @example
 * ```ts
 * import { WorkWeekSchema } from "@pmokit/core";
 * WorkWeekSchema.parse({
 *   name: "Summer hours",
 *   from: "2026-07-01",
 *   to: "2026-08-31",
 *   weekDays: { friday: { working: true, times: [{ from: "08:00", to: "12:00" }] } },
 * });
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export const WorkWeekSchema = z
  .strictObject({
    name: z.string().optional(),
    from: IsoDateSchema,
    to: IsoDateSchema,
    weekDays: WeekDaysSchema,
  })
  .refine((w) => w.from <= w.to, { message: "work week 'from' must not be after 'to'", path: ["to"] });

/**
 * A work week period.
 *
 * @example
 * ```ts
 * import type { WorkWeek } from "@pmokit/core";
 * const w: WorkWeek = { from: "2026-07-01", to: "2026-08-31", weekDays: { friday: { working: false } } };
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export type WorkWeek = z.infer<typeof WorkWeekSchema>;

/**
 * Week of the month for "Nth weekday" recurrences (`"last"` = the last such weekday of the month).
 *
 * @example
 * ```ts
 * import { WeekOfMonthSchema } from "@pmokit/core";
 * WeekOfMonthSchema.parse("last");
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export const WeekOfMonthSchema = z.enum(WEEKS_OF_MONTH);

/**
 * Week of the month.
 *
 * @example
 * ```ts
 * import type { WeekOfMonth } from "@pmokit/core";
 * const w: WeekOfMonth = "second";
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export type WeekOfMonth = z.infer<typeof WeekOfMonthSchema>;

const interval = z.number().int().min(1).max(1000).default(1);
const occurrences = z.number().int().min(1).max(100_000).optional();
const dayOfMonth = z.number().int().min(1).max(31);
const month = z.number().int().min(1).max(12);

/**
 * Recurrence of an exception, as MS Project stores it (`Exception.Type`, `Period`, `DaysOfWeek`,
 * `MonthDay`, `MonthItem`/`MonthPosition`, `Month`, `Occurrences`). The range is the exception's
 * `from` (first possible date) and `to` (last possible date); `occurrences`, when given, also
 * stops the series after that many occurrences.
 *
 * - `daily`: every `interval` days from `from`.
 * - `weekly`: on `daysOfWeek`, every `interval` weeks (weeks counted from the week of `from`,
 *   weeks start on Sunday).
 * - `monthly`: every `interval` months from the month of `from`, on `day` N (clamped to the month's
 *   last day) or on the `week`/`dayOfWeek` ("second Tuesday", "last Friday").
 * - `yearly`: every `interval` years on `month`/`day` (Feb 29 only in leap years) or on the
 *   `week`/`dayOfWeek` of `month`.
 *
 * @example
 * ```ts
 * import { RecurrenceSchema } from "@pmokit/core";
 * RecurrenceSchema.parse({ type: "yearly", month: 12, day: 25 });
 * RecurrenceSchema.parse({ type: "monthly", week: "last", dayOfWeek: "friday" });
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export const RecurrenceSchema = z.union([
  z.strictObject({ type: z.literal("daily"), interval, occurrences }),
  z.strictObject({
    type: z.literal("weekly"),
    interval,
    occurrences,
    daysOfWeek: z.array(DayNameSchema).min(1),
  }),
  z.strictObject({ type: z.literal("monthly"), interval, occurrences, day: dayOfMonth }),
  z.strictObject({
    type: z.literal("monthly"),
    interval,
    occurrences,
    week: WeekOfMonthSchema,
    dayOfWeek: DayNameSchema,
  }),
  z
    .strictObject({ type: z.literal("yearly"), interval, occurrences, month, day: dayOfMonth })
    .refine((r) => r.day <= MONTH_MAX_DAY[r.month - 1]!, {
      message: "day does not exist in that month",
      path: ["day"],
    }),
  z.strictObject({
    type: z.literal("yearly"),
    interval,
    occurrences,
    month,
    week: WeekOfMonthSchema,
    dayOfWeek: DayNameSchema,
  }),
]);

/**
 * Recurrence pattern of an exception.
 *
 * @example
 * ```ts
 * import type { Recurrence } from "@pmokit/core";
 * const r: Recurrence = { type: "weekly", interval: 2, daysOfWeek: ["monday"] };
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export type Recurrence = z.infer<typeof RecurrenceSchema>;

/**
 * A calendar exception (holiday, vacation, shutdown, or extra/changed working day). Dates are
 * inclusive. `working: false` makes every affected day non-working; `working: true` replaces the
 * affected days' times with `times` (default 08:00–12:00, 13:00–17:00). Without `recurrence` every
 * day in `from`…`to` is affected; with it only the occurrences in that range.
 *
 * @example
 * ```ts
 * import { CalendarExceptionSchema } from "@pmokit/core";
 * CalendarExceptionSchema.parse({
 *   name: "Christmas",
 *   from: "2026-12-25",
 *   to: "2035-12-25",
 *   working: false,
 *   recurrence: { type: "yearly", month: 12, day: 25 },
 * });
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export const CalendarExceptionSchema = z
  .strictObject({
    name: z.string().optional(),
    from: IsoDateSchema,
    to: IsoDateSchema,
    working: z.boolean(),
    times: timesSchema.optional(),
    recurrence: RecurrenceSchema.optional(),
  })
  .refine((e) => e.from <= e.to, { message: "exception 'from' must not be after 'to'", path: ["to"] })
  .refine((e) => e.working || e.times === undefined || e.times.length === 0, {
    message: "a non-working exception must not have working times",
    path: ["times"],
  })
  .refine((e) => !e.working || e.times === undefined || e.times.length > 0, {
    message: "a working exception needs at least one working time (or omit 'times')",
    path: ["times"],
  });

/**
 * A calendar exception.
 *
 * @example
 * ```ts
 * import type { CalendarException } from "@pmokit/core";
 * const e: CalendarException = { from: "2026-12-24", to: "2026-12-31", working: false };
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export type CalendarException = z.infer<typeof CalendarExceptionSchema>;

/**
 * A working-time calendar, modelled on MS Project's: a default work week (`weekDays`), optional
 * named `workWeeks`, and `exceptions`. A calendar with a `parentId` is derived (a resource or task
 * calendar based on a base calendar): its absent/`null` week days inherit from the parent, and the
 * parent's work weeks and exceptions apply unless the derived calendar overrides those days. Vendor
 * data that has no place in the calendar model (P6 `CALENDAR` columns, MSPDI `Calendar` elements)
 * round-trips in `extensions` (see `ExtensionsSchema`).
 *
 * @example
 * ```ts
 * import { CalendarSchema } from "@pmokit/core";
 * const cal = CalendarSchema.parse({
 *   id: "std",
 *   name: "Standard",
 *   weekDays: {
 *     monday: { working: true, times: [{ from: "08:00", to: "12:00" }, { from: "13:00", to: "17:00" }] },
 *     saturday: { working: false },
 *   },
 *   exceptions: [{ name: "New Year", from: "2027-01-01", to: "2027-01-01", working: false }],
 * });
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export const CalendarSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  parentId: z.string().min(1).optional(),
  weekDays: WeekDaysSchema.default({}),
  workWeeks: z.array(WorkWeekSchema).default([]),
  exceptions: z.array(CalendarExceptionSchema).default([]),
  timeZone: z.string().refine(isValidTimeZone, { message: "expected an IANA time zone" }).optional(),
  extensions: ExtensionsSchema.optional(),
});

/**
 * A working-time calendar (output of {@link CalendarSchema}).
 *
 * @example
 * ```ts
 * import type { Calendar } from "@pmokit/core";
 * const c: Calendar = { id: "c", name: "C", weekDays: {}, workWeeks: [], exceptions: [] };
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export type Calendar = z.infer<typeof CalendarSchema>;

/**
 * What {@link CalendarSchema} accepts (defaults not yet applied).
 *
 * @example
 * ```ts
 * import type { CalendarInput } from "@pmokit/core";
 * const c: CalendarInput = { id: "c", name: "C", parentId: "std" };
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export type CalendarInput = z.input<typeof CalendarSchema>;
