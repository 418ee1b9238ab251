/**
 * `@pmokit/risk`: risk registers and scoring schemes with matrix validation, expected monetary
 * value and decision trees, and seeded Monte Carlo schedule and cost risk analysis.
 *
 * @packageDocumentation
 */
export type { DistributionSpec } from "./distributions/types.js";
export {
  compileDistribution,
  distributionMoments,
  distributionQuantile,
  inverseCdf,
  trigenToTriangular,
} from "./distributions/distribution.js";
export type { CompiledDistribution } from "./distributions/distribution.js";
export { quantileSorted, pearson, spearman, ranks } from "./stats/quantile.js";
export type { QuantileMethod } from "./stats/quantile.js";
export { normalQuantile, normalCdf } from "./stats/normal.js";
export { Stream, hashString, streamKey } from "./random/prng.js";
export type {
  RiskModel,
  ActivityInput,
  ActivityCostInput,
  PredecessorInput,
  RiskEventInput,
  CorrelationInput,
  BranchGroupInput,
  LinkType,
} from "./simulation/model.js";
export { compileNetwork, forwardPass } from "./simulation/network.js";
export type { ScheduleNetwork, NetworkNodeInput } from "./simulation/network.js";
export { compileModel } from "./simulation/compile.js";
export type { CompiledModel, CompileOptions, SimulationWarning } from "./simulation/compile.js";
export { repairCorrelationMatrix } from "./simulation/correlation.js";
export { runBlock } from "./simulation/kernel.js";
export type { BlockResult, KernelOptions } from "./simulation/kernel.js";
export {
  simulate,
  summarize,
  histogram,
  jointConfidence,
  planSimulation,
  blockCount,
  mergeBlocks,
  ConvergenceTracker,
  isCompiled,
} from "./simulation/simulate.js";
export type {
  SimulateOptions,
  SimulationResult,
  SimulationPlan,
  DistributionSummary,
  ActivityResult,
  MergePointResult,
  RiskResult,
  Histogram,
} from "./simulation/simulate.js";
export { simulateProject, riskEventsFromProject } from "./project/simulate-project.js";
export type {
  TaskUncertainty,
  UncertaintyRule,
  ProjectSimulationOptions,
  ProjectSimulationResult,
  ProjectSimulationWarning,
  ProjectTaskResult,
  ProjectRiskResult,
  TornadoBar,
  DatePercentiles,
} from "./project/simulate-project.js";
export { rollUpPortfolio } from "./simulation/portfolio.js";
export type { ProjectSamples, PortfolioRollUp } from "./simulation/portfolio.js";
export type {
  Polarity,
  RiskStatus,
  ImpactDimension,
  ImpactAssessment,
  ProbabilityInput,
  RiskResponse,
  RiskRecord,
  RiskReview,
  RiskRegister,
} from "./register/types.js";
export {
  createRegister,
  addRisk,
  reviewRisk,
  registerHealth,
  probabilityPoint,
  validateRiskRecord,
} from "./register/register.js";
export { expectedMonetaryValue, mitigationReturn, registerExposure, rollUpExposure } from "./register/emv.js";
export type { ExposureTotals } from "./register/emv.js";
export { evaluateDecisionTree } from "./register/decision-tree.js";
export type { DecisionNode, DecisionEvaluation } from "./register/decision-tree.js";
export type {
  ScaleBin,
  ScoringAxis,
  RiskLevel,
  DimensionAggregation,
  ScoringScheme,
} from "./scoring/scheme.js";
export {
  pmbokExampleScheme,
  dodRio2017Scheme,
  cox3x3Scheme,
  matrixFromThresholds,
  scoringPresets,
} from "./scoring/presets.js";
export { scoreRisk, scoreTable, axisBounds, binOf } from "./scoring/score.js";
export type { RiskScore } from "./scoring/score.js";
export { validateScheme } from "./scoring/validate.js";
export type { SchemeFinding, SchemeValidation } from "./scoring/validate.js";
export {
  distributionSchema,
  riskModelSchema,
  riskRegisterSchema,
  scoringSchemeSchema,
  parseRiskModel,
  safeParseRiskModel,
  parseRiskRegister,
  safeParseRiskRegister,
  parseScoringScheme,
  safeParseScoringScheme,
  riskJsonSchemas,
} from "./schema/schemas.js";
