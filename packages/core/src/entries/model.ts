/**
 * `@pmokit/core/model`: the domain model as zod schemas (project, portfolio, task, dependency,
 * resource, assignment, risk, settings, durations), the boundary functions `parse*` / `safeParse*`,
 * semantic validation, JSON Schema export and portfolio flattening.
 *
 * @module model
 */
export { PmokitError, isPmokitError } from "../errors.js";
export type { Result } from "../errors.js";
export { MoneySchema } from "../money/money.js";
export type { Money } from "../money/money.js";
export {
  IdSchema,
  DateTimeSchema,
  CustomFieldsSchema,
  ExtensionsSchema,
  PrioritySchema,
} from "../model/common.js";
export type { LocalDateTime } from "../model/common.js";
export {
  TimeUnitSchema,
  DurationSchema,
  DEFAULT_DURATION_SETTINGS,
  durationToMinutes,
  isElapsedUnit,
} from "../model/duration.js";
export type { TimeUnit, Duration, DurationSettings } from "../model/duration.js";
export { ProjectSettingsSchema, TaskTypeSchema } from "../model/settings.js";
export type { ProjectSettings } from "../model/settings.js";
export {
  TaskSchema,
  ConstraintSchema,
  ConstraintTypeSchema,
  BaselineSchema,
  ReportedScheduleSchema,
  ActivityTypeSchema,
} from "../model/task.js";
export type { Task, TaskInput, Constraint, ConstraintType, Baseline } from "../model/task.js";
export { DependencySchema } from "../model/dependency.js";
export type { Dependency, DependencyType } from "../model/dependency.js";
export { ResourceSchema, AvailabilitySchema, CostRateSchema } from "../model/resource.js";
export type { Resource } from "../model/resource.js";
export { AssignmentSchema, WorkContourSchema } from "../model/assignment.js";
export type { Assignment } from "../model/assignment.js";
export { RiskSchema, IssueSchema } from "../model/risk.js";
export type { Risk, Issue } from "../model/risk.js";
export {
  ProjectSchema,
  PortfolioSchema,
  ProgramSchema,
  CustomFieldDefinitionSchema,
} from "../model/project.js";
export type { Project, ProjectInput, Portfolio, PortfolioInput, Program } from "../model/project.js";
export { validateProject, validatePortfolio } from "../model/validate.js";
export type { ValidationIssue, ValidationResult } from "../model/validate.js";
export {
  parseProject,
  safeParseProject,
  parsePortfolio,
  safeParsePortfolio,
  parseTask,
  safeParseTask,
  parseResource,
  safeParseResource,
  formatJsonPath,
} from "../model/parse.js";
export { jsonSchemas, toJsonSchema } from "../model/json-schema.js";
export type { CoreSchemaName, JsonSchema } from "../model/json-schema.js";
export { projectInPortfolio, flattenPortfolio } from "../model/portfolio-project.js";
export type { FlattenedPortfolio, TaskOrigin } from "../model/portfolio-project.js";
