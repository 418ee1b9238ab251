import type { RcpspInstance } from "./instance.js";
import type { ResourceProfile } from "./profile.js";
import { TimeIndexedProfile } from "./profile.js";

/**
 * Serial schedule generation scheme on an activity list (the low-level, allocation-free form used
 * by the metaheuristics). Activities are taken in list order and each starts at the earliest
 * precedence- and resource-feasible period found by `profile`. Forward: the list must be
 * precedence-feasible (predecessors first). Backward (`backward = true`): the list must have
 * successors first; activities are scheduled on reversed time from the project end (callers reset
 * the profile with `mirrorAt` for time-varying capacities) and `out` receives reversed-time starts
 * (`reversedStart = T - start - duration`).
 *
 * @param inst - the compiled instance
 * @param list - an activity list (every activity exactly once)
 * @param profile - the resource profile; it is reset by the caller, not here
 * @param out - receives the start of every activity
 * @param backward - schedule on the reversed network
 * @returns the makespan
 * @example
 * ```ts
 * import { compileRcpsp, decodeSerial, TimeIndexedProfile } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [2, 2], successors: [[], []], demands: [[1], [1]], capacities: [1] });
 * const p = new TimeIndexedProfile(inst);
 * p.reset();
 * const starts = new Int32Array(2);
 * decodeSerial(inst, Int32Array.of(1, 0), p, starts); // 4; starts = [2, 0]
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function decodeSerial(
  inst: RcpspInstance,
  list: ArrayLike<number>,
  profile: ResourceProfile,
  out: Int32Array,
  backward = false,
): number {
  const n = inst.n;
  const dur = inst.durations;
  const ps = backward ? inst.succStart : inst.predStart;
  const pl = backward ? inst.succ : inst.pred;
  let makespan = 0;
  for (let i = 0; i < n; i++) {
    const j = list[i]!;
    let est = 0;
    for (let e = ps[j]!; e < ps[j + 1]!; e++) {
      const p = pl[e]!;
      const f = out[p]! + dur[p]!;
      if (f > est) est = f;
    }
    const s = profile.earliestStart(j, est);
    profile.reserve(j, s);
    out[j] = s;
    const f = s + dur[j]!;
    if (f > makespan) makespan = f;
  }
  return makespan;
}

/**
 * Runs the serial SGS on an activity list and returns the start times.
 *
 * @param inst - the compiled instance
 * @param list - a precedence-feasible activity list
 * @param profile - optional resource profile (default: a {@link TimeIndexedProfile})
 * @returns the start of every activity
 * @throws PmokitError never for a valid list; an invalid list gives an infeasible schedule (use
 *   {@link isPrecedenceFeasibleList} first for untrusted lists)
 * @example
 * ```ts
 * import { compileRcpsp, serialSgs } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [2, 2], successors: [[], []], demands: [[1], [1]], capacities: [1] });
 * serialSgs(inst, [0, 1]); // Int32Array [0, 2]
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function serialSgs(
  inst: RcpspInstance,
  list: ArrayLike<number>,
  profile: ResourceProfile = new TimeIndexedProfile(inst),
): Int32Array {
  const out = new Int32Array(inst.n);
  profile.reset();
  decodeSerial(inst, list, profile, out);
  return out;
}

/**
 * Whether `list` holds every activity once with every predecessor before its successors.
 *
 * @param inst - the compiled instance
 * @param list - candidate activity list
 * @returns true when the serial SGS may decode it
 * @example
 * ```ts
 * import { compileRcpsp, isPrecedenceFeasibleList } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [1, 1], successors: [[1], []], demands: [[0], [0]], capacities: [1] });
 * isPrecedenceFeasibleList(inst, [1, 0]); // false
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function isPrecedenceFeasibleList(inst: RcpspInstance, list: ArrayLike<number>): boolean {
  const n = inst.n;
  if (list.length !== n) return false;
  const pos = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const j = list[i]!;
    if (!Number.isInteger(j) || j < 0 || j >= n || pos[j] !== -1) return false;
    pos[j] = i;
  }
  for (let j = 0; j < n; j++)
    for (let e = inst.succStart[j]!; e < inst.succStart[j + 1]!; e++)
      if (pos[inst.succ[e]!]! < pos[j]!) return false;
  return true;
}

/**
 * Builds a precedence-feasible activity list from priority values: repeatedly takes the eligible
 * activity (all predecessors listed) with the smallest priority value, ties by the lower index.
 *
 * @param inst - the compiled instance
 * @param priority - one value per activity, smaller is scheduled first
 * @returns the activity list
 * @example
 * ```ts
 * import { compileRcpsp, listFromPriorities } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [1, 1], successors: [[], []], demands: [[0], [0]], capacities: [1] });
 * listFromPriorities(inst, [2, 1]); // Int32Array [1, 0]
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function listFromPriorities(inst: RcpspInstance, priority: ArrayLike<number>): Int32Array {
  const n = inst.n;
  const missing = new Int32Array(n);
  for (let j = 0; j < n; j++) missing[j] = inst.predStart[j + 1]! - inst.predStart[j]!;
  const eligible: number[] = [];
  for (let j = 0; j < n; j++) if (missing[j] === 0) eligible.push(j);
  const list = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let q = 1; q < eligible.length; q++) {
      const a = eligible[q]!;
      const b = eligible[best]!;
      if (priority[a]! < priority[b]! || (priority[a] === priority[b] && a < b)) best = q;
    }
    const j = eligible[best]!;
    eligible[best] = eligible[eligible.length - 1]!;
    eligible.pop();
    list[i] = j;
    for (let e = inst.succStart[j]!; e < inst.succStart[j + 1]!; e++) {
      const s = inst.succ[e]!;
      if (--missing[s]! === 0) eligible.push(s);
    }
  }
  return list;
}

/**
 * Parallel (time-incrementing) schedule generation scheme: at each decision time, the eligible
 * activities (all predecessors finished) are started in priority order while they fit; then time
 * moves to the next finish (or capacity change). Smaller priority values go first, ties by the
 * lower index.
 *
 * @param inst - the compiled instance
 * @param priority - one value per activity, smaller is scheduled first
 * @param profile - optional resource profile (default: a {@link TimeIndexedProfile})
 * @returns the start of every activity
 * @example
 * ```ts
 * import { compileRcpsp, parallelSgs, priorityValues } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [2, 2], successors: [[], []], demands: [[1], [1]], capacities: [1] });
 * parallelSgs(inst, priorityValues(inst, "LFT")); // Int32Array [0, 2]
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function parallelSgs(
  inst: RcpspInstance,
  priority: ArrayLike<number>,
  profile: ResourceProfile = new TimeIndexedProfile(inst),
): Int32Array {
  const n = inst.n;
  const dur = inst.durations;
  profile.reset();
  const starts = new Int32Array(n).fill(-1);
  const missing = new Int32Array(n);
  const ready = new Int32Array(n); // earliest precedence-feasible time, once all predecessors started
  for (let j = 0; j < n; j++) missing[j] = inst.predStart[j + 1]! - inst.predStart[j]!;
  const pending: number[] = [];
  for (let j = 0; j < n; j++) if (missing[j] === 0) pending.push(j);
  // pending: activities whose predecessors are all scheduled (they may not have finished yet).
  let done = 0;
  let t = 0;
  const lastCapPeriod = inst.capacityPeriods - 1;
  while (done < n) {
    // Schedule at t until no more change (zero-duration activities release successors at t).
    let changed = true;
    while (changed) {
      changed = false;
      const eligible = pending.filter((j) => ready[j]! <= t);
      eligible.sort((a, b) => priority[a]! - priority[b]! || a - b);
      for (const j of eligible) {
        if (profile.earliestStart(j, t) !== t) continue;
        profile.reserve(j, t);
        starts[j] = t;
        done++;
        pending.splice(pending.indexOf(j), 1);
        const f = t + dur[j]!;
        for (let e = inst.succStart[j]!; e < inst.succStart[j + 1]!; e++) {
          const s = inst.succ[e]!;
          if (f > ready[s]!) ready[s] = f;
          if (--missing[s]! === 0) {
            pending.push(s);
            if (ready[s]! <= t) changed = true;
          }
        }
      }
    }
    if (done === n) break;
    // Next decision time: the next finish or precedence release after t, or a capacity change.
    let next = Number.POSITIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      const s = starts[j]!;
      if (s >= 0) {
        const f = s + dur[j]!;
        if (f > t && f < next) next = f;
      }
    }
    for (const j of pending) if (ready[j]! > t && ready[j]! < next) next = ready[j]!;
    if (t < lastCapPeriod && t + 1 < next) next = t + 1;
    if (!Number.isFinite(next)) next = t + 1;
    t = next;
  }
  return starts;
}

/**
 * Serial SGS driven by priority values: at each step the eligible activity with the smallest value
 * (ties: lower index) is started as early as possible.
 *
 * @param inst - the compiled instance
 * @param priority - one value per activity, smaller first
 * @param profile - optional resource profile
 * @returns the start of every activity
 * @example
 * ```ts
 * import { compileRcpsp, serialSgsByPriority, priorityValues } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [2, 2], successors: [[], []], demands: [[1], [1]], capacities: [1] });
 * serialSgsByPriority(inst, priorityValues(inst, "LST")); // Int32Array [0, 2]
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function serialSgsByPriority(
  inst: RcpspInstance,
  priority: ArrayLike<number>,
  profile: ResourceProfile = new TimeIndexedProfile(inst),
): Int32Array {
  return serialSgs(inst, listFromPriorities(inst, priority), profile);
}

/**
 * Makespan of a schedule (latest finish).
 *
 * @param inst - the compiled instance
 * @param starts - start of every activity
 * @returns the makespan
 * @example
 * ```ts
 * import { compileRcpsp, makespanOf } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [2, 3], successors: [[], []], demands: [[0], [0]], capacities: [1] });
 * makespanOf(inst, [0, 1]); // 4
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function makespanOf(inst: RcpspInstance, starts: ArrayLike<number>): number {
  let m = 0;
  for (let j = 0; j < inst.n; j++) m = Math.max(m, starts[j]! + inst.durations[j]!);
  return m;
}
