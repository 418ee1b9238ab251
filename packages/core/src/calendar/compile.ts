import { PmokitError } from "../errors.js";
import type { Result } from "../errors.js";
import { dayOfWeek, fromEpochDay, fromEpochMinute, toEpochDay } from "../time/local.js";
import type { EpochDay, EpochMinute } from "../time/local.js";
import { expandRecurrence } from "./recurrence.js";
import { DAY_NAMES, timeToMinutes } from "./primitives.js";
import { validateCalendarInput } from "./validate.js";
import type { Calendar, CalendarInput, DayPattern, WeekDays, WorkingTime } from "./schema.js";
import { IntervalTimeline } from "./timeline.js";
import type { WorkingCalendar } from "./types.js";

/**
 * A {@link WorkingCalendar} compiled by {@link compileCalendar}: the interface's operations plus
 * inspection helpers. Working intervals are built lazily over a horizon that grows on demand.
 *
 * @example
 * ```ts
 * import { compileCalendar, standardCalendar, toEpochDay } from "@pmokit/core";
 * const cal = compileCalendar(standardCalendar());
 * cal.workingMinutesOnDay(toEpochDay("2026-11-23")); // 480
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export interface CompiledCalendar extends WorkingCalendar {
  /** Name of the calendar. */
  readonly name: string;
  /** Ids of the calendar and its ancestors, nearest first. */
  readonly lineage: readonly string[];
  /** Working minutes on one epoch day (`[day·1440, day·1440 + 1440)`). */
  workingMinutesOnDay(day: EpochDay): number;
  /** Whether an epoch day has any working time. */
  isWorkingDay(day: EpochDay): boolean;
  /** The working intervals `[start, end)` intersecting `[a, b)`, clipped to it, in order. */
  workingIntervals(a: EpochMinute, b: EpochMinute): Array<[EpochMinute, EpochMinute]>;
  /** The day-level working times after resolving the parent chain, exceptions and work weeks. */
  workingTimesOnDay(day: EpochDay): readonly WorkingTime[];
}

/**
 * Options of {@link compileCalendar}.
 *
 * @example
 * ```ts
 * import { compileCalendar, standardCalendar } from "@pmokit/core";
 * const cal = compileCalendar(
 *   { id: "night-crew", name: "Night crew", parentId: "standard" },
 *   { calendars: [standardCalendar()], horizon: { from: "2020-01-01", to: "2040-01-01" } },
 * );
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export interface CompileCalendarOptions {
  /** Other calendars, to resolve `parentId` (by id). */
  readonly calendars?: readonly CalendarInput[] | ReadonlyMap<string, CalendarInput>;
  /**
   * Initial horizon of precomputed intervals, ISO dates, `to` exclusive. Default: built on first
   * use, from 10 years before to 25 years after the first queried instant. Queries outside the
   * horizon extend it (by at least 25 years), up to the limits 1900-01-01 … 2500-01-01.
   */
  readonly horizon?: { readonly from: string; readonly to: string };
}

const DEFAULT_TIMES: readonly WorkingTime[] = [
  { from: "08:00", to: "12:00" },
  { from: "13:00", to: "17:00" },
];
const LIMIT_FROM: EpochDay = toEpochDay("1900-01-01");
const LIMIT_TO: EpochDay = toEpochDay("2500-01-01");
const EXTEND_DAYS = 366 * 25;

/** Minute ranges of a day as a flat [from, to, from, to, ...] list; empty = non-working. */
type DayRanges = readonly number[];
const NONE: DayRanges = [];

function rangesOf(working: boolean, times: readonly WorkingTime[] | undefined): DayRanges {
  if (!working) return NONE;
  const out: number[] = [];
  for (const t of times ?? DEFAULT_TIMES) out.push(timeToMinutes(t.from), timeToMinutes(t.to));
  return out;
}

function dayRanges(p: DayPattern | null | undefined): DayRanges | undefined {
  return p === null || p === undefined ? undefined : rangesOf(p.working, p.times);
}

interface Level {
  readonly week: ReadonlyArray<DayRanges | undefined>;
  readonly workWeeks: ReadonlyArray<{
    readonly from: EpochDay;
    readonly to: EpochDay;
    readonly week: ReadonlyArray<DayRanges | undefined>;
  }>;
}

function weekOf(w: WeekDays): Array<DayRanges | undefined> {
  return DAY_NAMES.map((n) => dayRanges(w[n]));
}

function invalid(message: string, details: Record<string, unknown>): PmokitError {
  return new PmokitError("INVALID_CALENDAR", message, details);
}

function toCalendar(input: CalendarInput, path: string): Calendar {
  // Hand-written twin of CalendarSchema (same defaults and issues) so that compiling calendars, and
  // hence scheduling, ships no zod.
  const r = validateCalendarInput(input);
  if (r.ok) return r.value;
  const issue = r.issues[0];
  const where = [path, ...(issue?.path ?? []).map(String)].join(".");
  throw new PmokitError("INVALID_CALENDAR", `Invalid calendar at ${where}: ${issue?.message ?? "invalid"}`, {
    path: where,
    issues: r.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  });
}

/**
 * Validates a calendar against {@link CalendarSchema}.
 *
 * @param input - the calendar as plain data
 * @returns the calendar with defaults applied
 * @throws PmokitError `INVALID_CALENDAR` naming the JSON path of the first problem
 * @example
 * ```ts
 * import { parseCalendar } from "@pmokit/core";
 * const cal = parseCalendar({ id: "c", name: "C", weekDays: { monday: { working: true } } });
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export function parseCalendar(input: unknown): Calendar {
  return toCalendar(input as CalendarInput, "calendar");
}

/**
 * Like {@link parseCalendar} but returns a {@link Result} instead of throwing.
 *
 * @param input - the calendar as plain data
 * @returns `{ ok: true, value }` or `{ ok: false, error }`
 * @example
 * ```ts
 * import { safeParseCalendar } from "@pmokit/core";
 * safeParseCalendar({ id: "", name: "x" }).ok; // false
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export function safeParseCalendar(input: unknown): Result<Calendar> {
  try {
    return { ok: true, value: parseCalendar(input) };
  } catch (e) {
    if (e instanceof PmokitError) return { ok: false, error: e };
    throw e;
  }
}

function hasWorking(levels: readonly Level[], exceptionsWork: boolean): boolean {
  if (exceptionsWork) return true;
  for (const l of levels) {
    if (l.week.some((d) => d !== undefined && d.length > 0)) return true;
    if (l.workWeeks.some((w) => w.week.some((d) => d !== undefined && d.length > 0))) return true;
  }
  return false;
}

class Compiled extends IntervalTimeline implements CompiledCalendar {
  readonly id: string;
  readonly name: string;
  readonly lineage: readonly string[];
  private readonly levels: readonly Level[];
  private readonly exceptions: ReadonlyMap<EpochDay, DayRanges>;
  private dayFrom: EpochDay;
  private dayTo: EpochDay;
  private built = false;
  private readonly lazyHorizon: boolean;
  /** dayIdx[k] = index of the first interval starting at or after day (dayFrom + k). */
  private dayIdx = new Int32Array(0);

  constructor(chain: readonly Calendar[], horizon: { from: EpochDay; to: EpochDay } | undefined) {
    super();
    const self = chain[0]!;
    this.id = self.id;
    this.name = self.name;
    this.lineage = chain.map((c) => c.id);
    this.lazyHorizon = horizon === undefined;
    this.dayFrom = horizon?.from ?? 0;
    this.dayTo = horizon?.to ?? 1;
    const exceptions = new Map<EpochDay, DayRanges>();
    let exceptionsWork = false;
    // nearest calendar first; within a calendar the first listed exception wins
    for (let ci = 0; ci < chain.length; ci++) {
      const cal = chain[ci]!;
      cal.exceptions.forEach((ex, ei) => {
        const from = toEpochDay(ex.from);
        const to = Math.min(toEpochDay(ex.to), LIMIT_TO);
        const ranges = rangesOf(ex.working, ex.times);
        if (ranges.length > 0) exceptionsWork = true;
        const days = ex.recurrence
          ? expandRecurrence(ex.recurrence, from, to)
          : Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
        if (ex.recurrence && days.length === 0) {
          throw invalid(`Recurring exception '${ex.name ?? ei}' of calendar '${cal.id}' has no occurrence`, {
            path: `calendars[${cal.id}].exceptions[${ei}]`,
            ids: [cal.id],
          });
        }
        for (const d of days) if (!exceptions.has(d)) exceptions.set(d, ranges);
      });
    }
    this.exceptions = exceptions;
    this.levels = chain.map((c) => ({
      week: weekOf(c.weekDays),
      workWeeks: c.workWeeks.map((w) => ({
        from: toEpochDay(w.from),
        to: toEpochDay(w.to),
        week: weekOf(w.weekDays),
      })),
    }));
    if (!hasWorking(this.levels, exceptionsWork)) {
      throw new PmokitError("NO_WORKING_TIME", `Calendar '${self.id}' has no working time at all`, {
        ids: [...this.lineage],
      });
    }
  }

  private rangesOnDay(d: EpochDay): DayRanges {
    const ex = this.exceptions.get(d);
    if (ex !== undefined) return ex;
    const dow = dayOfWeek(d);
    for (const l of this.levels) {
      for (const w of l.workWeeks) {
        if (d >= w.from && d <= w.to) {
          const r = w.week[dow];
          if (r !== undefined) return r;
        }
      }
      const r = l.week[dow];
      if (r !== undefined) return r;
    }
    return NONE;
  }

  private build(): void {
    const starts: number[] = [];
    const ends: number[] = [];
    for (let d = this.dayFrom; d < this.dayTo; d++) {
      const r = this.rangesOnDay(d);
      const base = d * 1440;
      for (let k = 0; k < r.length; k += 2) {
        const s = base + r[k]!;
        const e = base + r[k + 1]!;
        const last = ends.length - 1;
        if (last >= 0 && ends[last]! >= s) {
          if (e > ends[last]!) ends[last] = e;
        } else {
          starts.push(s);
          ends.push(e);
        }
      }
    }
    const n = starts.length;
    this.n = n;
    const days = this.dayTo - this.dayFrom;
    this.dayIdx = new Int32Array(days + 1);
    for (let k = 0, i = 0; k <= days; k++) {
      const dayStart = (this.dayFrom + k) * 1440;
      while (i < n && starts[i]! < dayStart) i++;
      this.dayIdx[k] = i;
    }
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.cum = new Float64Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc += ends[i]! - starts[i]!;
      this.cum[i] = acc;
    }
    this.lo = this.dayFrom * 1440;
    this.hi = this.dayTo * 1440;
    this.built = true;
  }

  /** Grows the horizon to cover [a, b] (minutes); false when the hard limits are already reached. */
  protected extend(a: number, b: number): boolean {
    if (this.built && a >= this.lo && b <= this.hi) return false;
    const from = Math.max(LIMIT_FROM, Math.min(this.dayFrom, Math.floor(a / 1440) - EXTEND_DAYS));
    const to = Math.min(LIMIT_TO, Math.max(this.dayTo, Math.ceil(b / 1440) + EXTEND_DAYS));
    if (from === this.dayFrom && to === this.dayTo && this.built) return false;
    this.dayFrom = from;
    this.dayTo = to;
    this.build();
    return true;
  }

  protected ensure(t: number): void {
    if (!this.built || !(t >= this.lo && t <= this.hi)) {
      if (!Number.isFinite(t)) {
        throw new PmokitError("INVALID_INPUT", `Not a finite epoch minute: ${String(t)}`, {
          expected: "finite number",
        });
      }
      if (!this.built && this.lazyHorizon) {
        // first use: build about 35 years around the first queried instant
        const d = Math.floor(t / 1440);
        this.dayFrom = Math.max(LIMIT_FROM, Math.min(d - 366 * 10, LIMIT_TO - 1));
        this.dayTo = Math.min(LIMIT_TO, Math.max(d + 366 * 25, this.dayFrom + 1));
      }
      if (!this.built) this.build();
      this.extend(t, t);
      if (t < this.lo || t > this.hi) {
        throw new PmokitError(
          "LIMIT_EXCEEDED",
          `Date ${fromEpochMinute(t)} outside the supported calendar range`,
          {
            ids: [this.id],
            expected: `${fromEpochDay(LIMIT_FROM)} … ${fromEpochDay(LIMIT_TO)}`,
            received: fromEpochMinute(t),
          },
        );
      }
    }
  }

  /** Index of the last interval with start <= t, or -1 (O(1) via the day index). */
  protected floor(t: number): number {
    const s = this.starts;
    const k = Math.floor(t / 1440) - this.dayFrom;
    let i = (k + 1 < this.dayIdx.length ? this.dayIdx[k + 1]! : this.n) - 1;
    while (i >= 0 && s[i]! > t) i--;
    return i;
  }

  workingMinutesOnDay(day: EpochDay): number {
    return this.workingMinutesBetween(day * 1440, day * 1440 + 1440);
  }

  isWorkingDay(day: EpochDay): boolean {
    return this.workingMinutesOnDay(day) > 0;
  }

  workingIntervals(a: EpochMinute, b: EpochMinute): Array<[EpochMinute, EpochMinute]> {
    this.ensure(a);
    this.ensure(b);
    const out: Array<[EpochMinute, EpochMinute]> = [];
    for (let i = Math.max(0, this.floor(a)); i < this.n && this.starts[i]! < b; i++) {
      const s = Math.max(a, this.starts[i]!);
      const e = Math.min(b, this.ends[i]!);
      if (s < e) out.push([s, e]);
    }
    return out;
  }

  workingTimesOnDay(day: EpochDay): readonly WorkingTime[] {
    const r = this.rangesOnDay(day);
    const out: WorkingTime[] = [];
    const fmt = (m: number): string =>
      `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    for (let k = 0; k < r.length; k += 2) out.push({ from: fmt(r[k]!), to: fmt(r[k + 1]!) });
    return out;
  }

  protected noWork(t: number, after: boolean): PmokitError {
    const limit = fromEpochDay(after ? this.dayTo : this.dayFrom);
    return new PmokitError(
      "NO_WORKING_TIME",
      `Calendar '${this.id}' has no working time ${after ? "after" : "before"} ${fromEpochMinute(t)} (${after ? "up" : "down"} to ${limit})`,
      { ids: [this.id], received: fromEpochMinute(t) },
    );
  }
}

function lookup(calendars: CompileCalendarOptions["calendars"]): (id: string) => CalendarInput | undefined {
  if (calendars === undefined) return () => undefined;
  if (Array.isArray(calendars)) {
    const m = new Map<string, CalendarInput>();
    for (const c of calendars as readonly CalendarInput[]) m.set(c.id, c);
    return (id) => m.get(id);
  }
  const map = calendars as ReadonlyMap<string, CalendarInput>;
  return (id) => map.get(id);
}

function horizonOf(
  options: CompileCalendarOptions | undefined,
): { from: EpochDay; to: EpochDay } | undefined {
  if (options?.horizon === undefined) return undefined;
  const from = toEpochDay(options.horizon.from, "horizon.from");
  const to = toEpochDay(options.horizon.to, "horizon.to");
  if (!(from < to) || from < LIMIT_FROM || to > LIMIT_TO) {
    throw new PmokitError(
      "INVALID_INPUT",
      "Calendar horizon must satisfy 1900-01-01 <= from < to <= 2500-01-01",
      {
        path: "horizon",
        expected: "from < to within 1900-01-01 … 2500-01-01",
      },
    );
  }
  return { from, to };
}

/**
 * Compiles a calendar into a fast {@link CompiledCalendar}: resolves the parent chain (a derived
 * calendar's absent days use the base calendar's), expands recurring exceptions, and builds sorted
 * working intervals with a prefix sum of working minutes, so every query is a binary search
 * (O(log n)). Intervals are built on first use for the horizon and extended on demand.
 *
 * Resolution of a day, MS Project's order: (1) an exception of the calendar itself, then of its
 * ancestors (nearest first; within one calendar the first listed wins); (2) the calendar's work week
 * covering the date, for the days it defines; (3) the calendar's default week; (4) the same steps 2–3
 * on the parent, grand-parent, …; (5) otherwise non-working.
 *
 * @param calendar - the calendar (validated with {@link CalendarSchema})
 * @param options - other calendars to resolve `parentId`, initial horizon
 * @returns the compiled calendar
 * @throws PmokitError `INVALID_CALENDAR` (schema violation or parent cycle), `CALENDAR_NOT_FOUND`
 *   (dangling `parentId`), `NO_WORKING_TIME` (no working time anywhere in the definition)
 * @example
 * ```ts
 * import { compileCalendar, standardCalendar, toEpochMinute, fromEpochMinute } from "@pmokit/core";
 * const cal = compileCalendar({
 *   ...standardCalendar(),
 *   exceptions: [{ name: "Christmas", from: "2026-12-25", to: "2026-12-25", working: false }],
 * });
 * // 1 day from Thursday 2026-12-24 17:00 → ends Monday 2026-12-28 17:00
 * fromEpochMinute(cal.addWorkingMinutes(toEpochMinute("2026-12-24T17:00"), 480));
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export function compileCalendar(calendar: CalendarInput, options?: CompileCalendarOptions): CompiledCalendar {
  const find = lookup(options?.calendars);
  const chain: Calendar[] = [toCalendar(calendar, `calendars[${calendar.id}]`)];
  const seen = new Set<string>([chain[0]!.id]);
  for (let cur = chain[0]!; cur.parentId !== undefined;) {
    const pid = cur.parentId;
    if (seen.has(pid)) {
      throw invalid(`Calendar parent cycle: ${[...seen, pid].join(" → ")}`, {
        ids: [...seen, pid],
        path: `calendars[${cur.id}].parentId`,
      });
    }
    const parentInput = find(pid);
    if (parentInput === undefined) {
      throw new PmokitError(
        "CALENDAR_NOT_FOUND",
        `Parent calendar '${pid}' of calendar '${cur.id}' not found`,
        {
          ids: [pid],
          path: `calendars[${cur.id}].parentId`,
          expected: "the id of a calendar in the same set",
          received: pid,
        },
      );
    }
    const parent = toCalendar(parentInput, `calendars[${pid}]`);
    seen.add(pid);
    chain.push(parent);
    cur = parent;
  }
  return new Compiled(chain, horizonOf(options));
}

/**
 * Compiles a set of calendars, resolving `parentId`s among them.
 *
 * @param calendars - the calendars (ids must be unique)
 * @param options - initial horizon
 * @returns the compiled calendars by id
 * @throws PmokitError `DUPLICATE_ID`, `CALENDAR_NOT_FOUND` (dangling parent), `INVALID_CALENDAR`
 *   (schema violation, parent cycle), `NO_WORKING_TIME`
 * @example
 * ```ts
 * import { compileCalendars, standardCalendar } from "@pmokit/core";
 * const cals = compileCalendars([
 *   standardCalendar("std"),
 *   {
 *     id: "alice",
 *     name: "Alice",
 *     parentId: "std",
 *     exceptions: [{ name: "Vacation", from: "2026-08-03", to: "2026-08-14", working: false }],
 *   },
 * ]);
 * cals.get("alice")?.isWorking(0);
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export function compileCalendars(
  calendars: readonly CalendarInput[],
  options?: Omit<CompileCalendarOptions, "calendars">,
): Map<string, CompiledCalendar> {
  const byId = new Map<string, CalendarInput>();
  calendars.forEach((c, i) => {
    if (byId.has(c.id)) {
      throw new PmokitError("DUPLICATE_ID", `Duplicate calendar id '${c.id}'`, {
        ids: [c.id],
        path: `calendars[${i}].id`,
      });
    }
    byId.set(c.id, c);
  });
  const out = new Map<string, CompiledCalendar>();
  for (const c of calendars) out.set(c.id, compileCalendar(c, { ...options, calendars: byId }));
  return out;
}
