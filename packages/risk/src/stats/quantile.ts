/**
 * Quantile rules. The engine's P-values use `"inverse-cdf"` (Hyndman–Fan type 1): the smallest
 * sample value x with empirical F(x) ≥ p, i.e. x₍⌈pN⌉₎ (1-based; p = 0 gives the minimum). It is
 * "the value by which p of the iterations finished" and it never invents values between atoms
 * (a discrete duration's P80 is one of its values). `"linear"` is type 7 (NumPy/Excel
 * PERCENTILE.INC default).
 *
 * @category Statistics
 */
export type QuantileMethod = "inverse-cdf" | "linear";

/**
 * Quantile of ascending-sorted data.
 *
 * @param sorted - ascending values (not checked)
 * @param p - probability in [0, 1]
 * @param method - quantile rule, default `"inverse-cdf"`
 * @returns the p-quantile (NaN for empty data)
 * @example
 * ```ts
 * quantileSorted([1,2,3,4,5,6,7,8,9,10], 0.8); // 8; "linear" gives 8.2
 * ```
 * @category Statistics
 */
export function quantileSorted(
  sorted: ArrayLike<number>,
  p: number,
  method: QuantileMethod = "inverse-cdf",
): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (method === "linear") {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(n - 1, lo + 1);
    return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
  }
  // Guard against p·N landing a hair above an integer because of binary rounding (0.8 · 10).
  const k = Math.ceil(p * n - 1e-9 * n);
  return sorted[Math.min(n - 1, Math.max(0, k - 1))]!;
}

/** Ascending sorted copy as a Float64Array. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const a = Float64Array.from(values as ArrayLike<number>);
  a.sort();
  return a;
}

/** Mean and standard deviation (sample, n − 1) by Welford's algorithm. */
export function meanSd(values: ArrayLike<number>): { mean: number; sd: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const d = x - mean;
    mean += d / (i + 1);
    m2 += d * (x - mean);
  }
  return { mean, sd: values.length > 1 ? Math.sqrt(m2 / (values.length - 1)) : 0 };
}

/** Pearson correlation; NaN when either variable has zero variance. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  const mx = meanSd(x).mean;
  const my = meanSd(y).mean;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx <= 0 || syy <= 0) return Number.NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/** Average ranks (1-based, ties share the mean rank). */
export function ranks(values: ArrayLike<number>): Float64Array {
  // Native typed-array sort, then binary searches: average rank = (first + last index of x) / 2 + 1.
  const n = values.length;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (sorted[m]! < x) lo = m + 1;
      else hi = m;
    }
    let a = lo;
    hi = n;
    while (a < hi) {
      const m = (a + hi) >>> 1;
      if (sorted[m]! <= x) a = m + 1;
      else hi = m;
    }
    r[i] = (lo + a - 1) / 2 + 1;
  }
  return r;
}

/** Spearman rank correlation (Pearson on average ranks); NaN for zero variance. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(ranks(x), ranks(y));
}
