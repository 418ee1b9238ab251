import { compileCalendars } from "../calendar/compile.js";
import { standardCalendar } from "../calendar/presets.js";
import type { WorkingCalendar } from "../calendar/types.js";
import { PmokitError } from "../errors.js";
import { durationToMinutes, isElapsedUnit } from "../model/duration.js";
import type { Duration, DurationSettings } from "../model/duration.js";
import type { Project } from "../model/project.js";
import type { ConstraintType, Task } from "../model/task.js";
import { fromEpochMinute, toEpochMinute } from "../time/local.js";
import type { EpochMinute } from "../time/local.js";
import { ELAPSED_CALENDAR } from "./elapsed-calendar.js";
import { compileNetworkInput } from "./network.js";
import type { CompiledNetwork, ConstraintKind, NetworkLinkInput, NetworkTaskInput } from "./network.js";
import { displayDates } from "./dates.js";
import type { ScheduleOptions } from "./options.js";
import { runPasses } from "./passes.js";
import type { PassResult } from "./passes.js";

/**
 * A soft problem met while scheduling (the schedule is still computed).
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface ScheduleWarning {
  readonly code: string;
  readonly message: string;
  readonly ids?: readonly string[];
}

/**
 * Schedule of one task. Dates are local date-times `YYYY-MM-DDTHH:mm:ss`; slack is in working
 * minutes of the task's calendar (negative when a constraint or deadline cannot be met).
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface ScheduledTask {
  readonly id: string;
  readonly name: string;
  readonly earlyStart: string;
  readonly earlyFinish: string;
  readonly lateStart: string;
  readonly lateFinish: string;
  /** Scheduled start / finish (early dates, or late dates for MS Project ALAP tasks and schedule-from-finish). */
  readonly start: string;
  readonly finish: string;
  readonly totalSlackMinutes: number;
  readonly freeSlackMinutes: number;
  readonly startSlackMinutes: number;
  readonly finishSlackMinutes: number;
  readonly critical: boolean;
  readonly nearCritical: boolean;
  /** Roll-up (summary) task: dates span its children. */
  readonly summary: boolean;
  /** Predecessors whose link drives this task's early dates (link gap 0 or less). */
  readonly drivingPredecessors: readonly string[];
}

/**
 * Result of {@link schedule}.
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface ScheduleResult {
  readonly dialect: "msp" | "p6";
  readonly projectStart: string;
  readonly projectFinish: string;
  readonly statusDate?: string;
  /** Every scheduled task (inactive tasks are left out), summaries included, in input order. */
  readonly tasks: readonly ScheduledTask[];
  /** Chains of critical tasks linked by driving links, from the project start side to the finish (at most 20). */
  readonly criticalPaths: readonly (readonly string[])[];
  readonly warnings: readonly ScheduleWarning[];
}

/**
 * A compiled project: the network plus what is needed to map results back to the model (summary
 * roll-ups, names, ids).
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface CompiledProject {
  readonly network: CompiledNetwork;
  readonly names: readonly string[];
  /** Summary tasks with the network indices of their leaf descendants, in input order. */
  readonly summaries: readonly {
    readonly id: string;
    readonly name: string;
    readonly calendar: WorkingCalendar;
    readonly leaves: readonly number[];
  }[];
  /** Input order of every reported task: network index (>= 0) or -(summary index + 1). */
  readonly outputOrder: readonly number[];
  readonly warnings: readonly ScheduleWarning[];
}

const CONSTRAINT_MAP: Readonly<Record<ConstraintType, ConstraintKind>> = {
  ASAP: "ASAP",
  ALAP: "ALAP",
  SNET: "START_NO_EARLIER_THAN",
  SNLT: "START_NO_LATER_THAN",
  FNET: "FINISH_NO_EARLIER_THAN",
  FNLT: "FINISH_NO_LATER_THAN",
  MSO: "MUST_START_ON",
  MFO: "MUST_FINISH_ON",
  SO: "START_ON",
  FO: "FINISH_ON",
};

function minutes(d: Duration, s: DurationSettings): number {
  return Math.round(durationToMinutes(d, s));
}

/**
 * Compiles a project of the pmokit model into a {@link CompiledProject}: calendars compiled, summary
 * links expanded onto leaf tasks, inactive tasks dropped, durations and lags in integer minutes,
 * CSR adjacency and topological order built. Run {@link runPasses} on `network` as often as needed.
 *
 * @param project - the project (parsed with `parseProject`)
 * @param options - dialect and rule options
 * @returns the compiled project
 * @throws PmokitError `CYCLE_DETECTED` (with the ids of the tasks on the cycle), `DANGLING_REFERENCE`
 *   (a link to a missing task), `CALENDAR_NOT_FOUND`, `INVALID_INPUT`
 * @example
 * ```ts
 * import { compileNetwork, runPasses, parseProject } from "@pmokit/core";
 * const project = parseProject({
 *   id: "p", name: "P",
 *   settings: { currency: "EUR", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00" },
 *   tasks: [{ id: "A", name: "A", duration: { value: 2, unit: "days" } }],
 * });
 * const { network } = compileNetwork(project);
 * runPasses(network).earlyFinish[0]; // 960 working minutes after the start
 * ```
 * @category Scheduling
 * @since 0.1.0
 */
export function compileNetwork(project: Project, options: ScheduleOptions = {}): CompiledProject {
  const settings = project.settings;
  const dialect = options.dialect ?? "msp";
  const warnings: ScheduleWarning[] = [];
  const calInputs =
    project.calendars.length > 0 ? project.calendars : [standardCalendar(settings.defaultCalendarId)];
  const cals = compileCalendars(calInputs);
  const calendarOf = (id: string, path: string): WorkingCalendar => {
    const c = cals.get(id);
    if (c === undefined) {
      throw new PmokitError("CALENDAR_NOT_FOUND", `${path}: calendar '${id}' not found`, {
        path,
        ids: [id],
        expected: "the id of a calendar in project.calendars",
        received: id,
      });
    }
    return c;
  };
  const projectCalendar = calendarOf(settings.defaultCalendarId, "settings.defaultCalendarId");
  const projectStart = toEpochMinute(options.projectStart ?? settings.startDate, "settings.startDate");
  const statusText = options.statusDate ?? settings.statusDate;
  const statusDate = statusText === undefined ? undefined : toEpochMinute(statusText, "settings.statusDate");

  // Hierarchy.
  const tasks = project.tasks;
  const byId = new Map<string, number>();
  tasks.forEach((t, i) => {
    if (byId.has(t.id)) {
      throw new PmokitError("DUPLICATE_ID", `tasks[${i}].id: duplicate task id '${t.id}'`, {
        path: `tasks[${i}].id`,
        ids: [t.id],
      });
    }
    byId.set(t.id, i);
  });
  const children = new Map<number, number[]>();
  tasks.forEach((t, i) => {
    if (t.parentId === undefined) return;
    const p = byId.get(t.parentId);
    if (p === undefined) {
      throw new PmokitError("DANGLING_REFERENCE", `tasks[${i}].parentId: task '${t.parentId}' not found`, {
        path: `tasks[${i}].parentId`,
        ids: [t.id, t.parentId],
        expected: "the id of a task of the project",
      });
    }
    let list = children.get(p);
    if (list === undefined) children.set(p, (list = []));
    list.push(i);
  });
  const isInactive = (i: number): boolean => {
    for (let cur: number | undefined = i, guard = 0; cur !== undefined && guard < 10_000; guard++) {
      const t: Task = tasks[cur]!;
      if (t.inactive) return true;
      cur = t.parentId === undefined ? undefined : byId.get(t.parentId);
    }
    return false;
  };
  const isSummary = (i: number): boolean =>
    (children.get(i)?.some((c) => !isInactive(c)) ?? false) || tasks[i]!.activityType === "wbsSummary";

  const resourceCal = new Map<string, string>();
  for (const r of project.resources) if (r.calendarId !== undefined) resourceCal.set(r.id, r.calendarId);
  const taskResourceCals = new Map<string, Set<string>>();
  for (const a of project.assignments) {
    const c = resourceCal.get(a.resourceId);
    if (c === undefined) continue;
    let s = taskResourceCals.get(a.taskId);
    if (s === undefined) taskResourceCals.set(a.taskId, (s = new Set()));
    s.add(c);
  }

  const netTasks: NetworkTaskInput[] = [];
  const netIndex = new Int32Array(tasks.length).fill(-1);
  const names: string[] = [];
  const summaryIdx = new Map<number, number>();
  const summaries: { id: string; name: string; calendar: WorkingCalendar; leaves: number[] }[] = [];
  const outputOrder: number[] = [];
  tasks.forEach((t, i) => {
    if (isInactive(i)) return;
    const path = `tasks[${i}]`;
    if (isSummary(i)) {
      summaryIdx.set(i, summaries.length);
      outputOrder.push(-(summaries.length + 1));
      const cal =
        t.calendarId === undefined ? projectCalendar : calendarOf(t.calendarId, `${path}.calendarId`);
      summaries.push({ id: t.id, name: t.name, calendar: cal, leaves: [] });
      return;
    }
    let calendar: WorkingCalendar;
    if (isElapsedUnit(t.duration.unit)) calendar = ELAPSED_CALENDAR;
    else if (t.calendarId !== undefined) calendar = calendarOf(t.calendarId, `${path}.calendarId`);
    else {
      // Resource calendars drive MS Project tasks with assignments and P6 resource-dependent activities
      // (P6 task-dependent activities use the activity calendar only).
      const useResources =
        dialect === "msp" ? t.activityType !== "task" : t.activityType === "resourceDependent";
      const rc = useResources ? taskResourceCals.get(t.id) : undefined;
      calendar =
        rc !== undefined && rc.size === 1 && !t.ignoreResourceCalendar
          ? calendarOf([...rc][0]!, `${path} resource calendar`)
          : projectCalendar;
    }
    if (t.duration.unit === "percent") {
      throw new PmokitError("INVALID_INPUT", `${path}.duration: a task duration cannot be a percentage`, {
        path: `${path}.duration.unit`,
        ids: [t.id],
        expected: "a time unit",
        received: "percent",
      });
    }
    const duration = minutes(t.duration, settings);
    if (duration < 0) {
      throw new PmokitError("INVALID_INPUT", `${path}.duration: negative duration`, {
        path: `${path}.duration`,
        ids: [t.id],
        expected: "a duration >= 0",
        received: String(t.duration.value),
      });
    }
    const at = (s: string | undefined, p: string): EpochMinute | undefined =>
      s === undefined ? undefined : toEpochMinute(s, `${path}.${p}`);
    const kind: NetworkTaskInput["kind"] =
      t.activityType === "startMilestone"
        ? "startMilestone"
        : t.activityType === "finishMilestone"
          ? "finishMilestone"
          : t.activityType === "levelOfEffort"
            ? "levelOfEffort"
            : t.milestone
              ? "milestone"
              : "task";
    const con = (c: { type: ConstraintType; date?: string | undefined } | undefined, p: string) => {
      if (c === undefined || c.type === "ASAP") return undefined;
      const date = at(c.date, `${p}.date`);
      if (c.type !== "ALAP" && date === undefined) {
        throw new PmokitError("INVALID_INPUT", `${path}.${p}: constraint ${c.type} needs a date`, {
          path: `${path}.${p}.date`,
          ids: [t.id],
          expected: "a constraint date",
        });
      }
      return date === undefined ? { type: CONSTRAINT_MAP[c.type] } : { type: CONSTRAINT_MAP[c.type], date };
    };
    const actualStart = at(t.actualStart, "actualStart");
    const actualFinish = at(t.actualFinish, "actualFinish");
    let remaining: number | undefined;
    if (t.remainingDuration !== undefined) remaining = minutes(t.remainingDuration, settings);
    else if (actualStart !== undefined && actualFinish === undefined && t.percentComplete > 0)
      remaining = Math.round((duration * (100 - t.percentComplete)) / 100);
    let manual: { start: EpochMinute; finish: EpochMinute } | undefined;
    if (t.manual) {
      const ms = at(t.reported?.start, "reported.start");
      const mf = at(t.reported?.finish, "reported.finish");
      if (ms !== undefined && mf !== undefined) manual = { start: ms, finish: mf };
      else
        warnings.push({
          code: "MANUAL_WITHOUT_DATES",
          message: `Manual task ${t.id} has no dates: scheduled automatically`,
          ids: [t.id],
        });
    }
    const c1 = con(t.constraint, "constraint");
    const c2 = con(t.secondaryConstraint, "secondaryConstraint");
    const deadline = at(t.deadline, "deadline");
    const nt: NetworkTaskInput = {
      id: t.id,
      calendar,
      duration,
      kind,
      ...(remaining === undefined ? {} : { remaining }),
      ...(c1 === undefined ? {} : { constraint: c1 }),
      ...(c2 === undefined ? {} : { constraint2: c2 }),
      ...(deadline === undefined ? {} : { deadline }),
      ...(actualStart === undefined ? {} : { actualStart }),
      ...(actualStart === undefined || actualFinish === undefined ? {} : { actualFinish }),
      ...(manual === undefined ? {} : { manual }),
    };
    netIndex[i] = netTasks.length;
    outputOrder.push(netTasks.length);
    netTasks.push(nt);
    names.push(t.name);
  });

  // Leaves of every summary.
  const leavesOf = (i: number, out: number[]): number[] => {
    for (const c of children.get(i) ?? []) {
      if (isInactive(c)) continue;
      if (netIndex[c]! >= 0) out.push(netIndex[c]!);
      else leavesOf(c, out);
    }
    return out;
  };
  for (const [i, s] of summaryIdx) {
    const leaves = summaries[s]!.leaves;
    leavesOf(i, leaves);
    if (leaves.length === 0 && tasks[i]!.activityType === "wbsSummary") {
      // A P6 WBS summary activity spans the activities of its WBS node (its siblings).
      const parent = tasks[i]!.parentId === undefined ? undefined : byId.get(tasks[i]!.parentId!);
      if (parent !== undefined) leavesOf(parent, leaves);
      else for (let j = 0; j < netTasks.length; j++) leaves.push(j);
    }
  }
  const isAncestor = (a: number, b: number): boolean => {
    for (let cur = tasks[b]!.parentId; cur !== undefined; cur = tasks[byId.get(cur)!]!.parentId) {
      if (byId.get(cur) === a) return true;
    }
    return false;
  };

  const links: NetworkLinkInput[] = [];
  project.dependencies.forEach((d, k) => {
    const path = `dependencies[${k}]`;
    const external =
      (d.fromProject !== undefined && d.fromProject !== project.id) ||
      (d.toProject !== undefined && d.toProject !== project.id);
    const a = byId.get(d.from);
    const b = byId.get(d.to);
    if (a === undefined || b === undefined || external) {
      if (external) {
        warnings.push({
          code: "EXTERNAL_LINK",
          message: `${path}: cross-project link ${d.from} -> ${d.to} ignored (schedule the portfolio to honour it)`,
          ids: [d.from, d.to],
        });
        return;
      }
      const missing = a === undefined ? d.from : d.to;
      throw new PmokitError("DANGLING_REFERENCE", `${path}: task '${missing}' not found`, {
        path: `${path}.${a === undefined ? "from" : "to"}`,
        ids: [missing],
        expected: "the id of a task of the project",
        received: missing,
      });
    }
    if (isInactive(a) || isInactive(b)) return;
    if (isAncestor(a, b) || isAncestor(b, a)) {
      warnings.push({
        code: "SUMMARY_LINK_TO_OWN_CHILD",
        message: `${path}: link between summary and its own subtask ${d.from} -> ${d.to} ignored`,
        ids: [d.from, d.to],
      });
      return;
    }
    const fromList = netIndex[a]! >= 0 ? [netIndex[a]!] : summaries[summaryIdx.get(a)!]!.leaves;
    const toList = netIndex[b]! >= 0 ? [netIndex[b]!] : summaries[summaryIdx.get(b)!]!.leaves;
    let lag = 0;
    let lagUnit: NetworkLinkInput["lagUnit"] = "working";
    if (d.lag.unit === "percent") {
      lag = d.lag.value;
      lagUnit = "percent";
    } else {
      lag = minutes(d.lag, settings);
      if (isElapsedUnit(d.lag.unit)) lagUnit = "elapsed";
    }
    for (const f of fromList)
      for (const t of toList) links.push({ from: f, to: t, type: d.type, lag, lagUnit });
  });

  const finishText = settings.finishDate;
  const projectFinish =
    finishText === undefined ? undefined : toEpochMinute(finishText, "settings.finishDate");
  const scheduleFrom = options.scheduleFrom ?? settings.scheduleFrom;
  const msp = dialect === "msp";
  const p6Options = dialect === "p6" ? p6OptionsOf(project) : {};
  const network = compileNetworkInput(
    {
      tasks: netTasks,
      links,
      projectStart,
      projectCalendar,
      ...(statusDate === undefined ? {} : { statusDate }),
      ...(projectFinish === undefined ? {} : { projectFinish }),
      scheduleFrom,
    },
    {
      ...(msp
        ? {
            constraintPrecedence: settings.honorConstraints ? "constraints" : "logic",
            totalSlack:
              settings.totalSlackCalculation === "startSlack"
                ? "start"
                : settings.totalSlackCalculation === "finishSlack"
                  ? "finish"
                  : "min",
          }
        : {}),
      critical: { kind: "totalSlack", limitMinutes: settings.criticalSlackLimitMinutes },
      ...p6Options,
      ...options,
    },
  );
  return { network, names, summaries, outputOrder, warnings };
}

/**
 * P6 scheduling options kept by the readers (`extensions["p6:schedoptions"]`, `extensions.p6`).
 */
function p6OptionsOf(project: Project): ScheduleOptions {
  const ext = (project.extensions ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const so = ext["p6:schedoptions"] ?? {};
  const p6 = ext["p6"] ?? {};
  const out: { -readonly [K in keyof ScheduleOptions]: ScheduleOptions[K] } = {};
  const lag = so["sched_calendar_on_relationship_lag"];
  if (lag === "rcal_Predecessor") out.lagCalendar = "predecessor";
  else if (lag === "rcal_Successor") out.lagCalendar = "successor";
  else if (lag === "rcal_24Hour") out.lagCalendar = "24h";
  else if (lag === "rcal_ProjDefault") out.lagCalendar = "project";
  const ft = so["sched_float_type"];
  if (ft === "FT_FF") out.totalSlack = "finish";
  else if (ft === "FT_SF") out.totalSlack = "start";
  else if (ft === "FT_Min") out.totalSlack = "min";
  if (so["sched_retained_logic"] === "N") {
    out.progress = so["sched_progress_override"] === "Y" ? "progressOverride" : "retainedLogic";
  }
  if (p6["critical_path_type"] === "CT_DrivPath") out.critical = { kind: "longestPath" };
  else if (p6["critical_drtn_hr_cnt"] !== undefined) {
    const h = Number(p6["critical_drtn_hr_cnt"]);
    if (Number.isFinite(h)) out.critical = { kind: "totalSlack", limitMinutes: Math.round(h * 60) };
  }
  return out;
}

/**
 * Maps pass results of a compiled project back to dated tasks (summaries rolled up).
 *
 * @param compiled - from {@link compileNetwork}
 * @param pass - from {@link runPasses}
 * @returns the schedule
 * @example
 * ```ts
 * import { compileNetwork, runPasses, toScheduleResult, parseProject } from "@pmokit/core";
 * const project = parseProject({
 *   id: "p", name: "P",
 *   settings: { currency: "EUR", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00" },
 *   tasks: [{ id: "A", name: "A", duration: { value: 1, unit: "days" } }],
 * });
 * const compiled = compileNetwork(project);
 * toScheduleResult(compiled, runPasses(compiled.network)).tasks[0]?.earlyFinish; // "2026-01-05T17:00:00"
 * ```
 * @category Scheduling
 * @since 0.1.0
 */
export function toScheduleResult(compiled: CompiledProject, pass: PassResult): ScheduleResult {
  const net = compiled.network;
  const n = net.taskCount;
  const near = net.options.nearCriticalMinutes;
  const d = displayDates(net, pass);
  const eS = d.earlyStart;
  const eF = d.earlyFinish;
  const lS = d.lateStart;
  const lF = d.lateFinish;
  const sS = d.start;
  const sF = d.finish;
  const driving: string[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < net.linkCount; k++) {
    if (pass.linkGap[k]! <= 0) {
      const list = driving[net.linkTo[k]!]!;
      const id = net.ids[net.linkFrom[k]!]!;
      if (!list.includes(id)) list.push(id);
    }
  }
  const out: ScheduledTask[] = [];
  for (const o of compiled.outputOrder) {
    if (o >= 0) {
      const j = o;
      const ts = pass.totalSlack[j]!;
      const crit = pass.critical[j] === 1;
      out.push({
        id: net.ids[j]!,
        name: compiled.names[j]!,
        earlyStart: fromEpochMinute(eS[j]!),
        earlyFinish: fromEpochMinute(eF[j]!),
        lateStart: fromEpochMinute(lS[j]!),
        lateFinish: fromEpochMinute(lF[j]!),
        start: fromEpochMinute(sS[j]!),
        finish: fromEpochMinute(sF[j]!),
        totalSlackMinutes: ts,
        freeSlackMinutes: pass.freeSlack[j]!,
        startSlackMinutes: pass.startSlack[j]!,
        finishSlackMinutes: pass.finishSlack[j]!,
        critical: crit,
        nearCritical: !crit && ts <= near,
        summary: false,
        drivingPredecessors: driving[j]!,
      });
    } else {
      const s = compiled.summaries[-o - 1]!;
      let es = Infinity;
      let ef = -Infinity;
      let ls = Infinity;
      let lf = -Infinity;
      let st = Infinity;
      let fi = -Infinity;
      let free = Infinity;
      for (const j of s.leaves) {
        es = Math.min(es, eS[j]!);
        ef = Math.max(ef, eF[j]!);
        ls = Math.min(ls, lS[j]!);
        lf = Math.max(lf, lF[j]!);
        st = Math.min(st, sS[j]!);
        fi = Math.max(fi, sF[j]!);
        free = Math.min(free, pass.freeSlack[j]!);
      }
      if (s.leaves.length === 0) {
        es = ef = ls = lf = st = fi = pass.projectStart;
        free = 0;
      }
      const cal = s.calendar;
      const ss = cal.workingMinutesBetween(es, ls);
      const fs = cal.workingMinutesBetween(ef, lf);
      const o2 = net.options.totalSlack;
      const ts = o2 === "min" ? Math.min(ss, fs) : o2 === "start" ? ss : fs;
      const crit =
        net.options.critical.kind === "totalSlack" ? ts <= net.options.critical.limitMinutes : false;
      out.push({
        id: s.id,
        name: s.name,
        earlyStart: fromEpochMinute(es),
        earlyFinish: fromEpochMinute(ef),
        lateStart: fromEpochMinute(ls),
        lateFinish: fromEpochMinute(lf),
        start: fromEpochMinute(st),
        finish: fromEpochMinute(fi),
        totalSlackMinutes: ts,
        freeSlackMinutes: Math.min(free, ts),
        startSlackMinutes: ss,
        finishSlackMinutes: fs,
        critical: crit,
        nearCritical: !crit && ts <= near,
        summary: true,
        drivingPredecessors: [],
      });
    }
  }
  return {
    dialect: net.options.dialect,
    projectStart: fromEpochMinute(pass.projectStart),
    projectFinish: fromEpochMinute(pass.projectFinish),
    ...(net.statusDate === undefined ? {} : { statusDate: fromEpochMinute(net.statusDate) }),
    tasks: out,
    criticalPaths: criticalPaths(net, pass),
    warnings: compiled.warnings,
  };
}

/** Chains of critical tasks along driving links (at most 20 chains, each listed start → finish). */
function criticalPaths(net: CompiledNetwork, pass: PassResult): string[][] {
  const n = net.taskCount;
  const crit = pass.critical;
  const next: number[][] = Array.from({ length: n }, () => []);
  const hasPrev = new Uint8Array(n);
  for (let k = 0; k < net.linkCount; k++) {
    const a = net.linkFrom[k]!;
    const b = net.linkTo[k]!;
    if (crit[a] === 1 && crit[b] === 1 && pass.linkGap[k]! <= 0) {
      next[a]!.push(b);
      hasPrev[b] = 1;
    }
  }
  const paths: string[][] = [];
  const walk = (j: number, acc: number[]): void => {
    if (paths.length >= 20) return;
    acc.push(j);
    const nx = next[j]!;
    if (nx.length === 0) paths.push(acc.map((i) => net.ids[i]!));
    else for (const b of nx) walk(b, acc);
    acc.pop();
  };
  for (let j = 0; j < n && paths.length < 20; j++) if (crit[j] === 1 && hasPrev[j] === 0) walk(j, []);
  return paths;
}

/**
 * Critical path scheduling of a project: forward and backward pass on working-time calendars,
 * total and free slack, critical and near-critical flags, driving predecessors, summary roll-ups,
 * with Microsoft Project (`dialect: "msp"`, default) or Primavera P6 (`"p6"`) semantics.
 *
 * @param project - the project (parsed with `parseProject`)
 * @param options - dialect and rule options ({@link ScheduleOptions})
 * @returns dates, slack and flags of every active task
 * @throws PmokitError `CYCLE_DETECTED` naming the tasks on a cycle, `DANGLING_REFERENCE`,
 *   `CALENDAR_NOT_FOUND`, `INVALID_INPUT`
 * @example
 * ```ts
 * import { schedule, parseProject } from "@pmokit/core";
 * const project = parseProject({
 *   id: "p", name: "P",
 *   settings: { currency: "EUR", defaultCalendarId: "standard", startDate: "2026-01-02T08:00:00" },
 *   tasks: [
 *     { id: "A", name: "Design", duration: { value: 1, unit: "days" } },
 *     { id: "B", name: "Build", duration: { value: 2, unit: "days" } },
 *   ],
 *   dependencies: [{ from: "A", to: "B" }],
 * });
 * const result = schedule(project);
 * result.tasks[1]?.earlyStart; // "2026-01-05T08:00:00" (Friday's task, then the weekend)
 * ```
 * @category Scheduling
 * @since 0.1.0
 */
export function schedule(project: Project, options: ScheduleOptions = {}): ScheduleResult {
  const compiled = compileNetwork(project, options);
  return toScheduleResult(compiled, runPasses(compiled.network));
}
