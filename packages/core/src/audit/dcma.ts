import { compileCalendars } from "../calendar/compile.js";
import { standardCalendar } from "../calendar/presets.js";
import type { WorkingCalendar } from "../calendar/types.js";
import { displayDates } from "../cpm/dates.js";
import { compileNetwork } from "../cpm/schedule.js";
import type { CompiledProject } from "../cpm/schedule.js";
import type { ScheduleOptions } from "../cpm/options.js";
import { runPasses } from "../cpm/passes.js";
import { isPmokitError } from "../errors.js";
import type { Dependency } from "../model/dependency.js";
import { durationToMinutes } from "../model/duration.js";
import type { Project } from "../model/project.js";
import type { ConstraintType, Task } from "../model/task.js";
import { toEpochMinute } from "../time/local.js";
import { buildAuditContext } from "./context.js";
import type { AuditContext } from "./context.js";

/**
 * Ids of the 14 DCMA checks, in DCMA order.
 *
 * @category Audit
 * @since 0.1.0
 */
export const DCMA_CHECK_IDS = [
  "logic",
  "leads",
  "lags",
  "relationshipTypes",
  "hardConstraints",
  "highFloat",
  "negativeFloat",
  "highDuration",
  "invalidDates",
  "resources",
  "missedTasks",
  "criticalPathTest",
  "cpli",
  "bei",
] as const;

/**
 * A DCMA check id, see {@link DCMA_CHECK_IDS}.
 *
 * @category Audit
 * @since 0.1.0
 */
export type DcmaCheckId = (typeof DCMA_CHECK_IDS)[number];

/**
 * Result of one audit check (DCMA or PMO rule), in the shape of `pmokit audit`.
 *
 * `percent` = count / total × 100 (`null` when total = 0); `value` is the quantity compared with
 * `threshold` (a percent for checks 1-11 and rules, a ratio for CPLI and BEI, the slip ratio for the
 * critical path test); `pass` is `null` when the check does not apply (empty population, no status
 * date, no baseline, no CPM). `items` are the offending task ids (relationship checks: `from->to`).
 *
 * @category Audit
 * @since 0.1.0
 */
export interface AuditCheck {
  readonly id: string;
  /** DCMA number 1..14; absent for PMO rules. */
  readonly number?: number;
  readonly name: string;
  readonly count: number;
  readonly total: number;
  readonly percent: number | null;
  readonly value: number | null;
  readonly threshold: number;
  readonly comparison: "<=" | ">=";
  readonly pass: boolean | null;
  readonly severity: "error" | "warning" | "info";
  readonly items: readonly string[];
  /** Variant used / why not applicable. */
  readonly note?: string;
}

/**
 * Where total float and forecast dates come from: the pmokit CPM engine (`engine`), the values
 * reported by MS Project / P6 in the file (`reported`), or the engine with a fallback to reported
 * values when the engine cannot schedule the file (`auto`, default).
 *
 * @category Audit
 * @since 0.1.0
 */
export type FloatSource = "engine" | "reported" | "auto";

/**
 * Options of {@link dcmaAssessment}; every population and threshold choice is named, with the DCMA
 * default.
 *
 * @category Audit
 * @since 0.1.0
 */
export interface DcmaOptions {
  /** Status / data date; default the project's. */
  readonly statusDate?: string;
  /** Float and forecast dates source; default `auto`. */
  readonly floatSource?: FloatSource;
  /** CPM options for the engine (dialect etc.). */
  readonly scheduleOptions?: ScheduleOptions;
  /** A network already compiled with `compileNetwork(project, ...)` (skips compiling again). */
  readonly compiled?: CompiledProject;
  /** Count milestones in the task populations (default false: DCMA excludes them). */
  readonly includeMilestones?: boolean;
  /** Count level-of-effort activities (default false). */
  readonly includeLevelOfEffort?: boolean;
  /** Relationship population: links whose successor is incomplete (default) or all. */
  readonly relationshipPopulation?: "incompleteSuccessor" | "all";
  /** Summary-task links count for their descendants (`inherit`, default) or not. */
  readonly summaryLinks?: "inherit" | "ignore";
  /** Hard constraint types (check 5); default MSO, MFO, SNLT, FNLT, SO, FO. Secondary constraints count. */
  readonly hardConstraints?: readonly ConstraintType[];
  /** Working days threshold of high float (6) and high duration (8); default 44. */
  readonly highDays?: number;
  /** Working-day conversion: minutes per day; default the project's `minutesPerDay`. */
  readonly minutesPerDay?: number;
  /** Duration of check 8: baseline duration, else original (`baselineOrOriginal`, default), or `original`. */
  readonly durationSource?: "baselineOrOriginal" | "original";
  /** Baseline set for checks 8, 11, 13, 14; default 0. */
  readonly baseline?: number;
  /** Check 10 when no task has an assignment: `count` (DCMA, default) or `notApplicable`. */
  readonly unloadedSchedule?: "count" | "notApplicable";
  /** Delay of the critical path test in working days; default 600. */
  readonly criticalPathDelayDays?: number;
  /** CPLI target: the latest baseline finish (default) or the project's `finishDate` (contract date). */
  readonly cpliTarget?: "baselineFinish" | "projectFinishDate";
  /** BEI denominator: tasks baselined to finish by the status date (default) or plus tasks without baseline finish. */
  readonly beiDenominator?: "baselined" | "baselinedPlusUnbaselined";
  /** Threshold overrides by check id (percent, or ratio for `cpli` / `bei`). */
  readonly thresholds?: Partial<Record<DcmaCheckId, number>>;
}

/**
 * Result of {@link dcmaAssessment}.
 *
 * @category Audit
 * @since 0.1.0
 */
export interface DcmaResult {
  readonly checks: readonly AuditCheck[];
  /** Source actually used for float and forecast dates. */
  readonly floatSource: "engine" | "reported" | "none";
  readonly statusDate?: string;
  readonly warnings: readonly {
    readonly code: string;
    readonly message: string;
    readonly ids?: readonly string[];
  }[];
}

const DEFAULT_THRESHOLDS: Readonly<Record<DcmaCheckId, number>> = {
  logic: 5,
  leads: 0,
  lags: 5,
  relationshipTypes: 90,
  hardConstraints: 5,
  highFloat: 5,
  negativeFloat: 0,
  highDuration: 5,
  invalidDates: 0,
  resources: 0,
  missedTasks: 5,
  criticalPathTest: 1,
  cpli: 0.95,
  bei: 0.95,
};

const NAMES: Readonly<Record<DcmaCheckId, string>> = {
  logic: "Logic (missing predecessor or successor)",
  leads: "Leads (negative lag)",
  lags: "Lags (positive lag)",
  relationshipTypes: "Relationship types (finish-to-start)",
  hardConstraints: "Hard constraints",
  highFloat: "High float (> 44 working days)",
  negativeFloat: "Negative float",
  highDuration: "High duration (> 44 working days)",
  invalidDates: "Invalid dates",
  resources: "Resources",
  missedTasks: "Missed tasks",
  criticalPathTest: "Critical path test",
  cpli: "Critical path length index (CPLI)",
  bei: "Baseline execution index (BEI)",
};

const HARD: readonly ConstraintType[] = ["MSO", "MFO", "SNLT", "FNLT", "SO", "FO"];

interface Forecast {
  /** Total float, forecast start and finish by task id (NaN / absent when unknown). */
  tf(id: string): number | undefined;
  start(id: string): number | undefined;
  finish(id: string): number | undefined;
  projectFinish: number | undefined;
  cp?: { id: string; delay: number; slip: number } | { none: string };
}

const linkId = (d: Dependency): string => `${d.from}->${d.to}`;

const DATE_CACHE = new Map<string, number | undefined>();

/** Parses a date (memoised: schedules repeat the same strings); undefined when absent or invalid. */
function tryEpoch(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (DATE_CACHE.has(s)) return DATE_CACHE.get(s);
  let v: number | undefined;
  try {
    v = toEpochMinute(s);
  } catch {
    v = undefined;
  }
  if (DATE_CACHE.size > 100_000) DATE_CACHE.clear();
  DATE_CACHE.set(s, v);
  return v;
}

function engineForecast(
  project: Project,
  options: DcmaOptions,
  delayMinutes: number,
  incomplete: ReadonlySet<string>,
): Forecast {
  const compiled =
    options.compiled ??
    compileNetwork(project, {
      ...options.scheduleOptions,
      ...(options.statusDate === undefined ? {} : { statusDate: options.statusDate }),
    });
  const net = compiled.network;
  const pass = runPasses(net);
  const d = displayDates(net, pass);
  const index = new Map<string, number>();
  for (let i = 0; i < net.taskCount; i++) index.set(net.ids[i]!, i);
  const at = (arr: Float64Array) => (id: string) => {
    const i = index.get(id);
    return i === undefined ? undefined : arr[i]!;
  };
  const f: Forecast = {
    tf: at(pass.totalSlack),
    start: at(d.start),
    finish: at(d.finish),
    projectFinish: pass.projectFinish,
  };
  // critical path test: the first not-started (else incomplete) critical task by early start
  let best = -1;
  let bestStarted = true;
  for (let i = 0; i < net.taskCount; i++) {
    if (pass.critical[i] !== 1 || !incomplete.has(net.ids[i]!)) continue;
    const started = !Number.isNaN(net.actualStartAxis[i]!);
    if (
      best < 0 ||
      (bestStarted && !started) ||
      (started === bestStarted && pass.earlyStart[i]! < pass.earlyStart[best]!)
    ) {
      best = i;
      bestStarted = started;
    }
  }
  if (best < 0) f.cp = { none: "no incomplete, automatically scheduled critical task" };
  else {
    const durations = Float64Array.from(net.duration);
    durations[best] = durations[best]! + delayMinutes;
    const pass2 = runPasses(net, durations);
    const cal = net.calendars[net.taskCalendar[best]!]!;
    f.cp = {
      id: net.ids[best]!,
      delay: delayMinutes,
      slip: cal.workingMinutesBetween(pass.projectFinish, pass2.projectFinish),
    };
  }
  return f;
}

function reportedForecast(project: Project): Forecast {
  const tf = new Map<string, number>();
  const start = new Map<string, number>();
  const finish = new Map<string, number>();
  let pf: number | undefined;
  for (const t of project.tasks) {
    const r = t.reported;
    if (r?.totalSlackMinutes !== undefined) tf.set(t.id, r.totalSlackMinutes);
    const s = tryEpoch(r?.start ?? r?.earlyStart);
    const e = tryEpoch(r?.finish ?? r?.earlyFinish);
    if (s !== undefined) start.set(t.id, s);
    if (e !== undefined) {
      finish.set(t.id, e);
      if (pf === undefined || e > pf) pf = e;
    }
  }
  return {
    tf: (id) => tf.get(id),
    start: (id) => start.get(id),
    finish: (id) => finish.get(id),
    projectFinish: pf,
    cp: { none: "needs the CPM engine (reported values only)" },
    ...(tf.size > 0 || finish.size > 0 ? {} : { empty: true }),
  } as Forecast;
}

/**
 * The DCMA 14-point schedule assessment (DCMA-EA PAM 200.1, section 4) with the standard thresholds.
 *
 * Populations (DCMA defaults, each a named option): *incomplete tasks* are active leaf tasks without
 * an actual finish and below 100 %, excluding summaries, level-of-effort and (by default) milestones;
 * relationship checks count links between tasks of the project whose successor is incomplete.
 * Working days convert with the project's minutes per day. Float and forecast dates come from the
 * pmokit CPM engine or from the values reported in the file (`floatSource`, named in the result).
 *
 * @param project - the project
 * @param options - population, threshold and source options
 * @returns the 14 checks (counts, percent, threshold, pass, offending ids) and warnings
 * @example
 * ```ts
 * import { dcmaAssessment } from "@pmokit/core";
 * import type { Project } from "@pmokit/core";
 * declare const p: Project;
 * const r = dcmaAssessment(p);
 * r.checks.find((c) => c.id === "logic")?.percent;
 * ```
 * @category Audit
 * @since 0.1.0
 */
export function dcmaAssessment(project: Project, options: DcmaOptions = {}): DcmaResult {
  const ctx = buildAuditContext(project, { summaryLinks: options.summaryLinks ?? "inherit" });
  return dcmaWithContext(ctx, options);
}

/** {@link dcmaAssessment} on a prebuilt context. */
export function dcmaWithContext(ctx: AuditContext, options: DcmaOptions = {}): DcmaResult {
  const project = ctx.project;
  const settings = project.settings;
  const warnings: { code: string; message: string; ids?: string[] }[] = [];
  const th = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const mpd = options.minutesPerDay ?? settings.minutesPerDay;
  const highMinutes = (options.highDays ?? 44) * mpd;
  const baselineNo = options.baseline ?? 0;
  const statusStr = options.statusDate ?? settings.statusDate;
  const status = tryEpoch(statusStr);
  const hard = new Set(options.hardConstraints ?? HARD);
  const inclMs = options.includeMilestones ?? false;
  const inclLoe = options.includeLevelOfEffort ?? false;

  const inScope = (t: Task): boolean =>
    (inclMs || !ctx.isMilestone(t)) && (inclLoe || !ctx.isLevelOfEffort(t));
  const incomplete = ctx.leaves.filter((t) => !ctx.isComplete(t) && inScope(t));
  // critical path test subjects: incomplete, automatically scheduled tasks (manual tasks keep their dates)
  const incompleteIds = new Set(incomplete.filter((t) => !t.manual).map((t) => t.id));
  const baselineOf = (t: Task) => t.baselines.find((b) => b.number === baselineNo);

  // float and forecast dates
  const src = options.floatSource ?? "auto";
  let forecast: Forecast | undefined;
  let used: DcmaResult["floatSource"] = "none";
  const delayMinutes = (options.criticalPathDelayDays ?? 600) * mpd;
  if (src !== "reported") {
    try {
      forecast = engineForecast(project, options, delayMinutes, incompleteIds);
      used = "engine";
    } catch (e) {
      if (src === "engine") throw e;
      warnings.push({
        code: "ENGINE_FALLBACK",
        message: `CPM engine could not schedule the project (${isPmokitError(e) ? e.code : "error"}: ${
          e instanceof Error ? e.message.split("\n")[0] : String(e)
        }); reported values used`,
      });
    }
  }
  if (forecast === undefined) {
    forecast = reportedForecast(project);
    used = (forecast as Forecast & { empty?: boolean }).empty ? "none" : "reported";
  }

  const checks: AuditCheck[] = [];
  const push = (
    id: DcmaCheckId,
    count: number,
    total: number,
    items: string[],
    comparison: "<=" | ">=",
    extra: { value?: number | null; pass?: boolean | null; note?: string } = {},
  ): void => {
    const percent = total === 0 ? null : (count / total) * 100;
    const value = extra.value !== undefined ? extra.value : percent;
    const threshold = th[id];
    const pass =
      extra.pass !== undefined
        ? extra.pass
        : value === null
          ? null
          : comparison === "<="
            ? value <= threshold
            : value >= threshold;
    checks.push({
      id,
      number: DCMA_CHECK_IDS.indexOf(id) + 1,
      name: NAMES[id],
      count,
      total,
      percent,
      value,
      threshold,
      comparison,
      pass,
      severity: "error",
      items,
      ...(extra.note === undefined
        ? total === 0
          ? { note: "empty population" }
          : {}
        : { note: extra.note }),
    });
  };

  // 1 logic
  {
    const items = incomplete.filter((t) => !ctx.hasPredecessor(t) || !ctx.hasSuccessor(t)).map((t) => t.id);
    push("logic", items.length, incomplete.length, items, "<=");
  }
  // 2-4 relationships
  {
    const rel =
      (options.relationshipPopulation ?? "incompleteSuccessor") === "all"
        ? ctx.links
        : ctx.links.filter((d) => {
            const s = ctx.byId.get(d.to)!;
            return !ctx.isComplete(s);
          });
    const leads = rel.filter((d) => d.lag.value < 0).map(linkId);
    const lags = rel.filter((d) => d.lag.value > 0).map(linkId);
    const nonFs = rel.filter((d) => d.type !== "FS").map(linkId);
    push("leads", leads.length, rel.length, leads, "<=");
    push("lags", lags.length, rel.length, lags, "<=");
    const fs = rel.length - nonFs.length;
    push("relationshipTypes", fs, rel.length, nonFs, ">=", {
      note: "count = FS relationships; items = the non-FS relationships",
    });
  }
  // 5 hard constraints
  {
    const items = incomplete
      .filter(
        (t) =>
          hard.has(t.constraint.type) ||
          (t.secondaryConstraint !== undefined && hard.has(t.secondaryConstraint.type)),
      )
      .map((t) => t.id);
    push("hardConstraints", items.length, incomplete.length, items, "<=");
  }
  // 6-7 float
  {
    const withFloat = incomplete.filter((t) => forecast.tf(t.id) !== undefined);
    const high = withFloat.filter((t) => forecast.tf(t.id)! > highMinutes).map((t) => t.id);
    const neg = withFloat.filter((t) => forecast.tf(t.id)! < 0).map((t) => t.id);
    const note =
      used === "none" ? "no float available (no CPM result, no reported float)" : `float from ${used}`;
    push("highFloat", high.length, withFloat.length, high, "<=", { note });
    push("negativeFloat", neg.length, withFloat.length, neg, "<=", { note });
  }
  // 8 high duration
  {
    const durSettings = {
      minutesPerDay: settings.minutesPerDay,
      minutesPerWeek: settings.minutesPerWeek,
      daysPerMonth: settings.daysPerMonth,
    };
    const pop = incomplete.filter((t) => !ctx.isMilestone(t) && !ctx.isLevelOfEffort(t));
    const items = pop
      .filter((t) => {
        const b = baselineOf(t)?.duration;
        const d =
          (options.durationSource ?? "baselineOrOriginal") === "baselineOrOriginal" && b !== undefined
            ? b
            : t.duration;
        return durationToMinutes(d, durSettings) > highMinutes;
      })
      .map((t) => t.id);
    push("highDuration", items.length, pop.length, items, "<=");
  }
  // 9 invalid dates
  if (status === undefined) {
    push("invalidDates", 0, 0, [], "<=", { pass: null, note: "no status date" });
  } else {
    const items = incomplete
      .filter((t) => {
        const as = tryEpoch(t.actualStart);
        if (as !== undefined && as > status) return true;
        if (as === undefined) {
          const fs = forecast.start(t.id);
          if (fs !== undefined && fs < status) return true;
        }
        const ff = forecast.finish(t.id);
        return ff !== undefined && ff < status;
      })
      .map((t) => t.id);
    push("invalidDates", items.length, incomplete.length, items, "<=", {
      ...(used === "none" ? { note: "actual dates only (no forecast dates)" } : {}),
    });
  }
  // 10 resources
  {
    const pop = incomplete.filter((t) => ctx.durationMinutes(t) >= mpd);
    const loaded = project.assignments.length > 0;
    if (!loaded && (options.unloadedSchedule ?? "count") === "notApplicable") {
      push("resources", 0, pop.length, [], "<=", {
        pass: null,
        value: null,
        note: "schedule not resource-loaded",
      });
    } else {
      const items = pop.filter((t) => ctx.assignmentCount(t) === 0).map((t) => t.id);
      push("resources", items.length, pop.length, items, "<=");
    }
  }
  // 11 missed tasks and 14 BEI share the population of tasks baselined to finish by the status date
  const baselinePop = ctx.leaves
    .filter(inScope)
    .filter((t) => !ctx.isMilestone(t) && !ctx.isLevelOfEffort(t));
  if (status === undefined) {
    push("missedTasks", 0, 0, [], "<=", { pass: null, note: "no status date" });
  } else {
    const due = baselinePop.filter((t) => {
      const bf = tryEpoch(baselineOf(t)?.finish);
      return bf !== undefined && bf <= status;
    });
    const items = due
      .filter((t) => {
        const bf = tryEpoch(baselineOf(t)!.finish)!;
        const f = tryEpoch(t.actualFinish) ?? forecast.finish(t.id);
        return f === undefined ? !ctx.isComplete(t) : f > bf;
      })
      .map((t) => t.id);
    push(
      "missedTasks",
      items.length,
      due.length,
      items,
      "<=",
      due.length === 0 ? { note: `no task with baseline ${baselineNo} finish by the status date` } : {},
    );
  }
  // 12 critical path test
  {
    const cp = forecast.cp;
    if (cp === undefined || "none" in cp) {
      push("criticalPathTest", 0, 0, [], ">=", { pass: null, value: null, note: cp?.none ?? "not run" });
    } else {
      const ratio = cp.slip / cp.delay;
      const pass = Math.abs(cp.slip - cp.delay) <= 1;
      push("criticalPathTest", pass ? 0 : 1, 1, pass ? [] : [cp.id], ">=", {
        value: ratio,
        pass,
        note: `delayed task ${cp.id} by ${cp.delay / mpd} working days; project finish slipped ${cp.slip / mpd} working days`,
      });
    }
  }
  // 13 CPLI
  {
    const pf = forecast.projectFinish;
    let target: number | undefined;
    if ((options.cpliTarget ?? "baselineFinish") === "baselineFinish") {
      for (const t of ctx.leaves) {
        const bf = tryEpoch(baselineOf(t)?.finish);
        if (bf !== undefined && (target === undefined || bf > target)) target = bf;
      }
    } else target = tryEpoch(settings.finishDate);
    const from = status ?? tryEpoch(settings.startDate);
    const cal = projectCalendar(project);
    if (pf === undefined || target === undefined || from === undefined) {
      push("cpli", 0, 0, [], ">=", {
        pass: null,
        value: null,
        note:
          pf === undefined
            ? "no forecast finish"
            : target === undefined
              ? "no baseline / contract finish"
              : "no status date",
      });
    } else {
      const cpl = cal.workingMinutesBetween(from, pf) / mpd;
      const tf = cal.workingMinutesBetween(pf, target) / mpd;
      if (cpl <= 0)
        push("cpli", 0, 0, [], ">=", {
          pass: null,
          value: null,
          note: "critical path length 0 (finish at or before the status date)",
        });
      else {
        const cpli = (cpl + tf) / cpl;
        push("cpli", 0, 0, [], ">=", {
          value: cpli,
          pass: cpli >= th.cpli,
          note: `CPL ${round2(cpl)} working days from the ${status === undefined ? "project start" : "status date"}; total float ${round2(tf)} working days to the ${options.cpliTarget === "projectFinishDate" ? "contract" : "baseline"} finish`,
        });
      }
    }
  }
  // 14 BEI
  if (status === undefined) {
    push("bei", 0, 0, [], ">=", { pass: null, value: null, note: "no status date" });
  } else {
    const due = baselinePop.filter((t) => {
      const bf = tryEpoch(baselineOf(t)?.finish);
      return bf !== undefined && bf <= status;
    });
    const unbaselined =
      options.beiDenominator === "baselinedPlusUnbaselined"
        ? baselinePop.filter((t) => tryEpoch(baselineOf(t)?.finish) === undefined).length
        : 0;
    const completed = baselinePop.filter((t) => {
      const af = tryEpoch(t.actualFinish);
      return af !== undefined ? af <= status : t.percentComplete >= 100;
    });
    const denominator = due.length + unbaselined;
    const doneIds = new Set(completed.map((t) => t.id));
    const items = due.filter((t) => !doneIds.has(t.id)).map((t) => t.id);
    const bei = denominator === 0 ? null : completed.length / denominator;
    push("bei", completed.length, denominator, items, ">=", {
      value: bei,
      ...(denominator === 0
        ? { note: `no task with baseline ${baselineNo} finish by the status date` }
        : { note: "count = tasks completed by the status date; items = tasks due but not completed" }),
    });
  }
  if (statusStr === undefined)
    warnings.push({
      code: "NO_STATUS_DATE",
      message: "no status date: invalid dates, missed tasks and BEI not applicable",
    });
  return {
    checks,
    floatSource: used,
    ...(statusStr === undefined ? {} : { statusDate: statusStr }),
    warnings,
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function projectCalendar(project: Project): WorkingCalendar {
  try {
    const cals = compileCalendars(project.calendars);
    const c = cals.get(project.settings.defaultCalendarId);
    if (c) return c;
  } catch {
    // fall through to the Standard calendar
  }
  return compileCalendars([standardCalendar("standard")]).get("standard")!;
}
