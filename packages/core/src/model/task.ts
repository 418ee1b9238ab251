import * as z from "zod";
import { MoneySchema } from "../money/money.js";
import { CustomFieldsSchema, DateTimeSchema, ExtensionsSchema, IdSchema, PrioritySchema } from "./common.js";
import { DurationSchema } from "./duration.js";
import { TaskTypeSchema } from "./settings.js";

/**
 * The ten constraint types: MS Project's eight (`ASAP`, `ALAP`, `SNET`, `SNLT`, `FNET`, `FNLT`, `MSO`,
 * `MFO`) plus P6's `SO` (Start On) and `FO` (Finish On). Every type except `ASAP` and `ALAP` needs a date.
 *
 * @example
 * ```ts
 * import { ConstraintTypeSchema } from "@pmokit/core";
 * ConstraintTypeSchema.parse("SNET");
 * ```
 * @category Model
 * @since 0.1.0
 */
export const ConstraintTypeSchema = z
  .enum(["ASAP", "ALAP", "SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO", "SO", "FO"])
  .describe("Constraint type; all but ASAP/ALAP need a date.");

/**
 * A constraint type, see {@link ConstraintTypeSchema}.
 *
 * @example
 * ```ts
 * import type { ConstraintType } from "@pmokit/core";
 * const t: ConstraintType = "MFO";
 * ```
 * @category Model
 * @since 0.1.0
 */
export type ConstraintType = z.infer<typeof ConstraintTypeSchema>;

/**
 * A task constraint: type and, for every type but `ASAP` / `ALAP`, a date.
 *
 * @example
 * ```ts
 * import { ConstraintSchema } from "@pmokit/core";
 * ConstraintSchema.parse({ type: "SNET", date: "2025-03-03T08:00:00" });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const ConstraintSchema = z
  .strictObject({ type: ConstraintTypeSchema, date: DateTimeSchema.optional() })
  .describe("Constraint type and date.");

/**
 * A task constraint, see {@link ConstraintSchema}.
 *
 * @example
 * ```ts
 * import type { Constraint } from "@pmokit/core";
 * const c: Constraint = { type: "ASAP" };
 * ```
 * @category Model
 * @since 0.1.0
 */
export type Constraint = z.infer<typeof ConstraintSchema>;

/**
 * One of MS Project's 11 baseline sets (number 0 = "Baseline", 1..10 = "Baseline1".."Baseline10").
 *
 * @example
 * ```ts
 * import { BaselineSchema } from "@pmokit/core";
 * BaselineSchema.parse({ number: 0, start: "2025-01-06", duration: { value: 5, unit: "days" } });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const BaselineSchema = z
  .strictObject({
    number: z.number().int().min(0).max(10).describe("Baseline set 0..10."),
    start: DateTimeSchema.optional(),
    finish: DateTimeSchema.optional(),
    duration: DurationSchema.optional(),
    work: DurationSchema.optional(),
    cost: MoneySchema.optional(),
    fixedCost: MoneySchema.optional(),
  })
  .describe("A saved baseline set (number 0..10).");

/**
 * A baseline set, see {@link BaselineSchema}.
 *
 * @example
 * ```ts
 * import type { Baseline } from "@pmokit/core";
 * const b: Baseline = { number: 1 };
 * ```
 * @category Model
 * @since 0.1.0
 */
export type Baseline = z.infer<typeof BaselineSchema>;

/**
 * Values computed by MS Project or P6 and read from a file, kept to compare pmokit's own results against
 * (they are never inputs to scheduling).
 *
 * @example
 * ```ts
 * import { ReportedScheduleSchema } from "@pmokit/core";
 * ReportedScheduleSchema.parse({ critical: true, totalSlackMinutes: 0, finishSlackMinutes: -480 });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const ReportedScheduleSchema = z
  .strictObject({
    start: DateTimeSchema.optional(),
    finish: DateTimeSchema.optional(),
    earlyStart: DateTimeSchema.optional(),
    earlyFinish: DateTimeSchema.optional(),
    lateStart: DateTimeSchema.optional(),
    lateFinish: DateTimeSchema.optional(),
    totalSlackMinutes: z.number().optional(),
    freeSlackMinutes: z.number().optional(),
    critical: z.boolean().optional(),
    /**
     * Start slack in minutes (MS Project's `StartSlack`): late start minus early start, in working time.
     * Negative when the task is behind its late start.
     *
     * @since 0.2.0
     */
    startSlackMinutes: z
      .number()
      .optional()
      .describe("Start slack in minutes (late start minus early start); may be negative."),
    /**
     * Finish slack in minutes (MS Project's `FinishSlack`): late finish minus early finish, in working
     * time. Negative when the task is behind its late finish.
     *
     * @since 0.2.0
     */
    finishSlackMinutes: z
      .number()
      .optional()
      .describe("Finish slack in minutes (late finish minus early finish); may be negative."),
  })
  .describe("Schedule values reported by the source tool (MS Project / P6), kept for comparison.");

/**
 * P6 activity types.
 *
 * @example
 * ```ts
 * import { ActivityTypeSchema } from "@pmokit/core";
 * ActivityTypeSchema.parse("levelOfEffort");
 * ```
 * @category Model
 * @since 0.1.0
 */
export const ActivityTypeSchema = z
  .enum(["task", "resourceDependent", "levelOfEffort", "startMilestone", "finishMilestone", "wbsSummary"])
  .describe("P6 activity type.");

/**
 * A task (activity, milestone or WBS summary). The hierarchy is given by `parentId` (a task with children
 * is a summary); `outlineLevel` is informative (1 = top level). Scheduling inputs follow MS Project / MPXJ
 * semantics; `reported` holds dates computed by the source tool.
 *
 * @example
 * ```ts
 * import { TaskSchema } from "@pmokit/core";
 * const t = TaskSchema.parse({ id: "1", name: "Design", duration: { value: 5, unit: "days" } });
 * t.priority; // 500
 * ```
 * @category Model
 * @since 0.1.0
 */
export const TaskSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().describe("Task name."),
    wbs: z.string().optional().describe("WBS code, e.g. 1.2.3."),
    outlineLevel: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Outline level (1 = top level; 0 = project summary)."),
    parentId: IdSchema.optional().describe("Id of the parent (summary) task."),
    duration: DurationSchema.describe("Planned duration (for summaries: as reported)."),
    work: DurationSchema.optional().describe("Total work of the task."),
    milestone: z.boolean().default(false),
    type: TaskTypeSchema.default("fixedUnits"),
    effortDriven: z.boolean().default(false),
    constraint: ConstraintSchema.default({ type: "ASAP" }),
    secondaryConstraint: ConstraintSchema.optional().describe("P6 secondary constraint."),
    deadline: DateTimeSchema.optional().describe("MS Project deadline: caps late finish, not a constraint."),
    priority: PrioritySchema,
    manual: z.boolean().default(false).describe("Manually scheduled (MS Project task mode)."),
    inactive: z.boolean().default(false).describe("Inactive tasks are ignored by scheduling."),
    calendarId: IdSchema.optional().describe("Task calendar; the project calendar when absent."),
    ignoreResourceCalendar: z.boolean().optional(),
    percentComplete: z.number().min(0).max(100).default(0).describe("Duration percent complete 0..100."),
    percentWorkComplete: z.number().min(0).max(100).optional(),
    physicalPercentComplete: z.number().min(0).max(100).optional(),
    actualStart: DateTimeSchema.optional(),
    actualFinish: DateTimeSchema.optional(),
    actualDuration: DurationSchema.optional(),
    remainingDuration: DurationSchema.optional(),
    expectedFinish: DateTimeSchema.optional().describe("P6 expected finish."),
    activityType: ActivityTypeSchema.optional(),
    fixedCost: MoneySchema.optional(),
    fixedCostAccrual: z.enum(["start", "prorated", "end"]).optional(),
    cost: MoneySchema.optional().describe("Total cost as reported by the source."),
    baselines: z.array(BaselineSchema).default([]),
    customFields: CustomFieldsSchema.default({}),
    notes: z.string().optional(),
    levelingDelay: DurationSchema.optional(),
    reported: ReportedScheduleSchema.optional(),
    extensions: ExtensionsSchema.optional(),
  })
  .describe("A task, milestone or summary (WBS node).");

/**
 * A task as returned by the parsers (defaults filled in), see {@link TaskSchema}.
 *
 * @example
 * ```ts
 * import type { Task } from "@pmokit/core";
 * declare const t: Task;
 * t.constraint.type;
 * ```
 * @category Model
 * @since 0.1.0
 */
export type Task = z.infer<typeof TaskSchema>;

/**
 * A task as accepted by the parsers (defaults optional).
 *
 * @example
 * ```ts
 * import type { TaskInput } from "@pmokit/core";
 * const t: TaskInput = { id: "1", name: "A", duration: { value: 1, unit: "days" } };
 * ```
 * @category Model
 * @since 0.1.0
 */
export type TaskInput = z.input<typeof TaskSchema>;
