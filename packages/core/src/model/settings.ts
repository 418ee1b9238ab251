import * as z from "zod";
import { DateTimeSchema, ExtensionsSchema, IdSchema } from "./common.js";

/**
 * MS Project task types: which of duration, work and units stays fixed when another changes.
 *
 * @example
 * ```ts
 * import { TaskTypeSchema } from "@pmokit/core";
 * TaskTypeSchema.parse("fixedWork");
 * ```
 * @category Model
 * @since 0.1.0
 */
export const TaskTypeSchema = z
  .enum(["fixedUnits", "fixedWork", "fixedDuration"])
  .describe("MS Project task type: the quantity held fixed when another changes.");

/**
 * Project-level settings (MPXJ `ProjectProperties`): unit conversion, currency, default calendar, project
 * dates and scheduling options. Defaults are MS Project's.
 *
 * @example
 * ```ts
 * import { ProjectSettingsSchema } from "@pmokit/core";
 * const s = ProjectSettingsSchema.parse({ currency: "USD", defaultCalendarId: "std", startDate: "2025-01-06" });
 * s.minutesPerDay; // 480
 * ```
 * @category Model
 * @since 0.1.0
 */
export const ProjectSettingsSchema = z
  .strictObject({
    minutesPerDay: z
      .number()
      .positive()
      .default(480)
      .describe("Working minutes per day (MS Project default 480)."),
    minutesPerWeek: z.number().positive().default(2400).describe("Working minutes per week (default 2400)."),
    daysPerMonth: z.number().positive().default(20).describe("Working days per month (default 20)."),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "expected an ISO 4217 code")
      .describe("ISO 4217 project currency."),
    defaultCalendarId: IdSchema.describe("Id of the project (default) calendar."),
    startDate: DateTimeSchema.describe("Project start (schedule from start) or earliest start."),
    finishDate: DateTimeSchema.optional().describe(
      "Project finish (schedule from finish) / P6 must-finish-by.",
    ),
    statusDate: DateTimeSchema.optional().describe("Status date (MS Project) / data date (P6)."),
    scheduleFrom: z
      .enum(["start", "finish"])
      .default("start")
      .describe("Forward (start) or backward (finish)."),
    timeZone: z
      .string()
      .min(1)
      .optional()
      .describe("IANA zone of the project's local clock, for display only."),
    honorConstraints: z
      .boolean()
      .default(true)
      .describe("Tasks honour constraint dates over links (MS Project default true)."),
    criticalSlackLimitMinutes: z
      .number()
      .default(0)
      .describe("A task is critical when total slack <= this many minutes (default 0)."),
    newTasksEffortDriven: z.boolean().default(false).describe("Default effort-driven flag for new tasks."),
    defaultTaskType: TaskTypeSchema.default("fixedUnits"),
    totalSlackCalculation: z
      .enum(["startSlack", "finishSlack", "smallest"])
      .default("smallest")
      .describe("How total slack is derived (MPXJ TotalSlackCalculationType)."),
    calculateMultipleCriticalPaths: z.boolean().default(false),
    useExpectedFinish: z
      .boolean()
      .default(false)
      .describe("P6: recompute remaining duration to hit expected finish."),
    extensions: ExtensionsSchema.optional(),
  })
  .describe("Project-level settings (unit conversion, currency, dates, scheduling options).");

/**
 * Project settings as returned by the parsers (defaults filled in).
 *
 * @example
 * ```ts
 * import type { ProjectSettings } from "@pmokit/core";
 * declare const s: ProjectSettings;
 * s.minutesPerWeek;
 * ```
 * @category Model
 * @since 0.1.0
 */
export type ProjectSettings = z.infer<typeof ProjectSettingsSchema>;
