/**
 * `@pmokit/leveling`: resource-constrained project scheduling (RCPSP) on a compiled typed-array
 * network: serial and parallel schedule generation schemes, priority rules, justification, a
 * genetic algorithm, the PSPLIB parser and an independent schedule validator.
 *
 * @packageDocumentation
 */
export { compileRcpsp } from "./rcpsp/instance.js";
export type { RcpspInstance, RcpspProblem } from "./rcpsp/instance.js";
export { TimeIndexedProfile } from "./rcpsp/profile.js";
export type { ResourceProfile } from "./rcpsp/profile.js";
export {
  decodeSerial,
  serialSgs,
  serialSgsByPriority,
  parallelSgs,
  listFromPriorities,
  isPrecedenceFeasibleList,
  makespanOf,
} from "./rcpsp/sgs.js";
export { priorityValues, totalSuccessors, PRIORITY_RULES } from "./rcpsp/rules.js";
export type { PriorityRule } from "./rcpsp/rules.js";
export { justify, doubleJustify, createJustifyWorkspace, listFromStarts } from "./rcpsp/justify.js";
export type { JustifyWorkspace } from "./rcpsp/justify.js";
export { solveRcpsp } from "./rcpsp/solve.js";
export type { SolveRcpspOptions, RcpspSolution } from "./rcpsp/solve.js";
export { parsePsplibSm, safeParsePsplibSm } from "./rcpsp/psplib.js";
export type { PsplibInstance, ParsePsplibOptions } from "./rcpsp/psplib.js";
export { validateRcpspSchedule } from "./rcpsp/validate.js";
export type { RcpspValidation, RcpspViolation } from "./rcpsp/validate.js";
export {
  levelProject,
  levelPortfolio,
  leveledSchedule,
  clearLeveling,
  findOverallocations,
  resourceHistograms,
} from "./level/level.js";
export type { LeveledProjectSummary, PortfolioLevelingResult } from "./level/level.js";
export { optimizeLeveling, optimizePortfolioLeveling } from "./level/optimize.js";
export type {
  OptimizeLevelingOptions,
  OptimizedLevelingResult,
  LevelingOptimization,
} from "./level/optimize.js";
export type {
  LevelingOrder,
  PeriodBasis,
  LevelingOptions,
  UnresolvedReason,
  UnresolvedConflict,
  Overallocation,
  LeveledAssignment,
  WorkPart,
  LeveledTask,
  LevelingWarning,
  LevelingResult,
  ResourceHistogram,
} from "./level/types.js";
