import type { RcpspProblem } from "./instance.js";

/**
 * One violation found by {@link validateRcpspSchedule}.
 *
 * @category RCPSP
 * @since 0.1.0
 */
export type RcpspViolation =
  | { readonly kind: "start"; readonly activity: number; readonly start: unknown }
  | { readonly kind: "precedence"; readonly from: number; readonly to: number }
  | {
      readonly kind: "capacity";
      readonly resource: number;
      readonly period: number;
      readonly usage: number;
      readonly capacity: number;
    };

/**
 * Result of {@link validateRcpspSchedule}.
 *
 * @category RCPSP
 * @since 0.1.0
 */
export interface RcpspValidation {
  readonly feasible: boolean;
  readonly makespan: number;
  /** The violations (at most `maxViolations`). */
  readonly violations: readonly RcpspViolation[];
}

/**
 * Independent feasibility check of a schedule against the plain problem (it does not use the
 * compiled instance or any engine code): every start is a non-negative integer, every successor
 * starts after its predecessor finishes, and in every period the usage of every resource is at
 * most its capacity in that period.
 *
 * @param problem - the plain problem
 * @param starts - start of every activity
 * @param maxViolations - stop collecting after this many (default 20)
 * @returns feasibility, makespan and violations
 * @example
 * ```ts
 * import { validateRcpspSchedule } from "@pmokit/leveling";
 * const p = { durations: [2, 2], successors: [[], []], demands: [[1], [1]], capacities: [1] };
 * validateRcpspSchedule(p, [0, 1]).feasible; // false (resource 0 over capacity in period 1)
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function validateRcpspSchedule(
  problem: RcpspProblem,
  starts: readonly number[] | ArrayLike<number>,
  maxViolations = 20,
): RcpspValidation {
  const n = problem.durations.length;
  const violations: RcpspViolation[] = [];
  const add = (v: RcpspViolation): void => {
    if (violations.length < maxViolations) violations.push(v);
  };
  let makespan = 0;
  let ok = starts.length === n;
  for (let j = 0; j < n; j++) {
    const s = starts[j];
    if (typeof s !== "number" || !Number.isInteger(s) || s < 0) {
      add({ kind: "start", activity: j, start: s });
      ok = false;
      continue;
    }
    makespan = Math.max(makespan, s + problem.durations[j]!);
  }
  if (!ok) return { feasible: false, makespan, violations };
  for (let j = 0; j < n; j++)
    for (const s of problem.successors[j]!)
      if (starts[s]! < starts[j]! + problem.durations[j]!) {
        add({ kind: "precedence", from: j, to: s });
        ok = false;
      }
  const K = problem.capacities.length;
  for (let k = 0; k < K; k++) {
    const cap = problem.capacities[k]!;
    const capAt = (t: number): number =>
      typeof cap === "number" ? cap : (cap[Math.min(t, cap.length - 1)] as number);
    const usage = new Array<number>(makespan).fill(0);
    for (let j = 0; j < n; j++) {
      const r = problem.demands[j]![k]!;
      if (r === 0) continue;
      for (let t = starts[j]!; t < starts[j]! + problem.durations[j]!; t++) usage[t] = usage[t]! + r;
    }
    for (let t = 0; t < makespan; t++)
      if (usage[t]! > capAt(t)) {
        add({ kind: "capacity", resource: k, period: t, usage: usage[t]!, capacity: capAt(t) });
        ok = false;
      }
  }
  return { feasible: ok, makespan, violations };
}
