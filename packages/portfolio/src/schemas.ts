import { PmokitError } from "@pmokit/core";
import type { Result } from "@pmokit/core";
import { z } from "zod";
import type { PairwiseMatrix } from "./ahp/ahp.js";
import type { RankProblem } from "./mcda/rank.js";
import type { SelectionProblem } from "./select/model.js";

const id = z.string().min(1);
const nonNeg = z.number().finite().nonnegative();
const decimal = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal string such as "1250.50"');
/** A cost or limit: a number, a decimal string, or Money `{ amount, currency }`. */
const amount = z
  .union([
    nonNeg,
    decimal,
    z
      .object({ amount: decimal, currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 currency code") })
      .strict(),
  ])
  .describe('Amount: number, decimal string ("1250.50") or Money { "amount": "1250.50", "currency": "EUR" }');

/**
 * zod schema of the `pmokit ahp` input: `{ labels, matrix }` (`null` marks a missing judgment).
 *
 * @category Schemas
 * @since 0.1.0
 */
export const AhpInputSchema = z
  .object({
    labels: z.array(z.string()).optional().describe("Row/column labels, same order as the matrix"),
    matrix: z
      .array(z.array(z.number().positive().finite().nullable()))
      .min(1)
      .describe("Reciprocal pairwise matrix: row i, column j = judgment 'i over j'; null = missing"),
  })
  .describe("AHP pairwise comparison matrix");

/**
 * zod schema of the `pmokit rank` input.
 *
 * @category Schemas
 * @since 0.1.0
 */
export const RankInputSchema = z
  .object({
    alternatives: z.array(id).min(1),
    criteria: z
      .array(
        z.object({
          id,
          weight: nonNeg,
          direction: z.enum(["max", "min"]),
          preference: z
            .object({
              type: z.enum(["usual", "u-shape", "v-shape", "level", "linear", "gaussian"]),
              q: nonNeg.optional(),
              p: nonNeg.optional(),
              s: nonNeg.optional(),
            })
            .optional(),
        }),
      )
      .min(1),
    matrix: z.array(z.array(z.number().finite())),
  })
  .describe("Decision matrix: rows = alternatives, columns = criteria");

const relation = z.union([
  z.object({ type: z.enum(["requires", "excludes", "includes"]), a: id, b: id }),
  z.object({ type: z.literal("exclusive"), ids: z.array(id).min(2) }),
]);

/**
 * zod schema of the `pmokit select` input (a superset of the CLI contract: capacities, demand,
 * assignments, start shifting, drivers, `includes` and `exclusive` relations).
 *
 * @category Schemas
 * @since 0.1.0
 */
export const SelectInputSchema = z
  .object({
    projects: z.array(
      z.object({
        id,
        value: nonNeg.describe("Priority-weighted value to maximise"),
        costs: z
          .record(z.string(), amount)
          .optional()
          .describe("Cost per named limit (non-negative number, decimal string or Money)"),
        force: z.enum(["in", "out"]).optional(),
        demand: z
          .record(z.string(), z.array(nonNeg))
          .optional()
          .describe("Per-period demand from the start, per capacity"),
        assignments: z
          .array(
            z.object({
              resource: z.string(),
              from: z.number().int().nonnegative(),
              to: z.number().int().nonnegative(),
              units: nonNeg,
            }),
          )
          .optional(),
        start: z.number().int().nonnegative().optional(),
        shift: z
          .object({
            earliest: z.number().int().nonnegative().optional(),
            latest: z.number().int().nonnegative().optional(),
          })
          .optional(),
        drivers: z.record(z.string(), nonNeg).optional(),
      }),
    ),
    limits: z
      .record(z.string(), amount)
      .optional()
      .describe("Upper limit per named constraint (number, decimal string or Money)"),
    capacities: z.record(z.string(), z.array(nonNeg)).optional().describe("Per-period capacity per name"),
    relations: z.array(relation).optional(),
  })
  .describe("Portfolio selection problem");

/** Parsed `pmokit ahp` input. @category Schemas */
export interface AhpInput {
  readonly labels?: string[];
  readonly matrix: PairwiseMatrix;
}

function jsonPath(path: readonly PropertyKey[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s === "" ? String(p) : `.${String(p)}`;
  return s === "" ? "$" : s;
}

function toError(e: z.ZodError, what: string): PmokitError {
  const issue = e.issues[0]!;
  const path = jsonPath(issue.path);
  return new PmokitError("SCHEMA_VIOLATION", `${path}: ${issue.message} (${what})`, {
    path,
    expected: issue.message,
    issues: e.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
  });
}

function safe<T>(schema: z.ZodType, input: unknown, what: string): Result<T> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data as T } : { ok: false, error: toError(r.error, what) };
}

/**
 * Validates the `pmokit ahp` input shape (matrix values are checked further by {@link computeAhp}).
 *
 * @param input - parsed JSON
 * @returns the typed input
 * @throws PmokitError `SCHEMA_VIOLATION` naming the JSON path
 * @example
 * ```ts
 * import { parseAhpInput } from "@pmokit/portfolio";
 * parseAhpInput({ matrix: [[1, 2], [0.5, 1]] }).matrix.length; // 2
 * ```
 * @category Schemas
 * @since 0.1.0
 */
export function parseAhpInput(input: unknown): AhpInput {
  const r = safeParseAhpInput(input);
  if (!r.ok) throw r.error;
  return r.value;
}

/**
 * Non-throwing {@link parseAhpInput}.
 *
 * @param input - parsed JSON
 * @returns `{ ok, value }` or `{ ok: false, error }`
 * @example
 * ```ts
 * import { safeParseAhpInput } from "@pmokit/portfolio";
 * safeParseAhpInput({}).ok; // false
 * ```
 * @category Schemas
 * @since 0.1.0
 */
export function safeParseAhpInput(input: unknown): Result<AhpInput> {
  return safe<AhpInput>(AhpInputSchema, input, "AHP input");
}

/**
 * Validates the `pmokit rank` input.
 *
 * @param input - parsed JSON
 * @returns the typed rank problem
 * @throws PmokitError `SCHEMA_VIOLATION` naming the JSON path
 * @example
 * ```ts
 * import { parseRankInput } from "@pmokit/portfolio";
 * parseRankInput({ alternatives: ["a"], criteria: [{ id: "c", weight: 1, direction: "max" }], matrix: [[1]] });
 * ```
 * @category Schemas
 * @since 0.1.0
 */
export function parseRankInput(input: unknown): RankProblem {
  const r = safeParseRankInput(input);
  if (!r.ok) throw r.error;
  return r.value;
}

/**
 * Non-throwing {@link parseRankInput}.
 *
 * @param input - parsed JSON
 * @returns `{ ok, value }` or `{ ok: false, error }`
 * @example
 * ```ts
 * import { safeParseRankInput } from "@pmokit/portfolio";
 * safeParseRankInput({ alternatives: [] }).ok; // false
 * ```
 * @category Schemas
 * @since 0.1.0
 */
export function safeParseRankInput(input: unknown): Result<RankProblem> {
  return safe<RankProblem>(RankInputSchema, input, "rank input");
}

/**
 * Validates the `pmokit select` input.
 *
 * @param input - parsed JSON
 * @returns the typed selection problem
 * @throws PmokitError `SCHEMA_VIOLATION` naming the JSON path (e.g. `projects[2].costs.budget`)
 * @example
 * ```ts
 * import { parseSelectInput } from "@pmokit/portfolio";
 * parseSelectInput({ projects: [{ id: "A", value: 1 }], limits: {} }).projects.length; // 1
 * ```
 * @category Schemas
 * @since 0.1.0
 */
export function parseSelectInput(input: unknown): SelectionProblem {
  const r = safeParseSelectInput(input);
  if (!r.ok) throw r.error;
  return r.value;
}

/**
 * Non-throwing {@link parseSelectInput}.
 *
 * @param input - parsed JSON
 * @returns `{ ok, value }` or `{ ok: false, error }`
 * @example
 * ```ts
 * import { safeParseSelectInput } from "@pmokit/portfolio";
 * safeParseSelectInput({ projects: [{ id: "A", value: -1 }] }).ok; // false
 * ```
 * @category Schemas
 * @since 0.1.0
 */
export function safeParseSelectInput(input: unknown): Result<SelectionProblem> {
  return safe<SelectionProblem>(SelectInputSchema, input, "select input");
}

/**
 * JSON Schemas of the portfolio input formats, by name (`ahp`, `rank`, `select`), generated from the
 * zod schemas on first access (for `pmokit schema NAME`).
 *
 * @example
 * ```ts
 * import { portfolioJsonSchemas } from "@pmokit/portfolio";
 * Object.keys(portfolioJsonSchemas); // ["ahp", "rank", "select"]
 * ```
 * @category Schemas
 * @since 0.1.0
 */
export const portfolioJsonSchemas: {
  readonly ahp: unknown;
  readonly rank: unknown;
  readonly select: unknown;
} = {
  get ahp(): unknown {
    return z.toJSONSchema(AhpInputSchema);
  },
  get rank(): unknown {
    return z.toJSONSchema(RankInputSchema);
  },
  get select(): unknown {
    return z.toJSONSchema(SelectInputSchema);
  },
};
