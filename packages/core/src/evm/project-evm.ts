import { compileCalendars } from "../calendar/compile.js";
import { standardCalendar } from "../calendar/presets.js";
import type { CalendarInput } from "../calendar/schema.js";
import type { WorkingCalendar } from "../calendar/types.js";
import { PmokitError } from "../errors.js";
import { currencyMinorUnits } from "../money/money.js";
import type { Money } from "../money/money.js";
import type { Assignment } from "../model/assignment.js";
import type { Portfolio, Project } from "../model/project.js";
import type { Resource } from "../model/resource.js";
import type { Task } from "../model/task.js";
import { fromEpochMinute, toEpochMinute } from "../time/local.js";
import { contourFraction } from "./contours.js";
import { D } from "./decimal.js";
import { esFromDec } from "./earned-schedule.js";
import type { EarnedScheduleResult, EsPlateauRule } from "./earned-schedule.js";
import { indicatorsFromDec } from "./indicators.js";
import type { EvmIndicators, EvmOptions } from "./indicators.js";

/**
 * How a task's earned value is measured (its percent complete):
 *
 * - `percentComplete` (MS Project default): duration % complete;
 * - `physicalPercentComplete`: MS Project / P6 physical % complete (falls back to `percentComplete`);
 * - `workPercentComplete`: % work complete, else actual work / work of the assignments, else `percentComplete`;
 * - `zeroHundred`: 0 until finished, then 100;
 * - `fiftyFifty`: 50 once started, 100 when finished.
 *
 * @category Earned value
 * @since 0.1.0
 */
export type EvMethod =
  "percentComplete" | "physicalPercentComplete" | "workPercentComplete" | "zeroHundred" | "fiftyFifty";

/**
 * Period of the S-curve and of earned schedule: calendar days, ISO weeks (Monday 00:00) or months.
 *
 * @category Earned value
 * @since 0.1.0
 */
export type EvmPeriod = "day" | "week" | "month";

/**
 * Options of {@link computeProjectEvm}.
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface ProjectEvmOptions extends EvmOptions {
  /** Status date; default the project's `settings.statusDate` (required one way or the other). */
  readonly statusDate?: string;
  /** Baseline set 0..10 used for BAC and PV (MS Project `BaselineForEarnedValue`); default 0. */
  readonly baseline?: number;
  /** Earned value method for every task; default `percentComplete`. */
  readonly evMethod?: EvMethod;
  /** Per-task override of the EV method, by task id. */
  readonly evMethodByTask?: Readonly<Record<string, EvMethod>>;
  /** S-curve and earned-schedule period; default `week`. */
  readonly period?: EvmPeriod;
  /** Extra resources (a portfolio's shared pool); project resources with the same id win. */
  readonly resources?: readonly Resource[];
  /** Extra calendars (a portfolio's shared calendars); project calendars with the same id win. */
  readonly calendars?: readonly CalendarInput[];
  /** Earned-schedule plateau rule; default `end`. */
  readonly plateau?: EsPlateauRule;
  /** Include per-task results (default true). */
  readonly includeTasks?: boolean;
}

/**
 * A soft problem of an EVM computation (the numbers are still computed).
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface EvmWarning {
  readonly code: string;
  readonly message: string;
  readonly ids?: readonly string[];
}

/**
 * Earned value of one task at the status date (amounts in the project currency, rounded to its minor
 * unit).
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface TaskEvm {
  readonly id: string;
  readonly name: string;
  readonly evMethod: EvMethod;
  /** Percent complete used for EV (0..100). */
  readonly percentComplete: number;
  readonly bac: Money;
  readonly pv: Money;
  readonly ev: Money;
  readonly ac: Money;
  readonly cv: Money;
  readonly sv: Money;
  /** EV / AC; `null` when AC = 0. */
  readonly cpi: number | null;
  /** EV / PV; `null` when PV = 0. */
  readonly spi: number | null;
}

/**
 * One period of the S-curve: cumulative PV, EV and AC at the period end (EV / AC to date for the period
 * holding the status date, `null` for periods starting after it).
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface SCurvePoint {
  readonly period: number;
  readonly start: string;
  readonly end: string;
  readonly pv: Money;
  readonly ev: Money | null;
  readonly ac: Money | null;
}

/**
 * Result of {@link computeProjectEvm}.
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface ProjectEvm {
  readonly projectId: string;
  readonly name: string;
  readonly currency: string;
  readonly statusDate: string;
  readonly baseline: number;
  readonly evMethod: EvMethod;
  readonly period: EvmPeriod;
  /** Rule that spreads each task's baseline cost into PV (recorded, see docs/evm.md). */
  readonly pvSpreading: "baselineContourWorkingTime";
  /** Rule that spreads EV and AC over time for the S-curve. */
  readonly actualSpreading: "flatActualWorkingTime";
  readonly bac: Money;
  readonly pv: Money;
  readonly ev: Money;
  readonly ac: Money;
  /** Indicators (amounts as decimal strings in the project currency). */
  readonly indicators: EvmIndicators;
  /**
   * Earned schedule in periods of `period` (PV curve per period end, PD = the period in which PV reaches
   * BAC; AT = whole periods elapsed plus the working-time fraction of the current period on the project
   * calendar); `null` when BAC = 0.
   */
  readonly earnedSchedule: EarnedScheduleResult | null;
  readonly tasks: readonly TaskEvm[];
  readonly sCurve: readonly SCurvePoint[];
  readonly warnings: readonly EvmWarning[];
}

// ---------------------------------------------------------------------------------------------
// minor-unit helpers (integers in Number, exact below 2^53 minor units)

function amountToMinor(m: Money, scale: number, currency: string, path: string): number {
  if (m.currency !== currency) {
    throw new PmokitError("CURRENCY_MISMATCH", `${path}: ${m.currency} amount in a ${currency} project`, {
      path,
      expected: currency,
      received: m.currency,
    });
  }
  const s = m.amount;
  const neg = s.startsWith("-");
  const body = neg ? s.slice(1) : s;
  const dot = body.indexOf(".");
  const int = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? "" : body.slice(dot + 1);
  let v: number;
  if (frac.length <= scale) v = Number(int + frac.padEnd(scale, "0"));
  else v = new D(body).times(new D(10).pow(scale)).toDecimalPlaces(0, D.ROUND_HALF_EVEN).toNumber();
  if (!Number.isFinite(v))
    throw new PmokitError("INVALID_MONEY", `${path}: malformed amount '${s}'`, { path, received: s });
  return neg ? -v : v;
}

/** Integer minor units → Money. */
export function minorToMoney(v: number, scale: number, currency: string): Money {
  const r = Math.round(v);
  const abs = r < 0 ? -r : r;
  let s: string;
  if (scale === 0) s = String(abs);
  else {
    const p = 10 ** scale;
    const int = Math.floor(abs / p);
    const frac = String(abs - int * p);
    s = `${int}.${frac.length < scale ? "0".repeat(scale - frac.length) + frac : frac}`;
  }
  return { amount: r < 0 ? `-${s}` : s, currency };
}

/** Memoised date parsing: imported schedules repeat the same date strings many times. */
function dateParser(): (s: string, path?: string) => number {
  const cache = new Map<string, number>();
  return (s, path) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = toEpochMinute(s, path);
      cache.set(s, v);
    }
    return v;
  };
}

const PERIOD_MINUTES_DAY = 1440;

function periodStart(t: number, period: EvmPeriod): number {
  const day = Math.floor(t / PERIOD_MINUTES_DAY);
  if (period === "day") return day * PERIOD_MINUTES_DAY;
  if (period === "week") {
    const dow = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
    const back = (dow + 6) % 7; // days since Monday
    return (day - back) * PERIOD_MINUTES_DAY;
  }
  const d = new Date(day * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 60_000;
}

function nextPeriod(t: number, period: EvmPeriod): number {
  if (period === "day") return t + PERIOD_MINUTES_DAY;
  if (period === "week") return t + 7 * PERIOD_MINUTES_DAY;
  const d = new Date(t * 60_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 60_000;
}

/** First index with b[k] >= t (b.length when none). */
function lowerBound(b: Float64Array, t: number): number {
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Leaf {
  task: Task;
  index: number;
  cal: WorkingCalendar;
  budget: number; // minor units
  bs: number;
  bf: number;
  fixedStart: number;
  fixedEnd: number;
  assignments: Assignment[];
  pc: number;
  method: EvMethod;
  ev: number;
  ac: number;
  as: number; // actual spread start
  ae: number; // actual spread end
  pvAtStatus: number;
}

function percentFor(task: Task, method: EvMethod, assignments: readonly Assignment[]): number {
  const finished = task.actualFinish !== undefined || task.percentComplete >= 100;
  const started = finished || task.actualStart !== undefined || task.percentComplete > 0;
  switch (method) {
    case "percentComplete":
      return task.percentComplete;
    case "physicalPercentComplete":
      return task.physicalPercentComplete ?? task.percentComplete;
    case "workPercentComplete": {
      if (task.percentWorkComplete !== undefined) return task.percentWorkComplete;
      let w = 0;
      let a = 0;
      for (const x of assignments) {
        w += x.work ?? 0;
        a += x.actualWork ?? 0;
      }
      return w > 0 ? Math.min(100, (a / w) * 100) : task.percentComplete;
    }
    case "zeroHundred":
      return finished ? 100 : 0;
    case "fiftyFifty":
      return finished ? 100 : started ? 50 : 0;
  }
}

interface RateEntry {
  from: number;
  std: number; // minor units per hour (may be fractional)
  perUse: number;
}

/**
 * Time-phased earned value of a project from its own model: BAC and planned value from a baseline set
 * (each leaf task's baseline cost spread over its baseline working time on the task calendar, shaped by
 * its assignments' work contours weighted by their work; baseline fixed cost accrued at start, end or
 * prorated per `fixedCostAccrual`), earned value = baseline cost × percent complete (per EV method),
 * actual cost from actuals (assignment actual work × the cost rate effective at the task's actual
 * start, cost per use, cost-resource cost and task fixed cost by accrual). Amounts are exact in the
 * currency's minor unit; per-period PV is rounded cumulatively so it never loses a cent and always
 * ends at BAC. Summary and inactive tasks are skipped (their values roll up from the leaves).
 *
 * Partial baselines are measured, with a warning: tasks without the baseline set (`PARTIAL_BASELINE`:
 * budget 0, so no PV or EV, while their actual cost still counts, as in MS Project) and baselines
 * without a cost (`NO_BASELINE_COST`, zero-duration milestones excepted); a project where no task has
 * the baseline set throws `MISSING_BASELINE`. Other warnings (never silence): baseline cost without
 * dates (excluded), actual dates after the status date (clamped), missing calendars (Standard
 * used), missing resources (no actual cost).
 *
 * @param project - the project (parsed with `parseProject`)
 * @param options - status date, baseline set, EV method, period, shared resources and calendars
 * @returns project totals, indicators, earned schedule, per-task values and the S-curve
 * @throws PmokitError `MISSING_BASELINE` (no task has the baseline set: nothing to measure against),
 *   `INVALID_INPUT` (no status date, status date before the project start, negative costs / work /
 *   rates, baseline finish before start), `CURRENCY_MISMATCH`
 * @example
 * ```ts
 * import { computeProjectEvm, parseProject } from "@pmokit/core";
 * const project = parseProject({
 *   id: "p", name: "P",
 *   settings: { currency: "USD", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00",
 *     statusDate: "2026-01-09T17:00:00" },
 *   tasks: [{ id: "A", name: "A", duration: { value: 10, unit: "days" }, percentComplete: 40,
 *     baselines: [{ number: 0, start: "2026-01-05T08:00:00", finish: "2026-01-16T17:00:00",
 *       cost: { amount: "1000", currency: "USD" } }] }],
 * });
 * const r = computeProjectEvm(project);
 * r.pv.amount; // "500.00" (5 of 10 working days)
 * r.ev.amount; // "400.00"
 * ```
 * @category Earned value
 * @since 0.1.0
 */
export function computeProjectEvm(project: Project, options: ProjectEvmOptions = {}): ProjectEvm {
  const settings = project.settings;
  const currency = settings.currency;
  const scale = currencyMinorUnits(currency);
  const baselineNo = options.baseline ?? 0;
  const defaultMethod = options.evMethod ?? "percentComplete";
  const period = options.period ?? "week";
  const warnings: EvmWarning[] = [];
  const statusStr = options.statusDate ?? settings.statusDate;
  if (statusStr === undefined) {
    throw new PmokitError("INVALID_INPUT", `project '${project.id}': no status date for earned value`, {
      path: "settings.statusDate",
      ids: [project.id],
      expected: "settings.statusDate or the statusDate option",
    });
  }
  const ep = dateParser();
  const status = ep(statusStr, "statusDate");
  const projectStart = ep(settings.startDate, "settings.startDate");
  if (status < projectStart) {
    throw new PmokitError(
      "INVALID_INPUT",
      `project '${project.id}': status date ${statusStr} is before the project start ${settings.startDate}`,
      {
        path: "settings.statusDate",
        ids: [project.id],
        expected: `a date >= ${settings.startDate}`,
        received: statusStr,
      },
    );
  }

  // calendars (project wins over shared), Standard fallback
  const calInputs = new Map<string, CalendarInput>();
  for (const c of options.calendars ?? []) calInputs.set(c.id, c);
  for (const c of project.calendars) calInputs.set(c.id, c);
  const cals = compileCalendars([...calInputs.values()]);
  let fallback: WorkingCalendar | undefined;
  const missingCals = new Set<string>();
  const calendarOf = (id: string): WorkingCalendar => {
    const c = cals.get(id);
    if (c) return c;
    missingCals.add(id);
    fallback ??= compileCalendars([standardCalendar("standard")]).get("standard")!;
    return fallback;
  };
  const projectCal = calendarOf(settings.defaultCalendarId);

  // resources and rates
  const resources = new Map<string, Resource>();
  for (const r of options.resources ?? []) resources.set(r.id, r);
  for (const r of project.resources) resources.set(r.id, r);
  const rateCache = new Map<string, RateEntry[]>();
  const ratesOf = (r: Resource, table: "A" | "B" | "C" | "D" | "E"): RateEntry[] => {
    const key = `${r.id}\u0000${table}`;
    let e = rateCache.get(key);
    if (e) return e;
    e = (r.costRateTables[table] ?? []).map((row, i) => {
      const path = `resources[${r.id}].costRateTables.${table}[${i}]`;
      const std = amountToMinor(row.standardRate, scale + 6, currency, `${path}.standardRate`) / 1e6;
      const perUse = row.costPerUse
        ? amountToMinor(row.costPerUse, scale, currency, `${path}.costPerUse`)
        : 0;
      if (std < 0 || perUse < 0)
        throw new PmokitError("INVALID_INPUT", `${path}: negative cost rate`, {
          path,
          ids: [r.id],
          expected: ">= 0",
        });
      return { from: row.effectiveFrom ? ep(row.effectiveFrom) : -Infinity, std, perUse };
    });
    e.sort((a, b) => a.from - b.from);
    rateCache.set(key, e);
    return e;
  };

  const byTask = new Map<string, Assignment[]>();
  for (const a of project.assignments) {
    let l = byTask.get(a.taskId);
    if (!l) byTask.set(a.taskId, (l = []));
    l.push(a);
  }
  const parents = new Set<string>();
  for (const t of project.tasks) if (t.parentId !== undefined) parents.add(t.parentId);

  const noBaseline: string[] = [];
  const noCost: string[] = [];
  const noDates: string[] = [];
  const clamped: string[] = [];
  const missingRes = new Set<string>();
  const leaves: Leaf[] = [];
  let anyBaseline = false;
  let minT = projectStart;
  let maxT = status;
  project.tasks.forEach((task, index) => {
    if (parents.has(task.id) || task.inactive || task.activityType === "wbsSummary") return;
    const path = `tasks[${index}]`;
    const bIdx = task.baselines.findIndex((b) => b.number === baselineNo);
    const b = bIdx < 0 ? undefined : task.baselines[bIdx];
    if (b !== undefined) anyBaseline = true;
    const cal = calendarOf(task.calendarId ?? settings.defaultCalendarId);
    const assignments = byTask.get(task.id) ?? [];
    let budget = 0;
    let bs = NaN;
    let bf = NaN;
    let fixedStart = 0;
    let fixedEnd = 0;
    if (b === undefined) {
      noBaseline.push(task.id);
    } else if (b.cost === undefined) {
      // a baseline without a cost is a zero budget; only worth a warning when the task carries cost
      if (!isZeroDurationMilestone(task)) noCost.push(task.id);
    } else {
      budget = amountToMinor(b.cost, scale, currency, `${path}.baselines[${bIdx}].cost`);
      if (budget < 0)
        throw new PmokitError("INVALID_INPUT", `task '${task.id}': negative baseline cost ${b.cost.amount}`, {
          path: `${path}.baselines[${bIdx}].cost`,
          ids: [task.id],
          expected: ">= 0",
          received: b.cost.amount,
        });
      if (b.start === undefined || b.finish === undefined) {
        if (budget > 0) noDates.push(task.id);
        budget = 0;
      } else {
        bs = ep(b.start, `${path}.baselines[${bIdx}].start`);
        bf = ep(b.finish, `${path}.baselines[${bIdx}].finish`);
        if (bf < bs)
          throw new PmokitError("INVALID_INPUT", `task '${task.id}': baseline finish before baseline start`, {
            path: `${path}.baselines[${bIdx}].finish`,
            ids: [task.id],
            expected: `>= ${b.start}`,
            received: b.finish,
          });
        if (b.fixedCost !== undefined) {
          const fc = Math.min(
            budget,
            Math.max(0, amountToMinor(b.fixedCost, scale, currency, `${path}.baselines[${bIdx}].fixedCost`)),
          );
          if (task.fixedCostAccrual === "start") fixedStart = fc;
          else if (task.fixedCostAccrual === "end") fixedEnd = fc;
        }
        if (bs < minT) minT = bs;
        if (bf > maxT) maxT = bf;
      }
    }
    const method = options.evMethodByTask?.[task.id] ?? defaultMethod;
    const pc = Math.max(0, Math.min(100, percentFor(task, method, assignments)));
    const ev = Math.round((budget * pc) / 100);
    // actual cost
    const started =
      task.actualStart !== undefined || task.percentComplete > 0 || task.actualFinish !== undefined;
    const finished = task.actualFinish !== undefined || task.percentComplete >= 100;
    const refDate = task.actualStart !== undefined ? ep(task.actualStart) : status;
    let ac = 0;
    for (const a of assignments) {
      const aw = a.actualWork ?? 0;
      if (aw < 0)
        throw new PmokitError("INVALID_INPUT", `assignment '${a.id}': negative actual work`, {
          ids: [a.id, task.id],
          path: `assignments[${a.id}].actualWork`,
          expected: ">= 0",
        });
      const r = resources.get(a.resourceId);
      if (!r) {
        if (aw > 0) missingRes.add(a.resourceId);
        continue;
      }
      if (r.type === "cost") {
        if (a.cost)
          ac += Math.round((amountToMinor(a.cost, scale, currency, `assignments[${a.id}].cost`) * pc) / 100);
        continue;
      }
      const rates = ratesOf(r, a.costRateTable ?? "A");
      let rate: RateEntry | undefined;
      for (const e of rates) if (e.from <= refDate) rate = e;
      rate ??= rates[0];
      if (rate === undefined) continue;
      if (r.type === "material") {
        // material: units are the quantity for the task, the rate is per unit; accrued by % complete
        if (pc > 0) ac += Math.round((a.units * rate.std * pc) / 100) + rate.perUse;
      } else if (aw > 0) ac += Math.round((aw / 60) * rate.std) + rate.perUse;
    }
    if (task.fixedCost !== undefined) {
      const fc = amountToMinor(task.fixedCost, scale, currency, `${path}.fixedCost`);
      if (fc < 0)
        throw new PmokitError("INVALID_INPUT", `task '${task.id}': negative fixed cost`, {
          path: `${path}.fixedCost`,
          ids: [task.id],
          expected: ">= 0",
        });
      const acc = task.fixedCostAccrual ?? "prorated";
      ac +=
        acc === "start"
          ? started
            ? fc
            : 0
          : acc === "end"
            ? finished
              ? fc
              : 0
            : Math.round((fc * task.percentComplete) / 100);
    }
    let as =
      task.actualStart !== undefined
        ? ep(task.actualStart)
        : Number.isNaN(bs)
          ? status
          : Math.min(bs, status);
    let ae = task.actualFinish !== undefined ? ep(task.actualFinish) : status;
    if (as > status || ae > status) {
      if (task.actualStart !== undefined && as > status) clamped.push(task.id);
      else if (task.actualFinish !== undefined && ae > status) clamped.push(task.id);
      as = Math.min(as, status);
      ae = Math.min(ae, status);
    }
    if (ae < as) ae = as;
    if (as < minT) minT = as;
    leaves.push({
      task,
      index,
      cal,
      budget,
      bs,
      bf,
      fixedStart,
      fixedEnd,
      assignments,
      pc,
      method,
      ev,
      ac,
      as,
      ae,
      pvAtStatus: 0,
    });
  });
  if (!anyBaseline) {
    throw new PmokitError(
      "MISSING_BASELINE",
      `project '${project.id}': no task has baseline ${baselineNo}; set a baseline before measuring earned value`,
      {
        path: "tasks[].baselines",
        ids: [project.id],
        expected: `baseline number ${baselineNo} with start, finish and cost`,
      },
    );
  }
  if (noBaseline.length > 0)
    warnings.push({
      code: "PARTIAL_BASELINE",
      message: `${noBaseline.length} task(s) without baseline ${baselineNo} (added after baselining?): budget 0, so no PV or EV; their actual cost still counts in AC`,
      ids: noBaseline,
    });
  if (noCost.length > 0)
    warnings.push({
      code: "NO_BASELINE_COST",
      message: `${noCost.length} task(s) with baseline ${baselineNo} dates but no baseline cost: counted with a budget of 0`,
      ids: noCost,
    });
  if (noDates.length > 0)
    warnings.push({
      code: "NO_BASELINE_DATES",
      message: `${noDates.length} task(s) with a baseline cost but no baseline start/finish: excluded from BAC, PV and EV`,
      ids: noDates,
    });
  if (clamped.length > 0)
    warnings.push({
      code: "ACTUALS_AFTER_STATUS_DATE",
      message: `${clamped.length} task(s) with actual dates after the status date: clamped to the status date`,
      ids: clamped,
    });
  if (missingRes.size > 0)
    warnings.push({
      code: "RESOURCE_NOT_FOUND",
      message: `actual work on unknown resource(s): no actual cost counted`,
      ids: [...missingRes],
    });
  if (missingCals.size > 0)
    warnings.push({
      code: "CALENDAR_NOT_FOUND",
      message: `calendar(s) not found, Standard used`,
      ids: [...missingCals],
    });

  // period grid plus the status date as a measurement point
  const gridStart = periodStart(minT, period);
  const periodEnds: number[] = [];
  for (let t = nextPeriod(gridStart, period); ; t = nextPeriod(t, period)) {
    periodEnds.push(t);
    if (t >= maxT) break;
  }
  const points = new Set<number>(periodEnds);
  points.add(status);
  const b = Float64Array.from([...points].sort((x, y) => x - y));
  const K = b.length;
  const kStatus = lowerBound(b, status);
  const pvInc = new Float64Array(K + 1);
  const evInc = new Float64Array(K + 1);
  const acInc = new Float64Array(K + 1);

  let bacTotal = 0;
  let evTotal = 0;
  let acTotal = 0;
  for (const L of leaves) {
    bacTotal += L.budget;
    evTotal += L.ev;
    acTotal += L.ac;
    if (L.budget > 0) {
      const k0 = lowerBound(b, L.bs);
      const k1 = lowerBound(b, L.bf);
      const W = L.cal.workingMinutesBetween(L.bs, L.bf);
      const prorated = L.budget - L.fixedStart - L.fixedEnd;
      let prev = 0;
      const work: number[] = [];
      let workSum = 0;
      let allFlat = true;
      for (const a of L.assignments) {
        const w = Math.max(0, a.work ?? 0);
        work.push(w);
        workSum += w;
        if (a.contour !== "flat" && w > 0) allFlat = false;
      }
      for (let k = k0; k < k1; k++) {
        const x = W > 0 ? L.cal.workingMinutesBetween(L.bs, b[k]!) / W : 0;
        let f: number;
        if (allFlat || workSum === 0) f = x;
        else {
          f = 0;
          for (let i = 0; i < work.length; i++)
            if (work[i]! > 0) f += work[i]! * contourFraction(L.assignments[i]!.contour, x);
          f /= workSum;
        }
        const cum = L.fixedStart + Math.round(prorated * f);
        pvInc[k]! += cum - prev;
        if (k === kStatus) L.pvAtStatus = cum;
        prev = cum;
      }
      pvInc[k1]! += L.budget - prev;
      if (kStatus >= k1) L.pvAtStatus = L.budget;
    }
    spreadFlat2(L.ev, L.ac, L.as, L.ae, L.cal, b, evInc, acInc);
  }
  const cumPv = prefix(pvInc, K);
  const cumEv = prefix(evInc, K);
  const cumAc = prefix(acInc, K);
  const pvTotal = cumPv[kStatus]!;
  const m = (v: number): Money => minorToMoney(v, scale, currency);
  const dec = (v: number) => new D(m(v).amount);
  const indicators = indicatorsFromDec(dec(bacTotal), dec(pvTotal), dec(evTotal), dec(acTotal), options);

  // periods: the S-curve and the earned-schedule PV curve
  const sCurve: SCurvePoint[] = [];
  let prevEnd = gridStart;
  const pdCurve: InstanceType<typeof D>[] = [];
  let pd = 0;
  for (let i = 0; i < periodEnds.length; i++) {
    const end = periodEnds[i]!;
    const k = lowerBound(b, end);
    const after = prevEnd >= status; // periods starting after the status date have no EV / AC
    sCurve.push({
      period: i + 1,
      start: fromEpochMinute(prevEnd),
      end: fromEpochMinute(end),
      pv: m(cumPv[k]!),
      ev: after ? null : m(cumEv[k]!),
      ac: after ? null : m(cumAc[k]!),
    });
    if (pd === 0) {
      pdCurve.push(dec(cumPv[k]!));
      if (cumPv[k]! >= bacTotal) pd = i + 1;
    }
    prevEnd = end;
  }
  let earned: EarnedScheduleResult | null = null;
  if (bacTotal > 0) {
    // AT: whole periods elapsed plus the calendar-time fraction of the current one
    let at = 0;
    let ps = gridStart;
    for (const end of periodEnds) {
      if (end <= status) at += 1;
      else {
        const w = projectCal.workingMinutesBetween(ps, end);
        at += w > 0 ? projectCal.workingMinutesBetween(ps, status) / w : (status - ps) / (end - ps);
        break;
      }
      ps = end;
    }
    earned = esFromDec(pdCurve, dec(evTotal), at, options.plateau ?? "end");
  }

  const tasks: TaskEvm[] = [];
  if (options.includeTasks !== false) {
    for (const L of leaves) {
      tasks.push({
        id: L.task.id,
        name: L.task.name,
        evMethod: L.method,
        percentComplete: L.pc,
        bac: m(L.budget),
        pv: m(L.pvAtStatus),
        ev: m(L.ev),
        ac: m(L.ac),
        cv: m(L.ev - L.ac),
        sv: m(L.ev - L.pvAtStatus),
        cpi: L.ac === 0 ? null : L.ev / L.ac,
        spi: L.pvAtStatus === 0 ? null : L.ev / L.pvAtStatus,
      });
    }
  }
  return {
    projectId: project.id,
    name: project.name,
    currency,
    statusDate: fromEpochMinute(status),
    baseline: baselineNo,
    evMethod: defaultMethod,
    period,
    pvSpreading: "baselineContourWorkingTime",
    actualSpreading: "flatActualWorkingTime",
    bac: m(bacTotal),
    pv: m(pvTotal),
    ev: m(evTotal),
    ac: m(acTotal),
    indicators,
    earnedSchedule: earned,
    tasks,
    sCurve,
    warnings,
  };
}

function prefix(inc: Float64Array, K: number): Float64Array {
  const out = new Float64Array(K);
  let s = 0;
  for (let k = 0; k < K; k++) {
    s += inc[k]!;
    out[k] = s;
  }
  return out;
}

/** Adds two amounts spread flat over the working time [a, e) of `cal` into cumulative increments. */
function spreadFlat2(
  x: number,
  y: number,
  a: number,
  e: number,
  cal: WorkingCalendar,
  b: Float64Array,
  incX: Float64Array,
  incY: Float64Array,
): void {
  if (x === 0 && y === 0) return;
  const k0 = lowerBound(b, a);
  const k1 = lowerBound(b, e);
  const W = k1 > k0 ? cal.workingMinutesBetween(a, e) : 0;
  let px = 0;
  let py = 0;
  if (W > 0) {
    for (let k = k0; k < k1; k++) {
      const f = cal.workingMinutesBetween(a, b[k]!) / W;
      const cx = Math.round(x * f);
      const cy = Math.round(y * f);
      incX[k]! += cx - px;
      incY[k]! += cy - py;
      px = cx;
      py = cy;
    }
  }
  incX[k1]! += x - px;
  incY[k1]! += y - py;
}

// ---------------------------------------------------------------------------------------------
// roll-ups

/**
 * Earned value of a group of projects (program or portfolio): BAC, PV, EV and AC are summed (same
 * currency) and every index recomputed from the sums (never averaged). Earned schedule is not rolled
 * up (it is not additive).
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface EvmRollup {
  readonly id: string;
  readonly name: string;
  readonly projectIds: readonly string[];
  readonly bac: Money;
  readonly pv: Money;
  readonly ev: Money;
  readonly ac: Money;
  readonly indicators: EvmIndicators;
}

/**
 * Sums project results into a program / portfolio roll-up (indices recomputed from the sums).
 *
 * @param id - id of the group
 * @param name - name of the group
 * @param members - project results (same currency)
 * @param options - EAC options
 * @returns the roll-up
 * @throws PmokitError `CURRENCY_MISMATCH` when members use different currencies; `INVALID_INPUT` when empty
 * @example
 * ```ts
 * import { rollupEvm } from "@pmokit/core";
 * import type { ProjectEvm } from "@pmokit/core";
 * declare const a: ProjectEvm, b: ProjectEvm;
 * rollupEvm("prg", "Program", [a, b]).indicators.cpi;
 * ```
 * @category Earned value
 * @since 0.1.0
 */
export function rollupEvm(
  id: string,
  name: string,
  members: readonly Pick<ProjectEvm, "projectId" | "bac" | "pv" | "ev" | "ac">[],
  options: EvmOptions = {},
): EvmRollup {
  if (members.length === 0)
    throw new PmokitError("INVALID_INPUT", `roll-up '${id}' has no projects`, {
      ids: [id],
      expected: "at least one project",
    });
  const currency = members[0]!.bac.currency;
  const sum = (k: "bac" | "pv" | "ev" | "ac") =>
    members.reduce((acc, p) => {
      if (p[k].currency !== currency)
        throw new PmokitError(
          "CURRENCY_MISMATCH",
          `roll-up '${id}': project '${p.projectId}' is in ${p[k].currency}, not ${currency}`,
          {
            ids: [id, p.projectId],
            expected: currency,
            received: p[k].currency,
          },
        );
      return acc.plus(new D(p[k].amount));
    }, new D(0));
  const [bac, pv, ev, ac] = [sum("bac"), sum("pv"), sum("ev"), sum("ac")];
  const money = (d: InstanceType<typeof D>): Money => ({ amount: d.toFixed(), currency });
  return {
    id,
    name,
    projectIds: members.map((p) => p.projectId),
    bac: money(bac),
    pv: money(pv),
    ev: money(ev),
    ac: money(ac),
    indicators: indicatorsFromDec(bac, pv, ev, ac, options),
  };
}

/**
 * Result of {@link computePortfolioEvm}.
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface PortfolioEvm {
  readonly projects: readonly ProjectEvm[];
  readonly programs: readonly EvmRollup[];
  readonly portfolio: EvmRollup;
}

/**
 * Earned value of every project of a portfolio (shared resource pool and calendars used), rolled up to
 * programs and to the portfolio (sums, indices recomputed).
 *
 * @param portfolio - the portfolio (parsed with `parsePortfolio`)
 * @param options - as for {@link computeProjectEvm} (a `statusDate` here applies to every project)
 * @returns per-project results and the roll-ups
 * @throws PmokitError as {@link computeProjectEvm}; `CURRENCY_MISMATCH` for a project not in the portfolio currency
 * @example
 * ```ts
 * import { computePortfolioEvm } from "@pmokit/core";
 * import type { Portfolio } from "@pmokit/core";
 * declare const pf: Portfolio;
 * computePortfolioEvm(pf).portfolio.indicators.spi;
 * ```
 * @category Earned value
 * @since 0.1.0
 */
export function computePortfolioEvm(portfolio: Portfolio, options: ProjectEvmOptions = {}): PortfolioEvm {
  const projects = portfolio.projects.map((p) => {
    try {
      return computeProjectEvm(p, {
        ...options,
        resources: portfolio.sharedResources,
        calendars: portfolio.calendars,
      });
    } catch (e) {
      if (e instanceof PmokitError && !String(e.message).includes(`'${p.id}'`))
        throw new PmokitError(
          e.code,
          `project '${p.id}': ${e.message}`,
          { ...e.details, ids: [p.id, ...(e.details.ids ?? [])] },
          { cause: e },
        );
      throw e;
    }
  });
  for (const p of projects) {
    if (p.currency !== portfolio.currency)
      throw new PmokitError(
        "CURRENCY_MISMATCH",
        `project '${p.projectId}' is in ${p.currency}, portfolio in ${portfolio.currency}`,
        {
          ids: [p.projectId],
          expected: portfolio.currency,
          received: p.currency,
        },
      );
  }
  const byId = new Map(projects.map((p) => [p.projectId, p]));
  const programs = portfolio.programs
    .map((g) => ({
      g,
      members: g.projectIds.map((id) => byId.get(id)).filter((x): x is ProjectEvm => x !== undefined),
    }))
    .filter((x) => x.members.length > 0)
    .map(({ g, members }) => rollupEvm(g.id, g.name, members, options));
  const total =
    projects.length > 0
      ? rollupEvm(portfolio.id, portfolio.name, projects, options)
      : {
          id: portfolio.id,
          name: portfolio.name,
          projectIds: [],
          ...(() => {
            const z: Money = { amount: "0", currency: portfolio.currency };
            return {
              bac: z,
              pv: z,
              ev: z,
              ac: z,
              indicators: indicatorsFromDec(new D(0), new D(0), new D(0), new D(0), options),
            };
          })(),
        };
  return { projects, programs, portfolio: total };
}

/** A zero-duration milestone: a baseline without a cost is normal for it (no warning). */
function isZeroDurationMilestone(task: Task): boolean {
  return (
    (task.milestone || task.activityType === "startMilestone" || task.activityType === "finishMilestone") &&
    task.duration.value === 0
  );
}
