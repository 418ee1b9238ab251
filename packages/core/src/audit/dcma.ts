import { compileCalendars } from "../calendar/compile.js";
import { standardCalendar } from "../calendar/presets.js";
import type { WorkingCalendar } from "../calendar/types.js";
import { F_ASSIGN, F_COMPLETE, F_SPECIAL, F_STARTED } from "../cpm/network.js";
import { compileNetwork } from "../cpm/schedule.js";
import type { CompiledProject } from "../cpm/schedule.js";
import type { ScheduleOptions } from "../cpm/options.js";
import { axisToDate, runPasses } from "../cpm/passes.js";
import type { PassResult } from "../cpm/passes.js";
import { PmokitError, isPmokitError } from "../errors.js";
import type { Dependency } from "../model/dependency.js";
import { durationToMinutes } from "../model/duration.js";
import type { Project } from "../model/project.js";
import type { ConstraintType, Task } from "../model/task.js";
import { toEpochMinute } from "../time/local.js";
import { AUDIT_FLAGS, buildAuditContext } from "./context.js";
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
  /**
   * Extra calendars for the engine and CPLI (a portfolio's shared calendars); project calendars with
   * the same id win. Without them a task on a shared calendar stops the engine (`ENGINE_FALLBACK`).
   */
  readonly calendars?: Project["calendars"];
  /** A network already compiled with `compileNetwork(project, ...)` (skips compiling again). */
  readonly compiled?: CompiledProject;
  /**
   * The result of `runPasses(compiled.network)` when the caller has already scheduled (skips the
   * first pass; the critical path test still runs one pass of its own). Needs `compiled`.
   */
  readonly pass?: PassResult;
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

/**
 * Float and forecast dates by task position in `project.tasks` (NaN / false when unknown).
 * `startBefore` / `finishBefore` compare the forecast start / finish with the status date.
 */
interface Forecast {
  readonly tf: Float64Array;
  startBefore(i: number): boolean;
  finishBefore(i: number): boolean;
  /** Forecast finish as an epoch minute (undefined when unknown). */
  finish(i: number): number | undefined;
  readonly projectFinish: number | undefined;
  readonly cp?: { id: string; delay: number; slip: number } | { none: string };
  readonly empty?: boolean;
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

/**
 * Float and forecast dates from the CPM engine. One compile (or the caller's) and one pass (or the
 * caller's); dates are compared with the status date on each calendar's working-time axis, so no
 * axis value is turned into a date except the few the missed-tasks check needs. The critical path
 * test is one more `runPasses` with a single duration changed.
 */
function engineForecast(
  ctx: AuditContext,
  options: DcmaOptions,
  status: number | undefined,
  delayMinutes: number,
  cpSubject: Uint8Array,
  project: Project,
): Forecast {
  const compiled =
    options.compiled ??
    compileNetwork(project, {
      ...options.scheduleOptions,
      ...(options.statusDate === undefined ? {} : { statusDate: options.statusDate }),
    });
  const net = compiled.network;
  const m = net.taskCount;
  const pass = options.pass ?? runPasses(net);
  const n = project.tasks.length;
  const netOf = new Int32Array(n).fill(-1);
  const ctxOf = new Int32Array(m).fill(-1);
  // the network keeps the project's leaves in input order: align by walking both lists, and look up
  // by id only where they differ (a reordered or foreign network)
  const tasks = project.tasks;
  for (let j = 0, k = 0; j < m; j++) {
    const id = net.ids[j]!;
    while (k < tasks.length && tasks[k]!.id !== id && !(ctx.flags[k]! & AUDIT_FLAGS.leaf)) k++;
    let i: number | undefined;
    if (k < tasks.length && tasks[k]!.id === id) i = k++;
    else i = ctx.index.get(id);
    if (i === undefined) continue;
    netOf[i] = j;
    ctxOf[j] = i;
  }
  const tf = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const j = netOf[i]!;
    if (j >= 0) tf[i] = pass.totalSlack[j]!;
  }
  // the status date on each calendar's axis: a start v is before it iff v < W; a finish v iff
  // v < W, or v = W and the end of the W-th working minute is before the status date
  const cals = net.calendars;
  const statusAxis = new Float64Array(cals.length);
  const endBefore = new Uint8Array(cals.length);
  if (status !== undefined)
    for (let c = 0; c < cals.length; c++) {
      const w = cals[c]!.workingMinutesBetween(net.origin, status);
      statusAxis[c] = w;
      endBefore[c] = axisToDate(cals[c]!, net.origin, w, "end") < status ? 1 : 0;
    }
  const f: Forecast = {
    tf,
    startBefore: (i) => {
      const j = netOf[i]!;
      return j >= 0 && status !== undefined && pass.start[j]! < statusAxis[net.taskCalendar[j]!]!;
    },
    finishBefore: (i) => {
      const j = netOf[i]!;
      if (j < 0 || status === undefined) return false;
      const c = net.taskCalendar[j]!;
      const v = pass.finish[j]!;
      return v < statusAxis[c]! || (v === statusAxis[c]! && endBefore[c] === 1);
    },
    finish: (i) => {
      const j = netOf[i]!;
      return j < 0 ? undefined : axisToDate(cals[net.taskCalendar[j]!]!, net.origin, pass.finish[j]!, "end");
    },
    projectFinish: pass.projectFinish,
    cp: criticalPathTest(net, pass, ctxOf, cpSubject, delayMinutes),
  };
  return f;
}

/**
 * DCMA check 12: delays the first not-started (else in-progress) critical task, by early start, and
 * measures how far the project finish moves. One `runPasses` on the compiled network with that single
 * duration changed (every other task keeps its duration, or its remaining duration when started in
 * the P6 dialect), so the answer is exactly what a full reschedule would give.
 */
function criticalPathTest(
  net: CompiledProject["network"],
  pass: PassResult,
  ctxOf: Int32Array,
  cpSubject: Uint8Array,
  delayMinutes: number,
): { id: string; delay: number; slip: number } | { none: string } {
  const m = net.taskCount;
  let best = -1;
  let bestStarted = true;
  for (let j = 0; j < m; j++) {
    if (pass.critical[j] !== 1) continue;
    const i = ctxOf[j]!;
    if (i < 0 || cpSubject[i] !== 1) continue;
    const started = !Number.isNaN(net.actualStartAxis[j]!);
    if (
      best < 0 ||
      (bestStarted && !started) ||
      (started === bestStarted && pass.earlyStart[j]! < pass.earlyStart[best]!)
    ) {
      best = j;
      bestStarted = started;
    }
  }
  if (best < 0) return { none: "no incomplete, automatically scheduled critical task" };
  // The override that reproduces the first pass: runPasses reads an override as the remaining
  // duration of started tasks in the P6 dialect, and as a scale of the assignment durations of
  // assignment-driven tasks (nominal duration = scale 1).
  const p6Progress = net.options.progress !== "actualDates";
  const durations = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const fl = net.flags[j]!;
    durations[j] =
      fl & F_ASSIGN
        ? net.duration[j]!
        : p6Progress && fl & F_SPECIAL && fl & F_STARTED && !(fl & F_COMPLETE)
          ? net.remaining[j]!
          : net.duration[j]!;
  }
  durations[best] = durations[best]! + delayMinutes;
  const pass2 = runPasses(net, durations);
  const cal = net.calendars[net.taskCalendar[best]!]!;
  return {
    id: net.ids[best]!,
    delay: delayMinutes,
    slip: cal.workingMinutesBetween(pass.projectFinish, pass2.projectFinish),
  };
}

function reportedForecast(project: Project, status: number | undefined): Forecast {
  const n = project.tasks.length;
  const tf = new Float64Array(n).fill(NaN);
  const start = new Float64Array(n).fill(NaN);
  const finish = new Float64Array(n).fill(NaN);
  let pf: number | undefined;
  let any = false;
  for (let i = 0; i < n; i++) {
    const r = project.tasks[i]!.reported;
    if (r === undefined) continue;
    if (r.totalSlackMinutes !== undefined) {
      tf[i] = r.totalSlackMinutes;
      any = true;
    }
    const s = tryEpoch(r.start ?? r.earlyStart);
    const e = tryEpoch(r.finish ?? r.earlyFinish);
    if (s !== undefined) start[i] = s;
    if (e !== undefined) {
      finish[i] = e;
      any = true;
      if (pf === undefined || e > pf) pf = e;
    }
  }
  return {
    tf,
    startBefore: (i) => status !== undefined && start[i]! < status,
    finishBefore: (i) => status !== undefined && finish[i]! < status,
    finish: (i) => (Number.isNaN(finish[i]!) ? undefined : finish[i]!),
    projectFinish: pf,
    cp: { none: "needs the CPM engine (reported values only)" },
    ...(any ? {} : { empty: true }),
  };
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
  const tasks = project.tasks;
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
  const { flags, leafIndex } = ctx;
  const leafCount = leafIndex.length;

  // populations, one sweep over the leaves: 1 = in scope (not milestone / LOE unless asked), 2 = incomplete
  const IN_SCOPE = 1;
  const INCOMPLETE = 2;
  const pop = new Uint8Array(tasks.length);
  const cpSubject = new Uint8Array(tasks.length);
  let incompleteCount = 0;
  for (let k = 0; k < leafCount; k++) {
    const i = leafIndex[k]!;
    const f = flags[i]!;
    if (!inclMs && f & AUDIT_FLAGS.milestone) continue;
    if (!inclLoe && f & AUDIT_FLAGS.levelOfEffort) continue;
    let p = IN_SCOPE;
    if (!(f & AUDIT_FLAGS.complete)) {
      p |= INCOMPLETE;
      incompleteCount++;
      // critical path test subjects: incomplete, automatically scheduled tasks (manual tasks keep their dates)
      if (!tasks[i]!.manual) cpSubject[i] = 1;
    }
    pop[i] = p;
  }

  // float and forecast dates (caller mistakes in the precomputed engine state are errors, never a fallback)
  if (options.pass !== undefined) {
    if (options.compiled === undefined)
      throw new PmokitError("INVALID_INPUT", "pass: given without the compiled network it was run on", {
        path: "options.pass",
        expected: "options.compiled together with options.pass",
      });
    const m = options.compiled.network.taskCount;
    if (options.pass.totalSlack.length !== m)
      throw new PmokitError(
        "INVALID_INPUT",
        `pass: a result of runPasses on another network (${options.pass.totalSlack.length} tasks, expected ${m})`,
        { path: "options.pass", expected: "runPasses(compiled.network) of the same project" },
      );
  }
  const src = options.floatSource ?? "auto";
  const engineProject = withSharedCalendars(project, options.calendars);
  let forecast: Forecast | undefined;
  let used: DcmaResult["floatSource"] = "none";
  const delayMinutes = (options.criticalPathDelayDays ?? 600) * mpd;
  if (src !== "reported") {
    try {
      forecast = engineForecast(ctx, options, status, delayMinutes, cpSubject, engineProject);
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
    forecast = reportedForecast(project, status);
    used = forecast.empty === true ? "none" : "reported";
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

  // checks 1, 5-11 and 14 in one sweep over the leaves
  const durSettings = {
    minutesPerDay: settings.minutesPerDay,
    minutesPerWeek: settings.minutesPerWeek,
    daysPerMonth: settings.daysPerMonth,
  };
  const byBaseline = (options.durationSource ?? "baselineOrOriginal") === "baselineOrOriginal";
  const unloadedNa =
    project.assignments.length === 0 && (options.unloadedSchedule ?? "count") === "notApplicable";
  const beiPlus = options.beiDenominator === "baselinedPlusUnbaselined";
  const logic: string[] = [];
  const hardItems: string[] = [];
  const high: string[] = [];
  const neg: string[] = [];
  let withFloat = 0;
  const highDur: string[] = [];
  let durPop = 0;
  const invalid: string[] = [];
  const noRes: string[] = [];
  let resPop = 0;
  const missed: string[] = [];
  let due = 0;
  let unbaselined = 0;
  let completed = 0;
  const notDone: string[] = [];
  const tf = forecast.tf;
  const fc = forecast;
  for (let k = 0; k < leafCount; k++) {
    const i = leafIndex[k]!;
    const p = pop[i]!;
    if (p === 0) continue;
    const t = tasks[i]!;
    const f = flags[i]!;
    const plain = !(f & (AUDIT_FLAGS.milestone | AUDIT_FLAGS.levelOfEffort));
    let b: Task["baselines"][number] | undefined;
    for (const x of t.baselines)
      if (x.number === baselineNo) {
        b = x;
        break;
      }
    if (p & INCOMPLETE) {
      const id = t.id;
      // 1 logic
      if (!(f & AUDIT_FLAGS.hasPredecessor) || !(f & AUDIT_FLAGS.hasSuccessor)) logic.push(id);
      // 5 hard constraints
      if (
        hard.has(t.constraint.type) ||
        (t.secondaryConstraint !== undefined && hard.has(t.secondaryConstraint.type))
      )
        hardItems.push(id);
      // 6-7 float
      const s = tf[i]!;
      if (s === s) {
        withFloat++;
        if (s > highMinutes) high.push(id);
        else if (s < 0) neg.push(id);
      }
      // 8 high duration
      if (plain) {
        durPop++;
        const d =
          byBaseline && b?.duration !== undefined
            ? durationToMinutes(b.duration, durSettings)
            : ctx.durations[i]!;
        if (d > highMinutes) highDur.push(id);
      }
      // 9 invalid dates
      if (status !== undefined) {
        const as = tryEpoch(t.actualStart);
        if (
          (as !== undefined && as > status) ||
          (as === undefined && fc.startBefore(i)) ||
          fc.finishBefore(i)
        )
          invalid.push(id);
      }
      // 10 resources
      if (ctx.durations[i]! >= mpd) {
        resPop++;
        if (ctx.assignments[i] === 0) noRes.push(id);
      }
    }
    // 11 missed tasks and 14 BEI: tasks baselined to finish by the status date
    if (status !== undefined && plain) {
      const bf = tryEpoch(b?.finish);
      const af = tryEpoch(t.actualFinish);
      const isDone = af !== undefined ? af <= status : t.percentComplete >= 100;
      if (isDone) completed++;
      if (bf === undefined) unbaselined++;
      else if (bf <= status) {
        due++;
        const fin = af ?? fc.finish(i);
        if (fin === undefined ? !(f & AUDIT_FLAGS.complete) : fin > bf) missed.push(t.id);
        if (!isDone) notDone.push(t.id);
      }
    }
  }

  // 1 logic
  push("logic", logic.length, incompleteCount, logic, "<=");
  // 2-4 relationships
  {
    const all = (options.relationshipPopulation ?? "incompleteSuccessor") === "all";
    const leads: string[] = [];
    const lags: string[] = [];
    const nonFs: string[] = [];
    let rel = 0;
    const links = ctx.links;
    for (let k = 0; k < links.length; k++) {
      if (!all && flags[ctx.linkTo[k]!]! & AUDIT_FLAGS.complete) continue;
      const d = links[k]!;
      rel++;
      const lag = d.lag.value;
      if (lag < 0) leads.push(linkId(d));
      else if (lag > 0) lags.push(linkId(d));
      if (d.type !== "FS") nonFs.push(linkId(d));
    }
    push("leads", leads.length, rel, leads, "<=");
    push("lags", lags.length, rel, lags, "<=");
    push("relationshipTypes", rel - nonFs.length, rel, nonFs, ">=", {
      note: "count = FS relationships; items = the non-FS relationships",
    });
  }
  // 5 hard constraints
  push("hardConstraints", hardItems.length, incompleteCount, hardItems, "<=");
  // 6-7 float
  {
    const note =
      used === "none" ? "no float available (no CPM result, no reported float)" : `float from ${used}`;
    push("highFloat", high.length, withFloat, high, "<=", { note });
    push("negativeFloat", neg.length, withFloat, neg, "<=", { note });
  }
  // 8 high duration
  push("highDuration", highDur.length, durPop, highDur, "<=");
  // 9 invalid dates
  if (status === undefined) push("invalidDates", 0, 0, [], "<=", { pass: null, note: "no status date" });
  else
    push("invalidDates", invalid.length, incompleteCount, invalid, "<=", {
      ...(used === "none" ? { note: "actual dates only (no forecast dates)" } : {}),
    });
  // 10 resources
  if (unloadedNa)
    push("resources", 0, resPop, [], "<=", { pass: null, value: null, note: "schedule not resource-loaded" });
  else push("resources", noRes.length, resPop, noRes, "<=");
  // 11 missed tasks
  if (status === undefined) push("missedTasks", 0, 0, [], "<=", { pass: null, note: "no status date" });
  else
    push(
      "missedTasks",
      missed.length,
      due,
      missed,
      "<=",
      due === 0 ? { note: `no task with baseline ${baselineNo} finish by the status date` } : {},
    );
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
      for (const t of ctx.leaves)
        for (const b of t.baselines) {
          if (b.number !== baselineNo) continue;
          const bf = tryEpoch(b.finish);
          if (bf !== undefined && (target === undefined || bf > target)) target = bf;
          break;
        }
    } else target = tryEpoch(settings.finishDate);
    const from = status ?? tryEpoch(settings.startDate);
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
      const cal = projectCalendar(engineProject);
      const cpl = cal.workingMinutesBetween(from, pf) / mpd;
      const tfDays = cal.workingMinutesBetween(pf, target) / mpd;
      if (cpl <= 0)
        push("cpli", 0, 0, [], ">=", {
          pass: null,
          value: null,
          note: "critical path length 0 (finish at or before the status date)",
        });
      else {
        const cpli = (cpl + tfDays) / cpl;
        push("cpli", 0, 0, [], ">=", {
          value: cpli,
          pass: cpli >= th.cpli,
          note: `CPL ${round2(cpl)} working days from the ${status === undefined ? "project start" : "status date"}; total float ${round2(tfDays)} working days to the ${options.cpliTarget === "projectFinishDate" ? "contract" : "baseline"} finish`,
        });
      }
    }
  }
  // 14 BEI
  if (status === undefined) {
    push("bei", 0, 0, [], ">=", { pass: null, value: null, note: "no status date" });
  } else {
    const denominator = due + (beiPlus ? unbaselined : 0);
    const bei = denominator === 0 ? null : completed / denominator;
    push("bei", completed, denominator, notDone, ">=", {
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

/** The project with a portfolio's shared calendars added (project calendars win on an id clash). */
function withSharedCalendars(project: Project, shared: Project["calendars"] | undefined): Project {
  if (shared === undefined || shared.length === 0) return project;
  const own = new Set(project.calendars.map((c) => c.id));
  const extra = shared.filter((c) => !own.has(c.id));
  return extra.length === 0 ? project : { ...project, calendars: [...project.calendars, ...extra] };
}
