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
import { fastEpochMinute } from "./fast-date.js";
import { compileNetworkInput } from "./network.js";
import type {
  CompiledNetwork,
  ConstraintKind,
  NetworkAssignmentInput,
  NetworkLinkInput,
  NetworkTaskInput,
} from "./network.js";
import { combineCalendars } from "./combined-calendar.js";
import type { CombinedCalendar } from "./combined-calendar.js";
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
    /** Whether the summary itself is the predecessor of a link (MS Project: else its free slack is its total slack). */
    readonly hasSuccessors?: boolean;
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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Epoch minutes of an optional date of task `i`; the common forms are parsed without `Date`. */
function dateAt(s: string | undefined, i: number, p: string): EpochMinute | undefined {
  if (s === undefined) return undefined;
  const v = fastEpochMinute(s);
  return v === v ? v : toEpochMinute(s, `tasks[${i}].${p}`);
}

/** The network constraint of a model constraint of task `i` (undefined for none / ASAP). */
function constraintOf(
  t: Task,
  i: number,
  c: { type: ConstraintType; date?: string | undefined } | undefined,
  p: string,
): { type: ConstraintKind; date?: EpochMinute } | undefined {
  if (c === undefined || c.type === "ASAP") return undefined;
  const date = dateAt(c.date, i, `${p}.date`);
  if (c.type !== "ALAP" && date === undefined) {
    throw new PmokitError("INVALID_INPUT", `tasks[${i}].${p}: constraint ${c.type} needs a date`, {
      path: `tasks[${i}].${p}.date`,
      ids: [t.id],
      expected: "a constraint date",
    });
  }
  return date === undefined ? { type: CONSTRAINT_MAP[c.type] } : { type: CONSTRAINT_MAP[c.type], date };
}

/**
 * 1 for every task that is inactive or has an inactive ancestor: one memoised walk up the parent
 * chains (a malformed parent cycle without an inactive task counts as active).
 */
function inactiveFlags(tasks: readonly Task[], parentOf: Int32Array): Uint8Array {
  const n = tasks.length;
  const state = new Uint8Array(n); // 0 unknown, 1 active, 2 inactive, 3 on the current walk
  const walk: number[] = [];
  for (let i = 0; i < n; i++) {
    if (state[i] !== 0) continue;
    let cur = i;
    let result = 1;
    for (;;) {
      const s = state[cur]!;
      if (s === 1 || s === 2) {
        result = s;
        break;
      }
      if (s === 3) break;
      if (tasks[cur]!.inactive) {
        state[cur] = 2;
        result = 2;
        break;
      }
      state[cur] = 3;
      walk.push(cur);
      const p = parentOf[cur]!;
      if (p < 0) break;
      cur = p;
    }
    for (const w of walk) state[w] = result;
    walk.length = 0;
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = state[i] === 2 ? 1 : 0;
  return out;
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
  /** Whether a combined calendar has working time within ten years either side of the project start. */
  const hasWork = (c: WorkingCalendar): boolean =>
    !("hasWorkingTime" in c) ||
    (c as CombinedCalendar).hasWorkingTime(projectStart - 3660 * 1440, projectStart + 3660 * 1440);
  const statusText = options.statusDate ?? settings.statusDate;
  const statusDate = statusText === undefined ? undefined : toEpochMinute(statusText, "settings.statusDate");

  // Hierarchy: index by id, parent index, inactive flags (inherited from ancestors), summary flags.
  // Plain loops over typed arrays: this mapping runs once per compile on projects of 100,000+ tasks.
  const tasks = project.tasks;
  const nTasks = tasks.length;
  const byId = new Map<string, number>();
  for (let i = 0; i < nTasks; i++) {
    const id = tasks[i]!.id;
    const size = byId.size;
    byId.set(id, i);
    if (byId.size === size) {
      throw new PmokitError("DUPLICATE_ID", `tasks[${i}].id: duplicate task id '${id}'`, {
        path: `tasks[${i}].id`,
        ids: [id],
      });
    }
  }
  const parentOf = new Int32Array(nTasks).fill(-1);
  const children = new Map<number, number[]>();
  for (let i = 0; i < nTasks; i++) {
    const t = tasks[i]!;
    if (t.parentId === undefined) continue;
    const p = byId.get(t.parentId);
    if (p === undefined) {
      throw new PmokitError("DANGLING_REFERENCE", `tasks[${i}].parentId: task '${t.parentId}' not found`, {
        path: `tasks[${i}].parentId`,
        ids: [t.id, t.parentId],
        expected: "the id of a task of the project",
      });
    }
    parentOf[i] = p;
    let list = children.get(p);
    if (list === undefined) children.set(p, (list = []));
    list.push(i);
  }
  const inactive = inactiveFlags(tasks, parentOf);
  const hasActiveChild = new Uint8Array(nTasks);
  for (let i = 0; i < nTasks; i++)
    if (parentOf[i]! >= 0 && inactive[i] === 0) hasActiveChild[parentOf[i]!] = 1;

  // Work resources drive their assignments on their calendars; material and cost resources do not.
  // Assignments of each task in CSR form (assignment indices in input order), built on first use.
  const resources = project.resources;
  const assignmentsIn = project.assignments;
  let taskAsgOffsets: Int32Array | undefined;
  let taskAsgItems: Int32Array | undefined;
  let asgResource: Int32Array | undefined;
  const resourceCalendars: (WorkingCalendar | undefined)[] = [];
  const indexAssignments = (): void => {
    const workIndex = new Map<string, number>();
    resources.forEach((r, i) => {
      if (r.type === "work") workIndex.set(r.id, i);
    });
    const owner = new Int32Array(assignmentsIn.length).fill(-1);
    asgResource = new Int32Array(assignmentsIn.length);
    taskAsgOffsets = new Int32Array(nTasks + 1);
    for (let k = 0; k < assignmentsIn.length; k++) {
      const a = assignmentsIn[k]!;
      const r = workIndex.get(a.resourceId);
      if (r === undefined) continue;
      const ti = byId.get(a.taskId);
      if (ti === undefined) continue;
      owner[k] = ti;
      asgResource[k] = r;
      taskAsgOffsets[ti + 1]!++;
    }
    for (let i = 0; i < nTasks; i++) taskAsgOffsets[i + 1]! += taskAsgOffsets[i]!;
    taskAsgItems = new Int32Array(taskAsgOffsets[nTasks]!);
    const fill = taskAsgOffsets.slice(0, nTasks);
    for (let k = 0; k < assignmentsIn.length; k++) if (owner[k]! >= 0) taskAsgItems[fill[owner[k]!]!++] = k;
  };
  // One combined calendar per distinct combination (keyed by calendar identity), shared by every
  // task with the same resources, so that links between them stay on the integer fast path.
  const combined = new Map<string, WorkingCalendar>();
  const calNumber = new Map<WorkingCalendar, number>();
  const numberOf = (c: WorkingCalendar): number => {
    let v = calNumber.get(c);
    if (v === undefined) calNumber.set(c, (v = calNumber.size));
    return v;
  };
  const combine = (mode: "intersection" | "union", parts: WorkingCalendar[]): WorkingCalendar => {
    const uniq = [...new Set(parts)].sort((x, y) => numberOf(x) - numberOf(y));
    if (uniq.length === 1) return uniq[0]!;
    const key = `${mode}:${uniq.map(numberOf).join(",")}`;
    let c = combined.get(key);
    if (c === undefined) combined.set(key, (c = combineCalendars(mode, uniq)));
    return c;
  };

  const netTasks: NetworkTaskInput[] = [];
  const netIndex = new Int32Array(nTasks).fill(-1);
  const names: string[] = [];
  const summaryIdx = new Map<number, number>();
  const summaries: {
    id: string;
    name: string;
    calendar: WorkingCalendar;
    leaves: number[];
    hasSuccessors?: boolean;
  }[] = [];
  const outputOrder: number[] = [];
  const asgCals: WorkingCalendar[] = [];
  for (let i = 0; i < nTasks; i++) {
    if (inactive[i] === 1) continue;
    const t = tasks[i]!;
    if (hasActiveChild[i] === 1 || t.activityType === "wbsSummary") {
      summaryIdx.set(i, summaries.length);
      outputOrder.push(-(summaries.length + 1));
      const cal =
        t.calendarId === undefined
          ? projectCalendar
          : (cals.get(t.calendarId) ?? calendarOf(t.calendarId, `tasks[${i}].calendarId`));
      summaries.push({ id: t.id, name: t.name, calendar: cal, leaves: [] });
      continue;
    }
    let calendar: WorkingCalendar;
    let assignments: NetworkAssignmentInput[] | undefined;
    const taskCal =
      t.calendarId === undefined
        ? undefined
        : (cals.get(t.calendarId) ?? calendarOf(t.calendarId, `tasks[${i}].calendarId`));
    if (isElapsedUnit(t.duration.unit)) calendar = ELAPSED_CALENDAR;
    else {
      const base = taskCal ?? projectCalendar;
      calendar = base;
      // Resource calendars drive MS Project tasks with work assignments (unless the task ignores
      // them) and P6 resource-dependent activities (P6 task-dependent activities use the activity
      // calendar only). With a task calendar, each assignment works in the time common to both.
      const useResources =
        !t.ignoreResourceCalendar &&
        (dialect === "msp" ? t.activityType !== "task" : t.activityType === "resourceDependent");
      if (useResources && taskAsgOffsets === undefined) indexAssignments();
      const from = useResources ? taskAsgOffsets![i]! : 0;
      const to = useResources ? taskAsgOffsets![i + 1]! : 0;
      if (from < to) {
        asgCals.length = 0;
        let same = true;
        for (let q = from; q < to; q++) {
          const index = taskAsgItems![q]!;
          const a = assignmentsIn[index]!;
          const ri = asgResource![index]!;
          const r = resources[ri]!;
          let rc = base;
          if (r.calendarId !== undefined) {
            let known = resourceCalendars[ri];
            if (known === undefined) {
              known = cals.get(r.calendarId) ?? calendarOf(r.calendarId, `resources[${ri}].calendarId`);
              resourceCalendars[ri] = known;
            }
            rc = known;
          }
          let c = taskCal === undefined ? rc : combine("intersection", [taskCal, rc]);
          if (c !== base && c !== rc && !hasWork(c)) {
            warnings.push({
              code: "NO_COMMON_WORKING_TIME",
              message: `tasks[${i}]: task calendar '${taskCal!.id}' and the calendar '${rc.id}' of resource ${a.resourceId} (assignments[${index}]) have no working time in common: the assignment is scheduled on the task calendar`,
              ids: [t.id, a.resourceId],
            });
            c = base;
          }
          if (q > from && c !== asgCals[0]) same = false;
          asgCals.push(c);
        }
        if (same) calendar = asgCals[0]!;
        else {
          calendar = combine("union", [...new Set(asgCals)]);
          const taskMinutes = minutes(t.duration, settings);
          assignments = [];
          for (let q = from; q < to; q++) {
            const a = assignmentsIn[taskAsgItems![q]!]!;
            const c = asgCals[q - from]!;
            // A flat assignment lasts work ÷ units on its calendar; otherwise the task duration.
            const own =
              a.contour === "flat" && a.work !== undefined && a.work > 0 && a.units > 0
                ? Math.round(a.work / a.units)
                : taskMinutes;
            const delay = a.delay === undefined ? 0 : Math.max(0, minutes(a.delay, settings));
            assignments.push(
              delay > 0 ? { calendar: c, duration: own, delay } : { calendar: c, duration: own },
            );
          }
        }
      }
    }
    if (t.duration.unit === "percent") {
      throw new PmokitError("INVALID_INPUT", `tasks[${i}].duration: a task duration cannot be a percentage`, {
        path: `tasks[${i}].duration.unit`,
        ids: [t.id],
        expected: "a time unit",
        received: "percent",
      });
    }
    const duration = minutes(t.duration, settings);
    if (duration < 0) {
      throw new PmokitError("INVALID_INPUT", `tasks[${i}].duration: negative duration`, {
        path: `tasks[${i}].duration`,
        ids: [t.id],
        expected: "a duration >= 0",
        received: String(t.duration.value),
      });
    }
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
    const actualStart = dateAt(t.actualStart, i, "actualStart");
    const actualFinish = dateAt(t.actualFinish, i, "actualFinish");
    let remaining: number | undefined;
    if (t.remainingDuration !== undefined) remaining = minutes(t.remainingDuration, settings);
    else if (actualStart !== undefined && actualFinish === undefined && t.percentComplete > 0)
      remaining = Math.round((duration * (100 - t.percentComplete)) / 100);
    let manual: { start: EpochMinute; finish: EpochMinute } | undefined;
    if (t.manual) {
      const ms = dateAt(t.reported?.start, i, "reported.start");
      const mf = dateAt(t.reported?.finish, i, "reported.finish");
      if (ms !== undefined && mf !== undefined) manual = { start: ms, finish: mf };
      else
        warnings.push({
          code: "MANUAL_WITHOUT_DATES",
          message: `Manual task ${t.id} has no dates: scheduled automatically`,
          ids: [t.id],
        });
    }
    const c1 = constraintOf(t, i, t.constraint, "constraint");
    const c2 = constraintOf(t, i, t.secondaryConstraint, "secondaryConstraint");
    const deadline = dateAt(t.deadline, i, "deadline");
    const nt: Mutable<NetworkTaskInput> = { id: t.id, calendar, duration, kind };
    if (remaining !== undefined) nt.remaining = remaining;
    if (c1 !== undefined) nt.constraint = c1;
    if (c2 !== undefined) nt.constraint2 = c2;
    if (deadline !== undefined) nt.deadline = deadline;
    if (actualStart !== undefined) {
      nt.actualStart = actualStart;
      if (actualFinish !== undefined) nt.actualFinish = actualFinish;
    }
    if (manual !== undefined) nt.manual = manual;
    if (assignments !== undefined) nt.assignments = assignments;
    netIndex[i] = netTasks.length;
    outputOrder.push(netTasks.length);
    netTasks.push(nt);
    names.push(t.name);
  }

  // Leaves of every summary.
  const leavesOf = (i: number, out: number[]): number[] => {
    for (const c of children.get(i) ?? []) {
      if (inactive[c] === 1) continue;
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
      const parent = parentOf[i]!;
      if (parent >= 0) leavesOf(parent, leaves);
      else for (let j = 0; j < netTasks.length; j++) leaves.push(j);
    }
  }
  /** Whether task `a` is an ancestor of task `b` (bounded walk: safe on a malformed parent cycle). */
  const isAncestor = (a: number, b: number): boolean => {
    for (let cur = parentOf[b]!, steps = 0; cur >= 0 && steps <= nTasks; cur = parentOf[cur]!, steps++) {
      if (cur === a) return true;
    }
    return false;
  };

  const links: NetworkLinkInput[] = [];
  const dependencies = project.dependencies;
  for (let k = 0; k < dependencies.length; k++) {
    const d = dependencies[k]!;
    const external =
      (d.fromProject !== undefined && d.fromProject !== project.id) ||
      (d.toProject !== undefined && d.toProject !== project.id);
    const a = byId.get(d.from);
    const b = byId.get(d.to);
    if (a === undefined || b === undefined || external) {
      if (external) {
        warnings.push({
          code: "EXTERNAL_LINK",
          message: `dependencies[${k}]: cross-project link ${d.from} -> ${d.to} ignored (schedule the portfolio to honour it)`,
          ids: [d.from, d.to],
        });
        continue;
      }
      const missing = a === undefined ? d.from : d.to;
      throw new PmokitError("DANGLING_REFERENCE", `dependencies[${k}]: task '${missing}' not found`, {
        path: `dependencies[${k}].${a === undefined ? "from" : "to"}`,
        ids: [missing],
        expected: "the id of a task of the project",
        received: missing,
      });
    }
    if (inactive[a] === 1 || inactive[b] === 1) continue;
    if (isAncestor(a, b) || isAncestor(b, a)) {
      warnings.push({
        code: "SUMMARY_LINK_TO_OWN_CHILD",
        message: `dependencies[${k}]: link between summary and its own subtask ${d.from} -> ${d.to} ignored`,
        ids: [d.from, d.to],
      });
      continue;
    }
    let lag = 0;
    let lagUnit: NetworkLinkInput["lagUnit"] = "working";
    if (d.lag.unit === "percent") {
      lag = d.lag.value;
      lagUnit = "percent";
    } else {
      lag = minutes(d.lag, settings);
      if (isElapsedUnit(d.lag.unit)) lagUnit = "elapsed";
    }
    const na = netIndex[a]!;
    const nb = netIndex[b]!;
    if (na >= 0 && nb >= 0) {
      links.push({ from: na, to: nb, type: d.type, lag, lagUnit });
      continue;
    }
    if (na < 0) summaries[summaryIdx.get(a)!]!.hasSuccessors = true;
    const fromList = na >= 0 ? [na] : summaries[summaryIdx.get(a)!]!.leaves;
    const toList = nb >= 0 ? [nb] : summaries[summaryIdx.get(b)!]!.leaves;
    for (const f of fromList)
      for (const t of toList) links.push({ from: f, to: t, type: d.type, lag, lagUnit });
  }

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
        // MS Project: a summary without links of its own has no successor, so its free slack is its
        // total slack (as for any task without successors).
        freeSlackMinutes:
          net.options.freeSlackWithoutSuccessors === "totalSlack" && s.hasSuccessors !== true
            ? ts
            : Math.min(free, ts),
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
