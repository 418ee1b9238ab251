import { checkFinite, checkProbability, inputError } from "../internal/errors.js";
import { normalQuantile } from "../stats/normal.js";
import type { DistributionSpec } from "./types.js";

/** Kind codes of compiled distributions. */
export const K_FIXED = 0;
export const K_TRI = 1;
export const K_UNIFORM = 2;
export const K_TABLE = 3;
export const K_NORMAL = 4;
export const K_LOGNORMAL = 5;
export const K_DISCRETE = 6;

/** Size of inverse-CDF tables (Beta-PERT). */
const TABLE_K = 4096;
const GRID_M = 8192;

/**
 * A distribution compiled for inverse-CDF sampling (plain, structured-cloneable data).
 *
 * @category Distributions
 */
export interface CompiledDistribution {
  readonly kind: number;
  /** Parameters: tri (a, c, b, (c−a)/(b−a)); uniform (a, b); normal (mean, sd); lognormal (mu, sigma); table (a, b−a). */
  readonly p: Float64Array;
  /** Inverse-CDF table (K + 1 points on [0, 1]) or discrete values. */
  readonly table?: Float64Array;
  /** Discrete cumulative probabilities. */
  readonly cum?: Float64Array;
}

/**
 * Converts a Trigen specification (low and high percentiles plus mode) into the equivalent
 * triangle (min, max) by fixed-point iteration on (L − a)² = pL(b − a)(c − a) and
 * (b − H)² = (1 − pH)(b − a)(b − c).
 *
 * @param low - the value at probability `lowP`
 * @param mode - the most likely value
 * @param high - the value at probability `highP`
 * @param lowP - probability of `low` (default 0.1)
 * @param highP - probability of `high` (default 0.9)
 * @returns the triangle `{ min, mode, max }`
 * @throws PmokitError `INVALID_INPUT` unless low ≤ mode ≤ high, low < high, 0 < lowP < highP < 1
 * @example
 * ```ts
 * trigenToTriangular(90, 100, 110); // { min: 81.90983, mode: 100, max: 118.09017 }
 * ```
 * @category Distributions
 */
export function trigenToTriangular(
  low: number,
  mode: number,
  high: number,
  lowP = 0.1,
  highP = 0.9,
  path = "trigen",
): { min: number; mode: number; max: number } {
  checkFinite(low, `${path}.p10`);
  checkFinite(mode, `${path}.mode`);
  checkFinite(high, `${path}.p90`);
  if (!(lowP > 0 && lowP < highP && highP < 1))
    inputError(`${path}.lowP`, "0 < lowP < highP < 1", `${lowP}, ${highP}`);
  if (!(low <= mode && mode <= high && low < high))
    inputError(path, "p10 <= mode <= p90 and p10 < p90", `${low}, ${mode}, ${high}`);
  const q = 1 - highP;
  const w = high - low;
  let a = low - w;
  let b = high + w;
  for (let it = 0; it < 10000; it++) {
    const na = low - Math.sqrt(lowP * (b - a) * (mode - a));
    const nb = high + Math.sqrt(q * (b - a) * (b - mode));
    const done = Math.abs(na - a) + Math.abs(nb - b) < 1e-13 * (1 + Math.abs(a) + Math.abs(b));
    a = na;
    b = nb;
    if (done) break;
  }
  return { min: a, mode, max: b };
}

function betaTable(alpha: number, beta: number): Float64Array {
  // Cumulative trapezoid of the Beta pdf on a fine grid, normalised, then inverted onto a uniform
  // probability grid (linear interpolation). α, β ≥ 1 for every Beta-PERT with λ ≥ 0.
  const cdf = new Float64Array(GRID_M + 1);
  let prev = alpha === 1 ? 1 : 0;
  if (beta < 1 || alpha < 1) prev = 0;
  for (let k = 1; k <= GRID_M; k++) {
    const x = k / GRID_M;
    const f = Math.pow(x, alpha - 1) * Math.pow(1 - x, beta - 1);
    const fx = Number.isFinite(f) ? f : 0;
    cdf[k] = cdf[k - 1]! + (prev + fx) / 2;
    prev = fx;
  }
  const total = cdf[GRID_M]!;
  const q = new Float64Array(TABLE_K + 1);
  let k = 0;
  for (let j = 1; j < TABLE_K; j++) {
    const target = (j / TABLE_K) * total;
    while (k < GRID_M && cdf[k + 1]! < target) k++;
    const lo = cdf[k]!;
    const hi = cdf[k + 1]!;
    const frac = hi > lo ? (target - lo) / (hi - lo) : 0;
    q[j] = (k + frac) / GRID_M;
  }
  q[0] = 0;
  q[TABLE_K] = 1;
  return q;
}

/**
 * Validates and compiles a distribution for sampling.
 *
 * @param spec - the distribution
 * @param path - JSON path used in error messages
 * @param cache - optional cache of Beta tables keyed by shape
 * @returns the compiled distribution
 * @throws PmokitError `INVALID_INPUT` naming the path: min > mode, mode > max, negative sd,
 *   probabilities outside [0, 1] or not summing to 1, non-finite numbers
 * @category Distributions
 */
export function compileDistribution(
  spec: DistributionSpec,
  path = "distribution",
  cache?: Map<string, Float64Array>,
): CompiledDistribution {
  if (typeof spec === "number") {
    checkFinite(spec, path);
    return { kind: K_FIXED, p: Float64Array.of(spec) };
  }
  if (typeof spec !== "object" || spec === null) inputError(path, "a number or a distribution object", spec);
  const minModeMax = (min: number, mode: number, max: number): void => {
    checkFinite(min, `${path}.min`);
    checkFinite(mode, `${path}.mode`);
    checkFinite(max, `${path}.max`);
    if (!(min <= mode)) inputError(`${path}.min`, `min <= mode (${mode})`, min);
    if (!(mode <= max)) inputError(`${path}.max`, `max >= mode (${mode})`, max);
  };
  switch (spec.dist) {
    case "fixed":
      checkFinite(spec.value, `${path}.value`);
      return { kind: K_FIXED, p: Float64Array.of(spec.value) };
    case "triangular": {
      minModeMax(spec.min, spec.mode, spec.max);
      return triCompiled(spec.min, spec.mode, spec.max);
    }
    case "trigen": {
      const t = trigenToTriangular(spec.p10, spec.mode, spec.p90, spec.lowP ?? 0.1, spec.highP ?? 0.9, path);
      return triCompiled(t.min, t.mode, t.max);
    }
    case "pert": {
      minModeMax(spec.min, spec.mode, spec.max);
      const lambda = spec.lambda ?? 4;
      if (!(Number.isFinite(lambda) && lambda >= 0)) inputError(`${path}.lambda`, "a number >= 0", lambda);
      const w = spec.max - spec.min;
      if (w === 0) return { kind: K_FIXED, p: Float64Array.of(spec.min) };
      const alpha = 1 + (lambda * (spec.mode - spec.min)) / w;
      const beta = 1 + (lambda * (spec.max - spec.mode)) / w;
      const key = `${alpha},${beta}`;
      let table = cache?.get(key);
      if (!table) {
        table = betaTable(alpha, beta);
        cache?.set(key, table);
      }
      return { kind: K_TABLE, p: Float64Array.of(spec.min, w), table };
    }
    case "uniform":
      checkFinite(spec.min, `${path}.min`);
      checkFinite(spec.max, `${path}.max`);
      if (!(spec.min <= spec.max)) inputError(`${path}.max`, `max >= min (${spec.min})`, spec.max);
      return { kind: K_UNIFORM, p: Float64Array.of(spec.min, spec.max - spec.min) };
    case "normal":
      checkFinite(spec.mean, `${path}.mean`);
      checkFinite(spec.sd, `${path}.sd`);
      if (!(spec.sd >= 0)) inputError(`${path}.sd`, "sd >= 0", spec.sd);
      return { kind: K_NORMAL, p: Float64Array.of(spec.mean, spec.sd) };
    case "lognormal":
      checkFinite(spec.mu, `${path}.mu`);
      checkFinite(spec.sigma, `${path}.sigma`);
      if (!(spec.sigma >= 0)) inputError(`${path}.sigma`, "sigma >= 0", spec.sigma);
      return { kind: K_LOGNORMAL, p: Float64Array.of(spec.mu, spec.sigma) };
    case "discrete": {
      if (!Array.isArray(spec.values) || spec.values.length === 0)
        inputError(`${path}.values`, "a non-empty array of [value, probability]", spec.values);
      const values = new Float64Array(spec.values.length);
      const cum = new Float64Array(spec.values.length);
      let s = 0;
      spec.values.forEach((pair, i) => {
        if (!Array.isArray(pair) || pair.length !== 2)
          inputError(`${path}.values[${i}]`, "a [value, probability] pair", pair);
        checkFinite(pair[0], `${path}.values[${i}][0]`);
        checkProbability(pair[1], `${path}.values[${i}][1]`);
        values[i] = pair[0];
        s += pair[1];
        cum[i] = s;
      });
      if (Math.abs(s - 1) > 1e-9) inputError(`${path}.values`, "probabilities summing to 1", s);
      cum[cum.length - 1] = 1;
      return { kind: K_DISCRETE, p: new Float64Array(0), table: values, cum };
    }
    default:
      return inputError(
        `${path}.dist`,
        "one of fixed, triangular, pert, uniform, trigen, normal, lognormal, discrete",
        (spec as { dist?: unknown }).dist,
      );
  }
}

function triCompiled(a: number, c: number, b: number): CompiledDistribution {
  if (b === a) return { kind: K_FIXED, p: Float64Array.of(a) };
  return { kind: K_TRI, p: Float64Array.of(a, c, b, (c - a) / (b - a)) };
}

/**
 * Inverse CDF of a compiled distribution at u ∈ (0, 1).
 *
 * @category Distributions
 */
export function inverseCdf(d: CompiledDistribution, u: number): number {
  const p = d.p;
  switch (d.kind) {
    case K_FIXED:
      return p[0]!;
    case K_TRI: {
      const a = p[0]!;
      const c = p[1]!;
      const b = p[2]!;
      return u < p[3]! ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case K_UNIFORM:
      return p[0]! + u * p[1]!;
    case K_TABLE: {
      const t = d.table!;
      const x = u * TABLE_K;
      const j = Math.min(TABLE_K - 1, Math.floor(x));
      return p[0]! + p[1]! * (t[j]! + (x - j) * (t[j + 1]! - t[j]!));
    }
    case K_NORMAL:
      return p[0]! + p[1]! * normalQuantile(u);
    case K_LOGNORMAL:
      return Math.exp(p[0]! + p[1]! * normalQuantile(u));
    default: {
      const cum = d.cum!;
      let k = 0;
      while (k < cum.length - 1 && u > cum[k]!) k++;
      return d.table![k]!;
    }
  }
}

/**
 * Maps `n` uniforms to samples: `out[off + i·stride] = F⁻¹(u[i])` (hot path).
 *
 * @category Distributions
 */
export function mapSamples(
  d: CompiledDistribution,
  u: Float64Array,
  n: number,
  out: Float64Array,
  off: number,
  stride: number,
): void {
  const p = d.p;
  if (d.kind === K_FIXED) {
    const v = p[0]!;
    for (let i = 0; i < n; i++) out[off + i * stride] = v;
  } else if (d.kind === K_TRI) {
    const a = p[0]!;
    const b = p[2]!;
    const fc = p[3]!;
    const kl = (b - a) * (p[1]! - a);
    const kr = (b - a) * (b - p[1]!);
    for (let i = 0; i < n; i++) {
      const x = u[i]!;
      out[off + i * stride] = x < fc ? a + Math.sqrt(x * kl) : b - Math.sqrt((1 - x) * kr);
    }
  } else if (d.kind === K_UNIFORM) {
    const a = p[0]!;
    const w = p[1]!;
    for (let i = 0; i < n; i++) out[off + i * stride] = a + u[i]! * w;
  } else if (d.kind === K_TABLE) {
    const t = d.table!;
    const a = p[0]!;
    const w = p[1]!;
    for (let i = 0; i < n; i++) {
      const x = u[i]! * TABLE_K;
      const j = x | 0;
      out[off + i * stride] = a + w * (t[j]! + (x - j) * (t[j + 1]! - t[j]!));
    }
  } else {
    for (let i = 0; i < n; i++) out[off + i * stride] = inverseCdf(d, u[i]!);
  }
}

/**
 * Exact mean and variance of a distribution (Beta-PERT: the Beta moments).
 *
 * @param spec - the distribution
 * @returns `{ mean, variance }`
 * @example
 * ```ts
 * distributionMoments({ dist: "pert", min: 0, mode: 5, max: 10 }); // { mean: 5, variance: 3.5714 }
 * ```
 * @category Distributions
 */
export function distributionMoments(spec: DistributionSpec): { mean: number; variance: number } {
  if (typeof spec === "number") return { mean: spec, variance: 0 };
  compileDistribution(spec);
  switch (spec.dist) {
    case "fixed":
      return { mean: spec.value, variance: 0 };
    case "triangular":
    case "trigen": {
      const t =
        spec.dist === "trigen"
          ? trigenToTriangular(spec.p10, spec.mode, spec.p90, spec.lowP, spec.highP)
          : spec;
      const { min: a, mode: c, max: b } = t;
      return { mean: (a + b + c) / 3, variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18 };
    }
    case "pert": {
      const l = spec.lambda ?? 4;
      const w = spec.max - spec.min;
      if (w === 0) return { mean: spec.min, variance: 0 };
      const al = 1 + (l * (spec.mode - spec.min)) / w;
      const be = 1 + (l * (spec.max - spec.mode)) / w;
      const m = al / (al + be);
      return { mean: spec.min + w * m, variance: (w * w * al * be) / ((al + be) ** 2 * (al + be + 1)) };
    }
    case "uniform":
      return { mean: (spec.min + spec.max) / 2, variance: (spec.max - spec.min) ** 2 / 12 };
    case "normal":
      return { mean: spec.mean, variance: spec.sd * spec.sd };
    case "lognormal": {
      const s2 = spec.sigma * spec.sigma;
      return { mean: Math.exp(spec.mu + s2 / 2), variance: (Math.exp(s2) - 1) * Math.exp(2 * spec.mu + s2) };
    }
    case "discrete": {
      let m = 0;
      let m2 = 0;
      for (const [v, p] of spec.values) {
        m += v * p;
        m2 += v * v * p;
      }
      return { mean: m, variance: m2 - m * m };
    }
  }
}

/**
 * Quantile (inverse CDF) of a distribution at probability p (Beta-PERT by its inverse-CDF table,
 * accurate to about 1e-4 of the range).
 *
 * @param spec - the distribution
 * @param p - probability in [0, 1]
 * @returns the p-quantile
 * @category Distributions
 */
export function distributionQuantile(spec: DistributionSpec, p: number): number {
  checkProbability(p, "p");
  const d = compileDistribution(spec);
  return inverseCdf(d, Math.min(1, Math.max(0, p)));
}
