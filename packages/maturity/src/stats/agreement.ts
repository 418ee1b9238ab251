import { PmokitError } from "@pmokit/core";

/**
 * Sample standard deviation (n − 1 denominator); 0 for fewer than two values.
 *
 * @param values - the ratings
 * @returns the sample SD
 * @example
 * ```ts
 * sampleSd([4, 4, 5, 3, 4]); // 0.7071…
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function sampleSd(values: readonly number[]): number {
  return Math.sqrt(sampleVariance(values));
}

function sampleVariance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = values.reduce((a, b) => a + b, 0) / n;
  return values.reduce((a, v) => a + (v - m) ** 2, 0) / (n - 1);
}

/**
 * Within-group agreement rwg (James, Demaree & Wolf 1984) of several judges on one item rated on
 * `options` ordered categories (positions 1…A): 1 − s² ÷ σ²_null, where s² is the sample variance
 * and σ²_null is the uniform ("rectangular") variance (A² − 1)/12 or, with `null: "maxDissensus"`
 * (Lindell et al.), the variance of half the judges at each extreme, (A − 1)²/4. Negative values
 * (more spread than the null) are truncated to 0, as James et al. recommend.
 *
 * @param ratings - positions 1…A (at least two judges)
 * @param options - number of categories A (≥ 2)
 * @param nullDistribution - `uniform` (default) or `maxDissensus`
 * @returns rwg in [0, 1], or `undefined` for fewer than two judges
 * @throws PmokitError `INVALID_INPUT` when A < 2
 * @example
 * ```ts
 * rwg([4, 4, 5, 3, 4], 5); // 1 − 0.5 / 2 = 0.75
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function rwg(
  ratings: readonly number[],
  options: number,
  nullDistribution: "uniform" | "maxDissensus" = "uniform",
): number | undefined {
  if (options < 2)
    throw new PmokitError("INVALID_INPUT", "rwg needs at least two categories", { expected: ">= 2" });
  if (ratings.length < 2) return undefined;
  const sigma = nullDistribution === "uniform" ? (options * options - 1) / 12 : (options - 1) ** 2 / 4;
  return Math.min(1, Math.max(0, 1 - sampleVariance(ratings) / sigma));
}

/**
 * Average deviation index AD (Burke, Finkelstein & Dusig 1999): mean absolute deviation of the
 * ratings from their mean (or median), in scale units. Burke & Dunlap (2002) suggest AD ≤ A/6 as
 * acceptable agreement (0.83 for five categories).
 *
 * @param ratings - ratings in scale units
 * @param around - `mean` (default, AD_M) or `median` (AD_Md)
 * @returns the AD index, or `undefined` for no ratings
 * @example
 * ```ts
 * adIndex([4, 4, 5, 3, 4]); // 0.4
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function adIndex(ratings: readonly number[], around: "mean" | "median" = "mean"): number | undefined {
  const n = ratings.length;
  if (n === 0) return undefined;
  const c = around === "mean" ? ratings.reduce((a, b) => a + b, 0) / n : median(ratings);
  return ratings.reduce((a, v) => a + Math.abs(v - c), 0) / n;
}

/** Median of a non-empty list (mean of the two middle values for even n). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/**
 * Difference function of Krippendorff's α.
 *
 * @category Statistics
 * @since 0.1.0
 */
export type AlphaLevel = "nominal" | "ordinal" | "interval" | "ratio";

/**
 * Krippendorff's α for any number of raters with missing data (Krippendorff 2011, "Computing
 * Krippendorff's alpha-reliability"): α = 1 − D_o / D_e from the coincidence matrix. Units with
 * fewer than two values are not pairable and are ignored.
 *
 * @param data - `data[rater][unit]`, `null`/`undefined`/`NaN` for a missing value
 * @param level - `nominal`, `ordinal`, `interval` (default) or `ratio`
 * @returns α (1 perfect agreement, 0 chance), or `undefined` when fewer than two pairable values
 *   exist or every value is the same (no expected disagreement)
 * @example
 * ```ts
 * krippendorffAlpha([[1, 2, 3], [1, 2, 4]], "interval");
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function krippendorffAlpha(
  data: readonly (readonly (number | null | undefined)[])[],
  level: AlphaLevel = "interval",
): number | undefined {
  const units = Math.max(0, ...data.map((r) => r.length));
  // Distinct values and the coincidence matrix o[c][k].
  const pairable: number[][] = [];
  for (let u = 0; u < units; u++) {
    const vals: number[] = [];
    for (const rater of data) {
      const v = rater[u];
      if (v !== null && v !== undefined && !Number.isNaN(v)) vals.push(v);
    }
    if (vals.length >= 2) pairable.push(vals);
  }
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  if (values.length === 0) return undefined;
  const idx = new Map(values.map((v, i) => [v, i]));
  const V = values.length;
  const o: number[][] = values.map(() => new Array<number>(V).fill(0));
  for (const vals of pairable) {
    const m = vals.length;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        o[idx.get(vals[i]!)!]![idx.get(vals[j]!)!]! += 1 / (m - 1);
      }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  if (n < 2) return undefined;
  const delta2 = (c: number, k: number): number => {
    const vc = values[c]!;
    const vk = values[k]!;
    switch (level) {
      case "nominal":
        return c === k ? 0 : 1;
      case "interval":
        return (vc - vk) ** 2;
      case "ratio":
        return vc + vk === 0 ? 0 : ((vc - vk) / (vc + vk)) ** 2;
      case "ordinal": {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        let s = 0;
        for (let g = lo; g <= hi; g++) s += nc[g]!;
        return (s - (nc[c]! + nc[k]!) / 2) ** 2;
      }
    }
  };
  let Do = 0;
  let De = 0;
  for (let c = 0; c < V; c++)
    for (let k = 0; k < V; k++) {
      const d = delta2(c, k);
      Do += o[c]![k]! * d;
      De += nc[c]! * nc[k]! * d;
    }
  if (De === 0) return undefined;
  return 1 - ((n - 1) * Do) / De;
}
