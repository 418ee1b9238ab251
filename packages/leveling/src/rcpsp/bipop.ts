import type { Rng } from "../internal/rng.js";
import type { RcpspInstance } from "./instance.js";
import type { ResourceProfile } from "./profile.js";
import { decodeSerial } from "./sgs.js";
import { twoPointCrossover } from "./crossover.js";

/** Settings of {@link biPopulationSearch} (resolved by `solveRcpsp`). */
export interface BiPopSettings {
  /** Schedule generations available (the final left pass included). */
  readonly budget: number;
  /** Size of each of the two populations. */
  readonly popSize: number;
  readonly mutationRate: number;
  readonly insertRate: number;
  readonly tournament: boolean;
  /** Probability of the peak crossover (else two-point). */
  readonly peakRate: number;
  /** Generations without a new best schedule before a restart (0: never). */
  readonly restartAfter: number;
  /** Share of each population kept at a restart. */
  readonly restartKeep: number;
  /** Share of the rebuilt population made of perturbed copies of the best schedule. */
  readonly restartNear: number;
  /** Largest number of insertion moves of a perturbed copy, as a share of the activities. */
  readonly restartNearMoves: number;
  readonly stopAt: number;
  readonly deadline: number;
  readonly now: () => number;
  /** Called with every generated schedule (real-time starts) and its makespan. */
  readonly onSchedule: ((starts: Int32Array, makespan: number) => void) | undefined;
}

/** Result of {@link biPopulationSearch}: the best schedule (left-justified) and counters. */
export interface BiPopResult {
  starts: Int32Array;
  makespan: number;
  schedules: number;
  schedulesToBest: number;
  generations: number;
  restarts: number;
}

/**
 * One member of either population. `dir` 0: a left-justified schedule (decoded forward); `dir` 1: a
 * right-justified schedule (decoded backward; `starts` in real time, the first at 0). `list` holds the
 * order in which the *opposite* direction decodes it (the start order of a right-justified
 * schedule, the decreasing-finish order of a left-justified one), built when the member is first
 * chosen as a parent. Members and their arrays are recycled through a pool.
 */
interface Member {
  readonly starts: Int32Array;
  readonly list: Int32Array;
  hasList: boolean;
  makespan: number;
  sum: number;
  hash: number;
}

/**
 * The bi-population genetic algorithm: one population of left-justified and one of right-justified
 * schedules. Two right-justified parents are combined on their start orders (two-point crossover,
 * swap and insertion mutations) and the child is decoded forward; two left-justified parents are
 * combined on their decreasing-finish orders and the child is decoded backward. Every child is thus
 * one pass of a forward-backward improvement of its parents and costs exactly one schedule
 * generation. Restarts keep the best members and refill both populations with perturbed copies of
 * the best schedule and fresh seeds. Constant capacities only (backward schedules are shifted to
 * start at 0). No allocation per schedule: members are pooled.
 *
 * @internal
 */
export function biPopulationSearch(
  inst: RcpspInstance,
  profile: ResourceProfile,
  rng: Rng,
  seed: (tick: () => void) => Int32Array,
  s: BiPopSettings,
): BiPopResult {
  const n = inst.n;
  const dur = inst.durations;
  const topoRank = inst.topoRank;
  const topoOrder = inst.topoOrder;
  const P = s.popSize;
  let count = 0;
  const bestStarts = new Int32Array(n);
  let bestMs = Number.POSITIVE_INFINITY;
  let bestAt = 0;
  const keys = new Float64Array(n);
  const tmp = new Int32Array(n);
  const scratch = new Int32Array(n);

  const pool: Member[] = [];
  const alloc = (): Member =>
    pool.pop() ?? {
      starts: new Int32Array(n),
      list: new Int32Array(n),
      hasList: false,
      makespan: 0,
      sum: 0,
      hash: 0,
    };
  const release = (m: Member): void => {
    pool.push(m);
  };

  // Fills the derived fields of a member whose starts are set; records a new best.
  const finish = (m: Member, makespan: number, dir: number): Member => {
    const st = m.starts;
    let sum = 0;
    let h = 0x811c9dc5;
    for (let j = 0; j < n; j++) {
      const x = st[j]!;
      sum += dir === 0 ? x : makespan - x - dur[j]!;
      h = Math.imul(h ^ x, 0x01000193);
    }
    m.makespan = makespan;
    m.sum = sum;
    m.hash = (h ^ (dir * 0x5bd1e995) ^ makespan) >>> 0;
    m.hasList = false;
    s.onSchedule?.(st, makespan);
    if (makespan < bestMs) {
      bestMs = makespan;
      bestStarts.set(st);
      bestAt = count;
    }
    return m;
  };
  // Start order (predecessors first among ties).
  const startOrder = (st: Int32Array, out: Int32Array): Int32Array => {
    for (let j = 0; j < n; j++) keys[j] = st[j]! * n + topoRank[j]!;
    keys.sort();
    for (let i = 0; i < n; i++) out[i] = topoOrder[keys[i]! % n]!;
    return out;
  };
  // Decoding order of a member for the opposite direction.
  const listOf = (m: Member, dir: number): Int32Array => {
    if (m.hasList) return m.list;
    if (dir === 1) startOrder(m.starts, m.list);
    else {
      // decreasing finish, successors first among ties
      const st = m.starts;
      const T = m.makespan;
      for (let j = 0; j < n; j++) keys[j] = (T - st[j]! - dur[j]!) * n + (n - 1 - topoRank[j]!);
      keys.sort();
      for (let i = 0; i < n; i++) m.list[i] = topoOrder[n - 1 - (keys[i]! % n)]!;
    }
    m.hasList = true;
    return m.list;
  };
  const decodeForward = (list: Int32Array): Member => {
    const m = alloc();
    profile.reset();
    const ms = decodeSerial(inst, list, profile, m.starts);
    count++;
    return finish(m, ms, 0);
  };
  const decodeBackward = (list: Int32Array): Member => {
    profile.reset();
    const ms = decodeSerial(inst, list, profile, tmp, true);
    count++;
    const m = alloc();
    for (let j = 0; j < n; j++) m.starts[j] = ms - tmp[j]! - dur[j]!;
    return finish(m, ms, 1);
  };
  const better = (x: Member, y: Member): number => x.makespan - y.makespan || x.sum - y.sum;
  const done = (): boolean => bestMs <= s.stopAt || s.now() > s.deadline;
  // One schedule is kept for the final left pass of a right-justified best schedule.
  const ok = (): boolean => !done() && count + 1 < s.budget;

  const L: Member[] = [];
  const R: Member[] = [];
  // A seed schedule (left-justified) into L, and its right pass into R.
  const addSeed = (): boolean => {
    const m = alloc();
    const st = seed(() => count++);
    m.starts.set(st);
    let ms = 0;
    for (let j = 0; j < n; j++) ms = Math.max(ms, st[j]! + dur[j]!);
    finish(m, ms, 0);
    L.push(m);
    if (!ok()) return false;
    R.push(decodeBackward(listOf(m, 0)));
    return ok();
  };

  // Operators on lists in either direction (dir 0: predecessors first; 1: successors first).
  const taken = new Int32Array(n);
  let stamp = 0;
  const crossover = (mother: Int32Array, father: Int32Array, child: Int32Array): void => {
    let q1 = rng.int(n + 1);
    let q2 = rng.int(n + 1);
    if (q1 > q2) [q1, q2] = [q2, q1];
    twoPointCrossover(mother, father, child, q1, q2, taken, ++stamp);
  };
  const linked = (a: number, b: number): boolean => {
    for (let e = inst.succStart[a]!; e < inst.succStart[a + 1]!; e++) if (inst.succ[e] === b) return true;
    for (let e = inst.succStart[b]!; e < inst.succStart[b + 1]!; e++) if (inst.succ[e] === a) return true;
    return false;
  };
  const mutate = (list: Int32Array): void => {
    for (let i = 0; i + 1 < n; i++) {
      if (rng.next() >= s.mutationRate) continue;
      const a = list[i]!;
      const b = list[i + 1]!;
      if (!linked(a, b)) {
        list[i] = b;
        list[i + 1] = a;
      }
    }
  };
  const pos = new Int32Array(n);
  // Moves one random activity to a random position between its last "before" and first "after"
  // neighbour (predecessors / successors for dir 0, the reverse for dir 1).
  const insertMove = (list: Int32Array, dir: number): void => {
    for (let i = 0; i < n; i++) pos[list[i]!] = i;
    const i = rng.int(n);
    const j = list[i]!;
    const beforeStart = dir === 0 ? inst.predStart : inst.succStart;
    const before = dir === 0 ? inst.pred : inst.succ;
    const afterStart = dir === 0 ? inst.succStart : inst.predStart;
    const after = dir === 0 ? inst.succ : inst.pred;
    let lo = 0;
    for (let e = beforeStart[j]!; e < beforeStart[j + 1]!; e++) lo = Math.max(lo, pos[before[e]!]! + 1);
    let hi = n - 1;
    for (let e = afterStart[j]!; e < afterStart[j + 1]!; e++) hi = Math.min(hi, pos[after[e]!]! - 1);
    if (hi <= lo) return;
    const to = lo + rng.int(hi - lo + 1);
    if (to > i) list.copyWithin(i, i + 1, to + 1);
    else if (to < i) list.copyWithin(to + 1, to, i);
    list[to] = j;
  };
  const pick = (pop: Member[]): number => {
    const a = rng.int(pop.length);
    if (!s.tournament) return a;
    const b = rng.int(pop.length);
    return b < a ? b : a; // populations are sorted: the lower index is the better member
  };
  // Elitist survival of the best P distinct schedules; the others go back to the pool.
  const seen = new Set<number>();
  const survive = (pop: Member[], children: Member[]): void => {
    const all = pop.concat(children);
    all.sort(better);
    pop.length = 0;
    seen.clear();
    for (const m of all) {
      if (pop.length < P && !seen.has(m.hash)) {
        seen.add(m.hash);
        pop.push(m);
      } else release(m);
    }
  };
  // Peak crossover (after Valls, Ballestín & Quintanilla 2008): the mother's most resource-intensive
  // time window ("peak") is inherited as one block in her order; the activities she starts before
  // the window come first and those after it last, both in the father's order. Time runs in the
  // decoding direction of the child (reversed for backward children). Groups follow the mother's
  // start times, so the child is precedence-feasible.
  const util = new Float64Array(inst.horizon + 2);
  const invCap = new Float64Array(inst.resources);
  for (let k = 0; k < inst.resources; k++) {
    const c = inst.capacity[k * inst.capacityPeriods]!;
    invCap[k] = c > 0 ? 1 / c : 0;
  }
  const weight = new Float64Array(n);
  for (let j = 0; j < n; j++)
    for (let q = inst.demandResStart[j]!; q < inst.demandResStart[j + 1]!; q++) {
      const k = inst.demandRes[q]!;
      weight[j]! += inst.demand[j * inst.resources + k]! * invCap[k]!;
    }
  const tau = new Int32Array(n);
  const peakCrossover = (mother: Member, father: Int32Array, dir: number, child: Int32Array): void => {
    const T = mother.makespan;
    const st = mother.starts;
    util.fill(0, 0, T + 1);
    for (let j = 0; j < n; j++) {
      const t = dir === 1 ? st[j]! : T - st[j]! - dur[j]!;
      tau[j] = t;
      const w = weight[j]!;
      if (w === 0) continue;
      for (let x = t; x < t + dur[j]!; x++) util[x]! += w;
    }
    const len = Math.max(1, Math.round(T * (0.1 + 0.4 * rng.next())));
    let sum = 0;
    for (let t = 0; t < len && t < T; t++) sum += util[t]!;
    let bestSum = sum;
    let t1 = 0;
    for (let t = len; t < T; t++) {
      sum += util[t]! - util[t - len]!;
      if (sum > bestSum + 1e-9) {
        bestSum = sum;
        t1 = t - len + 1;
      }
    }
    const t2 = t1 + len;
    const mlist = listOf(mother, dir);
    let p = 0;
    for (let i = 0; i < n; i++) {
      const j = father[i]!;
      if (tau[j]! < t1) child[p++] = j;
    }
    for (let i = 0; i < n; i++) {
      const j = mlist[i]!;
      if (tau[j]! >= t1 && tau[j]! < t2) child[p++] = j;
    }
    for (let i = 0; i < n; i++) {
      const j = father[i]!;
      if (tau[j]! >= t2) child[p++] = j;
    }
  };
  // A child of two members of `parents` (direction `dir`), decoded in the other direction.
  const breed = (parents: Member[], dir: number): Member => {
    const a = rng.int(parents.length);
    let b = pick(parents);
    if (b === a) b = (a + 1 + rng.int(parents.length - 1)) % parents.length;
    if (s.peakRate > 0 && rng.next() < s.peakRate)
      peakCrossover(parents[a]!, listOf(parents[b]!, dir), dir, scratch);
    else crossover(listOf(parents[a]!, dir), listOf(parents[b]!, dir), scratch);
    mutate(scratch);
    const cdir = dir === 1 ? 0 : 1; // list direction of the child = its decoding direction
    if (s.insertRate > 0 && rng.next() < s.insertRate) insertMove(scratch, cdir);
    return cdir === 0 ? decodeForward(scratch) : decodeBackward(scratch);
  };
  const refill = (): void => {
    while (L.length < P && ok()) {
      if (bestMs < Number.POSITIVE_INFINITY && rng.next() < s.restartNear) {
        // A perturbed copy of the best schedule: its start order with random insertion moves.
        startOrder(bestStarts, scratch);
        const moves = 1 + rng.int(Math.max(1, Math.round(n * s.restartNearMoves)));
        for (let q = 0; q < moves; q++) insertMove(scratch, 0);
        const m = decodeForward(scratch);
        L.push(m);
        if (!ok()) break;
        R.push(decodeBackward(listOf(m, 0)));
      } else if (!addSeed()) break;
    }
    L.sort(better);
    R.sort(better);
  };

  // Initial populations: the seed schedules and their right passes.
  // The first seed (the LFT parallel schedule) is always taken, whatever the budget.
  while (L.length === 0 || (L.length < P && count + 1 < s.budget && !done())) if (!addSeed()) break;
  L.sort(better);
  R.sort(better);

  let generations = 0;
  let restarts = 0;
  let lastBest = bestMs;
  let stale = 0;
  const toL: Member[] = [];
  const toR: Member[] = [];
  while (ok() && L.length >= 2 && R.length >= 2) {
    generations++;
    toL.length = 0;
    toR.length = 0;
    for (let c = 0; c < P && ok(); c++) {
      toL.push(breed(R, 1));
      if (!ok()) break;
      toR.push(breed(L, 0));
    }
    survive(L, toL);
    survive(R, toR);
    if (bestMs < lastBest) {
      lastBest = bestMs;
      stale = 0;
    } else if (s.restartAfter > 0 && ++stale >= s.restartAfter) {
      stale = 0;
      restarts++;
      const keep = Math.max(1, Math.round(P * s.restartKeep));
      while (L.length > keep) release(L.pop()!);
      while (R.length > keep) release(R.pop()!);
      refill();
    }
  }

  // The answer is left-justified (a left pass never lengthens a schedule).
  const starts = bestStarts.slice();
  let makespan = bestMs;
  if (count < s.budget) {
    startOrder(bestStarts, scratch);
    profile.reset();
    const ms = decodeSerial(inst, scratch, profile, tmp);
    count++;
    s.onSchedule?.(tmp, ms);
    if (ms <= makespan) {
      starts.set(tmp);
      makespan = ms;
    }
  }
  return { starts, makespan, schedules: count, schedulesToBest: bestAt, generations, restarts };
}
