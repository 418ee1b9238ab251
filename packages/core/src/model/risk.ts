import * as z from "zod";
import { MoneySchema } from "../money/money.js";
import { CustomFieldsSchema, DateTimeSchema, ExtensionsSchema, IdSchema } from "./common.js";
import { DurationSchema } from "./duration.js";

/**
 * A minimal risk record (threat or opportunity). `@pmokit/risk` adds scoring schemes, responses and
 * quantitative models on top; fields it does not know live in `customFields` / `extensions`.
 *
 * @example
 * ```ts
 * import { RiskSchema } from "@pmokit/core";
 * RiskSchema.parse({ id: "R1", title: "Supplier delay", probability: 0.3, taskIds: ["12"] });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const RiskSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string(),
    description: z.string().optional(),
    kind: z.enum(["threat", "opportunity"]).default("threat"),
    status: z.enum(["open", "closed", "occurred", "retired"]).default("open"),
    owner: z.string().optional(),
    category: z.string().optional(),
    probability: z.number().min(0).max(1).optional().describe("Probability 0..1."),
    impacts: z
      .strictObject({
        schedule: DurationSchema.optional(),
        cost: MoneySchema.optional(),
        score: z.number().optional().describe("Impact on the register's scale (e.g. 1..5)."),
      })
      .optional(),
    raisedDate: DateTimeSchema.optional(),
    taskIds: z.array(IdSchema).default([]),
    projectIds: z.array(IdSchema).default([]),
    customFields: CustomFieldsSchema.default({}),
    extensions: ExtensionsSchema.optional(),
  })
  .describe("A risk (threat or opportunity).");

/**
 * A risk, see {@link RiskSchema}.
 *
 * @example
 * ```ts
 * import type { Risk } from "@pmokit/core";
 * declare const r: Risk;
 * r.probability;
 * ```
 * @category Model
 * @since 0.1.0
 */
export type Risk = z.infer<typeof RiskSchema>;

/**
 * A minimal issue record (a problem that has occurred).
 *
 * @example
 * ```ts
 * import { IssueSchema } from "@pmokit/core";
 * IssueSchema.parse({ id: "I1", title: "Test rig down", priority: "high" });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const IssueSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string(),
    description: z.string().optional(),
    status: z.enum(["open", "inProgress", "resolved", "closed"]).default("open"),
    priority: z.enum(["low", "medium", "high", "critical"]).optional(),
    owner: z.string().optional(),
    raisedDate: DateTimeSchema.optional(),
    dueDate: DateTimeSchema.optional(),
    resolvedDate: DateTimeSchema.optional(),
    riskId: IdSchema.optional().describe("The risk this issue materialised from."),
    taskIds: z.array(IdSchema).default([]),
    projectIds: z.array(IdSchema).default([]),
    customFields: CustomFieldsSchema.default({}),
    extensions: ExtensionsSchema.optional(),
  })
  .describe("An issue (a problem that has occurred).");

/**
 * An issue record, see {@link IssueSchema} (not to be confused with {@link ValidationIssue}).
 *
 * @example
 * ```ts
 * import type { Issue } from "@pmokit/core";
 * declare const i: Issue;
 * i.status;
 * ```
 * @category Model
 * @since 0.1.0
 */
export type Issue = z.infer<typeof IssueSchema>;
