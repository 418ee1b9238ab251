import * as z from "zod";
import { MoneySchema } from "../money/money.js";
import { CustomFieldsSchema, DateTimeSchema, ExtensionsSchema, IdSchema } from "./common.js";
import { DurationSchema } from "./duration.js";

/**
 * MS Project work contours (how an assignment's work is spread over its duration).
 *
 * @example
 * ```ts
 * import { WorkContourSchema } from "@pmokit/core";
 * WorkContourSchema.parse("bell");
 * ```
 * @category Model
 * @since 0.1.0
 */
export const WorkContourSchema = z
  .enum(["flat", "backLoaded", "frontLoaded", "doublePeak", "earlyPeak", "latePeak", "bell", "turtle"])
  .describe("Work contour.");

/**
 * A resource assignment (task × resource). `units` is the assignment's units (1 = 100 %; for material,
 * quantity per task); work values are minutes.
 *
 * @example
 * ```ts
 * import { AssignmentSchema } from "@pmokit/core";
 * AssignmentSchema.parse({ id: "a1", taskId: "1", resourceId: "r1", units: 1, work: 2400 });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const AssignmentSchema = z
  .strictObject({
    id: IdSchema,
    taskId: IdSchema,
    resourceId: IdSchema.describe("Project resource or portfolio pool resource id."),
    units: z.number().min(0).default(1).describe("Assignment units (1 = 100 %)."),
    work: z.number().optional().describe("Planned work in minutes."),
    actualWork: z.number().optional().describe("Actual work in minutes."),
    remainingWork: z.number().optional().describe("Remaining work in minutes."),
    contour: WorkContourSchema.default("flat"),
    start: DateTimeSchema.optional(),
    finish: DateTimeSchema.optional(),
    levelingDelay: DurationSchema.optional(),
    delay: DurationSchema.optional().describe("Assignment delay from the task start."),
    costRateTable: z.enum(["A", "B", "C", "D", "E"]).optional().describe("Cost rate table used (default A)."),
    cost: MoneySchema.optional().describe("Cost as reported by the source."),
    customFields: CustomFieldsSchema.default({}),
    extensions: ExtensionsSchema.optional(),
  })
  .describe("A resource assignment on a task.");

/**
 * An assignment, see {@link AssignmentSchema}.
 *
 * @example
 * ```ts
 * import type { Assignment } from "@pmokit/core";
 * declare const a: Assignment;
 * a.units;
 * ```
 * @category Model
 * @since 0.1.0
 */
export type Assignment = z.infer<typeof AssignmentSchema>;
