/**
 * A duration, impact or cost distribution, always with the parameter order (min, mode, max).
 * A bare number is a fixed value.
 *
 * - `triangular`: min, mode, max.
 * - `pert`: Beta-PERT with shape λ (default 4): α = 1 + λ(mode − min)/(max − min),
 *   β = 1 + λ(max − mode)/(max − min); mean (min + λ·mode + max)/(λ + 2). Its variance is the
 *   exact Beta variance ((μ − min)(max − μ)/(λ + 3) for λ = 4), **not** the textbook ((max − min)/6)².
 * - `uniform`: min, max.
 * - `trigen`: a triangle given by its P-low, mode and P-high (default P10/P90); converted once to
 *   the triangle with the same P-low / P-high (see {@link trigenToTriangular}).
 * - `normal`: mean, sd. `lognormal`: mu, sigma of the underlying normal (median = e^mu).
 * - `discrete`: `[value, probability]` pairs, probabilities summing to 1.
 *
 * @category Distributions
 */
export type DistributionSpec =
  | number
  | { readonly dist: "fixed"; readonly value: number }
  | { readonly dist: "triangular"; readonly min: number; readonly mode: number; readonly max: number }
  | {
      readonly dist: "pert";
      readonly min: number;
      readonly mode: number;
      readonly max: number;
      readonly lambda?: number;
    }
  | { readonly dist: "uniform"; readonly min: number; readonly max: number }
  | {
      readonly dist: "trigen";
      readonly p10: number;
      readonly mode: number;
      readonly p90: number;
      /** Probability of the low value, default 0.1. */
      readonly lowP?: number;
      /** Probability of the high value, default 0.9. */
      readonly highP?: number;
    }
  | { readonly dist: "normal"; readonly mean: number; readonly sd: number }
  | { readonly dist: "lognormal"; readonly mu: number; readonly sigma: number }
  | { readonly dist: "discrete"; readonly values: readonly (readonly [number, number])[] };
