import type { EpochMinute, Portfolio, Project, Task } from "@pmokit/core";
import {
  displayDates,
  durationToMinutes,
  flattenPortfolio,
  fromEpochMinute,
  isElapsedUnit,
} from "@pmokit/core";
import type { Compare, Placement } from "./engine.js";
import { LevelModel, orderComparator, resolveOptions, runSchedule } from "./engine.js";
import type { WorkPart } from "./types.js";
import type {
  LeveledTask,
  LevelingOptions,
  LevelingResult,
  LevelingWarning,
  Overallocation,
  PeriodBasis,
  ResourceHistogram,
  UnresolvedConflict,
} from "./types.js";

const EPS = 1e-9;

/** Formats a delay in working minutes as days (or hours below a day). */
function fmtDelay(minutes: number, perDay: number): string {
  if (minutes >= perDay) return `${Math.round((minutes / perDay) * 100) / 100}d`;
  if (minutes >= 60) return `${Math.round((minutes / 60) * 100) / 100}h`;
  return `${minutes}min`;
}

/** Bookings of the placement: per assignment, epoch start / finish (NaN when not booked). */
function assignmentSpans(m: LevelModel, pl: Placement): { s: Float64Array; f: Float64Array } {
  const s = new Float64Array(m.aIds.length).fill(Number.NaN);
  const f = new Float64Array(m.aIds.length).fill(Number.NaN);
  for (let j = 0; j < m.n; j++) {
    const d = Math.max(0, m.cpmFinish[j]! - m.cpmStart[j]!);
    for (let k = m.aStart[j]!; k < m.aStart[j + 1]!; k++) {
      const ps = pl.parts[k]!;
      if (ps.length > 0) {
        const wb = m.cals[m.aGrid[k]!]!.wb;
        s[k] = m.T0 + wb[ps[0]!]! * m.G;
        f[k] = m.T0 + (wb[ps[ps.length - 1]! - 1]! + 1) * m.G;
      } else {
        s[k] = m.startOf(j, pl.aS[k]!);
        f[k] = d > 0 ? m.endOf(j, pl.aS[k]! + d) : s[k]!;
      }
    }
  }
  return { s, f };
}

/** Working parts (epoch) of a split assignment; undefined when it is not split. */
function partsOf(m: LevelModel, pl: Placement, k: number): [number, number][] | undefined {
  const ps = pl.parts[k]!;
  if (ps.length <= 2) return undefined;
  const wb = m.cals[m.aGrid[k]!]!.wb;
  const out: [number, number][] = [];
  for (let i = 0; i < ps.length; i += 2)
    out.push([m.T0 + wb[ps[i]!]! * m.G, m.T0 + (wb[ps[i + 1]! - 1]! + 1) * m.G]);
  return out;
}

/** Stored form of a split: offsets and work of each part, working minutes of the assignment's grid. */
function storedPartsOf(
  m: LevelModel,
  pl: Placement,
  k: number,
): { offsetMinutes: number; workMinutes: number }[] | undefined {
  const ps = pl.parts[k]!;
  if (ps.length <= 2) return undefined;
  const out: { offsetMinutes: number; workMinutes: number }[] = [];
  for (let i = 0; i < ps.length; i += 2)
    out.push({ offsetMinutes: (ps[i]! - ps[0]!) * m.G, workMinutes: (ps[i + 1]! - ps[i]!) * m.G });
  return out;
}

function taskOfAssignment(m: LevelModel): Int32Array {
  const out = new Int32Array(m.aIds.length);
  for (let j = 0; j < m.n; j++) for (let k = m.aStart[j]!; k < m.aStart[j + 1]!; k++) out[k] = j;
  return out;
}

/** Overallocated runs of periods in the current loads of the model. */
export function scanOverallocations(
  m: LevelModel,
  spans: { s: Float64Array; f: Float64Array },
): Overallocation[] {
  const out: Overallocation[] = [];
  const G = m.G;
  const minute = m.opts.periodBasis === "minute";
  const P = m.pStart.length - 1;
  const aTask = taskOfAssignment(m);
  m.resources.forEach((res, r) => {
    const load = m.load[r]!;
    const cap = m.cap[r]!;
    const over = (p: number): boolean => {
      if (minute) {
        const b = m.pStart[p]!;
        return load[b]! > EPS && load[b]! > cap[b]! + EPS;
      }
      return m.pLoad[r]![p]! > EPS && m.pLoad[r]![p]! > m.pCap[r]![p]! + EPS;
    };
    for (let p = 0; p < P; p++) {
      if (!over(p)) continue;
      let q = p;
      while (q + 1 < P && over(q + 1)) q++;
      const b0 = m.pStart[p]!;
      const b1 = m.pStart[q + 1]!;
      let peak = 0;
      let peakCap = 0;
      let work = 0;
      let capacity = 0;
      for (let b = b0; b < b1; b++) {
        if (load[b]! > peak) {
          peak = load[b]!;
          peakCap = cap[b]!;
        }
        work += load[b]! * G;
        if (m.rWork[r]![b]) capacity += cap[b]! * G;
      }
      const from = m.T0 + b0 * G;
      const to = m.T0 + b1 * G;
      const ids = new Set<string>();
      for (let k = 0; k < m.aIds.length; k++)
        if (m.aRes[k] === r && spans.s[k]! < to && spans.f[k]! > from) ids.add(m.net.ids[aTask[k]!]!);
      out.push({
        resourceId: res.id,
        from: fromEpochMinute(from),
        to: fromEpochMinute(to),
        peakUnits: round(peak),
        maxUnits: round(peakCap / m.capFactor),
        workMinutes: Math.round(work),
        capacityMinutes: Math.round(capacity / m.capFactor),
        taskIds: [...ids],
      });
      p = q;
    }
  });
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

const REASON_TEXT: Record<UnresolvedConflict["reason"], string> = {
  doNotLevel: "priority 1000 (do not level) or a level-of-effort task never moves",
  manual: "manually scheduled tasks are not leveled",
  started:
    "started tasks keep their actual work where it is (their remaining work moves only with splits allowed)",
  hardConstraint: "a hard constraint (must start/finish on, start/finish no later than) blocks the delay",
  outsideRange: "the task is outside the leveling range",
  withinSlack: "leveling within available slack: no free slot before the late start",
  aboveMaxUnits:
    "the assignment alone needs more than the resource can give (units above max units, or more work than its calendar has in a period)",
  horizon: "no free slot within the leveling horizon",
};

/** Turns a placement into the public result. */
export function buildResult(
  m: LevelModel,
  pl: Placement,
  warnings: readonly LevelingWarning[],
): LevelingResult {
  const { net, compiled, n } = m;
  // Dates repeat a lot (every task starts or ends at a few times a day): format each once.
  const fmtCache = new Map<number, string>();
  const fmt = (e: number): string => {
    let v = fmtCache.get(e);
    if (v === undefined) fmtCache.set(e, (v = fromEpochMinute(e)));
    return v;
  };
  const pre = displayDates(net, m.pass);
  const spans = assignmentSpans(m, pl);
  const aTask = taskOfAssignment(m);
  const byRes: number[][] = m.resources.map(() => []);
  for (let a = 0; a < m.aIds.length; a++) if (m.aRes[a]! >= 0) byRes[m.aRes[a]!]!.push(a);
  const perDay = m.project.settings.minutesPerDay;
  const startE = new Float64Array(n);
  const finishE = new Float64Array(n);
  const delay = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const unmoved = pl.S[j] === m.cpmStart[j] && pl.F[j] === m.cpmFinish[j];
    const d = pl.F[j]! - pl.S[j]!;
    if (unmoved) {
      startE[j] = pre.start[j]!;
      finishE[j] = pre.finish[j]!;
    } else if (d <= 0) {
      startE[j] = finishE[j] = m.endOf(j, pl.S[j]!);
    } else {
      startE[j] = m.startOf(j, pl.S[j]!);
      finishE[j] = m.endOf(j, pl.F[j]!);
    }
    const added = !m.fixed[j] || m.fixed[j] === 5 ? m.storedDelay[j]! : 0;
    delay[j] = Math.max(0, Math.round(pl.S[j]! - pl.lo[j]! + added));
  }
  const aDelay = (k: number, j: number): number => Math.max(0, Math.round(pl.aS[k]! - pl.S[j]!));
  const explain = (j: number): Pick<LeveledTask, "explanation" | "delayedBy"> => {
    const k = pl.cause[j]!;
    let maxA = 0;
    for (let a = m.aStart[j]!; a < m.aStart[j + 1]!; a++) maxA = Math.max(maxA, aDelay(a, j));
    const split = k >= 0 && pl.parts[k]!.length > 2;
    if (k < 0 || (delay[j]! === 0 && maxA === 0 && !split)) return {};
    const r = m.aRes[k]!;
    const res = m.resources[r]!;
    const b = pl.causeBucket[j]!;
    const p = m.pIdx[b]!;
    const from = m.T0 + m.pStart[p]! * m.G;
    const to = m.T0 + m.pStart[p + 1]! * m.G;
    const others: string[] = [];
    for (const a of byRes[r]!) {
      if (a >= m.aStart[j]! && a < m.aStart[j + 1]!) continue;
      if (spans.s[a]! < to && spans.f[a]! > from) {
        const id = net.ids[aTask[a]!]!;
        if (!others.includes(id)) others.push(id);
      }
    }
    const what =
      delay[j]! > 0
        ? `delayed ${fmtDelay(delay[j]!, perDay)}${split ? ` and split into ${pl.parts[k]!.length / 2} parts` : ""}`
        : aDelay(k, j) > 0
          ? `assignment of ${res.id} delayed ${fmtDelay(aDelay(k, j), perDay)}${split ? ` and split into ${pl.parts[k]!.length / 2} parts` : ""}`
          : `split into ${pl.parts[k]!.length / 2} parts`;
    const busy = others.length > 0 ? `busy with ${others.join(", ")}` : "fully booked";
    return {
      explanation: `${net.ids[j]} ${what} because resource ${res.name || res.id} is ${busy} on ${fmt(from).slice(0, m.opts.periodBasis === "minute" || m.opts.periodBasis === "hour" ? 16 : 10)}`,
      delayedBy: { resourceId: res.id, taskIds: others },
    };
  };
  const tasks: LeveledTask[] = [];
  let finish = -Infinity;
  let preFinish = -Infinity;
  for (const o of compiled.outputOrder) {
    if (o >= 0) {
      const j = o;
      const d = Math.max(0, m.cpmFinish[j]! - m.cpmStart[j]!);
      const assignments = [];
      let taskParts: [number, number][] | undefined;
      for (let k = m.aStart[j]!; k < m.aStart[j + 1]!; k++) {
        const ps = partsOf(m, pl, k);
        if (ps !== undefined) taskParts = [];
        assignments.push({
          id: m.aIds[k]!,
          resourceId: m.project.assignments[m.aModelIndex[k]!]!.resourceId,
          start: fmt(d > 0 ? spans.s[k]! : startE[j]!),
          finish: fmt(d > 0 ? spans.f[k]! : finishE[j]!),
          levelingDelayMinutes: aDelay(k, j),
          ...(ps === undefined ? {} : { parts: ps.map((x) => toPart(x, fmt)) }),
        });
      }
      if (taskParts !== undefined) {
        for (let k = m.aStart[j]!; k < m.aStart[j + 1]!; k++) {
          if (Number.isNaN(spans.s[k]!) || spans.f[k]! <= spans.s[k]!) continue;
          for (const p of partsOf(m, pl, k) ?? [[spans.s[k]!, spans.f[k]!]]) taskParts.push([p[0], p[1]]);
        }
        taskParts = mergeParts(m, j, taskParts);
      }
      if (finishE[j]! > finish) finish = finishE[j]!;
      if (pre.finish[j]! > preFinish) preFinish = pre.finish[j]!;
      tasks.push({
        id: net.ids[j]!,
        name: compiled.names[j]!,
        start: fmt(startE[j]!),
        finish: fmt(finishE[j]!),
        levelingDelayMinutes: delay[j]!,
        preLevelingStart: fmt(pre.start[j]!),
        preLevelingFinish: fmt(pre.finish[j]!),
        summary: false,
        assignments,
        ...(taskParts !== undefined && taskParts.length > 1
          ? { parts: taskParts.map((x) => toPart(x, fmt)) }
          : {}),
        ...explain(j),
      });
    } else {
      const s = compiled.summaries[-o - 1]!;
      let st = Infinity;
      let fi = -Infinity;
      let ps = Infinity;
      let pf = -Infinity;
      for (const j of s.leaves) {
        st = Math.min(st, startE[j]!);
        fi = Math.max(fi, finishE[j]!);
        ps = Math.min(ps, pre.start[j]!);
        pf = Math.max(pf, pre.finish[j]!);
      }
      if (s.leaves.length === 0) st = fi = ps = pf = net.projectStart;
      tasks.push({
        id: s.id,
        name: s.name,
        start: fmt(st),
        finish: fmt(fi),
        levelingDelayMinutes: 0,
        preLevelingStart: fmt(ps),
        preLevelingFinish: fmt(pf),
        summary: true,
        assignments: [],
      });
    }
  }
  if (n === 0) finish = preFinish = net.projectStart;
  const seen = new Set<string>();
  const unresolved: UnresolvedConflict[] = [];
  for (const u of pl.unresolved) {
    const res = m.resources[m.aRes[u.a]!]!;
    const key = `${u.j}|${res.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unresolved.push({
      taskId: net.ids[u.j]!,
      resourceId: res.id,
      reason: u.reason,
      at: fmt(m.startOf(u.j, u.at)),
      message: `${net.ids[u.j]} overallocates ${res.name || res.id}: ${REASON_TEXT[u.reason]}`,
    });
  }
  // The leveled project: delays stored on tasks and assignments.
  const taskDelay = new Map<string, number>();
  for (let j = 0; j < n; j++) taskDelay.set(net.ids[j]!, delay[j]!);
  const asgDelay = new Map<number, number>();
  for (let j = 0; j < n; j++)
    for (let k = m.aStart[j]!; k < m.aStart[j + 1]!; k++) asgDelay.set(m.aModelIndex[k]!, aDelay(k, j));
  const asgParts = new Map<number, { offsetMinutes: number; workMinutes: number }[]>();
  for (let k = 0; k < m.aIds.length; k++) {
    const sp = storedPartsOf(m, pl, k);
    if (sp !== undefined) asgParts.set(m.aModelIndex[k]!, sp);
  }
  const project: Project = {
    ...m.project,
    tasks: m.project.tasks.map((t) => withDelay(t, taskDelay.get(t.id) ?? 0)),
    assignments: m.project.assignments.map((a, k) =>
      withParts(withDelay(a, asgDelay.get(k) ?? 0), asgParts.get(k)),
    ),
  };
  return {
    tasks,
    finish: fmt(finish),
    preLevelingFinish: fmt(preFinish),
    remainingOverallocations: scanOverallocations(m, spans),
    unresolved,
    project,
    warnings: [...warnings],
    resolutionMinutes: m.G,
  };
}

function toPart(p: readonly [number, number], fmt: (e: number) => string): WorkPart {
  return { start: fmt(p[0]), finish: fmt(p[1]) };
}

/** Sorts and merges working intervals of task j that touch or have no working time between them. */
function mergeParts(m: LevelModel, j: number, list: [number, number][]): [number, number][] {
  list.sort((a, b) => a[0] - b[0]);
  const cal = m.cal(j);
  const out: [number, number][] = [];
  for (const p of list) {
    const last = out[out.length - 1];
    if (last !== undefined && (p[0] <= last[1] || cal.workingMinutesBetween(last[1], p[0]) === 0))
      last[1] = Math.max(last[1], p[1]);
    else out.push([p[0], p[1]]);
  }
  return out;
}

const PARTS_KEY = "pmokit:levelingParts";

/** Sets (or removes, with undefined) the stored split parts of an assignment. */
function withParts<T extends { extensions?: Record<string, unknown> | undefined }>(
  x: T,
  parts: { offsetMinutes: number; workMinutes: number }[] | undefined,
): T {
  const ext = x.extensions;
  if (parts === undefined) {
    if (ext === undefined || !(PARTS_KEY in ext)) return x;
    const { [PARTS_KEY]: _old, ...rest } = ext;
    const { extensions: _e, ...base } = x;
    return (Object.keys(rest).length > 0 ? { ...base, extensions: rest } : base) as T;
  }
  return { ...x, extensions: { ...ext, [PARTS_KEY]: parts } };
}

function withDelay<T extends { levelingDelay?: Task["levelingDelay"] }>(x: T, minutes: number): T {
  if (minutes > 0) return { ...x, levelingDelay: { value: minutes, unit: "minutes" } };
  if (x.levelingDelay === undefined) return x;
  const { levelingDelay: _old, ...rest } = x;
  return rest as T;
}

/**
 * Levels a project like Microsoft Project's "Level All": delays tasks (or single assignments) so
 * that no work resource is overallocated on the chosen period basis, in the chosen leveling order,
 * and records a leveling delay per task and per assignment. Calendars, max units varying over time
 * and assignment units are honoured; priority-1000, manually scheduled, started and hard-constrained
 * tasks never get a delay (with `allowSplits`, the remaining work of a started task may be split or
 * moved, its actual work stays); conflicts that cannot be resolved are reported with their reason instead
 * of pushing tasks to the end of time.
 *
 * @param project - a parsed project (for a portfolio, see {@link levelPortfolio})
 * @param options - leveling options ({@link LevelingOptions})
 * @returns leveled dates, delays, explanations, remaining overallocations and the leveled project
 * @throws PmokitError `INVALID_INPUT` for a bad option; the errors of `compileNetwork` (`CYCLE_DETECTED`, ...)
 * @example
 * ```ts
 * import { parseProject } from "@pmokit/core";
 * import { levelProject } from "@pmokit/leveling";
 * const project = parseProject({
 *   id: "p", name: "P",
 *   settings: { currency: "EUR", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00" },
 *   tasks: [
 *     { id: "A", name: "A", duration: { value: 2, unit: "days" } },
 *     { id: "B", name: "B", duration: { value: 1, unit: "days" } },
 *   ],
 *   resources: [{ id: "R", name: "Ann" }],
 *   assignments: [
 *     { id: "a1", taskId: "A", resourceId: "R" },
 *     { id: "a2", taskId: "B", resourceId: "R" },
 *   ],
 * });
 * const result = levelProject(project);
 * result.tasks[1]?.start; // "2026-01-07T08:00:00": B waits for Ann
 * ```
 * @category Leveling
 * @since 0.1.0
 */
export function levelProject(project: Project, options: LevelingOptions = {}): LevelingResult {
  const warnings: LevelingWarning[] = [];
  const opts = resolveOptions(options, warnings);
  const m = new LevelModel(project, opts, warnings);
  const pl = runSchedule(m, "level", orderComparator(m, opts.order));
  return buildResult(m, pl, warnings);
}

/** Runs the leveling SGS with a custom order (used by the optimizer). */
export function levelWith(m: LevelModel, compare: Compare): Placement {
  return runSchedule(m, "level", compare);
}

function replay(m: LevelModel): Placement {
  const project = m.project;
  const { net } = m;
  const byTask = m.tasks;
  const settings = project.settings;
  const toAxis = (j: number, from: number, d: Task["levelingDelay"]): number => {
    if (d === undefined || d.unit === "percent" || !(d.value > 0)) return from;
    const minutes = Math.round(durationToMinutes(d, settings));
    if (!isElapsedUnit(d.unit)) return from + minutes;
    const cal = m.cal(j);
    const e: EpochMinute = m.startOf(j, from) + minutes;
    return cal.workingMinutesBetween(net.origin, cal.nextWorkingStart(e));
  };
  const aModel = m.aModelIndex;
  const aTask = new Int32Array(m.aIds.length);
  for (let j = 0; j < m.n; j++) for (let k = m.aStart[j]!; k < m.aStart[j + 1]!; k++) aTask[k] = j;
  return runSchedule(m, "replay", orderComparator(m, "id"), {
    task: (j, lo) => toAxis(j, lo, byTask[j]!.levelingDelay),
    assignment: (k, s) => toAxis(aTask[k]!, s, project.assignments[aModel[k]!]!.levelingDelay),
    parts: (k) => m.aStoredParts[k],
  });
}

/**
 * Dates of a project with its stored leveling delays applied (task and assignment
 * `levelingDelay`), as MS Project shows a leveled file: the inverse of {@link clearLeveling}.
 *
 * @param project - a project, e.g. `levelProject(p).project`
 * @param options - `periodBasis` for the reported overallocations, `dialect`
 * @returns the dates, delays and remaining overallocations (no task is moved by resources)
 * @example
 * ```ts
 * import { leveledSchedule, levelProject } from "@pmokit/leveling";
 * import type { Project } from "@pmokit/core";
 * declare const project: Project;
 * leveledSchedule(levelProject(project).project).finish;
 * ```
 * @category Leveling
 * @since 0.1.0
 */
export function leveledSchedule(
  project: Project,
  options: Pick<LevelingOptions, "periodBasis" | "dialect" | "maxOverallocationPercent"> = {},
): LevelingResult {
  const warnings: LevelingWarning[] = [];
  const opts = resolveOptions(options, warnings);
  const m = new LevelModel(project, opts, warnings);
  const pl = replay(m);
  const r = buildResult(m, pl, warnings);
  return { ...r, project, unresolved: [] };
}

/**
 * MS Project's "Clear Leveling": removes every task and assignment leveling delay, so the project
 * schedules on its pre-leveling dates again.
 *
 * @param project - a (leveled) project
 * @returns the project without leveling delays
 * @example
 * ```ts
 * import { clearLeveling, levelProject } from "@pmokit/leveling";
 * import type { Project } from "@pmokit/core";
 * declare const project: Project;
 * clearLeveling(levelProject(project).project);
 * ```
 * @category Leveling
 * @since 0.1.0
 */
export function clearLeveling(project: Project): Project {
  return {
    ...project,
    tasks: project.tasks.map((t) => withDelay(t, 0)),
    assignments: project.assignments.map((a) => withParts(withDelay(a, 0), undefined)),
  };
}

/**
 * Overallocations of a project as scheduled (stored leveling delays applied), detected on a period
 * basis, with max units varying over time: MS Project's "overallocated" flag per resource.
 *
 * @param project - the project
 * @param options - `periodBasis` (default `day`), `maxOverallocationPercent`, `dialect`
 * @returns runs of overallocated periods per resource (resource, from, to, peak vs max units)
 * @example
 * ```ts
 * import { findOverallocations } from "@pmokit/leveling";
 * import type { Project } from "@pmokit/core";
 * declare const project: Project;
 * findOverallocations(project, { periodBasis: "week" });
 * ```
 * @category Leveling
 * @since 0.1.0
 */
export function findOverallocations(
  project: Project,
  options: Pick<LevelingOptions, "periodBasis" | "dialect" | "maxOverallocationPercent"> = {},
): Overallocation[] {
  return [...leveledSchedule(project, options).remainingOverallocations];
}

/**
 * Resource usage histograms as plain data: per resource and period, the average load and the
 * average max units over the resource's working time (stored leveling delays applied).
 *
 * @param project - the project
 * @param options - `periodBasis` of the histogram (default `week`), `resources` to include
 * @returns one histogram per work resource that has assignments
 * @example
 * ```ts
 * import { resourceHistograms } from "@pmokit/leveling";
 * import type { Project } from "@pmokit/core";
 * declare const project: Project;
 * resourceHistograms(project, { periodBasis: "day" })[0]?.periods[0]; // { start, end, units, capacity }
 * ```
 * @category Leveling
 * @since 0.1.0
 */
export function resourceHistograms(
  project: Project,
  options: {
    readonly periodBasis?: PeriodBasis;
    readonly resources?: readonly string[];
    readonly dialect?: "msp" | "p6";
  } = {},
): ResourceHistogram[] {
  const warnings: LevelingWarning[] = [];
  const opts = resolveOptions(
    { periodBasis: options.periodBasis ?? "week", ...(options.dialect ? { dialect: options.dialect } : {}) },
    warnings,
  );
  const m = new LevelModel(project, opts, warnings);
  const pl = replay(m);
  let first = Infinity;
  let last = -Infinity;
  for (let j = 0; j < m.n; j++) {
    first = Math.min(first, m.startOf(j, pl.S[j]!));
    last = Math.max(last, m.endOf(j, pl.F[j]!));
  }
  const out: ResourceHistogram[] = [];
  const used = new Set(m.aRes);
  const G = m.G;
  const P = m.pStart.length - 1;
  m.resources.forEach((res, r) => {
    if (!used.has(r) || res.type !== "work") return;
    if (options.resources !== undefined && !options.resources.includes(res.id)) return;
    const periods: ResourceHistogram["periods"][number][] = [];
    for (let p = 0; p < P; p++) {
      const b0 = m.pStart[p]!;
      const b1 = m.pStart[p + 1]!;
      const start = m.T0 + b0 * G;
      const end = m.T0 + b1 * G;
      if (end <= first || start >= last) continue;
      let work = 0;
      let wb = 0;
      let peak = 0;
      for (let b = b0; b < b1; b++) {
        if (m.rWork[r]![b]) {
          work += m.load[r]![b]!;
          wb++;
        } else if (m.load[r]![b]! > 0) work += m.load[r]![b]!;
        peak = Math.max(peak, m.load[r]![b]!);
      }
      periods.push({
        start: fromEpochMinute(start),
        end: fromEpochMinute(end),
        units: round(wb > 0 ? work / wb : peak),
        capacity: round(wb > 0 ? m.pCap[r]![p]! / wb / m.capFactor : m.cap[r]![b0]! / m.capFactor),
      });
    }
    out.push({ resourceId: res.id, periods });
  });
  return out;
}

/**
 * One project of a leveled portfolio: finish before and after leveling.
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface LeveledProjectSummary {
  readonly projectId: string;
  readonly priority: number;
  readonly preLevelingFinish: string;
  readonly finish: string;
  /** Elapsed minutes the project's finish moved. */
  readonly delayMinutes: number;
}

/**
 * Result of {@link levelPortfolio}: the leveling result of the merged project (task ids
 * `<projectId>/<taskId>`) plus the finish of every project before and after.
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface PortfolioLevelingResult extends LevelingResult {
  readonly projects: readonly LeveledProjectSummary[];
}

/** Per-project finish summaries of a leveled flattened portfolio. */
export function summarizeProjects(
  portfolio: Portfolio,
  result: LevelingResult,
  sep = "/",
): LeveledProjectSummary[] {
  return portfolio.projects.map((p) => {
    let pre = "";
    let fin = "";
    for (const t of result.tasks) {
      if (!t.id.startsWith(`${p.id}${sep}`)) continue;
      if (t.preLevelingFinish > pre) pre = t.preLevelingFinish;
      if (t.finish > fin) fin = t.finish;
    }
    const delay = pre && fin ? Math.max(0, minutesOf(fin) - minutesOf(pre)) : 0;
    return {
      projectId: p.id,
      priority: p.priority,
      preLevelingFinish: pre,
      finish: fin,
      delayMinutes: delay,
    };
  });
}

function minutesOf(s: string): number {
  return Date.parse(`${s.length === 10 ? `${s}T00:00:00` : s}Z`) / 60000;
}

/**
 * Levels several projects sharing one resource pool (MS Project's resource pool / P6's
 * multi-project leveling): the portfolio is merged with `flattenPortfolio` (cross-project links
 * kept), and the project priority is compared before the task priority.
 *
 * @param portfolio - a parsed portfolio
 * @param options - leveling options
 * @returns the leveling result of the merged project and the finish of every project
 * @throws PmokitError as {@link levelProject}
 * @example
 * ```ts
 * import { levelPortfolio } from "@pmokit/leveling";
 * import type { Portfolio } from "@pmokit/core";
 * declare const portfolio: Portfolio;
 * for (const p of levelPortfolio(portfolio).projects) console.log(p.projectId, p.preLevelingFinish, p.finish);
 * ```
 * @category Leveling
 * @since 0.1.0
 */
export function levelPortfolio(portfolio: Portfolio, options: LevelingOptions = {}): PortfolioLevelingResult {
  const { project } = flattenPortfolio(portfolio);
  const result = levelProject(project, options);
  return { ...result, projects: summarizeProjects(portfolio, result) };
}
