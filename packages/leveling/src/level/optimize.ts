import type { Portfolio, Project } from "@pmokit/core";
import { flattenPortfolio, fromEpochMinute } from "@pmokit/core";
import { Rng } from "../internal/rng.js";
import { solveRcpsp } from "../rcpsp/solve.js";
import type { Placement } from "./engine.js";
import {
  LevelModel,
  orderComparator,
  rankComparator,
  rebook,
  resolveOptions,
  runSchedule,
} from "./engine.js";
import type { LeveledProjectSummary } from "./level.js";
import { buildResult, summarizeProjects } from "./level.js";
import type { LevelingOptions, LevelingResult, LevelingWarning } from "./types.js";

/**
 * Options of {@link optimizeLeveling}: the leveling options (which constrain every candidate) plus
 * the objective and the search budget.
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface OptimizeLevelingOptions extends LevelingOptions {
  /** `finish` (default): minimise the finish of the whole project / portfolio; `weightedDelay`: minimise the sum over projects of weight × finish delay. */
  readonly objective?: "finish" | "weightedDelay";
  /** Weight per project id for `weightedDelay` (default: the project priority). */
  readonly projectWeights?: Readonly<Record<string, number>>;
  /** Candidate schedules to decode (default 200). */
  readonly maxSchedules?: number;
  /** Wall-clock limit in milliseconds (default none). */
  readonly timeLimitMs?: number;
  /** Seed of the random sampling and the genetic algorithm (default 1). */
  readonly seed?: number;
}

/**
 * What the optimizer found, compared with Standard leveling.
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface LevelingOptimization {
  readonly objective: "finish" | "weightedDelay";
  /** Objective of Standard leveling and of the best schedule (finish: epoch minutes; weightedDelay: weighted elapsed minutes). */
  readonly standardValue: number;
  readonly bestValue: number;
  /** Elapsed minutes by which the project finish improves on Standard leveling (>= 0). */
  readonly finishGainMinutes: number;
  readonly standardFinish: string;
  /** Which candidate won: `standard`, a priority rule name, `sampling` or `rcpsp-ga`. */
  readonly method: string;
  readonly schedules: number;
  readonly ms: number;
}

/**
 * Result of {@link optimizeLeveling}.
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface OptimizedLevelingResult extends LevelingResult {
  readonly optimization: LevelingOptimization;
  /** Per project finish (when the project is a flattened portfolio). */
  readonly projects?: readonly LeveledProjectSummary[];
}

function now(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : Date.now();
}

/**
 * Optimising leveling: the RCPSP engine applied to the real project. Candidate task orders come
 * from Standard leveling, priority rules (LFT, LST, MINSLK, most total successors), regret-based
 * biased random sampling and the RCPSP genetic algorithm ({@link solveRcpsp}) run on a working-day
 * abstraction of the project; every candidate is decoded by the same calendar-aware leveling
 * scheme as {@link levelProject} (calendars, varying max units, options, fixed tasks), and the best
 * by the objective is returned with its gain over Standard leveling. Never worse than Standard.
 *
 * @param project - the project (or a flattened portfolio, see {@link optimizePortfolioLeveling})
 * @param options - leveling options, objective and budget
 * @returns the best leveling found and the comparison with Standard
 * @throws PmokitError as {@link levelProject}
 * @example
 * ```ts
 * import { optimizeLeveling } from "@pmokit/leveling";
 * import type { Project } from "@pmokit/core";
 * declare const project: Project;
 * const r = optimizeLeveling(project, { maxSchedules: 100, seed: 7 });
 * r.optimization.finishGainMinutes;
 * ```
 * @category Leveling
 * @since 0.1.0
 */
export function optimizeLeveling(
  project: Project,
  options: OptimizeLevelingOptions = {},
): OptimizedLevelingResult {
  const t0 = now();
  const warnings: LevelingWarning[] = [];
  const opts = resolveOptions(options, warnings);
  const m = new LevelModel(project, opts, warnings);
  const n = m.n;
  const objective = options.objective ?? "finish";
  const budget = Math.max(1, Math.floor(options.maxSchedules ?? 200));
  const deadline = options.timeLimitMs === undefined ? Infinity : t0 + options.timeLimitMs;
  const rng = new Rng(options.seed ?? 1);

  // Objective.
  const projects = [...new Set(m.projectOf)];
  const pIndex = new Int32Array(n);
  m.projectOf.forEach((p, j) => (pIndex[j] = projects.indexOf(p)));
  const weight = projects.map((p) => {
    const w = options.projectWeights?.[p];
    if (w !== undefined) return w;
    const j = m.projectOf.indexOf(p);
    return Math.max(1, m.projPrio[j] ?? 500);
  });
  const preFinish = new Float64Array(projects.length).fill(-Infinity);
  for (let j = 0; j < n; j++) {
    const f = m.endOf(j, m.cpmFinish[j]!);
    if (f > preFinish[pIndex[j]!]!) preFinish[pIndex[j]!] = f;
  }
  const finishOf = (pl: Placement): number => {
    let f = -Infinity;
    for (let j = 0; j < n; j++) f = Math.max(f, m.endOf(j, pl.F[j]!));
    return f;
  };
  const value = (pl: Placement): number => {
    if (objective === "finish") return finishOf(pl) * 1e3 + unresolvedPenalty(pl);
    const fin = new Float64Array(projects.length).fill(-Infinity);
    for (let j = 0; j < n; j++) {
      const f = m.endOf(j, pl.F[j]!);
      if (f > fin[pIndex[j]!]!) fin[pIndex[j]!] = f;
    }
    let v = 0;
    for (let p = 0; p < projects.length; p++) v += weight[p]! * Math.max(0, fin[p]! - preFinish[p]!);
    return v * 1e3 + unresolvedPenalty(pl);
  };
  // Schedules with more unresolved conflicts than Standard lose ties.
  const unresolvedPenalty = (pl: Placement): number => pl.unresolved.length;

  const standard = runSchedule(m, "level", orderComparator(m, opts.order));
  let best = standard;
  let bestValue = value(standard);
  const standardValue = bestValue;
  let method = "standard";
  let schedules = 1;
  const tryRank = (rank: ArrayLike<number>, name: string): void => {
    if (schedules >= budget || now() > deadline) return;
    const pl = runSchedule(m, "level", rankComparator(rank));
    schedules++;
    const v = value(pl);
    if (v < bestValue) {
      best = pl;
      bestValue = v;
      method = name;
    }
  };
  // Priority rules on the pre-leveling CPM (axis values are comparable within one calendar; use epoch).
  const lft = new Float64Array(n);
  const lst = new Float64Array(n);
  const slack = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    lft[j] = m.endOf(j, m.pass.lateFinish[j]!);
    lst[j] = m.startOf(j, m.pass.lateStart[j]!);
    slack[j] = m.pass.totalSlack[j]!;
  }
  const succCount = totalSuccessors(m);
  const neg = (a: Float64Array): Float64Array => a.map((x) => -x);
  tryRank(lft, "LFT");
  tryRank(lst, "LST");
  tryRank(slack, "MINSLK");
  tryRank(neg(succCount), "MTS");
  // RCPSP genetic algorithm on a working-day abstraction (FS links, durations in days, units in %).
  if (schedules < budget && now() < deadline) {
    const gaRank = rcpspRank(m, Math.max(50, Math.min(5000, budget * 5)), options.seed ?? 1, deadline);
    if (gaRank !== undefined) tryRank(gaRank, "rcpsp-ga");
  }
  // Regret-based biased random sampling around LFT.
  const maxLft = Math.max(...lft);
  while (schedules < budget && now() < deadline) {
    const rank = new Float64Array(n);
    for (let j = 0; j < n; j++) rank[j] = -Math.log(rng.next() + 1e-12) / (maxLft - lft[j]! + 1);
    tryRank(rank, "sampling");
  }
  rebook(m, best);
  const result = buildResult(m, best, warnings);
  const standardFinish = finishOf(standard);
  const bestFinish = finishOf(best);
  return {
    ...result,
    optimization: {
      objective,
      standardValue: Math.floor(standardValue / 1e3),
      bestValue: Math.floor(bestValue / 1e3),
      finishGainMinutes: Math.max(0, standardFinish - bestFinish),
      standardFinish: buildStandardFinish(standardFinish),
      method,
      schedules,
      ms: Math.round(now() - t0),
    },
  };
}

function buildStandardFinish(e: number): string {
  return fromEpochMinute(e);
}

function totalSuccessors(m: LevelModel): Float64Array {
  const n = m.n;
  const net = m.net;
  const out = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    const stack = [j];
    let c = 0;
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (let p = net.succOffsets[x]!; p < net.succOffsets[x + 1]!; p++) {
        const q = net.linkTo[net.succLinks[p]!]!;
        if (seen[q] === j) continue;
        seen[q] = j;
        c++;
        stack.push(q);
      }
    }
    out[j] = c;
  }
  return out;
}

/** Runs the RCPSP GA on a day-granular abstraction and returns ranks (start order), or undefined. */
function rcpspRank(
  m: LevelModel,
  maxSchedules: number,
  seed: number,
  deadline: number,
): Float64Array | undefined {
  const n = m.n;
  const net = m.net;
  const perDay = m.project.settings.minutesPerDay;
  const R = m.resources.length;
  const durations: number[] = [0];
  const successors: number[][] = [[]];
  const demands: number[][] = [new Array<number>(R).fill(0)];
  const capacities: number[] = m.resources.map((_, r) =>
    Math.max(1, Math.round(m.rMax[r]! * m.capFactor * 100)),
  );
  for (let j = 0; j < n; j++) {
    durations.push(Math.max(0, Math.ceil((m.cpmFinish[j]! - m.cpmStart[j]!) / perDay)));
    const row = new Array<number>(R).fill(0);
    for (let k = m.aStart[j]!; k < m.aStart[j + 1]!; k++) {
      const r = m.aRes[k]!;
      if (r < 0 || !m.aLevel[k]) continue;
      row[r] = Math.min(capacities[r]!, row[r]! + Math.round(m.aUnits[k]! * 100));
    }
    demands.push(row);
    successors.push([]);
  }
  durations.push(0);
  demands.push(new Array<number>(R).fill(0));
  successors.push([]);
  const sink = n + 1;
  const hasPred = new Uint8Array(n);
  const hasSucc = new Uint8Array(n);
  for (let k = 0; k < net.linkCount; k++) {
    const a = net.linkFrom[k]!;
    const b = net.linkTo[k]!;
    successors[a + 1]!.push(b + 1);
    hasPred[b] = 1;
    hasSucc[a] = 1;
  }
  // Release dates (constraints, project starts) as chains from the source are not modelled: the GA only proposes an order.
  for (let j = 0; j < n; j++) {
    if (!hasPred[j]) successors[0]!.push(j + 1);
    if (!hasSucc[j]) successors[j + 1]!.push(sink);
  }
  const remaining = deadline === Infinity ? undefined : Math.max(1, deadline - now());
  try {
    const sol = solveRcpsp(
      { durations, successors, demands, capacities },
      { maxSchedules, seed, ...(remaining === undefined ? {} : { timeLimitMs: remaining }) },
    );
    const rank = new Float64Array(n);
    for (let j = 0; j < n; j++) rank[j] = sol.starts[j + 1]! * (n + 1) + j;
    return rank;
  } catch {
    return undefined;
  }
}

/**
 * {@link optimizeLeveling} for a portfolio sharing one resource pool (merged with
 * `flattenPortfolio`; project priority before task priority).
 *
 * @param portfolio - a parsed portfolio
 * @param options - leveling options, objective and budget
 * @returns the best leveling found, the comparison with Standard and the finish per project
 * @throws PmokitError as {@link levelProject}
 * @example
 * ```ts
 * import { optimizePortfolioLeveling } from "@pmokit/leveling";
 * import type { Portfolio } from "@pmokit/core";
 * declare const portfolio: Portfolio;
 * optimizePortfolioLeveling(portfolio, { objective: "weightedDelay" }).projects;
 * ```
 * @category Leveling
 * @since 0.1.0
 */
export function optimizePortfolioLeveling(
  portfolio: Portfolio,
  options: OptimizeLevelingOptions = {},
): OptimizedLevelingResult & { readonly projects: readonly LeveledProjectSummary[] } {
  const { project } = flattenPortfolio(portfolio);
  const r = optimizeLeveling(project, options);
  return { ...r, projects: summarizeProjects(portfolio, r) };
}
