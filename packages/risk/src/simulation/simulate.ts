import { inputError } from "../internal/errors.js";
import { quantileSorted, ranks } from "../stats/quantile.js";
import type { QuantileMethod } from "../stats/quantile.js";
import { compileModel } from "./compile.js";
import type { CompiledModel, CompileOptions, SimulationWarning } from "./compile.js";
import { runBlock } from "./kernel.js";
import type { BlockResult, KernelOptions } from "./kernel.js";
import type { RiskModel } from "./model.js";

/**
 * Options of {@link simulate}.
 *
 * @category Simulation
 */
export interface SimulateOptions extends CompileOptions {
  /** Iterations (default 10,000); the maximum when convergence stopping is on. */
  readonly iterations?: number;
  /** Seed (a non-negative integer, default 1). Same seed, same model → bit-identical results. */
  readonly seed?: number;
  /** Iterations per random-stream block (default 1,000). Part of the result's identity: results
   * are identical for any thread count, not for any block size. Correlation is applied per block. */
  readonly blockSize?: number;
  /** Latin hypercube sampling within each block (default false). */
  readonly latinHypercube?: boolean;
  /** Count criticality (backward pass per iteration; default true). */
  readonly criticality?: boolean;
  /** Spearman cruciality: needs every sampled duration (n × N floats). Default `"auto"`: on when n·N ≤ 2,000,000. */
  readonly spearman?: boolean | "auto";
  /** Risk impact by exclusion with common random numbers (one forward pass per risk; default true). */
  readonly riskExclusion?: boolean;
  /** `"bernoulli"` (default): a risk occurs or not per iteration; `"scaled"`: p × impact every iteration (Acumen-style, narrower tails). */
  readonly occurrence?: "bernoulli" | "scaled";
  /** Quantile rule for P-values (default `"inverse-cdf"`, R-1). */
  readonly quantileMethod?: QuantileMethod;
  /** Percentile used for risk impact by exclusion and the JCL targets (default 0.8). */
  readonly percentile?: number;
  /** Targets of the joint confidence level (default: the cost and finish at `percentile`). */
  readonly jclTargets?: { readonly finish?: number; readonly cost?: number };
  /** Stop when the finish mean and P80 change by less than `tolerance` (relative) between two consecutive blocks, after at least `minIterations`. */
  readonly convergence?: { readonly tolerance?: number; readonly minIterations?: number };
  /** Criticality float tolerance in days (default 1e-6). */
  readonly floatTolerance?: number;
  /** Keep the per-iteration finish and cost samples in the result (for portfolio roll-ups and JCL). */
  readonly keepSamples?: boolean;
}

/**
 * Summary of a sampled distribution. P-values follow the result's `quantileMethod`.
 *
 * @category Simulation
 */
export interface DistributionSummary {
  readonly mean: number;
  readonly sd: number;
  readonly p10: number;
  readonly p50: number;
  readonly p80: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
  /** P5, P10, …, P95 by 5 %. */
  readonly percentiles: readonly { readonly p: number; readonly value: number }[];
}

/**
 * Per-activity results. Cruciality is |correlation(duration, project finish)|; `null` when the
 * activity's or the project's duration does not vary (undefined, not 0).
 *
 * @category Simulation
 */
export interface ActivityResult {
  readonly id: string;
  /** Share of iterations with total float ≤ the tolerance. */
  readonly criticality: number;
  /** |Pearson correlation| of duration and project finish. */
  readonly cruciality: number | null;
  /** |Spearman correlation|, when computed. */
  readonly crucialitySpearman: number | null;
  /** Signed Pearson correlation (tornado data). */
  readonly correlation: number | null;
  /** Schedule sensitivity index: CI × σ(duration) / σ(finish). */
  readonly sensitivity: number | null;
  readonly meanDuration: number;
  readonly sdDuration: number;
}

/**
 * Merge bias at a merge point: E[max of the incoming link dates] − max of their expectations.
 *
 * @category Simulation
 */
export interface MergePointResult {
  readonly id: string;
  readonly predecessors: readonly string[];
  readonly expectedMax: number;
  readonly maxOfExpected: number;
  readonly mergeBias: number;
}

/**
 * Per-risk results; impacts by exclusion with common random numbers (all risks − all but this one).
 *
 * @category Simulation
 */
export interface RiskResult {
  readonly id: string;
  /** Iterations in which the risk occurred. */
  readonly occurrences: number;
  /** Mean finish shift in days attributable to the risk. */
  readonly meanImpactDays: number;
  /** Shift of the finish at the chosen percentile (default P80). */
  readonly percentileImpactDays: number;
  /** Mean cost shift attributable to the risk. */
  readonly meanImpactCost: number;
  readonly percentileImpactCost: number;
}

/**
 * Result of {@link simulate}: JSON-serialisable unless `keepSamples` was set.
 *
 * @category Simulation
 */
export interface SimulationResult {
  readonly iterations: number;
  readonly seed: number;
  readonly blockSize: number;
  readonly sampling: "monte-carlo" | "latin-hypercube";
  readonly quantileMethod: QuantileMethod;
  readonly converged: boolean | null;
  readonly finish: DistributionSummary;
  /** CPM finish with most likely durations and no risks. */
  readonly deterministicFinish: number;
  /** P(finish ≤ deterministic finish). */
  readonly probabilityOfDeterministicFinish: number;
  readonly cost: DistributionSummary | null;
  readonly jcl: {
    readonly finishTarget: number;
    readonly costTarget: number;
    readonly probability: number;
  } | null;
  readonly activities: readonly ActivityResult[];
  readonly mergePoints: readonly MergePointResult[];
  readonly risks: readonly RiskResult[];
  readonly branches: readonly { readonly id: string; readonly taken: readonly number[] }[];
  readonly histogram: Histogram;
  readonly warnings: readonly SimulationWarning[];
  /** Per-iteration samples, with `keepSamples` (activity durations also need Spearman storage). */
  readonly samples?: {
    readonly finish: Float64Array;
    readonly cost: Float64Array;
    readonly durations?: Readonly<Record<string, Float64Array>>;
  };
}

/**
 * Equal-width histogram.
 *
 * @category Simulation
 */
export interface Histogram {
  readonly start: number;
  readonly width: number;
  readonly counts: readonly number[];
}

/**
 * Equal-width histogram of samples.
 *
 * @param samples - values
 * @param bins - number of bins (default 20)
 * @returns the histogram
 * @category Simulation
 */
export function histogram(samples: ArrayLike<number>, bins = 20): Histogram {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (samples.length === 0) return { start: 0, width: 0, counts: [] };
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(hi > lo ? bins : 1).fill(0);
  for (let i = 0; i < samples.length; i++) {
    const k = Math.min(counts.length - 1, Math.floor((samples[i]! - lo) / width));
    counts[k]!++;
  }
  return { start: lo, width, counts };
}

/**
 * Summarises samples (mean, sd with n − 1, P-values by the given rule).
 *
 * @param samples - values
 * @param method - quantile rule (default R-1 inverse CDF)
 * @returns the summary
 * @category Simulation
 */
export function summarize(
  samples: ArrayLike<number>,
  method: QuantileMethod = "inverse-cdf",
): DistributionSummary {
  const s = Float64Array.from(samples as ArrayLike<number>).sort();
  const n = s.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += s[i]!;
  mean /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (s[i]! - mean) ** 2;
  const q = (p: number): number => quantileSorted(s, p, method);
  const percentiles = Array.from({ length: 19 }, (_, k) => ({ p: (k + 1) * 0.05, value: q((k + 1) * 0.05) }));
  return {
    mean,
    sd: n > 1 ? Math.sqrt(v / (n - 1)) : 0,
    p10: q(0.1),
    p50: q(0.5),
    p80: q(0.8),
    p90: q(0.9),
    min: s[0]!,
    max: s[n - 1]!,
    percentiles,
  };
}

/**
 * Joint confidence level: share of iterations with cost ≤ `costTarget` and finish ≤ `finishTarget`.
 *
 * @param cost - per-iteration cost samples
 * @param finish - per-iteration finish samples (same iterations)
 * @returns the probability
 * @category Simulation
 */
export function jointConfidence(
  cost: ArrayLike<number>,
  finish: ArrayLike<number>,
  costTarget: number,
  finishTarget: number,
): number {
  if (cost.length !== finish.length) inputError("finish", `${cost.length} samples like cost`, finish.length);
  let c = 0;
  for (let i = 0; i < cost.length; i++) if (cost[i]! <= costTarget && finish[i]! <= finishTarget) c++;
  return c / cost.length;
}

/** @internal Resolved kernel options and plan. */
export interface SimulationPlan {
  readonly kernel: KernelOptions;
  readonly iterations: number;
  readonly blocks: number;
}

/**
 * The run options every Monte Carlo entry point takes, with defaults applied and checked: an
 * `INVALID_INPUT` error names the first bad one.
 *
 * @internal
 */
export function runOptions(
  options: {
    readonly iterations?: number | undefined;
    readonly seed?: number | undefined;
    readonly blockSize?: number | undefined;
    readonly percentile?: number | undefined;
  },
  defaultIterations: number,
): { iterations: number; seed: number; blockSize: number; percentile: number } {
  const iterations = options.iterations ?? defaultIterations;
  if (!Number.isInteger(iterations) || iterations < 1)
    inputError("iterations", "an integer >= 1", iterations);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER)
    inputError("seed", "a non-negative safe integer", seed);
  const blockSize = options.blockSize ?? 1000;
  if (!Number.isInteger(blockSize) || blockSize < 1) inputError("blockSize", "an integer >= 1", blockSize);
  const percentile = options.percentile ?? 0.8;
  if (!(percentile > 0 && percentile < 1)) inputError("percentile", "a probability in (0, 1)", percentile);
  return { iterations, seed, blockSize, percentile };
}

/** @internal */
export function planSimulation(cm: CompiledModel, options: SimulateOptions): SimulationPlan {
  const { iterations, seed, blockSize } = runOptions(options, 10000);
  const spearman = options.spearman ?? "auto";
  return {
    iterations,
    blocks: Math.ceil(iterations / blockSize),
    kernel: {
      seed,
      blockSize,
      latinHypercube: options.latinHypercube ?? false,
      criticality: options.criticality ?? true,
      storeDurations: spearman === "auto" ? cm.net.n * iterations <= 2_000_000 : spearman,
      riskExclusion: options.riskExclusion ?? true,
      occurrence: options.occurrence ?? "bernoulli",
      floatTolerance: options.floatTolerance ?? 1e-6,
    },
  };
}

/** @internal Block size of block b. */
export function blockCount(plan: SimulationPlan, b: number): number {
  return Math.min(plan.kernel.blockSize, plan.iterations - b * plan.kernel.blockSize);
}

/**
 * @internal Convergence tracker: feed blocks in order; says when to stop.
 */
export class ConvergenceTracker {
  private finishes: number[] = [];
  private prev: [number, number] | null = null;
  private stable = 0;
  private readonly tol: number;
  private readonly min: number;
  converged: boolean | null;

  constructor(options: SimulateOptions) {
    this.tol = options.convergence?.tolerance ?? 0.001;
    this.min = options.convergence?.minIterations ?? 1000;
    this.converged = options.convergence ? false : null;
  }

  /** Adds a block; returns true when the simulation can stop. */
  add(b: BlockResult): boolean {
    if (this.converged === null) return false;
    for (let i = 0; i < b.count; i++) this.finishes.push(b.finish[i]!);
    const s = Float64Array.from(this.finishes).sort();
    let mean = 0;
    for (const x of this.finishes) mean += x;
    mean /= s.length;
    const p80 = quantileSorted(s, 0.8);
    if (this.prev) {
      const rel = (a: number, c: number): number => Math.abs(a - c) / Math.max(1e-12, Math.abs(c));
      if (rel(mean, this.prev[0]) < this.tol && rel(p80, this.prev[1]) < this.tol) this.stable++;
      else this.stable = 0;
    }
    this.prev = [mean, p80];
    if (this.stable >= 2 && s.length >= this.min) {
      this.converged = true;
      return true;
    }
    return false;
  }
}

/**
 * Merges block results (in block order) into the final result.
 *
 * @internal
 */
export function mergeBlocks(
  cm: CompiledModel,
  plan: SimulationPlan,
  options: SimulateOptions,
  blocks: readonly BlockResult[],
  converged: boolean | null,
): SimulationResult {
  const method = options.quantileMethod ?? "inverse-cdf";
  const pct = options.percentile ?? 0.8;
  const n = cm.net.n;
  const N = blocks.reduce((s, b) => s + b.count, 0);
  const finish = new Float64Array(N);
  const cost = new Float64Array(N);
  const R = cm.risks.ids.length;
  const critical = new Float64Array(n);
  const sumD = new Float64Array(n);
  const sumDD = new Float64Array(n);
  const sumDT = new Float64Array(n);
  const linkSum = new Float64Array(cm.net.predIndex.length);
  const mergeMaxSum = new Float64Array(n);
  const occurrences = new Float64Array(R);
  const branchTaken = new Float64Array(blocks[0]?.branchTaken.length ?? 0);
  const exclF = Array.from({ length: R }, () => new Float64Array(N));
  const exclC = Array.from({ length: R }, () => new Float64Array(N));
  const durs = plan.kernel.storeDurations ? Array.from({ length: n }, () => new Float64Array(N)) : null;
  const add = (t: Float64Array, s: Float64Array): void => {
    for (let k = 0; k < t.length; k++) t[k]! += s[k]!;
  };
  let off = 0;
  for (const b of blocks) {
    finish.set(b.finish, off);
    cost.set(b.cost, off);
    add(critical, b.critical);
    add(sumD, b.sumD);
    add(sumDD, b.sumDD);
    add(sumDT, b.sumDT);
    add(linkSum, b.linkSum);
    add(mergeMaxSum, b.mergeMaxSum);
    add(occurrences, b.occurrences);
    add(branchTaken, b.branchTaken);
    for (let r = 0; r < R && b.exclusionFinish.length > 0; r++) {
      exclF[r]!.set(b.exclusionFinish[r]!, off);
      exclC[r]!.set(b.exclusionCost[r]!, off);
    }
    if (durs && b.durations)
      for (let j = 0; j < n; j++) durs[j]!.set(b.durations.subarray(j * b.count, (j + 1) * b.count), off);
    off += b.count;
  }
  const fin = summarize(finish, method);
  // Finish variance from shifted samples.
  let st = 0;
  let stt = 0;
  for (let i = 0; i < N; i++) {
    const t = finish[i]! - cm.finishCenter;
    st += t;
    stt += t * t;
  }
  const varT = stt / N - (st / N) ** 2;
  const sdT = Math.sqrt(Math.max(0, varT));
  const tScale = Math.max(1, Math.abs(fin.mean)) ** 2;
  const tVaries = varT > 1e-14 * tScale;
  const finishRanks = durs && tVaries ? ranks(finish) : null;
  const activities: ActivityResult[] = [];
  const outIndex = new Int32Array(n);
  cm.net.inputIndex.forEach((inp, k) => (outIndex[inp] = k));
  for (let q = 0; q < n; q++) {
    const j = outIndex[q]!;
    const mD = sumD[j]! / N;
    const varD = Math.max(0, sumDD[j]! / N - mD * mD);
    const cov = sumDT[j]! / N - mD * (st / N);
    const dScale = Math.max(1, Math.abs(mD + cm.center[j]!)) ** 2;
    const varies = varD > 1e-14 * dScale && tVaries;
    const r = varies ? Math.max(-1, Math.min(1, cov / Math.sqrt(varD * varT))) : null;
    let rs: number | null = null;
    if (varies && durs && finishRanks) {
      const rk = ranks(durs[j]!);
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      const m = (N + 1) / 2;
      for (let i = 0; i < N; i++) {
        const a = rk[i]! - m;
        const b = finishRanks[i]! - m;
        sxy += a * b;
        sxx += a * a;
        syy += b * b;
      }
      rs = sxx > 0 && syy > 0 ? Math.abs(sxy / Math.sqrt(sxx * syy)) : null;
    }
    const ci = plan.kernel.criticality ? critical[j]! / N : Number.NaN;
    activities.push({
      id: cm.net.ids[j]!,
      criticality: ci,
      cruciality: r === null ? null : Math.abs(r),
      crucialitySpearman: rs,
      correlation: r,
      sensitivity: tVaries ? (ci * Math.sqrt(varD)) / sdT : null,
      meanDuration: mD + cm.center[j]!,
      sdDuration: Math.sqrt(varD),
    });
  }
  const mergePoints: MergePointResult[] = [];
  const { predStart, predIndex } = cm.net;
  for (let j = 0; j < n; j++) {
    const a = predStart[j]!;
    const e = predStart[j + 1]!;
    if (e - a < 2) continue;
    let mx = -Infinity;
    for (let l = a; l < e; l++) mx = Math.max(mx, linkSum[l]! / N);
    const em = mergeMaxSum[j]! / N;
    mergePoints.push({
      id: cm.net.ids[j]!,
      predecessors: Array.from(predIndex.subarray(a, e), (p) => cm.net.ids[p]!),
      expectedMax: em,
      maxOfExpected: mx,
      mergeBias: em - mx,
    });
  }
  const sortedF = Float64Array.from(finish).sort();
  const sortedC = Float64Array.from(cost).sort();
  const qF = quantileSorted(sortedF, pct, method);
  const qC = quantileSorted(sortedC, pct, method);
  const meanOf = (a: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i]!;
    return s / a.length;
  };
  const costMean = meanOf(cost);
  const risks: RiskResult[] = cm.risks.ids.map((id, r) => {
    const ex = plan.kernel.riskExclusion;
    return {
      id,
      occurrences: occurrences[r]!,
      meanImpactDays: ex ? fin.mean - meanOf(exclF[r]!) : Number.NaN,
      percentileImpactDays: ex
        ? qF - quantileSorted(Float64Array.from(exclF[r]!).sort(), pct, method)
        : Number.NaN,
      meanImpactCost: ex ? costMean - meanOf(exclC[r]!) : Number.NaN,
      percentileImpactCost: ex
        ? qC - quantileSorted(Float64Array.from(exclC[r]!).sort(), pct, method)
        : Number.NaN,
    };
  });
  let bo = 0;
  const branches = cm.branches.ids.map((id, g) => {
    const k = cm.branches.cum[g]!.length;
    const taken = Array.from(branchTaken.subarray(bo, bo + k), (c) => c / N);
    bo += k;
    return { id, taken };
  });
  let below = 0;
  for (let i = 0; i < N; i++) if (finish[i]! <= cm.deterministicFinish + 1e-9) below++;
  const costSummary = cm.hasCost ? summarize(cost, method) : null;
  const warnings: SimulationWarning[] = [...cm.warnings];
  const clamped = blocks.reduce((s, b) => s + b.clamped, 0);
  if (clamped > 0)
    warnings.push({
      code: "NEGATIVE_DURATION_CLAMPED",
      path: "activities",
      message: `${clamped} sampled activity durations (after risks) were negative and were set to 0`,
    });
  if (cm.correlation) {
    const small = blocks.filter((b) => !b.correlated);
    if (small.length > 0) {
      const k = cm.correlation.vars.length;
      const its = small.reduce((s, b) => s + b.count, 0);
      warnings.push({
        code: "BLOCK_TOO_SMALL_FOR_CORRELATION",
        path: "blockSize",
        message:
          `${its} of ${N} iterations (${small.length} block(s) of ${small.map((b) => b.count).join(", ")}) ` +
          `were sampled without rank correlation: Iman–Conover needs at least ${k + 2} iterations per block ` +
          `for ${k} correlated activities; use a larger blockSize or a multiple of it as iterations`,
      });
    }
  }
  const ft = options.jclTargets?.finish ?? qF;
  const ctg = options.jclTargets?.cost ?? qC;
  return {
    iterations: N,
    seed: plan.kernel.seed,
    blockSize: plan.kernel.blockSize,
    sampling: plan.kernel.latinHypercube ? "latin-hypercube" : "monte-carlo",
    quantileMethod: method,
    converged,
    finish: fin,
    deterministicFinish: cm.deterministicFinish,
    probabilityOfDeterministicFinish: below / N,
    cost: costSummary,
    jcl: cm.hasCost
      ? { finishTarget: ft, costTarget: ctg, probability: jointConfidence(cost, finish, ctg, ft) }
      : null,
    activities,
    mergePoints,
    risks,
    branches,
    histogram: histogram(finish),
    warnings,
    ...(options.keepSamples
      ? {
          samples: {
            finish,
            cost,
            ...(durs ? { durations: Object.fromEntries(durs.map((a, j) => [cm.net.ids[j]!, a])) } : {}),
          },
        }
      : {}),
  };
}

/**
 * Monte Carlo schedule (and cost) risk analysis of a model on one thread. Results are identical
 * to the worker-thread runner of `@pmokit/risk/node` for the same seed, iterations and block size.
 *
 * @param model - the model (or a model already compiled with {@link compileModel})
 * @param options - simulation options
 * @returns finish and cost distributions, criticality, cruciality, sensitivity, merge bias, risk
 *   impacts by exclusion, JCL
 * @throws PmokitError on invalid input (see {@link compileModel})
 * @example
 * ```ts
 * const r = simulate({ activities: [{ id: "A", duration: { dist: "triangular", min: 8, mode: 10, max: 15 } }] },
 *   { iterations: 10000, seed: 42 });
 * r.finish.p80; // ≈ 12.6
 * ```
 * @category Simulation
 */
export function simulate(model: RiskModel | CompiledModel, options: SimulateOptions = {}): SimulationResult {
  const cm = isCompiled(model) ? model : compileModel(model, options);
  const plan = planSimulation(cm, options);
  const tracker = new ConvergenceTracker(options);
  const blocks: BlockResult[] = [];
  for (let b = 0; b < plan.blocks; b++) {
    const r = runBlock(cm, plan.kernel, b, blockCount(plan, b));
    blocks.push(r);
    if (tracker.add(r)) break;
  }
  return mergeBlocks(cm, plan, options, blocks, tracker.converged);
}

/** Whether a value is a {@link CompiledModel}. */
export function isCompiled(m: RiskModel | CompiledModel): m is CompiledModel {
  return (m as CompiledModel).net !== undefined && (m as CompiledModel).durations !== undefined;
}
