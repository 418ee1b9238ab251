import type { RcpspInstance } from "./instance.js";

/**
 * The pluggable "earliest feasible start" of the schedule generation schemes: a resource profile
 * that knows what is still available in every period. Implement it to schedule on other time
 * models (e.g. working calendars); the schemes only call these three methods.
 *
 * @category RCPSP
 * @since 0.1.0
 */
export interface ResourceProfile {
  /**
   * Frees every period. With `mirrorAt` ≥ 0 the profile works on reversed time (period `t` has the
   * capacity of real period `mirrorAt - 1 - t`); backward passes use it.
   */
  reset(mirrorAt?: number): void;
  /** The earliest period `t ≥ est` from which activity `j` fits for its whole duration. */
  earliestStart(j: number, est: number): number;
  /** Books activity `j` from period `start` for its duration. */
  reserve(j: number, start: number): void;
}

/**
 * The default {@link ResourceProfile}: remaining capacity per resource and period in one
 * `Int32Array`, initialised lazily (a reset costs nothing), grown on demand.
 *
 * @example
 * ```ts
 * import { compileRcpsp, TimeIndexedProfile } from "@pmokit/leveling";
 * const inst = compileRcpsp({ durations: [2, 2], successors: [[], []], demands: [[1], [1]], capacities: [1] });
 * const p = new TimeIndexedProfile(inst);
 * p.reserve(0, p.earliestStart(0, 0));
 * p.earliestStart(1, 0); // 2
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export class TimeIndexedProfile implements ResourceProfile {
  private readonly inst: RcpspInstance;
  private avail: Int32Array;
  private size: number;
  private ready = 0;
  private mirror = -1;

  /**
   * @param inst - the compiled instance
   */
  constructor(inst: RcpspInstance) {
    this.inst = inst;
    this.size = Math.max(16, inst.horizon + 1);
    this.avail = new Int32Array(this.size * Math.max(1, inst.resources));
  }

  reset(mirrorAt = -1): void {
    this.ready = 0;
    this.mirror = mirrorAt;
  }

  private grow(upTo: number): void {
    let size = this.size;
    while (size < upTo) size *= 2;
    const K = this.inst.resources;
    const next = new Int32Array(size * Math.max(1, K));
    for (let k = 0; k < K; k++)
      next.set(this.avail.subarray(k * this.size, k * this.size + this.ready), k * size);
    this.avail = next;
    this.size = size;
  }

  /** Initialises periods `ready .. upTo-1`. */
  private prepare(upTo: number): void {
    if (upTo > this.size) this.grow(upTo);
    const { resources: K, capacity, capacityPeriods: P } = this.inst;
    const H = this.size;
    const avail = this.avail;
    const from = this.ready;
    if (P === 1) {
      for (let k = 0; k < K; k++) avail.fill(capacity[k]!, k * H + from, k * H + upTo);
    } else {
      const m = this.mirror;
      for (let k = 0; k < K; k++)
        for (let t = from; t < upTo; t++) {
          let real = m >= 0 ? m - 1 - t : t;
          if (real < 0) real = 0;
          if (real >= P) real = P - 1;
          avail[k * H + t] = capacity[k * P + real]!;
        }
    }
    this.ready = upTo;
  }

  earliestStart(j: number, est: number): number {
    const inst = this.inst;
    const d = inst.durations[j]!;
    const r0 = inst.demandResStart[j]!;
    const r1 = inst.demandResStart[j + 1]!;
    if (d === 0 || r0 === r1) return est;
    const K = inst.resources;
    const res = inst.demandRes;
    const demand = inst.demand;
    let t = est;
    for (;;) {
      if (t + d > this.ready) this.prepare(Math.max(t + d, Math.min(this.ready * 2, this.size) | 0, 8));
      const avail = this.avail;
      const H = this.size;
      let conflict = -1;
      for (let tau = t + d - 1; tau >= t && conflict < 0; tau--) {
        for (let q = r0; q < r1; q++) {
          const k = res[q]!;
          if (avail[k * H + tau]! < demand[j * K + k]!) {
            conflict = tau;
            break;
          }
        }
      }
      if (conflict < 0) return t;
      t = conflict + 1;
    }
  }

  reserve(j: number, start: number): void {
    const inst = this.inst;
    const d = inst.durations[j]!;
    const r0 = inst.demandResStart[j]!;
    const r1 = inst.demandResStart[j + 1]!;
    if (d === 0 || r0 === r1) return;
    if (start + d > this.ready) this.prepare(start + d);
    const K = inst.resources;
    const H = this.size;
    const avail = this.avail;
    for (let q = r0; q < r1; q++) {
      const k = inst.demandRes[q]!;
      const r = inst.demand[j * K + k]!;
      const base = k * H + start;
      for (let tau = 0; tau < d; tau++) avail[base + tau]! -= r;
    }
  }
}
