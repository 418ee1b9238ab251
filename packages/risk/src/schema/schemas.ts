import { PmokitError } from "@pmokit/core";
import type { Result } from "@pmokit/core";
import * as z from "zod";
import type { RiskRegister } from "../register/types.js";
import type { ScoringScheme } from "../scoring/scheme.js";
import { compileModel } from "../simulation/compile.js";
import type { RiskModel } from "../simulation/model.js";

const num = z.number();
const prob = z.number().min(0).max(1);

/**
 * zod schema of a {@link DistributionSpec} (parameter order min, mode, max).
 *
 * @category Schemas
 */
export const distributionSchema = z.union([
  num,
  z.discriminatedUnion("dist", [
    z.object({ dist: z.literal("fixed"), value: num }),
    z.object({ dist: z.literal("triangular"), min: num, mode: num, max: num }),
    z.object({ dist: z.literal("pert"), min: num, mode: num, max: num, lambda: num.min(0).optional() }),
    z.object({ dist: z.literal("uniform"), min: num, max: num }),
    z.object({
      dist: z.literal("trigen"),
      p10: num,
      mode: num,
      p90: num,
      lowP: prob.optional(),
      highP: prob.optional(),
    }),
    z.object({ dist: z.literal("normal"), mean: num, sd: num.min(0) }),
    z.object({ dist: z.literal("lognormal"), mu: num, sigma: num.min(0) }),
    z.object({ dist: z.literal("discrete"), values: z.array(z.tuple([num, prob])).min(1) }),
  ]),
]);

/**
 * zod schema of the simple schedule-risk model (`pmokit risk simulate` input).
 *
 * @category Schemas
 */
export const riskModelSchema = z.object({
  id: z.string().optional(),
  activities: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().optional(),
      duration: distributionSchema,
      predecessors: z
        .array(
          z.object({
            id: z.string(),
            type: z.enum(["FS", "SS", "FF", "SF"]).optional(),
            lag: num.optional(),
          }),
        )
        .optional(),
      cost: z.object({ fixed: distributionSchema.optional(), ratePerDay: num.optional() }).optional(),
    }),
  ),
  risks: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().optional(),
        probability: prob,
        impact: distributionSchema.optional(),
        mode: z.enum(["add", "multiply"]).optional(),
        activities: z.array(z.string()).optional(),
        costImpact: distributionSchema.optional(),
      }),
    )
    .optional(),
  correlations: z
    .array(z.object({ a: z.string(), b: z.string(), rho: z.number().min(-1).max(1) }))
    .optional(),
  branches: z
    .array(
      z.object({
        id: z.string(),
        branches: z.array(z.object({ probability: prob, activities: z.array(z.string()) })).min(1),
      }),
    )
    .optional(),
});

const probabilityInput = z.union([prob, z.object({ min: prob, max: prob })]);
const impact = z.object({
  level: z.number().int().min(1).optional(),
  value: num.optional(),
  amount: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .optional(),
  days: num.optional(),
});

/**
 * zod schema of a risk register.
 *
 * @category Schemas
 */
export const riskRegisterSchema = z.object({
  id: z.string(),
  currency: z.string().optional(),
  risks: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string(),
      polarity: z.enum(["threat", "opportunity"]),
      statement: z.record(z.string(), z.string()).optional(),
      owner: z.string().optional(),
      status: z.enum(["proposed", "open", "closed", "issue", "accepted"]),
      probability: probabilityInput,
      impacts: z.record(z.string(), impact),
      proximity: z
        .object({ from: z.string().optional(), to: z.string().optional(), activityId: z.string().optional() })
        .optional(),
      velocity: z.string().optional(),
      projectId: z.string().optional(),
      linkedTasks: z.array(z.string()).optional(),
      linkedProjects: z.array(z.string()).optional(),
      responses: z
        .array(
          z.object({
            id: z.string().optional(),
            type: z.enum([
              "avoid",
              "mitigate",
              "transfer",
              "accept",
              "escalate",
              "exploit",
              "enhance",
              "share",
            ]),
            description: z.string().optional(),
            owner: z.string().optional(),
            due: z.string().optional(),
            cost: z
              .string()
              .regex(/^-?\d+(\.\d+)?$/)
              .optional(),
            status: z.enum(["planned", "in-progress", "done", "cancelled"]).optional(),
            residualProbability: probabilityInput.optional(),
            residualImpacts: z.record(z.string(), impact).optional(),
          }),
        )
        .optional(),
      createdAt: z.string().optional(),
      lastReviewedAt: z.string().optional(),
    }),
  ),
  reviews: z
    .array(
      z.object({
        at: z.string(),
        riskId: z.string(),
        by: z.string().optional(),
        note: z.string().optional(),
        changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
        scheme: z.string().optional(),
        level: z.string().optional(),
        score: z.string().optional(),
      }),
    )
    .default([]),
});

const axis = z.object({
  name: z.string(),
  domain: z.tuple([num, num]).optional(),
  bins: z
    .array(
      z.object({
        label: z.string(),
        anchor: num,
        min: num.optional(),
        max: num.optional(),
        description: z.string().optional(),
      }),
    )
    .min(1),
});

/**
 * zod schema of a scoring scheme.
 *
 * @category Schemas
 */
export const scoringSchemeSchema = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  description: z.string().optional(),
  probability: axis,
  impact: axis,
  dimensions: z.record(z.string(), axis).optional(),
  levels: z.array(z.object({ id: z.string(), label: z.string(), colour: z.string().optional() })).min(1),
  matrix: z.array(z.array(z.string())),
  aggregation: z
    .union([
      z.object({ type: z.literal("max") }),
      z.object({ type: z.enum(["weightedMax", "weightedMean"]), weights: z.record(z.string(), num) }),
    ])
    .optional(),
  decimals: z.number().int().min(0).max(10).optional(),
  overrides: z
    .array(z.object({ dimension: z.string(), minImpactBin: z.number().int(), level: z.string() }))
    .optional(),
});

function toError(e: z.ZodError, what: string, file?: string): PmokitError {
  const issue = e.issues[0]!;
  const path = issue.path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
  return new PmokitError(
    "SCHEMA_VIOLATION",
    `${file ? `${file}: ` : ""}${path || "(root)"}: ${issue.message} (${what})`,
    {
      ...(file ? { file } : {}),
      path: path || "(root)",
      expected: issue.message,
    },
  );
}

function safe<T>(f: () => T): Result<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (
      e instanceof PmokitError ||
      (typeof e === "object" && e !== null && (e as { pmokit?: unknown }).pmokit === true)
    )
      return { ok: false, error: e as PmokitError };
    throw e;
  }
}

/**
 * Parses and validates a schedule-risk model (structure by schema, then references, cycles,
 * parameter orders and probabilities).
 *
 * @param input - JSON value
 * @param file - file name for messages
 * @returns the model
 * @throws PmokitError `SCHEMA_VIOLATION` with the JSON path, or the semantic codes of `compileModel`
 * @example
 * ```ts
 * const model = parseRiskModel(JSON.parse(text), "model.json");
 * ```
 * @category Schemas
 */
export function parseRiskModel(input: unknown, file?: string): RiskModel {
  const r = riskModelSchema.safeParse(input);
  if (!r.success) throw toError(r.error, "risk model", file);
  const model = r.data as RiskModel;
  try {
    compileModel(model);
  } catch (e) {
    if (file && e instanceof PmokitError)
      throw new PmokitError(e.code, `${file}: ${e.message}`, { ...e.details, file }, { cause: e });
    throw e;
  }
  return model;
}

/**
 * {@link parseRiskModel} without throwing.
 *
 * @category Schemas
 */
export function safeParseRiskModel(input: unknown, file?: string): Result<RiskModel> {
  return safe(() => parseRiskModel(input, file));
}

/**
 * Parses a risk register.
 *
 * @throws PmokitError `SCHEMA_VIOLATION` with the JSON path
 * @category Schemas
 */
export function parseRiskRegister(input: unknown, file?: string): RiskRegister {
  const r = riskRegisterSchema.safeParse(input);
  if (!r.success) throw toError(r.error, "risk register", file);
  return r.data as RiskRegister;
}

/**
 * {@link parseRiskRegister} without throwing.
 *
 * @category Schemas
 */
export function safeParseRiskRegister(input: unknown, file?: string): Result<RiskRegister> {
  return safe(() => parseRiskRegister(input, file));
}

/**
 * Parses a scoring scheme (structure only; run `validateScheme` for the Cox checks).
 *
 * @throws PmokitError `SCHEMA_VIOLATION` with the JSON path
 * @category Schemas
 */
export function parseScoringScheme(input: unknown, file?: string): ScoringScheme {
  const r = scoringSchemeSchema.safeParse(input);
  if (!r.success) throw toError(r.error, "scoring scheme", file);
  return r.data as ScoringScheme;
}

/**
 * {@link parseScoringScheme} without throwing.
 *
 * @category Schemas
 */
export function safeParseScoringScheme(input: unknown, file?: string): Result<ScoringScheme> {
  return safe(() => parseScoringScheme(input, file));
}

/**
 * JSON Schemas of the risk input formats, by name, for `pmokit schema NAME`.
 *
 * @category Schemas
 */
export const riskJsonSchemas: Readonly<Record<string, () => unknown>> = {
  "risk-model": () => z.toJSONSchema(riskModelSchema, { io: "input" }),
  "risk-register": () => z.toJSONSchema(riskRegisterSchema, { io: "input" }),
  "scoring-scheme": () => z.toJSONSchema(scoringSchemeSchema, { io: "input" }),
};
