import { PmokitError } from "@pmokit/core";
import { Rng } from "../internal/rng.js";
import type { RcpspInstance, RcpspProblem } from "./instance.js";
import { compileRcpsp } from "./instance.js";
import { createJustifyWorkspace, justify, listFromStarts } from "./justify.js";
import type { ResourceProfile } from "./profile.js";
import { TimeIndexedProfile } from "./profile.js";
import { priorityValues } from "./rules.js";
import { decodeSerial, listFromPriorities, parallelSgs } from "./sgs.js";

/**
 * Options of {@link solveRcpsp}.
 *
 * @category RCPSP
 * @since 0.1.0
 */
export interface SolveRcpspOptions {
  /**
   * Budget of generated schedules (default 5,000). Every serial SGS decoding counts as one schedule
   * and every justification pass as one more (a double justification counts two).
   */
  readonly maxSchedules?: number;
  /** Seed of the pseudo-random generator (default 1). Same seed and budget, same result. */
  readonly seed?: number;
  /** Wall-clock limit in milliseconds (makes the result depend on machine speed). */
  readonly timeLimitMs?: number;
  /** GA population size (default: grows with the budget, 24 to 120). */
  readonly populationSize?: number;
  /** Stop as soon as the makespan equals this bound (default: the instance's `lowerBound`). */
  readonly stopAt?: number;
  /** Probability of swapping each pair of neighbours in a child's list (default 0.05). */
  readonly mutationRate?: number;
  /**
   * Probability that a child gets one random insertion move (an activity moved to a random
   * position between its last predecessor and first successor; default 0.5).
   */
  readonly insertRate?: number;
  /** Parent selection: `"uniform"` over the population (default) or binary `"tournament"`. */
  readonly selection?: "uniform" | "tournament";
  /** Break makespan ties by the sum of start times (default true). */
  readonly tieBreak?: boolean;
  /**
   * Crossover: `"two-point"` on activity lists (Hartmann), `"peak"` (keeps the mother's most
   * resource-intensive time window together, after Valls, Ballestín & Quintanilla 2008) or
   * `"mixed"` (either, at random). Default `"two-point"` (the best on PSPLIB in our runs).
   */
  readonly crossover?: "two-point" | "peak" | "mixed";
  /** Always use a full double justification (three schedules per child); for experiments. */
  readonly alwaysDouble?: boolean;
  /** Resource profile factory (default: {@link TimeIndexedProfile}). */
  readonly profile?: (inst: RcpspInstance) => ResourceProfile;
}

/**
 * Result of {@link solveRcpsp}.
 *
 * @category RCPSP
 * @since 0.1.0
 */
export interface RcpspSolution {
  readonly makespan: number;
  /** Start period of every activity (index = activity). */
  readonly starts: number[];
  /** Schedules generated (SGS decodings plus justification passes). */
  readonly schedules: number;
  /** Schedules generated when the best schedule was found. */
  readonly schedulesToBest: number;
  /** Lower bound of the instance (CPM length or resource-work bound). */
  readonly lowerBound: number;
  /** True when the makespan equals the lower bound (a proof of optimality). */
  readonly optimal: boolean;
  /** GA generations run. */
  readonly generations: number;
}

function now(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : Date.now();
}

interface Individual {
  list: Int32Array;
  starts: Int32Array;
  makespan: number;
  hash: number;
  sum: number;
}

function hashStarts(s: Int32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s[i]!, 0x01000193);
  return h >>> 0;
}

/**
 * Solves a single-mode RCPSP (minimise the makespan under renewable capacities, no preemption)
 * with a genetic algorithm on activity lists: two-point crossover (Hartmann 1998), swap and
 * insertion mutations, serial SGS decoding and double justification of every child (Valls,
 * Ballestín & Quintanilla 2005; with constant capacities a right pass plus a shift, the left pass
 * being the next decoding), an initial population from the LFT/LST rules and regret-based biased
 * random sampling, and elitist survival with duplicate removal. Deterministic for a given seed and
 * schedule budget (unless `timeLimitMs` stops it first).
 *
 * @param problem - the compiled instance or the plain problem
 * @param options - budget, seed, time limit
 * @returns the best schedule found
 * @throws PmokitError from {@link compileRcpsp} for a plain problem; `INVALID_INPUT` for a bad option
 * @example
 * ```ts
 * import { solveRcpsp } from "@pmokit/leveling";
 * const sol = solveRcpsp({
 *   durations: [0, 3, 2, 2, 0],
 *   successors: [[1, 2, 3], [4], [4], [4], []],
 *   demands: [[0], [2], [1], [1], [0]],
 *   capacities: [3],
 * });
 * sol.makespan; // 4
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function solveRcpsp(
  problem: RcpspInstance | RcpspProblem,
  options: SolveRcpspOptions = {},
): RcpspSolution {
  const inst = "succStart" in problem ? problem : compileRcpsp(problem);
  const budget = options.maxSchedules ?? 5000;
  if (!Number.isInteger(budget) || budget < 1)
    throw new PmokitError("INVALID_INPUT", `maxSchedules: expected an integer >= 1, got ${budget}`, {
      path: "maxSchedules",
      expected: "an integer >= 1",
      received: String(budget),
    });
  const seed = options.seed ?? 1;
  const rng = new Rng(seed);
  const n = inst.n;
  const t0 = now();
  const deadline = options.timeLimitMs === undefined ? Number.POSITIVE_INFINITY : t0 + options.timeLimitMs;
  const stopAt = options.stopAt ?? inst.lowerBound;
  const profile = options.profile ? options.profile(inst) : new TimeIndexedProfile(inst);
  const ws = createJustifyWorkspace(inst);
  const popSize =
    options.populationSize ?? Math.max(24, Math.min(120, Math.round(Math.sqrt(budget / 3) * 1.4)));

  let count = 0;
  let best: Individual | undefined;
  let bestAt = 0;
  const offer = (ind: Individual): void => {
    if (!best || ind.makespan < best.makespan) {
      best = { ...ind, list: ind.list.slice(), starts: ind.starts.slice() };
      bestAt = count;
    }
  };
  const done = (): boolean => (best !== undefined && best.makespan <= stopAt) || now() > deadline;

  // Every decoded schedule is improved by a right-justification pass (one more schedule). With
  // constant capacities the right-justified schedule is shifted back to start at 0, and its start
  // order is the individual's activity list, so decoding that list again is the matching left pass:
  // double justification at two schedules per child. Time-varying capacities use the plain double
  // justification (three schedules per child).
  const shiftOnly = inst.constantCapacity && !options.alwaysDouble;
  const cost = shiftOnly ? 2 : 3;
  const finishIndividual = (starts: Int32Array, makespan: number): Individual => {
    let ms = makespan;
    if (count + cost - 1 <= budget) {
      const len = justify(inst, starts, "right", profile, ws);
      count++;
      if (shiftOnly) {
        let first = starts[0]!;
        for (let j = 1; j < n; j++) if (starts[j]! < first) first = starts[j]!;
        for (let j = 0; j < n; j++) starts[j]! -= first;
        ms = len;
      } else {
        ms = justify(inst, starts, "left", profile, ws);
        count++;
      }
    }
    const list = listFromStarts(inst, starts, new Int32Array(n), ws.keys);
    let sum = 0;
    for (let j = 0; j < n; j++) sum += starts[j]!;
    const ind = { list, starts, makespan: ms, hash: hashStarts(starts), sum };
    offer(ind);
    return ind;
  };
  const decode = (list: Int32Array): Individual => {
    const starts = new Int32Array(n);
    profile.reset();
    const ms = decodeSerial(inst, list, profile, starts);
    count++;
    return finishIndividual(starts, ms);
  };

  // Initial population: parallel LFT (the best single-pass rule), then biased random sampling.
  const pop: Individual[] = [];
  {
    const starts = parallelSgs(inst, priorityValues(inst, "LFT"), profile);
    count++;
    let ms = 0;
    for (let j = 0; j < n; j++) ms = Math.max(ms, starts[j]! + inst.durations[j]!);
    pop.push(finishIndividual(starts, ms));
  }
  if (!done() && count < budget) {
    const starts = parallelSgs(inst, priorityValues(inst, "LST"), profile);
    count++;
    let ms = 0;
    for (let j = 0; j < n; j++) ms = Math.max(ms, starts[j]! + inst.durations[j]!);
    pop.push(finishIndividual(starts, ms));
  }
  const lft = inst.lft;
  const missing = new Int32Array(n);
  const eligible = new Int32Array(n);
  const rbrsList = (): Int32Array => {
    for (let j = 0; j < n; j++) missing[j] = inst.predStart[j + 1]! - inst.predStart[j]!;
    let ne = 0;
    for (let j = 0; j < n; j++) if (missing[j] === 0) eligible[ne++] = j;
    const list = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let maxL = 0;
      for (let q = 0; q < ne; q++) maxL = Math.max(maxL, lft[eligible[q]!]!);
      let total = 0;
      for (let q = 0; q < ne; q++) total += maxL - lft[eligible[q]!]! + 1;
      let r = rng.next() * total;
      let pick = ne - 1;
      for (let q = 0; q < ne; q++) {
        r -= maxL - lft[eligible[q]!]! + 1;
        if (r < 0) {
          pick = q;
          break;
        }
      }
      const j = eligible[pick]!;
      eligible[pick] = eligible[--ne]!;
      list[i] = j;
      for (let e = inst.succStart[j]!; e < inst.succStart[j + 1]!; e++) {
        const s = inst.succ[e]!;
        if (--missing[s]! === 0) eligible[ne++] = s;
      }
    }
    return list;
  };
  while (pop.length < popSize && !done() && count < budget) pop.push(decode(rbrsList()));
  const tieBreak = options.tieBreak ?? true;
  const better = tieBreak
    ? (x: Individual, y: Individual): number => x.makespan - y.makespan || x.sum - y.sum
    : (x: Individual, y: Individual): number => x.makespan - y.makespan;
  pop.sort(better);

  // Genetic algorithm.
  const taken = new Int32Array(n);
  let stamp = 0;
  const crossover = (mother: Int32Array, father: Int32Array): Int32Array => {
    const child = new Int32Array(n);
    let q1 = rng.int(n + 1);
    let q2 = rng.int(n + 1);
    if (q1 > q2) [q1, q2] = [q2, q1];
    stamp++;
    let pos = 0;
    for (let i = 0; i < q1; i++) {
      const j = mother[i]!;
      taken[j] = stamp;
      child[pos++] = j;
    }
    for (let i = 0; pos < q2 && i < n; i++) {
      const j = father[i]!;
      if (taken[j] !== stamp) {
        taken[j] = stamp;
        child[pos++] = j;
      }
    }
    for (let i = 0; pos < n; i++) {
      const j = mother[i]!;
      if (taken[j] !== stamp) {
        taken[j] = stamp;
        child[pos++] = j;
      }
    }
    return child;
  };
  // Peak crossover: the child follows the father's order, except that the activities the mother
  // starts inside her most resource-intensive window are inserted as one block, in her order.
  const util = new Float64Array(inst.horizon + 1);
  const key = new Float64Array(n);
  const invCap = new Float64Array(inst.resources);
  for (let k = 0; k < inst.resources; k++) {
    const c = inst.capacity[k * inst.capacityPeriods]!;
    invCap[k] = c > 0 ? 1 / c : 0;
  }
  const posM = new Int32Array(n);
  const peakCrossover = (mother: Individual, father: Int32Array): Int32Array => {
    const T = mother.makespan;
    util.fill(0, 0, T + 1);
    const ms = mother.starts;
    for (let j = 0; j < n; j++) {
      let w = 0;
      for (let q = inst.demandResStart[j]!; q < inst.demandResStart[j + 1]!; q++) {
        const k = inst.demandRes[q]!;
        w += inst.demand[j * inst.resources + k]! * invCap[k]!;
      }
      if (w === 0) continue;
      const end = Math.min(T, ms[j]! + inst.durations[j]!);
      for (let t = ms[j]!; t < end; t++) util[t]! += w;
    }
    const L = Math.max(1, Math.round(T * (0.1 + 0.4 * rng.next())));
    let sum = 0;
    for (let t = 0; t < L && t < T; t++) sum += util[t]!;
    let bestSum = sum;
    let t1 = 0;
    for (let t = L; t < T; t++) {
      sum += util[t]! - util[t - L]!;
      if (sum > bestSum + 1e-9 || (Math.abs(sum - bestSum) <= 1e-9 && rng.next() < 0.5)) {
        bestSum = sum;
        t1 = t - L + 1;
      }
    }
    const t2 = t1 + L;
    for (let i = 0; i < n; i++) posM[mother.list[i]!] = i;
    let firstPos = n;
    for (let i = 0; i < n; i++) {
      const j = father[i]!;
      key[j] = i;
      if (ms[j]! >= t1 && ms[j]! < t2 && i < firstPos) firstPos = i;
    }
    for (let j = 0; j < n; j++) if (ms[j]! >= t1 && ms[j]! < t2) key[j] = firstPos - 0.5 + posM[j]! / (n + 1);
    return listFromPriorities(inst, key);
  };
  const mode = options.crossover ?? "two-point";

  const pm = options.mutationRate ?? 0.05;
  const tournament = options.selection === "tournament";
  const pick = (): number => {
    const a = rng.int(pop.length);
    if (!tournament) return a;
    const b = rng.int(pop.length);
    return b < a ? b : a; // the population is sorted: the lower index is the better one
  };
  const mutate = (list: Int32Array): void => {
    for (let i = 0; i + 1 < n; i++) {
      if (rng.next() >= pm) continue;
      const a = list[i]!;
      const b = list[i + 1]!;
      let related = false;
      for (let e = inst.succStart[a]!; e < inst.succStart[a + 1]!; e++)
        if (inst.succ[e] === b) {
          related = true;
          break;
        }
      if (!related) {
        list[i] = b;
        list[i + 1] = a;
      }
    }
  };

  const insertRate = options.insertRate ?? 0.5;
  const posC = new Int32Array(n);
  const insertMove = (list: Int32Array): void => {
    for (let i = 0; i < n; i++) posC[list[i]!] = i;
    const i = rng.int(n);
    const j = list[i]!;
    let lo = 0;
    for (let e = inst.predStart[j]!; e < inst.predStart[j + 1]!; e++)
      lo = Math.max(lo, posC[inst.pred[e]!]! + 1);
    let hi = n - 1;
    for (let e = inst.succStart[j]!; e < inst.succStart[j + 1]!; e++)
      hi = Math.min(hi, posC[inst.succ[e]!]! - 1);
    if (hi <= lo) return;
    const to = lo + rng.int(hi - lo + 1);
    if (to > i) list.copyWithin(i, i + 1, to + 1);
    else if (to < i) list.copyWithin(to + 1, to, i);
    list[to] = j;
  };
  let generations = 0;
  const reserve = shiftOnly ? 1 : 0; // final left pass of the best schedule
  while (!done() && count + cost + reserve <= budget && pop.length >= 2) {
    generations++;
    const children: Individual[] = [];
    for (let c = 0; c < popSize && !done() && count + cost + reserve <= budget; c += 2) {
      const a = pick();
      let b = pick();
      if (b === a) b = (a + 1 + rng.int(pop.length - 1)) % pop.length;
      const m = pop[a]!.list;
      const f = pop[b]!.list;
      const usePeak = mode === "peak" || (mode === "mixed" && rng.next() < 0.5);
      const d1 = usePeak ? peakCrossover(pop[a]!, f) : crossover(m, f);
      mutate(d1);
      if (insertRate > 0 && rng.next() < insertRate) insertMove(d1);
      children.push(decode(d1));
      if (done() || count + cost + reserve > budget) break;
      const d2 = usePeak ? peakCrossover(pop[b]!, m) : crossover(f, m);
      mutate(d2);
      if (insertRate > 0 && rng.next() < insertRate) insertMove(d2);
      children.push(decode(d2));
    }
    const all = pop.concat(children);
    all.sort(better);
    pop.length = 0;
    const seen = new Set<number>();
    for (const ind of all) {
      if (pop.length >= popSize) break;
      const key = ind.hash ^ ind.makespan;
      if (seen.has(key)) continue;
      seen.add(key);
      pop.push(ind);
    }
  }

  const b = best!;
  if (shiftOnly && count < budget) {
    // Left-justify the best schedule (never longer; users expect activities as early as possible).
    b.makespan = justify(inst, b.starts, "left", profile, ws);
    count++;
  }
  return {
    makespan: b.makespan,
    starts: Array.from(b.starts),
    schedules: count,
    schedulesToBest: bestAt,
    lowerBound: inst.lowerBound,
    optimal: b.makespan <= inst.lowerBound,
    generations,
  };
}
