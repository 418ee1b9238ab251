import { inputError } from "../internal/errors.js";

/**
 * PROMETHEE preference function (Brans & Mareschal); `q` indifference, `p` preference, `s` Gaussian
 * threshold.
 *
 * @category Ranking
 * @since 0.1.0
 */
export interface PreferenceFunction {
  readonly type: "usual" | "u-shape" | "v-shape" | "level" | "linear" | "gaussian";
  readonly q?: number;
  readonly p?: number;
  readonly s?: number;
}

/**
 * A criterion of a multi-criteria ranking problem.
 *
 * @category Ranking
 * @since 0.1.0
 */
export interface RankCriterion {
  readonly id: string;
  /** Non-negative weight; weights are normalised to sum 1. */
  readonly weight: number;
  /** `"max"` (benefit) or `"min"` (cost). */
  readonly direction: "max" | "min";
  /** PROMETHEE II preference function (default `usual`). */
  readonly preference?: PreferenceFunction;
}

/**
 * A decision matrix: rows = alternatives, columns = criteria (the `pmokit rank` input format).
 *
 * @category Ranking
 * @since 0.1.0
 */
export interface RankProblem {
  readonly alternatives: readonly string[];
  readonly criteria: readonly RankCriterion[];
  readonly matrix: readonly (readonly number[])[];
}

/**
 * Ranking method: weighted sum (`wsm`), TOPSIS, PROMETHEE II.
 *
 * @category Ranking
 * @since 0.1.0
 */
export type RankMethod = "wsm" | "topsis" | "promethee2";

/**
 * Column normalisation for WSM and TOPSIS: `vector` (x / ‖column‖, classic TOPSIS) or `minmax`
 * ((x − min)/(max − min), reversed for min criteria).
 *
 * @category Ranking
 * @since 0.1.0
 */
export type Normalization = "vector" | "minmax";

/**
 * Options of {@link rankAlternatives}.
 *
 * @category Ranking
 * @since 0.1.0
 */
export interface RankOptions {
  readonly method: RankMethod;
  /** Required for TOPSIS (the result depends on it); WSM defaults to `minmax`. Ignored by PROMETHEE II. */
  readonly normalization?: Normalization;
}

/**
 * Result of {@link rankAlternatives}. `scores` keep input order; `ranking` is best first (ties keep
 * input order); `rank` is the competition rank ("1224") per alternative.
 *
 * @category Ranking
 * @since 0.1.0
 */
export interface RankResult {
  readonly method: RankMethod;
  readonly normalization?: Normalization;
  readonly scores: { id: string; score: number }[];
  readonly ranking: string[];
  readonly rank: Record<string, number>;
  /** TOPSIS: distances to the ideal and anti-ideal. PROMETHEE II: positive and negative flows. */
  readonly details?: {
    readonly dPlus?: number[];
    readonly dMinus?: number[];
    readonly phiPlus?: number[];
    readonly phiMinus?: number[];
  };
  readonly warnings: string[];
}

const TIE = 1e-12;

/** Validates a rank problem; returns normalised weights and the skip mask of degenerate columns. */
function validate(problem: RankProblem): { w: number[]; n: number; m: number } {
  const { alternatives, criteria, matrix } = problem;
  if (!Array.isArray(alternatives) || alternatives.length === 0)
    inputError("alternatives", "a non-empty array of ids", alternatives);
  if (!Array.isArray(criteria) || criteria.length === 0)
    inputError("criteria", "a non-empty array", criteria);
  const ids = new Set<string>();
  alternatives.forEach((a, i) => {
    if (typeof a !== "string" || a === "") inputError(`alternatives[${i}]`, "a non-empty string id", a);
    if (ids.has(a)) inputError(`alternatives[${i}]`, "a unique id", a, "DUPLICATE_ID");
    ids.add(a);
  });
  const cids = new Set<string>();
  criteria.forEach((c, j) => {
    if (cids.has(c.id)) inputError(`criteria[${j}].id`, "a unique id", c.id, "DUPLICATE_ID");
    cids.add(c.id);
    if (typeof c.weight !== "number" || !Number.isFinite(c.weight) || c.weight < 0)
      inputError(`criteria[${j}].weight`, "a non-negative number", c.weight);
    if (c.direction !== "max" && c.direction !== "min")
      inputError(`criteria[${j}].direction`, '"max" or "min"', c.direction);
  });
  const sw = criteria.reduce((s, c) => s + c.weight, 0);
  if (!(sw > 0)) inputError("criteria", "weights with a positive sum");
  if (!Array.isArray(matrix) || matrix.length !== alternatives.length)
    inputError(
      "matrix",
      `${alternatives.length} rows (one per alternative)`,
      Array.isArray(matrix) ? matrix.length : matrix,
    );
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== criteria.length)
      inputError(
        `matrix[${i}]`,
        `${criteria.length} values (one per criterion)`,
        Array.isArray(row) ? row.length : row,
      );
    row.forEach((v, j) => {
      if (typeof v !== "number" || !Number.isFinite(v))
        inputError(`matrix[${i}][${j}]`, "a finite number", v);
    });
  });
  return { w: criteria.map((c) => c.weight / sw), n: alternatives.length, m: criteria.length };
}

function competitionRanks(
  ids: readonly string[],
  scores: readonly number[],
): { ranking: string[]; rank: Record<string, number> } {
  const order = ids.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const rank: Record<string, number> = {};
  order.forEach((idx, pos) => {
    const prev = order[pos - 1];
    rank[ids[idx]!] =
      pos > 0 &&
      prev !== undefined &&
      Math.abs(scores[prev]! - scores[idx]!) <= TIE * Math.max(1, Math.abs(scores[idx]!))
        ? rank[ids[prev]!]!
        : pos + 1;
  });
  return { ranking: order.map((i) => ids[i]!), rank };
}

function normalise(
  matrix: readonly (readonly number[])[],
  criteria: readonly RankCriterion[],
  norm: Normalization,
  warnings: string[],
): { x: number[][]; used: boolean[] } {
  const n = matrix.length;
  const m = criteria.length;
  const x: number[][] = matrix.map(() => new Array<number>(m).fill(0));
  const used = new Array<boolean>(m).fill(true);
  for (let j = 0; j < m; j++) {
    const col = matrix.map((r) => r[j]!);
    const min = Math.min(...col);
    const max = Math.max(...col);
    if (norm === "minmax") {
      if (max - min <= 0) {
        used[j] = false;
        warnings.push(
          `criterion ${criteria[j]!.id} has the same value for every alternative: it carries no information and is skipped`,
        );
        continue;
      }
      for (let i = 0; i < n; i++)
        x[i]![j] =
          criteria[j]!.direction === "max" ? (col[i]! - min) / (max - min) : (max - col[i]!) / (max - min);
    } else {
      const norm2 = Math.sqrt(col.reduce((s, v) => s + v * v, 0));
      if (norm2 === 0 || max - min <= 0) {
        used[j] = false;
        warnings.push(
          `criterion ${criteria[j]!.id} has the same value for every alternative: it carries no information and is skipped`,
        );
        continue;
      }
      for (let i = 0; i < n; i++) x[i]![j] = col[i]! / norm2;
    }
  }
  return { x, used };
}

/**
 * Ranks alternatives by weighted sum, TOPSIS or PROMETHEE II.
 *
 * * **WSM**: Σ w_j · r_ij with r normalised (min-max by default, so min criteria are reversed; with
 *   vector normalisation min criteria enter as 1 − r).
 * * **TOPSIS**: normalise (vector or min-max, required), weight, ideal best/worst per column by
 *   direction, Euclidean distances, closeness C = d⁻/(d⁺ + d⁻) = the score.
 * * **PROMETHEE II**: π(a,b) = Σ w_j P_j(d_j), d = g(a) − g(b) (max) or g(b) − g(a) (min);
 *   φ⁺ = Σ_b π(a,b)/(m − 1), φ⁻ = Σ_b π(b,a)/(m − 1), score = net flow φ⁺ − φ⁻.
 *
 * Weights are normalised to sum 1. Ties get competition ranks ("1224"). A column with one value for
 * every alternative is skipped with a warning (WSM, TOPSIS).
 *
 * @param problem - alternatives, criteria and the decision matrix
 * @param options - method and normalisation
 * @returns scores in input order, ranking best first and competition ranks
 * @throws PmokitError `INVALID_INPUT` naming the JSON path (e.g. `matrix[2][1]`, `criteria[0].preference.p`)
 * @example
 * ```ts
 * import { rankAlternatives } from "@pmokit/portfolio";
 * const r = rankAlternatives(
 *   { alternatives: ["A1", "A2", "A3"],
 *     criteria: [{ id: "cost", weight: 1, direction: "min" }, { id: "benefit", weight: 1, direction: "max" }],
 *     matrix: [[1, 3000], [2, 3750], [5, 4500]] },
 *   { method: "topsis", normalization: "minmax" });
 * r.ranking[0]; // "A2"
 * ```
 * @category Ranking
 * @since 0.1.0
 */
export function rankAlternatives(problem: RankProblem, options: RankOptions): RankResult {
  const { w, n, m } = validate(problem);
  const warnings: string[] = [];
  const { criteria, matrix, alternatives } = problem;
  let scores: number[];
  let details: RankResult["details"];
  let normalization: Normalization | undefined;
  if (options.method === "wsm") {
    normalization = options.normalization ?? "minmax";
    const { x, used } = normalise(matrix, criteria, normalization, warnings);
    scores = x.map((row) =>
      row.reduce((s, v, j) => {
        if (!used[j]) return s;
        const r = normalization === "vector" && criteria[j]!.direction === "min" ? 1 - v : v;
        return s + w[j]! * r;
      }, 0),
    );
  } else if (options.method === "topsis") {
    if (options.normalization === undefined)
      inputError("normalization", "vector or minmax (TOPSIS results depend on it)");
    normalization = options.normalization;
    const { x, used } = normalise(matrix, criteria, normalization, warnings);
    const v = x.map((row) => row.map((val, j) => val * w[j]!));
    const best: number[] = [];
    const worst: number[] = [];
    for (let j = 0; j < m; j++) {
      const col = v.map((r) => r[j]!);
      // After min-max normalisation every column is "larger is better".
      const larger = normalization === "minmax" || criteria[j]!.direction === "max";
      best.push(larger ? Math.max(...col) : Math.min(...col));
      worst.push(larger ? Math.min(...col) : Math.max(...col));
    }
    const dPlus: number[] = [];
    const dMinus: number[] = [];
    for (let i = 0; i < n; i++) {
      let sp = 0;
      let sm = 0;
      for (let j = 0; j < m; j++) {
        if (!used[j]) continue;
        sp += (v[i]![j]! - best[j]!) ** 2;
        sm += (v[i]![j]! - worst[j]!) ** 2;
      }
      dPlus.push(Math.sqrt(sp));
      dMinus.push(Math.sqrt(sm));
    }
    scores = dPlus.map((dp, i) => (dp + dMinus[i]! === 0 ? 0.5 : dMinus[i]! / (dp + dMinus[i]!)));
    details = { dPlus, dMinus };
  } else if (options.method === "promethee2") {
    const pf = criteria.map((c, j) => checkPreference(c.preference, j));
    const pi: number[][] = matrix.map(() => new Array<number>(n).fill(0));
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        if (a === b) continue;
        let s = 0;
        for (let j = 0; j < m; j++) {
          const d =
            criteria[j]!.direction === "max"
              ? matrix[a]![j]! - matrix[b]![j]!
              : matrix[b]![j]! - matrix[a]![j]!;
          s += w[j]! * preference(pf[j]!, d);
        }
        pi[a]![b] = s;
      }
    const denom = Math.max(1, n - 1);
    const phiPlus = pi.map((row) => row.reduce((s, v) => s + v, 0) / denom);
    const phiMinus = alternatives.map((_, a) => pi.reduce((s, row) => s + row[a]!, 0) / denom);
    scores = phiPlus.map((p, i) => p - phiMinus[i]!);
    details = { phiPlus, phiMinus };
  } else {
    return inputError("method", "wsm, topsis or promethee2", options.method);
  }
  const { ranking, rank } = competitionRanks(alternatives, scores);
  return {
    method: options.method,
    ...(normalization ? { normalization } : {}),
    scores: alternatives.map((id, i) => ({ id, score: scores[i]! })),
    ranking,
    rank,
    ...(details ? { details } : {}),
    warnings,
  };
}

function checkPreference(p: PreferenceFunction | undefined, j: number): PreferenceFunction {
  if (p === undefined) return { type: "usual" };
  const path = `criteria[${j}].preference`;
  const need = (k: "q" | "p" | "s"): number => {
    const v = p[k];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (k !== "q" && v === 0))
      inputError(
        `${path}.${k}`,
        `${k === "q" ? "a non-negative" : "a positive"} number for type ${p.type}`,
        v,
      );
    return v;
  };
  switch (p.type) {
    case "usual":
      return p;
    case "u-shape":
      need("q");
      return p;
    case "v-shape":
      need("p");
      return p;
    case "level":
    case "linear": {
      const q = need("q");
      const pp = need("p");
      if (pp <= q) inputError(`${path}.p`, `a preference threshold p greater than q = ${q}`, pp);
      return p;
    }
    case "gaussian":
      need("s");
      return p;
    default:
      return inputError(
        `${path}.type`,
        "usual, u-shape, v-shape, level, linear or gaussian",
        (p as { type: unknown }).type,
      );
  }
}

function preference(f: PreferenceFunction, d: number): number {
  if (d <= 0) return 0;
  const q = f.q ?? 0;
  const p = f.p ?? 0;
  switch (f.type) {
    case "usual":
      return 1;
    case "u-shape":
      return d <= q ? 0 : 1;
    case "v-shape":
      return d <= p ? d / p : 1;
    case "level":
      return d <= q ? 0 : d <= p ? 0.5 : 1;
    case "linear":
      return d <= q ? 0 : d <= p ? (d - q) / (p - q) : 1;
    case "gaussian": {
      const s = f.s ?? 1;
      return 1 - Math.exp(-(d * d) / (2 * s * s));
    }
  }
}
