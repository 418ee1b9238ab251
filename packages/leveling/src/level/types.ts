import type { Project } from "@pmokit/core";

/**
 * Leveling order (MS Project `LevelingOptionsEx Order`): `id` (ID Only), `standard` (KB 197106
 * chain: predecessors, start, constraints, weighted slack, priority, ID) or `priorityStandard`
 * (priority first, then the Standard chain).
 *
 * @category Leveling
 * @since 0.1.0
 */
export type LevelingOrder = "id" | "standard" | "priorityStandard";

/**
 * Granularity of overallocation detection (MS Project "Look for overallocations on a ... basis").
 *
 * @category Leveling
 * @since 0.1.0
 */
export type PeriodBasis = "minute" | "hour" | "day" | "week" | "month";

/**
 * Options of {@link levelProject}: MS Project's leveling options plus P6's where they differ.
 * Defaults are MS Project's, except `allowSplits` (false: tasks are delayed whole unless asked).
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface LevelingOptions {
  /** Leveling order (default `standard`). */
  readonly order?: LevelingOrder;
  /** Overallocation detection basis (default `day`). */
  readonly periodBasis?: PeriodBasis;
  /** Level only within available slack: never delay a task beyond its late start (default false). */
  readonly withinSlack?: boolean;
  /** P6 "minimum preserved float", working minutes kept on every task when leveling within slack (default 0). */
  readonly preserveMinimumFloatMinutes?: number;
  /** P6 "maximum percent to over-allocate resources": capacity is raised by this percent (default 0). */
  readonly maxOverallocationPercent?: number;
  /** Leveling can adjust individual assignments on a task (default true). */
  readonly levelIndividualAssignments?: boolean;
  /**
   * Leveling can create splits in remaining work (default false; MS Project's default is true): the
   * work of an assignment may be interrupted around a conflict instead of delaying it whole, and the
   * remaining work of a started task (after its actual work, which stays) may be split or delayed. A task
   * opts out with the extension `pmokit:levelingCanSplit: false` (or MSPDI `LevelingCanSplit` 0).
   */
  readonly allowSplits?: boolean;
  /** Clear existing leveling delays first (default true); false keeps them as minimum delays. */
  readonly clearFirst?: boolean;
  /** Level manually scheduled tasks (default false: they never move). */
  readonly levelManualTasks?: boolean;
  /** Leveling range: only tasks starting in `[from, to)` before leveling may be delayed. */
  readonly from?: string;
  readonly to?: string;
  /** Level only these resources (ids); others are neither checked nor leveled. Default: every work resource. */
  readonly resources?: readonly string[];
  /** Scheduling dialect of the underlying CPM pass (default `msp`). */
  readonly dialect?: "msp" | "p6";
  /** How far (days) past the latest finish leveled so far the search for a free slot may go before the conflict is reported as unresolved (default 365). */
  readonly horizonDays?: number;
}

/**
 * Why an overallocation was left unresolved.
 *
 * @category Leveling
 * @since 0.1.0
 */
export type UnresolvedReason =
  | "doNotLevel"
  | "manual"
  | "started"
  | "hardConstraint"
  | "outsideRange"
  | "withinSlack"
  | "aboveMaxUnits"
  | "horizon";

/**
 * An overallocation the leveling could not (or was not allowed to) resolve, with its cause.
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface UnresolvedConflict {
  readonly taskId: string;
  readonly resourceId: string;
  readonly reason: UnresolvedReason;
  /** Start of the conflicting placement (local date-time). */
  readonly at: string;
  readonly message: string;
}

/**
 * A run of consecutive overallocated periods of one resource.
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface Overallocation {
  readonly resourceId: string;
  readonly from: string;
  readonly to: string;
  /** Highest instantaneous load (units, 1 = 100 %) in the run. */
  readonly peakUnits: number;
  /** Max units (availability) at the peak. */
  readonly maxUnits: number;
  /** Work and capacity in the run, minutes (capacity = availability over the resource's working time). */
  readonly workMinutes: number;
  readonly capacityMinutes: number;
  /** Tasks using the resource in the run. */
  readonly taskIds: readonly string[];
}

/**
 * One working part of a split task or assignment (local date-times).
 *
 * @example
 * ```ts
 * import { levelProject } from "@pmokit/leveling";
 * import type { Project } from "@pmokit/core";
 * declare const project: Project;
 * for (const t of levelProject(project, { allowSplits: true }).tasks)
 *   for (const part of t.parts ?? []) console.log(t.id, part.start, part.finish);
 * ```
 * @category Leveling
 * @since 0.2.0
 */
export interface WorkPart {
  readonly start: string;
  readonly finish: string;
}

/**
 * One assignment after leveling.
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface LeveledAssignment {
  readonly id: string;
  readonly resourceId: string;
  readonly start: string;
  readonly finish: string;
  /** Delay of the assignment after its task's start, working minutes of the task's calendar. */
  readonly levelingDelayMinutes: number;
  /** The working parts when leveling split the assignment (two or more), in time order. */
  readonly parts?: readonly WorkPart[];
}

/**
 * One task after leveling.
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface LeveledTask {
  readonly id: string;
  readonly name: string;
  readonly start: string;
  readonly finish: string;
  /** Leveling delay: working minutes of the task's calendar between the start its predecessors and constraints allow and its leveled start. */
  readonly levelingDelayMinutes: number;
  readonly preLevelingStart: string;
  readonly preLevelingFinish: string;
  readonly summary: boolean;
  readonly assignments: readonly LeveledAssignment[];
  /** The working parts when leveling split the task (two or more): the union of its assignments' parts. */
  readonly parts?: readonly WorkPart[];
  /** Why the task (or one of its assignments) was delayed, e.g. "delayed 3d because resource R is busy with Y". */
  readonly explanation?: string;
  /** The resource and tasks that caused the delay. */
  readonly delayedBy?: { readonly resourceId: string; readonly taskIds: readonly string[] };
}

/**
 * A soft problem met while leveling.
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface LevelingWarning {
  readonly code: string;
  readonly message: string;
  readonly ids?: readonly string[];
}

/**
 * Result of {@link levelProject}.
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface LevelingResult {
  /** Every task (summaries included, inactive left out), in input order. */
  readonly tasks: readonly LeveledTask[];
  /** Finish of the whole project after / before leveling. */
  readonly finish: string;
  readonly preLevelingFinish: string;
  /** Overallocations left after leveling (on the chosen period basis). */
  readonly remainingOverallocations: readonly Overallocation[];
  /** Conflicts leveling could not resolve, with reasons. */
  readonly unresolved: readonly UnresolvedConflict[];
  /** The input project with `levelingDelay` stored on tasks and assignments (minutes). */
  readonly project: Project;
  readonly warnings: readonly LevelingWarning[];
  /** Working minutes of one bucket of the internal time grid (resolution of detection and placement). */
  readonly resolutionMinutes: number;
}

/**
 * Resource usage histogram of one resource, in the plain shape report packages draw.
 *
 * @category Leveling
 * @since 0.1.0
 */
export interface ResourceHistogram {
  readonly resourceId: string;
  /** Consecutive periods; `units` = average load over the resource's working time in the period, `capacity` = average max units. */
  readonly periods: readonly {
    readonly start: string;
    readonly end: string;
    readonly units: number;
    readonly capacity: number;
  }[];
}
