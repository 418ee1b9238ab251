import { inputError } from "../internal/errors.js";
import type { QuantileMethod } from "../stats/quantile.js";
import { quantileSorted } from "../stats/quantile.js";
import { summarize } from "./simulate.js";
import type { DistributionSummary } from "./simulate.js";

/**
 * Samples of one project for a portfolio roll-up (same iteration count for every project).
 *
 * @category Simulation
 */
export interface ProjectSamples {
  readonly id: string;
  readonly cost?: ArrayLike<number>;
  readonly finish?: ArrayLike<number>;
}

/**
 * Portfolio roll-up result.
 *
 * @category Simulation
 */
export interface PortfolioRollUp {
  /** Distribution of the per-iteration sum of project costs. */
  readonly cost: DistributionSummary | null;
  /** Distribution of the per-iteration latest project finish. */
  readonly finish: DistributionSummary | null;
  /** Sum of each project's cost at `percentile`: shown for contrast; it is **not** the portfolio's percentile. */
  readonly sumOfProjectPercentiles: number | null;
  readonly percentile: number;
}

/**
 * Rolls up projects into a portfolio by summing per-iteration samples (cost) and taking the
 * per-iteration maximum (finish). Percentiles never add: the P80 of a sum is below the sum of the
 * P80s unless the projects are perfectly correlated.
 *
 * @param projects - per-project samples (same length)
 * @param percentile - percentile for the contrast figure (default 0.8)
 * @param method - quantile rule
 * @returns the roll-up
 * @throws PmokitError `INVALID_INPUT` when sample counts differ
 * @example
 * ```ts
 * rollUpPortfolio([{ id: "A", cost: a.samples!.cost }, { id: "B", cost: b.samples!.cost }]).cost?.p80;
 * ```
 * @category Simulation
 */
export function rollUpPortfolio(
  projects: readonly ProjectSamples[],
  percentile = 0.8,
  method: QuantileMethod = "inverse-cdf",
): PortfolioRollUp {
  const withCost = projects.filter((p) => p.cost);
  const withFinish = projects.filter((p) => p.finish);
  const N = withCost[0]?.cost?.length ?? withFinish[0]?.finish?.length ?? 0;
  projects.forEach((p, i) => {
    for (const k of ["cost", "finish"] as const) {
      const s = p[k];
      if (s && s.length !== N)
        inputError(`projects[${i}].${k}`, `${N} samples (same iterations for every project)`, s.length);
    }
  });
  let cost: DistributionSummary | null = null;
  let sumP: number | null = null;
  if (withCost.length > 0) {
    const total = new Float64Array(N);
    sumP = 0;
    for (const p of withCost) {
      const c = p.cost!;
      for (let i = 0; i < N; i++) total[i]! += c[i]!;
      sumP += quantileSorted(Float64Array.from(c).sort(), percentile, method);
    }
    cost = summarize(total, method);
  }
  let finish: DistributionSummary | null = null;
  if (withFinish.length > 0) {
    const mx = new Float64Array(N).fill(-Infinity);
    for (const p of withFinish) {
      const f = p.finish!;
      for (let i = 0; i < N; i++) if (f[i]! > mx[i]!) mx[i] = f[i]!;
    }
    finish = summarize(mx, method);
  }
  return { cost, finish, sumOfProjectPercentiles: sumP, percentile };
}
