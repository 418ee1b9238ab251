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
export {
  CalendarSchema,
  CalendarExceptionSchema,
  DayPatternSchema,
  DayNameSchema,
  DAY_NAMES,
  IsoDateSchema,
  RecurrenceSchema,
  TimeOfDaySchema,
  WeekDaysSchema,
  WeekOfMonthSchema,
  WorkWeekSchema,
  WorkingTimeSchema,
  timeToMinutes,
} from "./calendar/schema.js";
export type {
  Calendar,
  CalendarInput,
  CalendarException,
  DayName,
  DayPattern,
  Recurrence,
  WeekDays,
  WeekOfMonth,
  WorkWeek,
  WorkingTime,
} from "./calendar/schema.js";
export { standardCalendar, twentyFourHourCalendar, nightShiftCalendar } from "./calendar/presets.js";
export { expandRecurrence } from "./calendar/recurrence.js";
export { compileCalendar, compileCalendars, parseCalendar, safeParseCalendar } from "./calendar/compile.js";
export type { CompiledCalendar, CompileCalendarOptions } from "./calendar/compile.js";
export { addDuration, durationBetween } from "./calendar/duration.js";
export {
  MoneySchema,
  money,
  addMoney,
  subtractMoney,
  multiplyMoney,
  divideMoney,
  ratio,
  compareMoney,
  isZeroMoney,
  sumMoney,
  roundMoney,
  allocateMoney,
  formatMoney,
  currencyMinorUnits,
} from "./money/money.js";
export type { Money, MoneyRounding } from "./money/money.js";
export {
  IdSchema,
  DateTimeSchema,
  CustomFieldsSchema,
  ExtensionsSchema,
  PrioritySchema,
} from "./model/common.js";
export type { LocalDateTime } from "./model/common.js";
export {
  TimeUnitSchema,
  DurationSchema,
  DEFAULT_DURATION_SETTINGS,
  durationToMinutes,
  isElapsedUnit,
} from "./model/duration.js";
export type { TimeUnit, Duration, DurationSettings } from "./model/duration.js";
export { ProjectSettingsSchema, TaskTypeSchema } from "./model/settings.js";
export type { ProjectSettings } from "./model/settings.js";
export {
  TaskSchema,
  ConstraintSchema,
  ConstraintTypeSchema,
  BaselineSchema,
  ReportedScheduleSchema,
  ActivityTypeSchema,
} from "./model/task.js";
export type { Task, TaskInput, Constraint, ConstraintType, Baseline } from "./model/task.js";
export { DependencySchema } from "./model/dependency.js";
export type { Dependency, DependencyType } from "./model/dependency.js";
export { ResourceSchema, AvailabilitySchema, CostRateSchema } from "./model/resource.js";
export type { Resource } from "./model/resource.js";
export { AssignmentSchema, WorkContourSchema } from "./model/assignment.js";
export type { Assignment } from "./model/assignment.js";
export { RiskSchema, IssueSchema } from "./model/risk.js";
export type { Risk, Issue } from "./model/risk.js";
export {
  ProjectSchema,
  PortfolioSchema,
  ProgramSchema,
  CustomFieldDefinitionSchema,
} from "./model/project.js";
export type { Project, ProjectInput, Portfolio, PortfolioInput, Program } from "./model/project.js";
export { validateProject, validatePortfolio } from "./model/validate.js";
export type { ValidationIssue, ValidationResult } from "./model/validate.js";
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
} from "./model/parse.js";
export { jsonSchemas, toJsonSchema } from "./model/json-schema.js";
export type { CoreSchemaName, JsonSchema } from "./model/json-schema.js";
export { buildCsr } from "./graph/csr.js";
export type { Csr } from "./graph/csr.js";
export { topologicalOrder } from "./graph/topo.js";
export type { TopologicalOrder } from "./graph/topo.js";
export { DIALECTS, resolveScheduleOptions } from "./cpm/options.js";
export type { Dialect, DialectOptions, ScheduleOptions, ResolvedScheduleOptions } from "./cpm/options.js";
export { ELAPSED_CALENDAR } from "./cpm/elapsed-calendar.js";
export { combineCalendars } from "./cpm/combined-calendar.js";
export type { CombinedCalendar } from "./cpm/combined-calendar.js";
export { compileNetworkInput, CONSTRAINT_CODES } from "./cpm/network.js";
export type {
  CompiledNetwork,
  ConstraintKind,
  LinkKind,
  NetworkInput,
  NetworkLinkInput,
  NetworkTaskInput,
  NetworkAssignmentInput,
} from "./cpm/network.js";
export { runPasses, axisToDate } from "./cpm/passes.js";
export type { PassResult } from "./cpm/passes.js";
export { schedule, compileNetwork, toScheduleResult } from "./cpm/schedule.js";
export type { CompiledProject, ScheduleResult, ScheduledTask, ScheduleWarning } from "./cpm/schedule.js";
export { displayDates } from "./cpm/dates.js";
export type { DisplayDates } from "./cpm/dates.js";
export { projectInPortfolio, flattenPortfolio } from "./model/portfolio-project.js";
export type { FlattenedPortfolio, TaskOrigin } from "./model/portfolio-project.js";
export { evmIndicators } from "./evm/indicators.js";
export type { EacMethod, EvmInput, EvmOptions, EvmIndicators } from "./evm/indicators.js";
export { earnedSchedule, evmSeries } from "./evm/earned-schedule.js";
export type {
  EsPlateauRule,
  EarnedScheduleInput,
  EarnedScheduleResult,
  EvmSeriesInput,
  EvmSeriesPeriod,
  EvmSeriesResult,
} from "./evm/earned-schedule.js";
export { WORK_CONTOUR_SHAPES, contourFraction } from "./evm/contours.js";
export { computeProjectEvm, computePortfolioEvm, rollupEvm } from "./evm/project-evm.js";
export type {
  EvMethod,
  EvmPeriod,
  ProjectEvmOptions,
  EvmWarning,
  TaskEvm,
  SCurvePoint,
  ProjectEvm,
  EvmRollup,
  PortfolioEvm,
} from "./evm/project-evm.js";
export { schedulePortfolio } from "./cpm/portfolio.js";
export type { PortfolioScheduleResult, PortfolioProjectSchedule } from "./cpm/portfolio.js";
export { AUDIT_FLAGS, buildAuditContext } from "./audit/context.js";
export type { AuditContext } from "./audit/context.js";
export { DCMA_CHECK_IDS, dcmaAssessment } from "./audit/dcma.js";
export type { AuditCheck, DcmaCheckId, DcmaOptions, DcmaResult, FloatSource } from "./audit/dcma.js";
export {
  ownerRule,
  openEndsRule,
  baselineRule,
  statusDateRule,
  summaryLinksRule,
  defaultAuditRules,
} from "./audit/rules.js";
export type { AuditRule, AuditFinding, AuditSeverity } from "./audit/rules.js";
export { auditProject } from "./audit/audit.js";
export type { AuditOptions, AuditReport } from "./audit/audit.js";
export {
  DEFAULT_HEALTH_RULES,
  assessHealth,
  combineRag,
  riskExposure,
  projectHealth,
  rollupHealth,
  createStatusSnapshot,
  appendStatusSnapshot,
} from "./health/health.js";
export type {
  Rag,
  HealthRule,
  HealthMetrics,
  RagCombination,
  HealthAssessment,
  StatusSnapshot,
} from "./health/health.js";
