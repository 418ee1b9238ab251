import type { RcpspInstance } from "./instance.js";
import type { ResourceProfile } from "./profile.js";
import { decodeSerial } from "./sgs.js";

/**
 * Reusable buffers for {@link justify} and {@link doubleJustify} (allocate once per instance).
 *
 * @category RCPSP
 * @since 0.1.0
 */
export interface JustifyWorkspace {
  readonly keys: Float64Array;
  readonly list: Int32Array;
  readonly tmp: Int32Array;
}

/**
 * Allocates a {@link JustifyWorkspace}.
 *
 * @param inst - the compiled instance
 * @returns the workspace
 * @example
 * ```ts
 * import { compileRcpsp, createJustifyWorkspace } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [1], successors: [[]], demands: [[0]], capacities: [1] });
 * createJustifyWorkspace(inst).list.length; // 1
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function createJustifyWorkspace(inst: RcpspInstance): JustifyWorkspace {
  return { keys: new Float64Array(inst.n), list: new Int32Array(inst.n), tmp: new Int32Array(inst.n) };
}

/**
 * Writes into `ws.list` the activities sorted by start time (ties: topological order): a
 * precedence-feasible list whose serial decoding is never later than `starts`.
 *
 * @param inst - the compiled instance
 * @param starts - a feasible schedule
 * @param out - receives the list
 * @param keys - scratch buffer of length n
 * @returns `out`
 * @example
 * ```ts
 * import { compileRcpsp, listFromStarts } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [1, 1], successors: [[], []], demands: [[0], [0]], capacities: [1] });
 * listFromStarts(inst, [3, 1], new Int32Array(2), new Float64Array(2)); // Int32Array [1, 0]
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function listFromStarts(
  inst: RcpspInstance,
  starts: ArrayLike<number>,
  out: Int32Array,
  keys: Float64Array,
): Int32Array {
  const n = inst.n;
  for (let j = 0; j < n; j++) keys[j] = starts[j]! * n + inst.topoRank[j]!;
  keys.sort();
  for (let i = 0; i < n; i++) out[i] = inst.topoOrder[keys[i]! % n]!;
  return out;
}

/**
 * One justification pass. `"right"`: activities in decreasing order of finish time are shifted as
 * late as possible without exceeding the makespan (a backward serial SGS); `"left"`: activities in
 * increasing order of start time are shifted as early as possible (a forward serial SGS). Each pass
 * is one schedule generation. The schedule `starts` is updated in place (after a right pass it may
 * start after 0).
 *
 * @param inst - the compiled instance
 * @param starts - a feasible schedule, updated in place
 * @param direction - `"left"` or `"right"`
 * @param profile - the resource profile
 * @param ws - buffers from {@link createJustifyWorkspace}
 * @returns the makespan of the result (for `"right"`: length from its first start to the end)
 * @example
 * ```ts
 * import { compileRcpsp, justify, TimeIndexedProfile, createJustifyWorkspace } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [2, 2], successors: [[], []], demands: [[1], [1]], capacities: [1] });
 * const s = Int32Array.of(0, 3);
 * justify(inst, s, "left", new TimeIndexedProfile(inst), createJustifyWorkspace(inst)); // 4
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function justify(
  inst: RcpspInstance,
  starts: Int32Array,
  direction: "left" | "right",
  profile: ResourceProfile,
  ws: JustifyWorkspace,
): number {
  const n = inst.n;
  const dur = inst.durations;
  const { keys, list, tmp } = ws;
  if (direction === "left") {
    listFromStarts(inst, starts, list, keys);
    profile.reset();
    return decodeSerial(inst, list, profile, starts);
  }
  let T = 0;
  for (let j = 0; j < n; j++) T = Math.max(T, starts[j]! + dur[j]!);
  // Finish time decreasing, successors first among ties.
  for (let j = 0; j < n; j++) keys[j] = (T - starts[j]! - dur[j]!) * n + (n - 1 - inst.topoRank[j]!);
  keys.sort();
  for (let i = 0; i < n; i++) list[i] = inst.topoOrder[n - 1 - (keys[i]! % n)]!;
  profile.reset(T);
  const len = decodeSerial(inst, list, profile, tmp, true);
  for (let j = 0; j < n; j++) starts[j] = T - tmp[j]! - dur[j]!;
  return len;
}

/**
 * Double justification (Valls, Ballestín & Quintanilla 2005), also called forward-backward
 * improvement: a right pass then a left pass. Never increases the makespan. Counts as two
 * schedule generations.
 *
 * @param inst - the compiled instance
 * @param starts - a feasible left-justified or any feasible schedule, updated in place
 * @param profile - the resource profile
 * @param ws - buffers from {@link createJustifyWorkspace}
 * @returns the new makespan
 * @example
 * ```ts
 * import { compileRcpsp, doubleJustify, TimeIndexedProfile, createJustifyWorkspace } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [2, 2], successors: [[], []], demands: [[1], [1]], capacities: [1] });
 * doubleJustify(inst, Int32Array.of(0, 2), new TimeIndexedProfile(inst), createJustifyWorkspace(inst)); // 4
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function doubleJustify(
  inst: RcpspInstance,
  starts: Int32Array,
  profile: ResourceProfile,
  ws: JustifyWorkspace,
): number {
  justify(inst, starts, "right", profile, ws);
  return justify(inst, starts, "left", profile, ws);
}
