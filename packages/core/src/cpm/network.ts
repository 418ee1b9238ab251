import type { WorkingCalendar } from "../calendar/types.js";
import { PmokitError } from "../errors.js";
import { buildCsr } from "../graph/csr.js";
import { topologicalOrder } from "../graph/topo.js";
import type { EpochMinute } from "../time/local.js";
import { ELAPSED_CALENDAR } from "./elapsed-calendar.js";
import type { ResolvedScheduleOptions, ScheduleOptions } from "./options.js";
import { resolveScheduleOptions } from "./options.js";

/**
 * Constraint types: the eight MS Project types plus P6's Start On and Finish On. P6's Mandatory
 * Start / Finish are `MUST_START_ON` / `MUST_FINISH_ON`.
 *
 * @category Scheduling
 * @since 0.1.0
 */
export type ConstraintKind =
  | "ASAP"
  | "ALAP"
  | "MUST_START_ON"
  | "MUST_FINISH_ON"
  | "START_NO_EARLIER_THAN"
  | "START_NO_LATER_THAN"
  | "FINISH_NO_EARLIER_THAN"
  | "FINISH_NO_LATER_THAN"
  | "START_ON"
  | "FINISH_ON";

/** Numeric codes of {@link ConstraintKind} in the compiled network (index in this list). */
export const CONSTRAINT_CODES: readonly ConstraintKind[] = [
  "ASAP",
  "ALAP",
  "MUST_START_ON",
  "MUST_FINISH_ON",
  "START_NO_EARLIER_THAN",
  "START_NO_LATER_THAN",
  "FINISH_NO_EARLIER_THAN",
  "FINISH_NO_LATER_THAN",
  "START_ON",
  "FINISH_ON",
];

/**
 * Link types. In the compiled network: FS 0, SS 1, FF 2, SF 3 (bit 0: from the predecessor's start,
 * bit 1: to the successor's finish).
 *
 * @category Scheduling
 * @since 0.1.0
 */
export type LinkKind = "FS" | "SS" | "FF" | "SF";
const LINK_CODE: Readonly<Record<LinkKind, number>> = { FS: 0, SS: 1, FF: 2, SF: 3 };

/**
 * One schedulable node of a {@link NetworkInput}: calendars are resolved, quantities are integers.
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface NetworkTaskInput {
  /** Id reported in results and errors. */
  readonly id: string;
  /** Effective calendar (task calendar, else project calendar; {@link ELAPSED_CALENDAR} for elapsed durations). */
  readonly calendar: WorkingCalendar;
  /** Duration in working minutes of `calendar` (for a started task: the whole duration, actual + remaining). */
  readonly duration: number;
  /** Remaining duration in working minutes (started tasks; default `duration`). */
  readonly remaining?: number;
  /** Kind; `milestone` also when `duration` is 0. P6 `startMilestone` / `finishMilestone` fix the date form. */
  readonly kind?: "task" | "milestone" | "startMilestone" | "finishMilestone" | "levelOfEffort";
  readonly constraint?: { readonly type: ConstraintKind; readonly date?: EpochMinute };
  /** P6 secondary constraint. */
  readonly constraint2?: { readonly type: ConstraintKind; readonly date?: EpochMinute };
  /** MS Project deadline: caps the late finish. */
  readonly deadline?: EpochMinute;
  readonly actualStart?: EpochMinute;
  readonly actualFinish?: EpochMinute;
  /** Manually scheduled: the task keeps these dates on the forward pass and still drives its successors. */
  readonly manual?: { readonly start: EpochMinute; readonly finish: EpochMinute };
  /**
   * Resource assignments scheduled each on its own calendar (MS Project assignment-level scheduling
   * of a task whose resources have different calendars): each starts at the task start (plus its
   * delay) at the next working time of its calendar and lasts its own duration; the task finishes
   * when the last one finishes. `calendar` above is then the task's axis (usually the union of the
   * assignment calendars) and `duration` the task's duration on it, used to scale `runPasses`
   * duration overrides. Ignored for milestones, started, completed and manual tasks.
   */
  readonly assignments?: readonly NetworkAssignmentInput[];
}

/**
 * One assignment of a {@link NetworkTaskInput} scheduled on its own calendar.
 *
 * @example
 * ```ts
 * import { combineCalendars, compileCalendar, compileNetworkInput, runPasses, standardCalendar } from "@pmokit/core";
 * const day = compileCalendar(standardCalendar("day"));
 * const fourDays = compileCalendar({ ...standardCalendar("4d"), weekDays: { friday: { working: false } } });
 * const net = compileNetworkInput({
 *   projectStart: 0, projectCalendar: day,
 *   tasks: [{
 *     id: "A", calendar: combineCalendars("union", [day, fourDays]), duration: 960,
 *     assignments: [{ calendar: day, duration: 960 }, { calendar: fourDays, duration: 1440, delay: 0 }],
 *   }],
 *   links: [],
 * });
 * runPasses(net).earlyFinish[0]; // the later of the two assignment finishes, on the union axis
 * ```
 * @category Scheduling
 * @since 0.2.0
 */
export interface NetworkAssignmentInput {
  /** The assignment's calendar (resource calendar, or its intersection with the task calendar). */
  readonly calendar: WorkingCalendar;
  /** Working minutes of `calendar` (work ÷ units for a flat assignment). */
  readonly duration: number;
  /** Delay after the task start, in working minutes of `calendar` (default 0). */
  readonly delay?: number;
}

/**
 * One link of a {@link NetworkInput}; `from`/`to` are indices into `tasks`.
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface NetworkLinkInput {
  readonly from: number;
  readonly to: number;
  readonly type: LinkKind;
  /** Lag: working minutes (`working`, on the dialect's lag calendar), elapsed minutes, or percent of the predecessor's duration. Negative = lead. */
  readonly lag?: number;
  readonly lagUnit?: "working" | "elapsed" | "percent";
}

/**
 * The scheduling problem with calendars resolved and dates as epoch minutes: what
 * {@link compileNetworkInput} turns into a {@link CompiledNetwork}. Build it directly when your data
 * does not come from the pmokit model (generators, Monte Carlo, tests).
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface NetworkInput {
  readonly tasks: readonly NetworkTaskInput[];
  readonly links: readonly NetworkLinkInput[];
  readonly projectStart: EpochMinute;
  /** Project default calendar (lag calendar option `project`). */
  readonly projectCalendar: WorkingCalendar;
  /** Status date / data date. */
  readonly statusDate?: EpochMinute;
  /** P6 must-finish-by / MS Project finish date of a project scheduled from finish. */
  readonly projectFinish?: EpochMinute;
  readonly scheduleFrom?: "start" | "finish";
}

/** Task flag bits of {@link CompiledNetwork.flags}. */
export const F_MILESTONE = 1;
export const F_ALAP = 2;
export const F_MANUAL = 4;
export const F_STARTED = 8;
export const F_COMPLETE = 16;
export const F_LOE = 32;
export const F_START_MS = 64;
export const F_FINISH_MS = 128;
/** Task needs the per-task slow path (constraints, deadline, progress, manual). */
export const F_SPECIAL = 256;
/** Milestone by kind (not only by a zero duration): stays zero under duration overrides. */
export const F_MILESTONE_KIND = 512;
/** Task scheduled by its assignments, each on its own calendar (see {@link NetworkTaskInput.assignments}). */
export const F_ASSIGN = 1024;

/**
 * A project compiled for the passes: CSR adjacency in both directions, integer working minutes on
 * each task's calendar axis (working minutes since `origin`), constraint dates pre-converted.
 * Compile once with {@link compileNetwork} or {@link compileNetworkInput}; run {@link runPasses} as
 * often as needed (leveling, Monte Carlo). Treat it as read-only.
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface CompiledNetwork {
  readonly options: ResolvedScheduleOptions;
  readonly taskCount: number;
  readonly linkCount: number;
  readonly ids: readonly string[];
  /** Distinct calendars; task and lag calendars index into it. */
  readonly calendars: readonly WorkingCalendar[];
  /** Epoch minute of axis value 0 on every calendar (the project start). */
  readonly origin: EpochMinute;
  readonly projectStart: EpochMinute;
  readonly statusDate: EpochMinute | undefined;
  readonly projectFinish: EpochMinute | undefined;
  readonly scheduleFrom: "start" | "finish";
  /** Whether every task uses one calendar (the project finish is then found without calendar calls). */
  readonly singleCalendar: boolean;
  readonly taskCalendar: Int32Array;
  readonly duration: Float64Array;
  readonly remaining: Float64Array;
  readonly flags: Uint16Array;
  /** Constraint codes (index in {@link CONSTRAINT_CODES}) and axis dates, primary and secondary. */
  readonly constraintType: Uint8Array;
  readonly constraintAxis: Float64Array;
  readonly constraintType2: Uint8Array;
  readonly constraintAxis2: Float64Array;
  /** Constraint and deadline dates as epoch minutes (NaN = none), for reporting. */
  readonly constraintDate: Float64Array;
  readonly constraintDate2: Float64Array;
  readonly deadlineDate: Float64Array;
  /** Actual start / finish as epoch minutes (NaN = none). */
  readonly actualStartDate: Float64Array;
  readonly actualFinishDate: Float64Array;
  /** Deadline / actual start / actual finish / manual start / manual finish on the task axis (NaN = none). */
  readonly deadlineAxis: Float64Array;
  readonly actualStartAxis: Float64Array;
  readonly actualFinishAxis: Float64Array;
  readonly manualStartAxis: Float64Array;
  readonly manualFinishAxis: Float64Array;
  readonly linkFrom: Int32Array;
  readonly linkTo: Int32Array;
  readonly linkType: Uint8Array;
  /** Lag in minutes of the lag calendar; for percent lags, the percentage (see `linkPercent`). */
  readonly linkLag: Float64Array;
  readonly linkPercent: Uint8Array;
  readonly linkLagCalendar: Int32Array;
  /** 1 when predecessor, successor and lag share one calendar: the pass adds integers. */
  readonly linkFast: Uint8Array;
  /** 1 when the link does not drive its successor (predecessor is a level-of-effort activity). */
  readonly linkNoForward: Uint8Array;
  /** 1 when the link does not constrain its predecessor's late dates (successor is LOE). */
  readonly linkNoBackward: Uint8Array;
  readonly predOffsets: Int32Array;
  readonly predLinks: Int32Array;
  readonly succOffsets: Int32Array;
  readonly succLinks: Int32Array;
  /** Tasks in topological order. */
  readonly order: Int32Array;
  /**
   * Assignments of tasks flagged {@link F_ASSIGN}, in CSR form: task `j` owns entries
   * `assignmentOffsets[j] .. assignmentOffsets[j + 1] - 1` (calendar index, working minutes, delay).
   */
  readonly assignmentOffsets: Int32Array;
  readonly assignmentCalendar: Int32Array;
  readonly assignmentDuration: Float64Array;
  readonly assignmentDelay: Float64Array;
  /** Whether any task is flagged {@link F_SPECIAL} (constraints, deadlines, progress, manual, ALAP, LOE, assignments). */
  readonly hasSpecial: boolean;
}

/** Bounds on the start that a dated constraint imposes: [lowest, highest] on the axis. */
function startWindow(code: number, a: number, d: number): [number, number] {
  switch (code) {
    case 2: // MUST_START_ON
    case 8: // START_ON
      return [a, a];
    case 3: // MUST_FINISH_ON
    case 9: // FINISH_ON
      return [a - d, a - d];
    case 4:
      return [a, Infinity];
    case 5:
      return [-Infinity, a];
    case 6:
      return [a - d, Infinity];
    case 7:
      return [-Infinity, a - d];
    default:
      return [-Infinity, Infinity];
  }
}

/** A primary and a secondary constraint that no start date can satisfy together. */
function checkWindow(t: NetworkTaskInput, d: number, c1: number, a1: number, c2: number, a2: number): void {
  const [lo1, hi1] = startWindow(c1, a1, d);
  const [lo2, hi2] = startWindow(c2, a2, d);
  if (Math.max(lo1, lo2) > Math.min(hi1, hi2)) {
    const k1 = CONSTRAINT_CODES[c1]!;
    const k2 = CONSTRAINT_CODES[c2]!;
    throw new PmokitError(
      "IMPOSSIBLE_CONSTRAINT",
      `Task ${t.id}: constraints ${k1} and ${k2} cannot both hold (no start date satisfies both)`,
      { ids: [t.id], path: "constraint2", expected: "a secondary constraint compatible with the primary" },
    );
  }
}

/** Validates and stores one constraint of task `j`; returns the flags it adds. */
function setConstraint(
  t: NetworkTaskInput,
  j: number,
  origin: EpochMinute,
  con: { readonly type: ConstraintKind; readonly date?: EpochMinute },
  types: Uint8Array,
  axis: Float64Array,
  dates: Float64Array,
  which: string,
): number {
  const code = CONSTRAINT_CODES.indexOf(con.type);
  if (code < 0) {
    throw new PmokitError("INVALID_INPUT", `Task ${t.id}: unknown constraint type '${String(con.type)}'`, {
      ids: [t.id],
      path: which,
      expected: CONSTRAINT_CODES.join(" | "),
      received: String(con.type),
    });
  }
  types[j] = code;
  if (con.type === "ALAP") return F_ALAP;
  if (con.date === undefined || !Number.isFinite(con.date)) {
    throw new PmokitError("INVALID_INPUT", `Task ${t.id}: constraint ${con.type} needs a date`, {
      ids: [t.id],
      path: which,
      expected: "a constraint date",
    });
  }
  axis[j] = t.calendar.workingMinutesBetween(origin, con.date);
  dates[j] = con.date;
  return F_SPECIAL;
}

/**
 * Compiles a {@link NetworkInput} into a {@link CompiledNetwork}.
 *
 * @param input - tasks, links, calendars and project dates
 * @param options - dialect and rule options
 * @returns the compiled network
 * @throws PmokitError `CYCLE_DETECTED` naming the tasks of a cycle; `DANGLING_REFERENCE` for a link to a missing task; `INVALID_INPUT` for negative durations or a dated constraint without a date
 * @example
 * ```ts
 * import { compileNetworkInput, runPasses, ELAPSED_CALENDAR } from "@pmokit/core";
 * const net = compileNetworkInput({
 *   projectStart: 0, projectCalendar: ELAPSED_CALENDAR,
 *   tasks: [{ id: "A", calendar: ELAPSED_CALENDAR, duration: 60 }, { id: "B", calendar: ELAPSED_CALENDAR, duration: 30 }],
 *   links: [{ from: 0, to: 1, type: "FS" }],
 * });
 * runPasses(net).earlyFinish[1]; // 90
 * ```
 * @category Scheduling
 * @since 0.1.0
 */
export function compileNetworkInput(input: NetworkInput, options: ScheduleOptions = {}): CompiledNetwork {
  const opts = resolveScheduleOptions(options);
  const tasks = input.tasks;
  const n = tasks.length;
  const calIndex = new Map<WorkingCalendar, number>();
  const calendars: WorkingCalendar[] = [];
  // Consecutive tasks mostly share a calendar: remember the last one looked up.
  let lastCal: WorkingCalendar | undefined;
  let lastIndex = -1;
  const calOf = (c: WorkingCalendar): number => {
    if (c === lastCal) return lastIndex;
    let i = calIndex.get(c);
    if (i === undefined) {
      i = calendars.length;
      calendars.push(c);
      calIndex.set(c, i);
    }
    lastCal = c;
    lastIndex = i;
    return i;
  };
  const origin = input.projectStart;
  const ids: string[] = new Array<string>(n);
  const taskCalendar = new Int32Array(n);
  const duration = new Float64Array(n);
  const remaining = new Float64Array(n);
  const flags = new Uint16Array(n);
  const constraintType = new Uint8Array(n);
  const constraintAxis = new Float64Array(n);
  const constraintType2 = new Uint8Array(n);
  const constraintAxis2 = new Float64Array(n);
  const deadlineAxis = new Float64Array(n).fill(Number.NaN);
  const constraintDate = new Float64Array(n).fill(Number.NaN);
  const constraintDate2 = new Float64Array(n).fill(Number.NaN);
  const deadlineDate = new Float64Array(n).fill(Number.NaN);
  const actualStartDate = new Float64Array(n).fill(Number.NaN);
  const actualFinishDate = new Float64Array(n).fill(Number.NaN);
  const actualStartAxis = new Float64Array(n).fill(Number.NaN);
  const actualFinishAxis = new Float64Array(n).fill(Number.NaN);
  const manualStartAxis = new Float64Array(n).fill(Number.NaN);
  const manualFinishAxis = new Float64Array(n).fill(Number.NaN);
  const asgTask: number[] = [];
  const asgCal: number[] = [];
  const asgDur: number[] = [];
  const asgDelay: number[] = [];
  let hasSpecial = false;
  for (let j = 0; j < n; j++) {
    const t = tasks[j]!;
    ids[j] = t.id;
    const c = calOf(t.calendar);
    taskCalendar[j] = c;
    const cal = t.calendar;
    if (!(t.duration >= 0) || !Number.isFinite(t.duration)) {
      throw new PmokitError("INVALID_INPUT", `Task ${t.id}: duration must be a finite number >= 0`, {
        ids: [t.id],
        expected: "duration >= 0",
        received: String(t.duration),
      });
    }
    duration[j] = Math.round(t.duration);
    remaining[j] = Math.round(t.remaining ?? t.duration);
    let f = 0;
    const kind = t.kind ?? "task";
    if (kind === "startMilestone") f |= F_START_MS | F_MILESTONE;
    else if (kind === "finishMilestone") f |= F_FINISH_MS | F_MILESTONE;
    else if (kind === "milestone") f |= F_MILESTONE;
    if (f & F_MILESTONE) f |= F_MILESTONE_KIND;
    else if (kind === "levelOfEffort" && opts.levelOfEffort) f |= F_LOE;
    if (f & F_MILESTONE) {
      duration[j] = 0;
      remaining[j] = 0;
    }
    if (duration[j] === 0 && !(f & F_LOE)) f |= F_MILESTONE;
    if (t.constraint !== undefined && t.constraint.type !== "ASAP") {
      f |= setConstraint(
        t,
        j,
        origin,
        t.constraint,
        constraintType,
        constraintAxis,
        constraintDate,
        "constraint",
      );
    }
    if (t.constraint2 !== undefined && t.constraint2.type !== "ASAP") {
      f |= setConstraint(
        t,
        j,
        origin,
        t.constraint2,
        constraintType2,
        constraintAxis2,
        constraintDate2,
        "constraint2",
      );
    }
    if (t.deadline !== undefined) {
      deadlineAxis[j] = cal.workingMinutesBetween(origin, t.deadline);
      deadlineDate[j] = t.deadline;
      f |= F_SPECIAL;
    }
    if (t.actualStart !== undefined) {
      actualStartAxis[j] = cal.workingMinutesBetween(origin, t.actualStart);
      actualStartDate[j] = t.actualStart;
      f |= F_STARTED | F_SPECIAL;
      if (t.actualFinish !== undefined) {
        actualFinishAxis[j] = cal.workingMinutesBetween(origin, t.actualFinish);
        actualFinishDate[j] = t.actualFinish;
        f |= F_COMPLETE;
      }
    }
    if (t.manual !== undefined) {
      manualStartAxis[j] = cal.workingMinutesBetween(origin, t.manual.start);
      manualFinishAxis[j] = Math.max(manualStartAxis[j]!, cal.workingMinutesBetween(origin, t.manual.finish));
      f |= F_MANUAL | F_SPECIAL;
    }
    if (constraintType[j]! > 1 && constraintType2[j]! > 1) {
      checkWindow(
        t,
        duration[j]!,
        constraintType[j]!,
        constraintAxis[j]!,
        constraintType2[j]!,
        constraintAxis2[j]!,
      );
    }
    if (
      t.assignments !== undefined &&
      t.assignments.length > 0 &&
      !(f & (F_MILESTONE | F_STARTED | F_MANUAL | F_LOE))
    ) {
      t.assignments.forEach((a, k) => {
        const ad = a.duration;
        const dl = a.delay ?? 0;
        if (typeof (a.calendar as Partial<WorkingCalendar> | undefined)?.addWorkingMinutes !== "function") {
          throw new PmokitError("INVALID_INPUT", `Task ${t.id}: assignment ${k} has no calendar`, {
            ids: [t.id],
            path: `assignments[${k}].calendar`,
            expected: "a WorkingCalendar",
          });
        }
        if (!(ad >= 0) || !Number.isFinite(ad) || !(dl >= 0) || !Number.isFinite(dl)) {
          throw new PmokitError(
            "INVALID_INPUT",
            `Task ${t.id}: assignment ${k} needs a finite duration and delay >= 0`,
            {
              ids: [t.id],
              path: `assignments[${k}]`,
              expected: "duration >= 0 and delay >= 0 (working minutes)",
              received: `${String(ad)} / ${String(dl)}`,
            },
          );
        }
        asgTask.push(j);
        asgCal.push(calOf(a.calendar));
        asgDur.push(Math.round(ad));
        asgDelay.push(Math.round(dl));
      });
      f |= F_ASSIGN;
    }
    if (f & (F_ALAP | F_LOE | F_ASSIGN)) f |= F_SPECIAL;
    if (f & F_SPECIAL) hasSpecial = true;
    flags[j] = f;
  }
  const assignmentOffsets = new Int32Array(n + 1);
  for (const j of asgTask) assignmentOffsets[j + 1]!++;
  for (let j = 0; j < n; j++) assignmentOffsets[j + 1]! += assignmentOffsets[j]!;
  // asgTask is sorted by task (tasks are visited in order), so entries are already in CSR order.
  const assignmentCalendar = Int32Array.from(asgCal);
  const assignmentDuration = Float64Array.from(asgDur);
  const assignmentDelay = Float64Array.from(asgDelay);

  const links = input.links;
  const m = links.length;
  const linkFrom = new Int32Array(m);
  const linkTo = new Int32Array(m);
  const linkType = new Uint8Array(m);
  const linkLag = new Float64Array(m);
  const linkPercent = new Uint8Array(m);
  const linkLagCalendar = new Int32Array(m);
  const linkFast = new Uint8Array(m);
  const linkNoForward = new Uint8Array(m);
  const linkNoBackward = new Uint8Array(m);
  const projectCal = calOf(input.projectCalendar);
  let elapsedCal = -1;
  for (let k = 0; k < m; k++) {
    const l = links[k]!;
    const a = l.from;
    const b = l.to;
    if (!(a >= 0 && a < n && b >= 0 && b < n && Number.isInteger(a) && Number.isInteger(b))) {
      throw new PmokitError("DANGLING_REFERENCE", `Link ${k} refers to a task that does not exist`, {
        path: `links[${k}]`,
        expected: `task indices in 0..${n - 1}`,
        received: `${a} -> ${b}`,
      });
    }
    if (a === b) {
      throw new PmokitError("CYCLE_DETECTED", `Task ${ids[a]} is linked to itself`, { ids: [ids[a]!] });
    }
    linkFrom[k] = a;
    linkTo[k] = b;
    const code = LINK_CODE[l.type];
    if (code === undefined) {
      throw new PmokitError(
        "INVALID_INPUT",
        `Link ${ids[a]} -> ${ids[b]}: unknown type '${String(l.type)}'`,
        {
          path: `links[${k}].type`,
          expected: "FS | SS | FF | SF",
          received: String(l.type),
        },
      );
    }
    linkType[k] = code;
    const unit = l.lagUnit ?? "working";
    const lag = l.lag ?? 0;
    if (!Number.isFinite(lag)) {
      throw new PmokitError("INVALID_INPUT", `Link ${ids[a]} -> ${ids[b]}: lag must be finite`, {
        path: `links[${k}].lag`,
      });
    }
    let lc: number;
    if (unit === "elapsed" || opts.lagCalendar === "24h") {
      if (elapsedCal < 0) elapsedCal = calOf(ELAPSED_CALENDAR);
      lc = elapsedCal;
    } else if (opts.lagCalendar === "successor") lc = taskCalendar[b]!;
    else if (opts.lagCalendar === "predecessor") lc = taskCalendar[a]!;
    else lc = projectCal;
    if (unit === "percent") {
      linkPercent[k] = 1;
      linkLag[k] = lag;
      // Percent of the predecessor's duration: runs on the predecessor's duration calendar.
      lc = taskCalendar[a]!;
    } else linkLag[k] = Math.round(lag);
    linkLagCalendar[k] = lc;
    linkFast[k] = lc === taskCalendar[a] && lc === taskCalendar[b] ? 1 : 0;
    if (flags[a]! & F_LOE) linkNoForward[k] = 1;
    if (flags[b]! & F_LOE) linkNoBackward[k] = 1;
  }
  const succ = buildCsr(n, linkFrom, linkTo);
  const pred = buildCsr(n, linkFrom, linkTo, true);
  const topo = topologicalOrder(succ);
  if (!topo.ok) {
    const cycleIds = topo.cycle.map((i) => ids[i]!);
    throw new PmokitError("CYCLE_DETECTED", `Logic cycle: ${[...cycleIds, cycleIds[0]].join(" → ")}`, {
      ids: cycleIds,
      expected: "an acyclic network of links",
    });
  }
  let singleCalendar = true;
  for (let j = 1; j < n && singleCalendar; j++)
    if (taskCalendar[j] !== taskCalendar[0]) singleCalendar = false;
  return {
    options: opts,
    taskCount: n,
    linkCount: m,
    ids,
    calendars,
    origin,
    projectStart: input.projectStart,
    statusDate: input.statusDate,
    projectFinish: input.projectFinish,
    scheduleFrom: input.scheduleFrom ?? "start",
    singleCalendar: singleCalendar && n > 0,
    taskCalendar,
    duration,
    remaining,
    flags,
    constraintType,
    constraintAxis,
    constraintType2,
    constraintAxis2,
    deadlineAxis,
    constraintDate,
    constraintDate2,
    deadlineDate,
    actualStartDate,
    actualFinishDate,
    actualStartAxis,
    actualFinishAxis,
    manualStartAxis,
    manualFinishAxis,
    linkFrom,
    linkTo,
    linkType,
    linkLag,
    linkPercent,
    linkLagCalendar,
    linkFast,
    linkNoForward,
    linkNoBackward,
    predOffsets: pred.offsets,
    predLinks: pred.edges,
    succOffsets: succ.offsets,
    succLinks: succ.edges,
    order: topo.order,
    assignmentOffsets,
    assignmentCalendar,
    assignmentDuration,
    assignmentDelay,
    hasSpecial,
  };
}
