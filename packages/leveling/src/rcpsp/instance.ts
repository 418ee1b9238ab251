import { PmokitError } from "@pmokit/core";

/**
 * A single-mode resource-constrained project scheduling problem as plain, serialisable data.
 * Activities are numbered `0..n-1` (PSPLIB job `j` is activity `j-1`, dummies included). Time is an
 * integer number of periods starting at 0; an activity started at `s` occupies periods `s..s+d-1`.
 *
 * @category RCPSP
 * @since 0.1.0
 */
export interface RcpspProblem {
  /** Integer duration (≥ 0) of every activity. */
  readonly durations: readonly number[];
  /** Finish-to-start successors (activity indices) of every activity. */
  readonly successors: readonly (readonly number[])[];
  /** `demands[j][k]`: units of renewable resource `k` used by activity `j` while it runs. */
  readonly demands: readonly (readonly number[])[];
  /**
   * Capacity of every renewable resource: one number per resource (constant), or per resource an
   * array of per-period capacities (period `t` uses `capacities[k][t]`, the last value holds for ever
   * after).
   */
  readonly capacities: readonly (number | readonly number[])[];
  /** Optional display names (e.g. PSPLIB job numbers). */
  readonly names?: readonly string[];
}

/**
 * A problem compiled into typed arrays for the hot loops (schedule generation schemes, justification,
 * metaheuristics). Build it once with {@link compileRcpsp} and reuse it for every run. Layout:
 *
 * - `durations[j]`;
 * - successors in CSR form: the successors of `j` are `succ[succStart[j] .. succStart[j+1]-1]`;
 *   predecessors likewise in `predStart` / `pred`;
 * - demands row-major: `demand[j * resources + k]`; `demandRes` / `demandResStart` list, per activity,
 *   only the resources it uses (CSR);
 * - capacities period-major per resource: `capacity[k * capacityPeriods + t]` for
 *   `t < capacityPeriods`, the last period's value afterwards (`capacityPeriods` = 1: constant);
 * - `topoOrder` (a topological order) and `topoRank` (its inverse);
 * - `est` / `lst` etc.: the resource-free critical-path (CPM) times, `cpmLength` its length.
 *
 * @category RCPSP
 * @since 0.1.0
 */
export interface RcpspInstance {
  /** Number of activities (dummies included). */
  readonly n: number;
  /** Number of renewable resources. */
  readonly resources: number;
  readonly durations: Int32Array;
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  readonly demand: Int32Array;
  readonly demandResStart: Int32Array;
  readonly demandRes: Int32Array;
  /** Per resource: `capacityPeriods` capacities (`capacity[k * capacityPeriods + t]`). */
  readonly capacity: Int32Array;
  readonly capacityPeriods: number;
  /** True when every resource has a constant capacity. */
  readonly constantCapacity: boolean;
  readonly topoOrder: Int32Array;
  readonly topoRank: Int32Array;
  /** Earliest start, earliest finish, latest start, latest finish (CPM, no resources). */
  readonly est: Int32Array;
  readonly eft: Int32Array;
  readonly lst: Int32Array;
  readonly lft: Int32Array;
  /** Length of the critical path (the LB0 lower bound). */
  readonly cpmLength: number;
  /**
   * A simple lower bound on the makespan: max of the CPM length and, for constant capacities, the
   * resource-work bound ⌈Σ d·r / capacity⌉.
   */
  readonly lowerBound: number;
  /** Sum of all durations plus the capacity periods: every serial schedule ends before it. */
  readonly horizon: number;
  readonly names: readonly string[] | undefined;
}

function bad(path: string, expected: string, received: unknown): never {
  throw new PmokitError("INVALID_INPUT", `${path}: expected ${expected}, got ${JSON.stringify(received)}`, {
    path,
    expected,
    received: JSON.stringify(received),
  });
}

function isInt(v: unknown, min: number): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= min;
}

/**
 * Compiles an {@link RcpspProblem} into an {@link RcpspInstance}: validates it, builds CSR
 * successor/predecessor arrays, a topological order, the CPM times and a lower bound.
 *
 * @param problem - the problem as plain data
 * @returns the compiled instance
 * @throws PmokitError `INVALID_INPUT` for malformed data (path names the field), `CYCLE_DETECTED`
 *   for a precedence cycle (ids on the cycle), `INFEASIBLE` when an activity demands more than a
 *   resource's capacity for ever (after the last capacity period).
 * @example
 * ```ts
 * import { compileRcpsp } from "@pmokit/leveling";
 * const inst = compileRcpsp({
 *   durations: [0, 3, 2, 0],
 *   successors: [[1, 2], [3], [3], []],
 *   demands: [[0], [2], [2], [0]],
 *   capacities: [3],
 * });
 * inst.cpmLength; // 3
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function compileRcpsp(problem: RcpspProblem): RcpspInstance {
  const { durations, successors, demands, capacities } = problem;
  if (!Array.isArray(durations)) bad("durations", "an array of integers", durations);
  const n = durations.length;
  if (!Array.isArray(successors) || successors.length !== n)
    bad("successors", `an array of ${n} arrays`, successors);
  if (!Array.isArray(demands) || demands.length !== n) bad("demands", `an array of ${n} arrays`, demands);
  if (!Array.isArray(capacities)) bad("capacities", "an array", capacities);
  const K = capacities.length;
  const dur = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const d = durations[j];
    if (!isInt(d, 0)) bad(`durations[${j}]`, "an integer >= 0", d);
    dur[j] = d;
  }
  // Capacities.
  let P = 1;
  for (let k = 0; k < K; k++) {
    const c = capacities[k];
    if (Array.isArray(c)) {
      if (c.length === 0) bad(`capacities[${k}]`, "a non-empty array of integers", c);
      P = Math.max(P, c.length);
    } else if (!isInt(c, 0)) bad(`capacities[${k}]`, "an integer >= 0 or an array of them", c);
  }
  const capacity = new Int32Array(K * P);
  let constant = true;
  for (let k = 0; k < K; k++) {
    const c = capacities[k]!;
    if (Array.isArray(c)) {
      for (let t = 0; t < P; t++) {
        const v = (c as readonly number[])[Math.min(t, c.length - 1)];
        if (!isInt(v, 0)) bad(`capacities[${k}][${t}]`, "an integer >= 0", v);
        capacity[k * P + t] = v;
        if (v !== capacity[k * P]) constant = false;
      }
    } else {
      capacity.fill(c as number, k * P, k * P + P);
    }
  }
  if (constant && P > 1) {
    const c1 = new Int32Array(K);
    for (let k = 0; k < K; k++) c1[k] = capacity[k * P]!;
    return finish(problem, n, K, dur, c1, 1, true);
  }
  return finish(problem, n, K, dur, capacity, P, constant);
}

function finish(
  problem: RcpspProblem,
  n: number,
  K: number,
  dur: Int32Array,
  capacity: Int32Array,
  P: number,
  constant: boolean,
): RcpspInstance {
  const { successors, demands } = problem;
  const demand = new Int32Array(n * K);
  const demandResStart = new Int32Array(n + 1);
  const resList: number[] = [];
  for (let j = 0; j < n; j++) {
    const row = demands[j];
    if (!Array.isArray(row) || row.length !== K) bad(`demands[${j}]`, `an array of ${K} integers`, row);
    demandResStart[j] = resList.length;
    for (let k = 0; k < K; k++) {
      const r = (row as readonly number[])[k];
      if (!isInt(r, 0)) bad(`demands[${j}][${k}]`, "an integer >= 0", r);
      demand[j * K + k] = r;
      if (r > 0 && dur[j]! > 0) {
        resList.push(k);
        const last = capacity[k * P + P - 1]!;
        if (r > last)
          throw new PmokitError(
            "INFEASIBLE",
            `activity ${problem.names?.[j] ?? j} needs ${r} units of resource ${k + 1} but its capacity is ${last}`,
            { ids: [problem.names?.[j] ?? String(j)], path: `demands[${j}][${k}]`, resource: k },
          );
      }
    }
  }
  demandResStart[n] = resList.length;
  // Successors and predecessors (CSR), duplicates removed.
  const succStart = new Int32Array(n + 1);
  const succList: number[] = [];
  const predCount = new Int32Array(n);
  const seen = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    const row = successors[j];
    if (!Array.isArray(row)) bad(`successors[${j}]`, "an array of activity indices", row);
    succStart[j] = succList.length;
    for (let i = 0; i < row.length; i++) {
      const s = (row as readonly number[])[i];
      if (!isInt(s, 0) || s >= n) bad(`successors[${j}][${i}]`, `an activity index in 0..${n - 1}`, s);
      if (s === j)
        throw new PmokitError("CYCLE_DETECTED", `activity ${problem.names?.[j] ?? j} is its own successor`, {
          ids: [problem.names?.[j] ?? String(j)],
        });
      if (seen[s] === j) continue;
      seen[s] = j;
      succList.push(s);
      predCount[s]!++;
    }
  }
  succStart[n] = succList.length;
  const succ = Int32Array.from(succList);
  const predStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) predStart[j + 1] = predStart[j]! + predCount[j]!;
  const pred = new Int32Array(succ.length);
  const fill = predStart.slice(0, n);
  for (let j = 0; j < n; j++)
    for (let e = succStart[j]!; e < succStart[j + 1]!; e++) pred[fill[succ[e]!]!++] = j;
  // Topological order (Kahn, smallest index first for stable numbering).
  const indeg = predCount.slice();
  const topoOrder = new Int32Array(n);
  let head = 0;
  let tail = 0;
  // A binary heap would give the smallest ready index; a simple scan queue keeps id order for
  // PSPLIB-like numberings, which is all we need (any topological order is valid).
  for (let j = 0; j < n; j++) if (indeg[j] === 0) topoOrder[tail++] = j;
  while (head < tail) {
    const j = topoOrder[head++]!;
    for (let e = succStart[j]!; e < succStart[j + 1]!; e++) {
      const s = succ[e]!;
      if (--indeg[s]! === 0) topoOrder[tail++] = s;
    }
  }
  if (tail < n) {
    const ids: string[] = [];
    for (let j = 0; j < n; j++) if (indeg[j]! > 0) ids.push(problem.names?.[j] ?? String(j));
    throw new PmokitError("CYCLE_DETECTED", `precedence cycle among activities ${ids.join(", ")}`, { ids });
  }
  const topoRank = new Int32Array(n);
  for (let i = 0; i < n; i++) topoRank[topoOrder[i]!] = i;
  // CPM.
  const est = new Int32Array(n);
  const eft = new Int32Array(n);
  let cpm = 0;
  for (let i = 0; i < n; i++) {
    const j = topoOrder[i]!;
    let s = 0;
    for (let e = predStart[j]!; e < predStart[j + 1]!; e++) s = Math.max(s, eft[pred[e]!]!);
    est[j] = s;
    eft[j] = s + dur[j]!;
    if (eft[j]! > cpm) cpm = eft[j]!;
  }
  const lft = new Int32Array(n);
  const lst = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const j = topoOrder[i]!;
    let f = cpm;
    for (let e = succStart[j]!; e < succStart[j + 1]!; e++) f = Math.min(f, lst[succ[e]!]!);
    lft[j] = f;
    lst[j] = f - dur[j]!;
  }
  let lb = cpm;
  let horizon = P;
  for (let j = 0; j < n; j++) horizon += dur[j]!;
  if (constant) {
    for (let k = 0; k < K; k++) {
      const c = capacity[k * P]!;
      let work = 0;
      for (let j = 0; j < n; j++) work += dur[j]! * demand[j * K + k]!;
      if (c > 0) lb = Math.max(lb, Math.ceil(work / c));
    }
  }
  return {
    n,
    resources: K,
    durations: dur,
    succStart,
    succ,
    predStart,
    pred,
    demand,
    demandResStart,
    demandRes: Int32Array.from(resList),
    capacity,
    capacityPeriods: P,
    constantCapacity: constant,
    topoOrder,
    topoRank,
    est,
    eft,
    lst,
    lft,
    cpmLength: cpm,
    lowerBound: lb,
    horizon: Math.max(horizon, 1),
    names: problem.names,
  };
}
