import type { Dependency } from "../model/dependency.js";
import { durationToMinutes } from "../model/duration.js";
import type { Project } from "../model/project.js";
import type { Task } from "../model/task.js";

/**
 * Precomputed facts about a project shared by the DCMA checks and the PMO rules: hierarchy, links
 * (summary links inherited by descendants), completion and milestone flags.
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
  /** Relationships between tasks of this project (cross-project links left out). */
  readonly links: readonly Dependency[];
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
  const byId = new Map<string, Task>();
  for (const t of project.tasks) byId.set(t.id, t);
  const summaryIds = new Set<string>();
  for (const t of project.tasks)
    if (t.parentId !== undefined && byId.has(t.parentId)) summaryIds.add(t.parentId);
  const links = project.dependencies.filter(
    (d) =>
      byId.has(d.from) &&
      byId.has(d.to) &&
      (d.fromProject === undefined || d.fromProject === project.id) &&
      (d.toProject === undefined || d.toProject === project.id),
  );
  const hasPred = new Set<string>();
  const hasSucc = new Set<string>();
  for (const d of links) {
    hasPred.add(d.to);
    hasSucc.add(d.from);
  }
  const inherit = (options.summaryLinks ?? "inherit") === "inherit";
  const up = (task: Task, set: Set<string>): boolean => {
    if (set.has(task.id)) return true;
    if (!inherit) return false;
    let cur = task.parentId === undefined ? undefined : byId.get(task.parentId);
    for (let guard = 0; cur !== undefined && guard < 1000; guard++) {
      if (set.has(cur.id)) return true;
      cur = cur.parentId === undefined ? undefined : byId.get(cur.parentId);
    }
    return false;
  };
  const settings = project.settings;
  const durSettings = {
    minutesPerDay: settings.minutesPerDay,
    minutesPerWeek: settings.minutesPerWeek,
    daysPerMonth: settings.daysPerMonth,
  };
  const durationMinutes = (t: Task): number => durationToMinutes(t.duration, durSettings);
  const counts = new Map<string, number>();
  for (const a of project.assignments) counts.set(a.taskId, (counts.get(a.taskId) ?? 0) + 1);
  const leaves = project.tasks.filter(
    (t) => !summaryIds.has(t.id) && !t.inactive && t.activityType !== "wbsSummary",
  );
  return {
    project,
    summaryIds,
    leaves,
    links,
    byId,
    hasPredecessor: (t) => up(t, hasPred),
    hasSuccessor: (t) => up(t, hasSucc),
    isComplete: (t) => t.actualFinish !== undefined || t.percentComplete >= 100,
    isMilestone: (t) =>
      t.milestone ||
      t.activityType === "startMilestone" ||
      t.activityType === "finishMilestone" ||
      (t.duration.value === 0 && t.duration.unit !== "percent"),
    isLevelOfEffort: (t) => t.activityType === "levelOfEffort",
    durationMinutes,
    assignmentCount: (t) => counts.get(t.id) ?? 0,
  };
}
