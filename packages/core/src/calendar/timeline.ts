import { PmokitError } from "../errors.js";
import type { EpochMinute } from "../time/local.js";

/**
 * Working time as sorted, disjoint intervals `[starts[i], ends[i])` in epoch minutes, with the running
 * sum of working minutes through each interval (`cum[i]`), built over a horizon `[lo, hi]` that grows
 * on demand. The queries of a working-time calendar are written once here, over those arrays; a
 * subclass says how intervals are built and grown (a compiled calendar from its week, work weeks
 * and exceptions; a combined calendar from the intervals of its parts) and how it finds the interval
 * of an instant.
 *
 * @internal
 */
export abstract class IntervalTimeline {
  protected n = 0;
  protected starts = new Float64Array(0);
  protected ends = new Float64Array(0);
  protected cum = new Float64Array(0);
  protected lo = 0;
  protected hi = 0;

  /** Makes the horizon cover `t`; throws for a non-finite `t` or one outside the supported range. */
  protected abstract ensure(t: number): void;
  /** Index of the last interval with start ≤ `t`, or -1 (requires `lo ≤ t ≤ hi`). */
  protected abstract floor(t: number): number;
  /** Grows the horizon to cover `[a, b]`; false when it cannot grow any further. */
  protected abstract extend(a: number, b: number): boolean;
  /** The error for "no working time after (or before) `t`". */
  protected abstract noWork(t: number, after: boolean): PmokitError;

  /** Working minutes in `[horizon start, t)`; requires `lo ≤ t ≤ hi`. */
  protected w(t: number): number {
    const i = this.floor(t);
    if (i < 0) return 0;
    const e = this.ends[i]!;
    return e > t ? this.cum[i]! - (e - t) : this.cum[i]!;
  }

  isWorking(t: EpochMinute): boolean {
    this.ensure(t);
    const i = this.floor(t);
    return i >= 0 && t < this.ends[i]!;
  }

  nextWorkingStart(t: EpochMinute): EpochMinute {
    this.ensure(t);
    for (;;) {
      const i = this.floor(t);
      if (i >= 0 && t < this.ends[i]!) return t;
      if (i + 1 < this.n) return this.starts[i + 1]!;
      if (!this.extend(t, this.hi + 1)) throw this.noWork(t, true);
    }
  }

  previousWorkingEnd(t: EpochMinute): EpochMinute {
    this.ensure(t);
    for (;;) {
      // The last interval that starts before t.
      let i = this.floor(t);
      if (i >= 0 && this.starts[i] === t) i--;
      if (i >= 0) return t <= this.ends[i]! ? t : this.ends[i]!;
      if (!this.extend(this.lo - 1, t)) throw this.noWork(t, false);
    }
  }

  addWorkingMinutes(t: EpochMinute, minutes: number): EpochMinute {
    if (minutes === 0) return t;
    if (!Number.isFinite(minutes)) {
      throw new PmokitError("INVALID_INPUT", `Working minutes must be finite, got ${String(minutes)}`, {
        expected: "finite number",
      });
    }
    this.ensure(t);
    for (;;) {
      const i0 = this.floor(t);
      const c = this.cum;
      let wt = 0;
      if (i0 >= 0) {
        const e = this.ends[i0]!;
        wt = e > t ? c[i0]! - (e - t) : c[i0]!;
      }
      const target = wt + minutes;
      const n = this.n;
      let lo = 0;
      let hi = n;
      if (minutes > 0) {
        // Gallop forward from the interval of t, then binary search.
        lo = i0 < 0 ? 0 : i0;
        let step = 1;
        hi = lo;
        while (hi < n && c[hi]! < target) {
          lo = hi + 1;
          hi += step;
          step <<= 1;
        }
        if (hi > n) hi = n;
        // The smallest i with cum[i] ≥ target: the result is an end when it falls on a boundary.
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (c[mid]! < target) lo = mid + 1;
          else hi = mid;
        }
        if (lo < n) return this.ends[lo]! - (c[lo]! - target);
        if (!this.extend(t, this.hi + 1)) throw this.noWork(t, true);
      } else {
        if (target >= 0) {
          // Gallop backward from the interval of t, then binary search.
          hi = i0 < 0 ? 0 : i0 + 1 > n ? n : i0 + 1;
          let step = 1;
          lo = hi - 1;
          while (lo >= 0 && c[lo]! > target) {
            hi = lo;
            lo -= step;
            step <<= 1;
          }
          lo = lo < 0 ? 0 : lo;
          // The smallest i with cum[i] > target: the result is a start when it falls on a boundary.
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (c[mid]! <= target) lo = mid + 1;
            else hi = mid;
          }
          if (lo < n) return this.ends[lo]! - (c[lo]! - target);
        }
        if (!this.extend(this.lo - 1, t)) throw this.noWork(t, false);
      }
    }
  }

  workingMinutesBetween(a: EpochMinute, b: EpochMinute): number {
    this.ensure(a);
    this.ensure(b);
    return this.w(b) - this.w(a);
  }
}
