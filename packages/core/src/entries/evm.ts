/**
 * `@pmokit/core/evm`: earned value (indicators, EAC variants, earned schedule, time-phased S-curves
 * of projects and portfolios from their baselines, contours and calendars). Exact decimal
 * arithmetic (decimal.js inside).
 *
 * @module evm
 */
export { PmokitError, isPmokitError } from "../errors.js";
export { evmIndicators } from "../evm/indicators.js";
export type { EacMethod, EvmInput, EvmOptions, EvmIndicators } from "../evm/indicators.js";
export { earnedSchedule, evmSeries } from "../evm/earned-schedule.js";
export type {
  EsPlateauRule,
  EarnedScheduleInput,
  EarnedScheduleResult,
  EvmSeriesInput,
  EvmSeriesPeriod,
  EvmSeriesResult,
} from "../evm/earned-schedule.js";
export { WORK_CONTOUR_SHAPES, contourFraction } from "../evm/contours.js";
export { computeProjectEvm, computePortfolioEvm, rollupEvm } from "../evm/project-evm.js";
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
} from "../evm/project-evm.js";
export type { Money } from "../money/money.js";
