/**
 * `@pmokit/portfolio`: portfolio analysis. Business drivers weighted by AHP (eigenvector or
 * geometric mean, named random-index tables, incomplete matrices, group judgments, hierarchies),
 * project scoring, TOPSIS / PROMETHEE II / weighted-sum ranking, WSJF and RICE, weight
 * sensitivity; exact project selection under budgets, capacities and relations (TypeScript branch
 * and bound, HiGHS loaded lazily), efficient frontier, strategic alignment and scenarios.
 *
 * @packageDocumentation
 */
export { computeAhp, aggregateJudgments, aggregatePriorities, computeHierarchy } from "./ahp/ahp.js";
export type {
  PairwiseMatrix,
  AhpMethod,
  AhpCompletion,
  ComputeAhpOptions,
  AhpResult,
  CriteriaNode,
  HierarchyResult,
} from "./ahp/ahp.js";
export {
  RI_SAATY_1980,
  RI_SAATY_1980_N12_154,
  RI_SAATY_2005,
  RI_DONEGAN_DODD,
  RI_ALONSO_LAMATA,
  RANDOM_INDEX_NAMES,
  randomIndexTable,
} from "./ahp/random-index.js";
export type { RandomIndexTable, RandomIndexTableId } from "./ahp/random-index.js";
export { rankAlternatives } from "./mcda/rank.js";
export type {
  PreferenceFunction,
  RankCriterion,
  RankProblem,
  RankMethod,
  Normalization,
  RankOptions,
  RankResult,
} from "./mcda/rank.js";
export { scoreWsjf, scoreRice } from "./mcda/presets.js";
export type { WsjfItem, RiceItem, PresetScoreResult } from "./mcda/presets.js";
export { weightSensitivity } from "./mcda/sensitivity.js";
export type { WeightSensitivity, WeightSensitivityOptions } from "./mcda/sensitivity.js";
export { scoreProjects, IMPACT_SCALE } from "./scoring/drivers.js";
export type {
  BusinessDriver,
  RatingScale,
  ScoreProjectsOptions,
  ProjectPriority,
} from "./scoring/drivers.js";
export type {
  SelectionProject,
  SelectionAssignment,
  SelectionRelation,
  SelectionProblem,
} from "./select/model.js";
export type { SelectionAmount } from "./select/amount.js";
export {
  selectPortfolio,
  verifySelection,
  explainInfeasibility,
  BNB_MAX_ROWS,
  defaultBnbNodeBudget,
} from "./select/select.js";
export type { SolverEscalation } from "./select/bnb.js";
export type {
  SelectionSolver,
  SelectionWarmStart,
  SelectionTotal,
  SelectPortfolioOptions,
  SelectionDecision,
  SelectionResult,
  InfeasibilityExplanation,
} from "./select/select.js";
export { loadHighsSolver } from "./select/highs.js";
export type { HighsLoaderOptions } from "./select/highs.js";
export { computeEfficientFrontier, strategicAlignment } from "./select/frontier.js";
export type { EfficientFrontierOptions, FrontierPoint } from "./select/frontier.js";
export { createScenario, compareScenarios, whatIf } from "./select/scenario.js";
export type { Scenario, ScenarioComparison, WhatIfChange, WhatIfResult } from "./select/scenario.js";
export {
  AhpInputSchema,
  RankInputSchema,
  SelectInputSchema,
  parseAhpInput,
  safeParseAhpInput,
  parseRankInput,
  safeParseRankInput,
  parseSelectInput,
  safeParseSelectInput,
  portfolioJsonSchemas,
} from "./schemas.js";
export type { AhpInput } from "./schemas.js";
