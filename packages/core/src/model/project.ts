import * as z from "zod";
import { CalendarSchema } from "../calendar/schema.js";
import { ExtensionsSchema, IdSchema, PrioritySchema } from "./common.js";
import { AssignmentSchema } from "./assignment.js";
import { DependencySchema } from "./dependency.js";
import { ResourceSchema } from "./resource.js";
import { IssueSchema, RiskSchema } from "./risk.js";
import { ProjectSettingsSchema } from "./settings.js";
import { TaskSchema } from "./task.js";

/** The calendar engineer's schema, with unknown top-level keys reported instead of dropped. */
const StrictCalendarSchema = CalendarSchema.strict();

/**
 * Definition of a custom field (alias and type of MS Project's Text1, Number3, ... or a P6 UDF).
 *
 * @example
 * ```ts
 * import { CustomFieldDefinitionSchema } from "@pmokit/core";
 * CustomFieldDefinitionSchema.parse({ key: "Text1", entity: "task", type: "text", alias: "Phase" });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const CustomFieldDefinitionSchema = z
  .strictObject({
    key: z.string().min(1).describe("Key used in customFields records."),
    entity: z.enum(["task", "resource", "assignment", "risk", "issue", "project"]),
    type: z.enum(["text", "number", "flag", "date", "cost", "duration", "outlineCode"]),
    alias: z.string().optional(),
    lookup: z.array(z.string()).optional().describe("Allowed values (lookup table)."),
  })
  .describe("A custom field definition.");

/**
 * A project (schedule): settings, calendars, tasks, dependencies, resources, assignments, risks, issues.
 *
 * @example
 * ```ts
 * import { ProjectSchema } from "@pmokit/core";
 * ProjectSchema.parse({
 *   id: "p1", name: "Demo",
 *   settings: { currency: "USD", defaultCalendarId: "std", startDate: "2025-01-06" },
 *   calendars: [{ id: "std", name: "Standard" }],
 *   tasks: [{ id: "1", name: "A", duration: { value: 2, unit: "days" } }],
 * });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const ProjectSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string(),
    priority: PrioritySchema,
    settings: ProjectSettingsSchema,
    calendars: z
      .array(StrictCalendarSchema)
      .default([])
      .describe("Working-time calendars (unknown top-level keys rejected)."),
    tasks: z.array(TaskSchema).default([]),
    dependencies: z.array(DependencySchema).default([]),
    resources: z.array(ResourceSchema).default([]),
    assignments: z.array(AssignmentSchema).default([]),
    risks: z.array(RiskSchema).default([]),
    issues: z.array(IssueSchema).default([]),
    customFieldDefinitions: z.array(CustomFieldDefinitionSchema).optional(),
    extensions: ExtensionsSchema.optional(),
  })
  .describe("A project schedule with its calendars, tasks, links, resources and assignments.");

/**
 * A project as returned by the parsers (defaults filled in), see {@link ProjectSchema}.
 *
 * @example
 * ```ts
 * import type { Project } from "@pmokit/core";
 * declare const p: Project;
 * p.tasks.length;
 * ```
 * @category Model
 * @since 0.1.0
 */
export type Project = z.infer<typeof ProjectSchema>;

/**
 * A project as accepted by the parsers (defaulted fields optional).
 *
 * @example
 * ```ts
 * import type { ProjectInput } from "@pmokit/core";
 * declare const p: ProjectInput;
 * ```
 * @category Model
 * @since 0.1.0
 */
export type ProjectInput = z.input<typeof ProjectSchema>;

/**
 * A program: a named group of related projects of a portfolio.
 *
 * @example
 * ```ts
 * import { ProgramSchema } from "@pmokit/core";
 * ProgramSchema.parse({ id: "pg1", name: "Digital", projectIds: ["p1", "p2"] });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const ProgramSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string(),
    projectIds: z.array(IdSchema).default([]),
    extensions: ExtensionsSchema.optional(),
  })
  .describe("A program grouping projects.");

/**
 * A program, see {@link ProgramSchema}.
 *
 * @example
 * ```ts
 * import type { Program } from "@pmokit/core";
 * declare const p: Program;
 * ```
 * @category Model
 * @since 0.1.0
 */
export type Program = z.infer<typeof ProgramSchema>;

/**
 * A portfolio: full projects, programs, a shared resource pool (project assignments may reference pool
 * resource ids) and cross-project dependencies (with `fromProject` and `toProject` set).
 *
 * @example
 * ```ts
 * import { PortfolioSchema } from "@pmokit/core";
 * PortfolioSchema.parse({ id: "pf", name: "All", currency: "USD" });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const PortfolioSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string(),
    currency: z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code"),
    calendars: z
      .array(StrictCalendarSchema)
      .default([])
      .describe(
        "Calendars shared by all projects and the resource pool (a project calendar with the same id wins).",
      ),
    projects: z.array(ProjectSchema).default([]),
    programs: z.array(ProgramSchema).default([]),
    sharedResources: z.array(ResourceSchema).default([]).describe("Resource pool shared by the projects."),
    crossProjectDependencies: z
      .array(DependencySchema)
      .default([])
      .describe("Links between tasks of different projects (fromProject/toProject required)."),
    extensions: ExtensionsSchema.optional(),
  })
  .describe("A portfolio of projects, programs and a shared resource pool.");

/**
 * A portfolio, see {@link PortfolioSchema}.
 *
 * @example
 * ```ts
 * import type { Portfolio } from "@pmokit/core";
 * declare const p: Portfolio;
 * p.projects.length;
 * ```
 * @category Model
 * @since 0.1.0
 */
export type Portfolio = z.infer<typeof PortfolioSchema>;

/**
 * A portfolio as accepted by the parsers.
 *
 * @example
 * ```ts
 * import type { PortfolioInput } from "@pmokit/core";
 * declare const p: PortfolioInput;
 * ```
 * @category Model
 * @since 0.1.0
 */
export type PortfolioInput = z.input<typeof PortfolioSchema>;
