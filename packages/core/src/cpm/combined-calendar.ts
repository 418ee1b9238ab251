import { IntervalTimeline } from "../calendar/timeline.js";
import type { WorkingCalendar } from "../calendar/types.js";
import { PmokitError } from "../errors.js";
import { fromEpochMinute, toEpochDay } from "../time/local.js";
import type { EpochMinute } from "../time/local.js";

const LIMIT_LO: EpochMinute = toEpochDay("1900-01-01") * 1440;
const LIMIT_HI: EpochMinute = toEpochDay("2500-01-01") * 1440;
const SPAN_BEFORE = 366 * 1440;
const SPAN_AFTER = 366 * 4 * 1440;

type Interval = [EpochMinute, EpochMinute];

/**
 * Working intervals of a calendar in `[a, b)`, clipped, in order. Uses the calendar's own
 * `workingIntervals` when it has one (compiled calendars); otherwise walks the interface (one
 * working period at a time, its end found by galloping on `workingMinutesBetween`).
 */
function intervalsOf(cal: WorkingCalendar, a: EpochMinute, b: EpochMinute): Interval[] {
  const own = (cal as { workingIntervals?: (a: number, b: number) => Interval[] }).workingIntervals;
  if (typeof own === "function") return own.call(cal, a, b);
  const out: Interval[] = [];
  let t = a;
  while (t < b) {
    let s: EpochMinute;
    try {
      s = cal.nextWorkingStart(t);
    } catch (e) {
      if (e instanceof PmokitError && e.code === "NO_WORKING_TIME") break;
      throw e;
    }
    if (s >= b) break;
    // Largest len with [s, s + len) all working: gallop, then binary search.
    let lo = 1;
    let hi = 1;
    while (s + hi < b && cal.workingMinutesBetween(s, s + hi) === hi) {
      lo = hi;
      hi *= 2;
    }
    if (s + hi > b) hi = b - s;
    if (cal.workingMinutesBetween(s, s + hi) === hi) lo = hi;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (cal.workingMinutesBetween(s, s + mid) === mid) lo = mid;
      else hi = mid - 1;
    }
    out.push([s, s + lo]);
    t = s + lo;
  }
  return out;
}

function intersect(x: readonly Interval[], y: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const s = Math.max(x[i]![0], y[j]![0]);
    const e = Math.min(x[i]![1], y[j]![1]);
    if (s < e) out.push([s, e]);
    if (x[i]![1] < y[j]![1]) i++;
    else j++;
  }
  return out;
}

function unite(lists: readonly (readonly Interval[])[]): Interval[] {
  const all = lists.flat().sort((p, q) => p[0] - q[0]);
  const out: Interval[] = [];
  for (const [s, e] of all) {
    const last = out[out.length - 1];
    if (last !== undefined && last[1] >= s) {
      if (e > last[1]) last[1] = e;
    } else out.push([s, e]);
  }
  return out;
}

/**
 * A working-time calendar made of others: the working time common to all of them (`intersection`,
 * e.g. a task calendar with a resource calendar) or the time when any of them works (`union`, the
 * span over which a task with several resources on different calendars counts its duration). The
 * intervals are materialised lazily over a horizon that grows on demand, with a prefix sum of
 * working minutes, so every operation is a binary search.
 *
 * @example
 * ```ts
 * import { combineCalendars, compileCalendar, standardCalendar } from "@pmokit/core";
 * const day = compileCalendar(standardCalendar("day"));
 * const both: CombinedCalendar = combineCalendars("union", [day, day]);
 * both.hasWorkingTime(0, 14 * 1440); // true
 * ```
 * @category Scheduling
 * @since 0.2.0
 */
export interface CombinedCalendar extends WorkingCalendar {
  /** How the parts are combined. */
  readonly mode: "intersection" | "union";
  /** The calendars combined. */
  readonly parts: readonly WorkingCalendar[];
  /** Whether there is any working time between `a` and `b` (epoch minutes). */
  hasWorkingTime(a: EpochMinute, b: EpochMinute): boolean;
}

class Combined extends IntervalTimeline implements CombinedCalendar {
  readonly id: string;
  readonly mode: "intersection" | "union";
  readonly parts: readonly WorkingCalendar[];
  private built = false;

  constructor(mode: "intersection" | "union", parts: readonly WorkingCalendar[], id: string) {
    super();
    this.mode = mode;
    this.parts = parts;
    this.id = id;
  }

  private build(lo: number, hi: number): void {
    const lists = this.parts.map((c) => intervalsOf(c, lo, hi));
    let iv: Interval[];
    if (this.mode === "union") iv = unite(lists);
    else {
      iv = lists[0] ?? [];
      for (let k = 1; k < lists.length; k++) iv = intersect(iv, lists[k]!);
    }
    const n = iv.length;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.cum = new Float64Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) {
      const [s, e] = iv[i]!;
      this.starts[i] = s;
      this.ends[i] = e;
      acc += e - s;
      this.cum[i] = acc;
    }
    this.n = n;
    this.lo = lo;
    this.hi = hi;
    this.built = true;
  }

  /** Grows the horizon to cover `[a, b]`; false when the limits are reached and nothing grew. */
  protected extend(a: number, b: number): boolean {
    if (!this.built) {
      const lo = Math.max(LIMIT_LO, Math.min(a - SPAN_BEFORE, LIMIT_HI - 1440));
      const hi = Math.min(LIMIT_HI, Math.max(b + SPAN_AFTER, lo + 1440));
      this.build(lo - (lo % 1440), hi);
      return true;
    }
    if (a >= this.lo && b <= this.hi) return false;
    // Grow by at least the current span (doubling keeps repeated growth cheap overall).
    const span = Math.max(SPAN_AFTER, this.hi - this.lo);
    const lo = Math.max(LIMIT_LO, a < this.lo ? Math.min(this.lo - span, a - SPAN_BEFORE) : this.lo);
    const hi = Math.min(LIMIT_HI, b > this.hi ? Math.max(this.hi + span, b + SPAN_AFTER) : this.hi);
    if (lo === this.lo && hi === this.hi) return false;
    this.build(lo - (lo % 1440), hi);
    return true;
  }

  protected ensure(t: number): void {
    if (this.built && t >= this.lo && t <= this.hi) return;
    if (!Number.isFinite(t)) {
      throw new PmokitError("INVALID_INPUT", `Not a finite epoch minute: ${String(t)}`, {
        expected: "finite number",
      });
    }
    this.extend(t, t);
    if (t < this.lo || t > this.hi) {
      throw new PmokitError(
        "LIMIT_EXCEEDED",
        `Date ${fromEpochMinute(t)} outside the supported calendar range`,
        {
          ids: [this.id],
          expected: "1900-01-01 … 2500-01-01",
          received: fromEpochMinute(t),
        },
      );
    }
  }

  /** Index of the last interval with start <= t, or -1. */
  protected floor(t: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  protected noWork(t: number, after: boolean): PmokitError {
    return new PmokitError(
      "NO_WORKING_TIME",
      `Calendar '${this.id}' (${this.mode} of ${this.parts.map((c) => c.id).join(", ")}) has no working time ${after ? "after" : "before"} ${fromEpochMinute(t)}`,
      { ids: [this.id, ...this.parts.map((c) => c.id)], received: fromEpochMinute(t) },
    );
  }

  hasWorkingTime(a: EpochMinute, b: EpochMinute): boolean {
    this.ensure(a);
    this.ensure(b);
    return this.w(b) > this.w(a);
  }
}

/**
 * Combines working-time calendars into one: `intersection` keeps the time when every part works (MS
 * Project schedules a task with a task calendar and resources in their common working time),
 * `union` the time when any part works (a task whose resources have different calendars works
 * whenever one of them does). Parts that are themselves compiled calendars are read interval by
 * interval; any other {@link WorkingCalendar} works too.
 *
 * @param mode - `intersection` or `union`
 * @param parts - at least one calendar
 * @param id - id of the combined calendar (default: the part ids joined with `&` or `|`)
 * @returns the combined calendar
 * @throws PmokitError `INVALID_INPUT` without parts; `NO_WORKING_TIME` from a query when the
 *   combination has no working time in the searched direction (check with `hasWorkingTime` first)
 * @example
 * ```ts
 * import { combineCalendars, compileCalendar, standardCalendar, toEpochMinute, fromEpochMinute } from "@pmokit/core";
 * const std = compileCalendar(standardCalendar("std"));
 * const fourDays = compileCalendar({ ...standardCalendar("4d"), weekDays: { friday: { working: false } } });
 * const both = combineCalendars("intersection", [std, fourDays]);
 * // 2 days from Thursday 2026-01-08 08:00 on Mon-Thu: Thursday, then Monday
 * fromEpochMinute(both.addWorkingMinutes(toEpochMinute("2026-01-08T08:00"), 960)); // "2026-01-12T17:00:00"
 * ```
 * @category Scheduling
 * @since 0.2.0
 */
export function combineCalendars(
  mode: "intersection" | "union",
  parts: readonly WorkingCalendar[],
  id?: string,
): CombinedCalendar {
  if (parts.length === 0 || (mode !== "intersection" && mode !== "union")) {
    throw new PmokitError("INVALID_INPUT", "combineCalendars: expected a mode and at least one calendar", {
      path: parts.length === 0 ? "parts" : "mode",
      expected: "mode intersection | union and one or more calendars",
      received: parts.length === 0 ? "no calendars" : String(mode),
    });
  }
  return new Combined(mode, [...parts], id ?? parts.map((c) => c.id).join(mode === "union" ? "|" : "&"));
}
