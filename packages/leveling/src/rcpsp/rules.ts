import { Rng } from "../internal/rng.js";
import type { RcpspInstance } from "./instance.js";

/**
 * Priority rules for the schedule generation schemes: `LFT` latest finish, `LST` latest start,
 * `EST` earliest start, `EFT` earliest finish, `MTS` most total successors, `GRPW` greatest rank
 * positional weight (own duration plus the durations of the immediate successors), `MinSlack`
 * static total float (LST − EST), `SPT` shortest processing time, `ID` activity number, `random`.
 *
 * @category RCPSP
 * @since 0.1.0
 */
export type PriorityRule =
  "LFT" | "LST" | "EST" | "EFT" | "MTS" | "GRPW" | "MinSlack" | "SPT" | "ID" | "random";

/** Every {@link PriorityRule}. @category RCPSP @since 0.1.0 */
export const PRIORITY_RULES: readonly PriorityRule[] = [
  "LFT",
  "LST",
  "EST",
  "EFT",
  "MTS",
  "GRPW",
  "MinSlack",
  "SPT",
  "ID",
  "random",
];

/**
 * Number of (transitive) successors of every activity.
 *
 * @param inst - the compiled instance
 * @returns the count per activity
 * @example
 * ```ts
 * import { compileRcpsp, totalSuccessors } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [1, 1, 1], successors: [[1], [2], []], demands: [[0], [0], [0]], capacities: [1] });
 * totalSuccessors(inst); // Int32Array [2, 1, 0]
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function totalSuccessors(inst: RcpspInstance): Int32Array {
  const n = inst.n;
  const words = (n + 31) >>> 5;
  const bits = new Uint32Array(n * words);
  const count = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const j = inst.topoOrder[i]!;
    const row = j * words;
    for (let e = inst.succStart[j]!; e < inst.succStart[j + 1]!; e++) {
      const s = inst.succ[e]!;
      bits[row + (s >>> 5)]! |= 1 << (s & 31);
      const srow = s * words;
      for (let w = 0; w < words; w++) bits[row + w]! |= bits[srow + w]!;
    }
    let c = 0;
    for (let w = 0; w < words; w++) {
      let x = bits[row + w]!;
      while (x !== 0) {
        x &= x - 1;
        c++;
      }
    }
    count[j] = c;
  }
  return count;
}

/**
 * Priority values of a rule, as "smaller goes first" numbers for {@link parallelSgs},
 * {@link serialSgsByPriority} and {@link listFromPriorities} (maximising rules are negated).
 *
 * @param inst - the compiled instance
 * @param rule - the rule
 * @param seed - seed of the `random` rule (default 1)
 * @returns one value per activity
 * @example
 * ```ts
 * import { compileRcpsp, priorityValues } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [0, 2, 0], successors: [[1], [2], []], demands: [[0], [1], [0]], capacities: [1] });
 * priorityValues(inst, "LFT"); // Float64Array [0, 2, 2]
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function priorityValues(inst: RcpspInstance, rule: PriorityRule, seed = 1): Float64Array {
  const n = inst.n;
  const v = new Float64Array(n);
  switch (rule) {
    case "LFT":
      v.set(inst.lft);
      break;
    case "LST":
      v.set(inst.lst);
      break;
    case "EST":
      v.set(inst.est);
      break;
    case "EFT":
      v.set(inst.eft);
      break;
    case "MTS": {
      const c = totalSuccessors(inst);
      for (let j = 0; j < n; j++) v[j] = -c[j]!;
      break;
    }
    case "GRPW":
      for (let j = 0; j < n; j++) {
        let w = inst.durations[j]!;
        for (let e = inst.succStart[j]!; e < inst.succStart[j + 1]!; e++) w += inst.durations[inst.succ[e]!]!;
        v[j] = -w;
      }
      break;
    case "MinSlack":
      for (let j = 0; j < n; j++) v[j] = inst.lst[j]! - inst.est[j]!;
      break;
    case "SPT":
      v.set(inst.durations);
      break;
    case "ID":
      for (let j = 0; j < n; j++) v[j] = j;
      break;
    case "random": {
      const rng = new Rng(seed);
      for (let j = 0; j < n; j++) v[j] = rng.next();
      break;
    }
  }
  return v;
}
