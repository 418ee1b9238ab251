import type { Dependency } from "../model/dependency.js";
import { durationToMinutes } from "../model/duration.js";
import type { Project } from "../model/project.js";
import type { Task } from "../model/task.js";

/** Task flag: a leaf task that is active (not inactive, not a P6 WBS summary). */
const LEAF = 1;
const COMPLETE = 2;
const MILESTONE = 4;
const LOE = 8;
const HAS_PRED = 16;
const HAS_SUCC = 32;

/**
 * Precomputed facts about a project shared by the DCMA checks and the PMO rules: hierarchy, links
 * (summary links inherited by descendants), completion and milestone flags. Built once in a few
 * sweeps over the tasks; the per-task facts are also available as typed arrays indexed by the task's
 * position in `project.tasks` (`index`), which is what the DCMA checks read.
 *
 * @category Audit
 * @since 0.1.0
 */
export interface AuditContext {
  readonly project: Project;
  /** Tasks that are the parent of another task. */
  readonly summaryIds: ReadonlySet<string>;
  /** Leaf tasks that are active (not inactive, not a P6 WBS summary), in input order. */
  readonly leaves: readonly Task[];
  /** Positions in `project.tasks` of {@link AuditContext.leaves}, in the same order. */
  readonly leafIndex: Int32Array;
  /** Relationships between tasks of this project (cross-project links left out). */
  readonly links: readonly Dependency[];
  /** Positions in `project.tasks` of each link's predecessor and successor (parallel to `links`). */
  readonly linkFrom: Int32Array;
  readonly linkTo: Int32Array;
  /** Position of a task id in `project.tasks`. */
  readonly index: ReadonlyMap<string, number>;
  /**
   * Per task (by position): bit 1 active leaf, 2 complete, 4 milestone, 8 level of effort, 16 has a
   * predecessor, 32 has a successor (bits 16 and 32 include inherited summary links).
   */
  readonly flags: Uint8Array;
  /** Planned duration in working minutes per task (by position). */
  readonly durations: Float64Array;
  /** Number of assignments per task (by position). */
  readonly assignments: Int32Array;
  /** Whether a task (or one of its ancestors, when summary links are inherited) has a predecessor. */
  hasPredecessor(task: Task): boolean;
  /** Whether a task (or one of its ancestors, when summary links are inherited) has a successor. */
  hasSuccessor(task: Task): boolean;
  isComplete(task: Task): boolean;
  isMilestone(task: Task): boolean;
  isLevelOfEffort(task: Task): boolean;
  /** Planned duration in working minutes (project minutes per day / week / days per month). */
  durationMinutes(task: Task): number;
  /** Number of assignments on the task. */
  assignmentCount(task: Task): number;
  readonly byId: ReadonlyMap<string, Task>;
}

/**
 * Bits of {@link AuditContext.flags}.
 *
 * @example
 * ```ts
 * import { AUDIT_FLAGS, buildAuditContext } from "@pmokit/core";
 * import type { Project } from "@pmokit/core";
 * declare const p: Project;
 * const ctx = buildAuditContext(p);
 * const open = [...ctx.leafIndex].filter((i) => !(ctx.flags[i]! & AUDIT_FLAGS.hasSuccessor));
 * ```
 * @category Audit
 * @since 0.1.0
 */
export const AUDIT_FLAGS = {
  leaf: LEAF,
  complete: COMPLETE,
  milestone: MILESTONE,
  levelOfEffort: LOE,
  hasPredecessor: HAS_PRED,
  hasSuccessor: HAS_SUCC,
} as const;

const isCompleteTask = (t: Task): boolean => t.actualFinish !== undefined || t.percentComplete >= 100;
const isMilestoneTask = (t: Task): boolean =>
  t.milestone ||
  t.activityType === "startMilestone" ||
  t.activityType === "finishMilestone" ||
  (t.duration.value === 0 && t.duration.unit !== "percent");

/**
 * Builds the {@link AuditContext} of a project.
 *
 * @param project - the project
 * @param options - `summaryLinks`: `inherit` (default; MS Project applies a summary's links to its
 *   children) or `ignore`
 * @returns the context
 * @example
 * ```ts
 * import { buildAuditContext } from "@pmokit/core";
 * import type { Project } from "@pmokit/core";
 * declare const p: Project;
 * buildAuditContext(p).leaves.length;
 * ```
 * @category Audit
 * @since 0.1.0
 */
export function buildAuditContext(
  project: Project,
  options: { readonly summaryLinks?: "inherit" | "ignore" } = {},
): AuditContext {
  const tasks = project.tasks;
  const n = tasks.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(tasks[i]!.id, i);
  const parent = new Int32Array(n).fill(-1);
  const summaryIds = new Set<string>();
  const isParent = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const pid = tasks[i]!.parentId;
    if (pid === undefined) continue;
    const p = index.get(pid);
    if (p === undefined) continue;
    parent[i] = p;
    isParent[p] = 1;
    summaryIds.add(pid);
  }
  const deps = project.dependencies;
  const links: Dependency[] = [];
  const fromTmp = new Int32Array(deps.length);
  const toTmp = new Int32Array(deps.length);
  const flags = new Uint8Array(n);
  for (const d of deps) {
    const a = index.get(d.from);
    const b = index.get(d.to);
    if (a === undefined || b === undefined) continue;
    if (d.fromProject !== undefined && d.fromProject !== project.id) continue;
    if (d.toProject !== undefined && d.toProject !== project.id) continue;
    fromTmp[links.length] = a;
    toTmp[links.length] = b;
    links.push(d);
    flags[b]! |= HAS_PRED;
    flags[a]! |= HAS_SUCC;
  }
  const linkFrom = fromTmp.slice(0, links.length);
  const linkTo = toTmp.slice(0, links.length);
  if ((options.summaryLinks ?? "inherit") === "inherit") inheritLinks(flags, parent, isParent);

  const settings = project.settings;
  const durSettings = {
    minutesPerDay: settings.minutesPerDay,
    minutesPerWeek: settings.minutesPerWeek,
    daysPerMonth: settings.daysPerMonth,
  };
  const assignments = new Int32Array(n);
  for (const a of project.assignments) {
    const i = index.get(a.taskId);
    if (i !== undefined) assignments[i]!++;
  }
  const durations = new Float64Array(n);
  const leaves: Task[] = [];
  const leafTmp = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    durations[i] = durationToMinutes(t.duration, durSettings);
    let f = flags[i]!;
    if (isCompleteTask(t)) f |= COMPLETE;
    if (isMilestoneTask(t)) f |= MILESTONE;
    if (t.activityType === "levelOfEffort") f |= LOE;
    if (isParent[i] === 0 && !t.inactive && t.activityType !== "wbsSummary") {
      f |= LEAF;
      leafTmp[leaves.length] = i;
      leaves.push(t);
    }
    flags[i] = f;
  }
  const at = (t: Task): number => {
    const i = index.get(t.id);
    return i !== undefined && tasks[i] === t ? i : -1;
  };
  const bit =
    (mask: number, fallback: (t: Task) => boolean) =>
    (t: Task): boolean => {
      const i = at(t);
      return i < 0 ? fallback(t) : (flags[i]! & mask) !== 0;
    };
  let byId: Map<string, Task> | undefined;
  return {
    project,
    get byId(): ReadonlyMap<string, Task> {
      // built on first use: the checks work on positions
      if (byId === undefined) {
        byId = new Map();
        for (const t of tasks) byId.set(t.id, t);
      }
      return byId;
    },
    summaryIds,
    leaves,
    leafIndex: leafTmp.slice(0, leaves.length),
    links,
    linkFrom,
    linkTo,
    index,
    flags,
    durations,
    assignments,
    hasPredecessor: bit(HAS_PRED, () => false),
    hasSuccessor: bit(HAS_SUCC, () => false),
    isComplete: bit(COMPLETE, isCompleteTask),
    isMilestone: bit(MILESTONE, isMilestoneTask),
    isLevelOfEffort: (t) => t.activityType === "levelOfEffort",
    durationMinutes: (t) => {
      const i = at(t);
      return i < 0 ? durationToMinutes(t.duration, durSettings) : durations[i]!;
    },
    assignmentCount: (t) => {
      const i = at(t);
      return i < 0 ? 0 : assignments[i]!;
    },
  };
}

/**
 * Copies the predecessor / successor bits of summary tasks down to their descendants (MS Project
 * applies a summary's links to its children). Each task is resolved once: a walk up the hierarchy
 * stops at the first task already resolved, and every task on the walk takes the result. A parent
 * cycle (malformed input) is cut after 1,000 levels.
 */
function inheritLinks(flags: Uint8Array, parent: Int32Array, isParent: Uint8Array): void {
  const n = flags.length;
  let anySummaryLink = false;
  for (let i = 0; i < n && !anySummaryLink; i++)
    if (isParent[i] === 1 && (flags[i]! & (HAS_PRED | HAS_SUCC)) !== 0) anySummaryLink = true;
  if (!anySummaryLink) return;
  const done = new Uint8Array(n);
  const chain: number[] = [];
  for (let i = 0; i < n; i++) {
    if (done[i] === 1) continue;
    chain.length = 0;
    let cur = i;
    while (cur >= 0 && done[cur] === 0 && chain.length < 1000) {
      chain.push(cur);
      cur = parent[cur]!;
    }
    // inherited bits from the first resolved ancestor (or none at the root)
    let acc = cur >= 0 && done[cur] === 1 ? flags[cur]! & (HAS_PRED | HAS_SUCC) : 0;
    for (let k = chain.length - 1; k >= 0; k--) {
      const j = chain[k]!;
      acc |= flags[j]! & (HAS_PRED | HAS_SUCC);
      flags[j]! |= acc;
      done[j] = 1;
    }
  }
}
