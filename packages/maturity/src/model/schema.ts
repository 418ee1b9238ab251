import { z } from "zod";

const id = z.string().min(1).max(200);
const positive = z.number().finite().gt(0);

/**
 * Zod schema of a level of a maturity model (`ordinal` is a contiguous integer; at most one level is
 * the baseline, granted without evidence).
 *
 * @category Model
 * @since 0.1.0
 */
export const levelSchema = z.object({
  id,
  ordinal: z.number().int(),
  name: z.string().min(1),
  code: z.string().optional(),
  description: z.string().optional(),
  isBaseline: z.boolean().optional(),
});

/**
 * Zod schema of a dimension: a node of the model tree (sub-model, perspective, process area,
 * attribute, indicator area...). `weight` is used to roll the dimension up into its parent.
 *
 * @category Model
 * @since 0.1.0
 */
export const dimensionSchema = z.object({
  id,
  parentId: id.optional(),
  type: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  weight: positive.default(1),
  /** How children roll up into this node (default: the policy's `dimensionRollup`). */
  rollup: z.enum(["weightedMean", "min", "median"]).optional(),
  /** Declared levels with no question (validation rule "every level reachable"). */
  notCovered: z.array(id).optional(),
  tags: z.array(z.string()).optional(),
});

/**
 * Zod schema of an answer option. `value` (0–1) feeds the scores; `points` (may be negative) feed
 * `perLevelThreshold` rules with `metric: "points"`; `categoryPoints` feed typology models.
 *
 * @category Model
 * @since 0.1.0
 */
export const answerOptionSchema = z.object({
  id,
  label: z.string().min(1),
  value: z.number().finite().min(0).max(1),
  points: z.number().finite().optional(),
  categoryPoints: z.record(z.string(), z.number().finite()).optional(),
  description: z.string().optional(),
});

/**
 * Zod schema of an answer scale. Options are listed from lowest to highest; their position (1…A)
 * is the ordinal value used by the agreement statistics.
 *
 * @category Model
 * @since 0.1.0
 */
export const answerScaleSchema = z.object({
  id,
  name: z.string().optional(),
  type: z.enum(["ordinal", "interval", "nominal", "boolean"]).default("ordinal"),
  options: z.array(answerOptionSchema).min(2),
});

/**
 * Zod schema of one impact of a question: the question feeds `dimensionId`, at `levelId` when given.
 *
 * @category Model
 * @since 0.1.0
 */
export const impactSchema = z.object({
  dimensionId: id,
  levelId: id.optional(),
  weight: positive.default(1),
});

/**
 * Zod schema of a question (an indicator or practice statement answered on a scale).
 *
 * @category Model
 * @since 0.1.0
 */
export const questionSchema = z.object({
  id,
  text: z.string().min(1),
  help: z.string().optional(),
  answerScaleId: id,
  impacts: z.array(impactSchema).min(1),
  weight: positive.default(1),
  allowNotApplicable: z.boolean().default(false),
  allowDontKnow: z.boolean().default(true),
  /** A failing critical question (value below `criticalBelow`) caps its level. */
  critical: z.boolean().optional(),
  evidence: z.enum(["none", "optional", "required"]).default("none"),
  /** Prerequisite questions (practices that must be in place first). */
  dependsOn: z.array(id).optional(),
  /** Importance 1–5 (default 3) used to rank recommendations. */
  importance: z.number().min(1).max(5).optional(),
  /** Implementation effort 1–5 (default 3). */
  effort: z.number().min(1).max(5).optional(),
  /** What to do when the practice is missing (recommendation text). */
  recommendation: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

const stagedRule = z.object({
  type: z.literal("staged"),
  /** `percentOfLevel`: the weighted share of the level's items must reach `threshold` (0–1). `allItemsAtLeast`: every item of the level must reach `threshold` (option value). */
  metric: z.enum(["percentOfLevel", "allItemsAtLeast"]).default("percentOfLevel"),
  threshold: z.number().min(0).max(1).default(0.75),
  /** Value under which a critical question blocks its level (default 0.5). */
  criticalBelow: z.number().min(0).max(1).default(0.5),
});

const averagedRule = z.object({
  type: z.literal("averaged"),
  /** `floor`/`round` the decimal level, or use explicit score `bands` (minScore 0–1, ascending). */
  mapping: z.enum(["floor", "round", "bands"]).default("floor"),
  bands: z.array(z.object({ levelId: id, minScore: z.number().min(0).max(1) })).optional(),
});

const perLevelThresholdRule = z.object({
  type: z.literal("perLevelThreshold"),
  /** `percent` (0–1 of the level's weight) or `points` (sum of option points × weight). */
  metric: z.enum(["percent", "points"]).default("percent"),
  perLevel: z.array(z.object({ levelId: id, threshold: z.number().finite() })).min(1),
  /** Levels are completed in order (a failed level stops the walk). */
  sequential: z.boolean().default(true),
});

const cumulativeRule = z.object({
  type: z.literal("cumulative"),
});

const typologyRule = z.object({
  type: z.literal("typology"),
  categories: z.array(z.object({ id, name: z.string().min(1), description: z.string().optional() })).min(2),
  /** A profile whose top two shares differ by less than this margin (0–1) is `hybrid`. */
  hybridMargin: z.number().min(0).max(1).default(0.1),
});

/**
 * Zod schema of the pluggable level-award rule.
 *
 * @category Model
 * @since 0.1.0
 */
export const levelAwardSchema = z.discriminatedUnion("type", [
  stagedRule,
  averagedRule,
  perLevelThresholdRule,
  cumulativeRule,
  typologyRule,
]);

/**
 * Zod schema of how answers of several respondents are combined per question.
 *
 * @category Model
 * @since 0.1.0
 */
export const respondentAggregationSchema = z.enum(["mean", "median", "min", "mode", "consensus"]);

/**
 * Zod schema of the fields of a scoring policy that an assessment may override.
 *
 * @category Model
 * @since 0.1.0
 */
export const policyOverridesSchema = z.object({
  respondentAggregation: respondentAggregationSchema.optional(),
  naHandling: z.enum(["excludeFromDenominator", "countAsFull", "countAsZero"]).optional(),
  dontKnowHandling: z.enum(["missing", "countAsZero"]).optional(),
  unansweredHandling: z.enum(["missing", "countAsZero"]).optional(),
  minCoverageToRate: z.number().min(0).max(1).optional(),
});

/**
 * Zod schema of a scoring policy.
 *
 * @category Model
 * @since 0.1.0
 */
export const scoringPolicySchema = z.object({
  levelAward: levelAwardSchema,
  respondentAggregation: respondentAggregationSchema.default("mean"),
  naHandling: z
    .enum(["excludeFromDenominator", "countAsFull", "countAsZero"])
    .default("excludeFromDenominator"),
  dontKnowHandling: z.enum(["missing", "countAsZero"]).default("missing"),
  unansweredHandling: z.enum(["missing", "countAsZero"]).default("missing"),
  dimensionRollup: z.enum(["weightedMean", "min", "median"]).default("weightedMean"),
  /** Overall staged level: the weakest dimension (`min`, default) or the level of the rolled-up score. */
  overallLevel: z.enum(["min", "rollup"]).default("min"),
  /** Coverage under which a dimension is `notRated` (default 0.5). */
  minCoverageToRate: z.number().min(0).max(1).default(0.5),
  confidenceThresholds: z
    .object({ high: z.number().min(0).max(1), medium: z.number().min(0).max(1) })
    .default({ high: 0.75, medium: 0.5 }),
  /** rwg null distribution: uniform (James et al.) or maximum dissensus (Lindell et al.). */
  rwgNull: z.enum(["uniform", "maxDissensus"]).default("uniform"),
  /** Items with rwg below this value are flagged as disagreement. */
  agreementFlagBelow: z.number().min(0).max(1).default(0.7),
  decimals: z.number().int().min(0).max(12).default(3),
});

/**
 * Zod schema of a target profile: a target level and an importance (1–5) per dimension.
 *
 * @category Model
 * @since 0.1.0
 */
export const targetProfileSchema = z.object({
  id: id.optional(),
  name: z.string().optional(),
  /** Applies to every dimension without an explicit target. */
  default: z.object({ levelId: id, importance: z.number().min(1).max(5).default(3) }).optional(),
  targets: z
    .array(z.object({ dimensionId: id, levelId: id, importance: z.number().min(1).max(5).default(3) }))
    .default([]),
});

/**
 * Zod schema of a maturity (or typology) model definition: the format of `pmokit schema maturity-model`.
 *
 * @category Model
 * @since 0.1.0
 */
export const maturityModelSchema = z.object({
  $schema: z.string().optional(),
  id,
  version: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  kind: z.enum(["maturity", "typology"]).default("maturity"),
  source: z.object({
    publisher: z.string().min(1),
    license: z.string().min(1),
    citation: z.string().optional(),
    url: z.string().optional(),
    contentProvidedBy: z.enum(["library", "user"]).default("user"),
  }),
  levels: z.array(levelSchema).default([]),
  dimensions: z.array(dimensionSchema).min(1),
  answerScales: z.array(answerScaleSchema).min(1),
  questions: z.array(questionSchema).min(1),
  scoringPolicy: scoringPolicySchema,
  targetProfiles: z.array(targetProfileSchema).optional(),
  extensions: z.record(z.string(), z.unknown()).optional(),
});

/**
 * A validated maturity model (defaults applied). Build one with {@link parseMaturityModel}.
 *
 * @category Model
 * @since 0.1.0
 */
export type MaturityModel = z.output<typeof maturityModelSchema>;
/** A maturity model as written in JSON (defaults optional). @category Model */
export type MaturityModelInput = z.input<typeof maturityModelSchema>;
/** @category Model */
export type Level = z.output<typeof levelSchema>;
/** @category Model */
export type Dimension = z.output<typeof dimensionSchema>;
/** @category Model */
export type AnswerScale = z.output<typeof answerScaleSchema>;
/** @category Model */
export type AnswerOption = z.output<typeof answerOptionSchema>;
/** @category Model */
export type Question = z.output<typeof questionSchema>;
/** @category Model */
export type Impact = z.output<typeof impactSchema>;
/** @category Model */
export type ScoringPolicy = z.output<typeof scoringPolicySchema>;
/** @category Model */
export type LevelAwardRule = z.output<typeof levelAwardSchema>;
/** @category Model */
export type RespondentAggregation = z.output<typeof respondentAggregationSchema>;
/** @category Model */
export type PolicyOverrides = z.output<typeof policyOverridesSchema>;
/** @category Model */
export type TargetProfile = z.output<typeof targetProfileSchema>;
/** @category Model */
export type TargetProfileInput = z.input<typeof targetProfileSchema>;
