/**
 * `@pmokit/maturity`: maturity models as data (zod schemas, JSON in and out), assessments with
 * several respondents, staged / averaged / per-level-threshold / cumulative scoring, agreement
 * statistics (SD, rwg, AD, Krippendorff's α), gaps, prioritised recommendations, trends, and
 * typology models such as the PMO type.
 *
 * @packageDocumentation
 */
export {
  levelSchema,
  dimensionSchema,
  answerOptionSchema,
  answerScaleSchema,
  impactSchema,
  questionSchema,
  levelAwardSchema,
  respondentAggregationSchema,
  policyOverridesSchema,
  scoringPolicySchema,
  targetProfileSchema,
  maturityModelSchema,
} from "./model/schema.js";
export type {
  MaturityModel,
  MaturityModelInput,
  Level,
  Dimension,
  AnswerScale,
  AnswerOption,
  Question,
  Impact,
  ScoringPolicy,
  LevelAwardRule,
  RespondentAggregation,
  PolicyOverrides,
  TargetProfile,
  TargetProfileInput,
} from "./model/schema.js";
export { validateMaturityModel, parseMaturityModel, safeParseMaturityModel } from "./model/validate.js";
export type { ModelIssue } from "./model/validate.js";
export { answerSchema, responseSchema, assessmentInputSchema } from "./assessment/schema.js";
export type { AssessmentInput, Assessment, Response, ResponseState } from "./assessment/schema.js";
export { parseAssessment, safeParseAssessment } from "./assessment/parse.js";
export { sampleSd, rwg, adIndex, krippendorffAlpha } from "./stats/agreement.js";
export type { AlphaLevel } from "./stats/agreement.js";
export { assessMaturity } from "./scoring/assess.js";
export type {
  AssessMaturityOptions,
  MaturityResult,
  DimensionResult,
  LevelPercent,
} from "./scoring/assess.js";
export type { ItemResult } from "./scoring/items.js";
export type { Gap, Recommendation, RoadmapStage } from "./scoring/plan.js";
export { classifyType } from "./scoring/typology.js";
export type { TypologyResult } from "./scoring/typology.js";
export { toRadarData } from "./report/radar.js";
export type { RadarData } from "./report/radar.js";
export { computeTrend, compareUnits } from "./report/compare.js";
export type { MaturityTrend, DimensionDelta, UnitComparison } from "./report/compare.js";
export { formatMaturityReport, formatTypologyReport } from "./report/text.js";
export { pmoMaturityModel, pmoMaturityModelData } from "./models/pmo-maturity.js";
export { pmoTypeModel, pmoTypeModelData } from "./models/pmo-type.js";
export { maturityStructures } from "./models/structures.js";
export type { MaturityStructure } from "./models/structures.js";
export { builtinModels, getBuiltinModel } from "./models/registry.js";
export { maturityJsonSchemas, toMaturityJsonSchema } from "./schemas.js";
export type { MaturitySchemaName } from "./schemas.js";
