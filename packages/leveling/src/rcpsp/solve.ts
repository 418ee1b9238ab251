import { PmokitError } from "@pmokit/core";
import { Rng } from "../internal/rng.js";
import type { RcpspInstance, RcpspProblem } from "./instance.js";
import { biPopulationSearch } from "./bipop.js";
import { compileRcpsp } from "./instance.js";
import { createJustifyWorkspace, justify, listFromStarts } from "./justify.js";
import type { ResourceProfile } from "./profile.js";
import { TimeIndexedProfile } from "./profile.js";
import { priorityValues } from "./rules.js";
import { decodeSerial, listFromPriorities, makespanOf, parallelSgs } from "./sgs.js";
import { twoPointCrossover } from "./crossover.js";

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
  /**
   * Population size (each of the two populations for `"bipop"`). Default: grows with the budget,
   * `round(35 · (budget / 5000)^0.36)` for `"bipop"` (20 at 1,000, 80 at 50,000), 24 to 120 for
   * `"ga"`.
   */
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
  /**
   * `"bipop"` only: probability that a child comes from the peak crossover (default 1; the rest
   * use the two-point crossover).
   */
  readonly peakRate?: number;
  /** Always use a full double justification (three schedules per child); for experiments. */
  readonly alwaysDouble?: boolean;
  /**
   * Generations without a new best schedule before the population is rebuilt around the best
   * schedules (default 40 for `"bipop"`, 0 for `"ga"`; 0 disables restarts).
   */
  readonly restartAfter?: number;
  /** Share of the population kept at a restart (default 0.1). */
  readonly restartKeep?: number;
  /** Share of the rebuilt population made of perturbed copies of the best schedule (default 0.5). */
  readonly restartNear?: number;
  /** Insertion moves of a perturbed copy, as a share of the activities (default 0.1). */
  readonly restartNearMoves?: number;
  /**
   * Search method. `"bipop"` (default): the bi-population genetic algorithm, every child one
   * forward or backward pass (constant capacities; time-varying capacities fall back to `"ga"`).
   * `"ga"`: one population, every child decoded forward and right-justified (two schedules).
   */
  readonly strategy?: "bipop" | "ga";
  /**
   * Called with every generated schedule (start of every activity, makespan); the array is reused,
   * copy it to keep it. For audits and tests (an independent validator on every schedule); it slows
   * the search.
   */
  readonly onSchedule?: (starts: Int32Array, makespan: number) => void;
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

/**
 * Regret-based biased random sampling (Drexl 1991) on the LFT rule: builds an activity list by
 * picking each eligible activity with weight `max LFT − LFT + 1`.
 */
function regretSample(
  inst: RcpspInstance,
  rng: Rng,
  list: Int32Array,
  missing: Int32Array,
  eligible: Int32Array,
): Int32Array {
  const n = inst.n;
  const lft = inst.lft;
  for (let j = 0; j < n; j++) missing[j] = inst.predStart[j + 1]! - inst.predStart[j]!;
  let ne = 0;
  for (let j = 0; j < n; j++) if (missing[j] === 0) eligible[ne++] = j;
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
}

function hashStarts(s: Int32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s[i]!, 0x01000193);
  return h >>> 0;
}

/**
 * Solves a single-mode RCPSP (minimise the makespan under renewable capacities, no preemption).
 * Default (`strategy: "bipop"`): a bi-population genetic algorithm on activity lists (after Debels &
 * Vanhoucke 2007): one population of left-justified and one of right-justified schedules, each bred
 * from the other's members and decoded in the opposite direction by the serial SGS, so every child
 * is one forward-backward improvement pass of its parents' combination and costs one schedule; a
 * peak crossover that keeps the mother's most resource-intensive time window as a block (after
 * Valls, Ballestín & Quintanilla 2008), swap and insertion mutations, seeds from the LFT/LST rules
 * and regret-based biased random sampling, elitist survival with duplicate removal, and restarts
 * around the best schedule. `strategy: "ga"` (also used for time-varying capacities): one
 * population, two-point crossover (Hartmann 1998), every child decoded forward and right-justified.
 * Deterministic for a given seed and schedule budget (unless `timeLimitMs` stops it first).
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
  const checkNumber = (
    name: string,
    v: number | undefined,
    min: number,
    max: number,
    integer: boolean,
  ): void => {
    if (v === undefined) return;
    if (typeof v !== "number" || !(v >= min && v <= max) || (integer && !Number.isInteger(v)))
      throw new PmokitError(
        "INVALID_INPUT",
        `${name}: expected ${integer ? "an integer" : "a number"} in [${min}, ${max}], got ${v}`,
        {
          path: name,
          expected: `${integer ? "an integer" : "a number"} in [${min}, ${max}]`,
          received: String(v),
        },
      );
  };
  checkNumber("populationSize", options.populationSize, 2, 100_000, true);
  checkNumber("mutationRate", options.mutationRate, 0, 1, false);
  checkNumber("insertRate", options.insertRate, 0, 1, false);
  checkNumber("peakRate", options.peakRate, 0, 1, false);
  checkNumber("restartAfter", options.restartAfter, 0, Number.MAX_SAFE_INTEGER, true);
  checkNumber("restartKeep", options.restartKeep, 0, 1, false);
  checkNumber("restartNear", options.restartNear, 0, 1, false);
  checkNumber("restartNearMoves", options.restartNearMoves, 0, 1, false);
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

  if ((options.strategy ?? "bipop") === "bipop" && inst.constantCapacity) {
    // Seeds: the parallel SGS with LFT and with LST, then regret-based biased random sampling.
    const list = new Int32Array(n);
    const starts = new Int32Array(n);
    const missing = new Int32Array(n);
    const eligible = new Int32Array(n);
    let seedNo = 0;
    const r = biPopulationSearch(
      inst,
      profile,
      rng,
      (tick) => {
        const k = seedNo++;
        tick();
        if (k < 2) return parallelSgs(inst, priorityValues(inst, k === 0 ? "LFT" : "LST"), profile);
        profile.reset();
        decodeSerial(inst, regretSample(inst, rng, list, missing, eligible), profile, starts);
        return starts;
      },
      {
        budget,
        // 35 at 5,000 schedules, growing slowly with the budget (20 at 1,000, 80 at 50,000).
        popSize: options.populationSize ?? Math.max(12, Math.round(35 * Math.pow(budget / 5000, 0.36))),
        mutationRate: options.mutationRate ?? 0.05,
        insertRate: options.insertRate ?? 0.5,
        tournament: options.selection === "tournament",
        peakRate: options.peakRate ?? 1,
        restartAfter: options.restartAfter ?? 40,
        restartKeep: options.restartKeep ?? 0.1,
        restartNear: options.restartNear ?? 0.5,
        restartNearMoves: options.restartNearMoves ?? 0.1,
        stopAt,
        deadline,
        now,
        onSchedule: options.onSchedule,
      },
    );
    return {
      makespan: r.makespan,
      starts: Array.from(r.starts),
      schedules: r.schedules,
      schedulesToBest: r.schedulesToBest,
      lowerBound: inst.lowerBound,
      optimal: r.makespan <= inst.lowerBound,
      generations: r.generations,
    };
  }

  const onSchedule = options.onSchedule;
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
        onSchedule?.(starts, ms);
      } else {
        onSchedule?.(starts, makespanOf(inst, starts));
        ms = justify(inst, starts, "left", profile, ws);
        count++;
        onSchedule?.(starts, ms);
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
    onSchedule?.(starts, ms);
    return finishIndividual(starts, ms);
  };

  // Initial population: parallel LFT (the best single-pass rule), then biased random sampling.
  const pop: Individual[] = [];
  {
    const starts = parallelSgs(inst, priorityValues(inst, "LFT"), profile);
    count++;
    let ms = 0;
    for (let j = 0; j < n; j++) ms = Math.max(ms, starts[j]! + inst.durations[j]!);
    onSchedule?.(starts, ms);
    pop.push(finishIndividual(starts, ms));
  }
  if (!done() && count < budget) {
    const starts = parallelSgs(inst, priorityValues(inst, "LST"), profile);
    count++;
    let ms = 0;
    for (let j = 0; j < n; j++) ms = Math.max(ms, starts[j]! + inst.durations[j]!);
    onSchedule?.(starts, ms);
    pop.push(finishIndividual(starts, ms));
  }
  const missing = new Int32Array(n);
  const eligible = new Int32Array(n);
  const rbrsList = (): Int32Array => regretSample(inst, rng, new Int32Array(n), missing, eligible);
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
    twoPointCrossover(mother, father, child, q1, q2, taken, ++stamp);
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
  const restartAfter = options.restartAfter ?? 0;
  const restartKeep = options.restartKeep ?? 0.1;
  const restartNear = options.restartNear ?? 0.5;
  let lastBest = best!.makespan;
  let stale = 0;
  const restart = (): void => {
    const keep = Math.max(1, Math.round(popSize * restartKeep));
    if (pop.length > keep) pop.length = keep;
    const src = best!.list;
    while (pop.length < popSize && !done() && count + cost + reserve <= budget) {
      if (rng.next() < restartNear) {
        const l = src.slice();
        const moves = 1 + rng.int(Math.max(1, Math.round(n / 10)));
        for (let q = 0; q < moves; q++) insertMove(l);
        pop.push(decode(l));
      } else pop.push(decode(rbrsList()));
    }
    pop.sort(better);
  };
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
    if (best!.makespan < lastBest) {
      lastBest = best!.makespan;
      stale = 0;
    } else if (restartAfter > 0 && ++stale >= restartAfter) {
      stale = 0;
      restart();
    }
  }

  const b = best!;
  if (shiftOnly && count < budget) {
    // Left-justify the best schedule (never longer; users expect activities as early as possible).
    b.makespan = justify(inst, b.starts, "left", profile, ws);
    count++;
    onSchedule?.(b.starts, b.makespan);
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
