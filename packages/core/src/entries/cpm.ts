/**
 * `@pmokit/core/cpm`: critical-path scheduling (`schedule`, the compiled network and the passes,
 * display dates, MS Project / P6 dialects, portfolio scheduling) and the graph primitives it runs on.
 * Pulls neither zod nor decimal.js: calendars are still validated when compiled, by a hand-written
 * validator equivalent to `CalendarSchema`; the project itself is not validated here: parse it with
 * `@pmokit/core/model` or pass already-valid data.
 *
 * @module cpm
 */
export { PmokitError, isPmokitError } from "../errors.js";
export { buildCsr } from "../graph/csr.js";
export type { Csr } from "../graph/csr.js";
export { topologicalOrder } from "../graph/topo.js";
export type { TopologicalOrder } from "../graph/topo.js";
export { DIALECTS, resolveScheduleOptions } from "../cpm/options.js";
export type { Dialect, DialectOptions, ScheduleOptions, ResolvedScheduleOptions } from "../cpm/options.js";
export { ELAPSED_CALENDAR } from "../cpm/elapsed-calendar.js";
export { combineCalendars } from "../cpm/combined-calendar.js";
export type { CombinedCalendar } from "../cpm/combined-calendar.js";
export { compileNetworkInput, CONSTRAINT_CODES } from "../cpm/network.js";
export type {
  CompiledNetwork,
  ConstraintKind,
  LinkKind,
  NetworkInput,
  NetworkLinkInput,
  NetworkTaskInput,
  NetworkAssignmentInput,
} from "../cpm/network.js";
export { runPasses, axisToDate } from "../cpm/passes.js";
export type { PassResult } from "../cpm/passes.js";
export { schedule, compileNetwork, toScheduleResult } from "../cpm/schedule.js";
export type { CompiledProject, ScheduleResult, ScheduledTask, ScheduleWarning } from "../cpm/schedule.js";
export { displayDates } from "../cpm/dates.js";
export type { DisplayDates } from "../cpm/dates.js";
export { schedulePortfolio } from "../cpm/portfolio.js";
export type { PortfolioScheduleResult, PortfolioProjectSchedule } from "../cpm/portfolio.js";
export { projectInPortfolio, flattenPortfolio } from "../model/portfolio-project.js";
export type { FlattenedPortfolio, TaskOrigin } from "../model/portfolio-project.js";
export type { Project, Portfolio } from "../model/project.js";
export type { Task } from "../model/task.js";
export type { Dependency } from "../model/dependency.js";
