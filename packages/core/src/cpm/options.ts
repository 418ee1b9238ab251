/**
 * The scheduling rules where Microsoft Project and Primavera P6 compute different answers. Each rule
 * is an explicit option; the `msp` and `p6` presets ({@link DIALECTS}) set them all at once, and any
 * option given beside `dialect` overrides the preset.
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface DialectOptions {
  /**
   * Calendar on which working-time lags run. MS Project: the successor's calendar; P6: the
   * predecessor's (default `sched_calendar_on_relationship_lag = rcal_Predecessor`), the successor's,
   * 24 hours or the project default calendar. Elapsed lags always run on 24×7 time.
   */
  readonly lagCalendar: "successor" | "predecessor" | "24h" | "project";
  /**
   * Total slack definition: `min` of start and finish slack (MS Project default), `finish` (P6 finish
   * float, LF − EF, default `FT_FF`) or `start` (LS − ES).
   */
  readonly totalSlack: "min" | "start" | "finish";
  /** MS Project reports finish slack as total slack once a task has started. */
  readonly startedTaskSlack: "finish" | "asDefined";
  /**
   * `constraints`: constraint dates beat logic (MS Project "tasks will always honor their constraint
   * dates"): SNLT/FNLT pull a task earlier, MSO/MFO pin it. `logic`: links win; only Mandatory Start /
   * Finish (MSO/MFO) in the P6 dialect override logic.
   */
  readonly constraintPrecedence: "constraints" | "logic";
  /**
   * Which pass each constraint acts on. `msp`: SNLT/FNLT act on both passes; `p6`: "on or before"
   * constraints act on late dates only, "on or after" on early dates only, Start On / Finish On on both
   * (delay early, pull late), Mandatory on both and override logic.
   */
  readonly constraintSemantics: "msp" | "p6";
  /** ALAP: placed at the late dates, slack reported as 0 (`lateDates`, MSP) or consumes free float only (`freeFloat`, P6). */
  readonly alap: "lateDates" | "freeFloat";
  /**
   * Out-of-sequence progress: `retainedLogic` (remaining work waits for predecessors, P6 default),
   * `progressOverride` (started tasks ignore their predecessors), `actualDates` (MS Project: a started
   * task keeps its actual start and its duration; predecessors do not move it).
   */
  readonly progress: "retainedLogic" | "progressOverride" | "actualDates";
  /** P6: remaining work and unstarted activities are scheduled no earlier than the data date. */
  readonly remainingFromDataDate: boolean;
  /** Free slack of a task without successors: its total slack (MSP) or the gap to the project finish (P6). */
  readonly freeSlackWithoutSuccessors: "totalSlack" | "projectFinish";
  /** Milestone dates: `msp` (a milestone sits at the end of the working period that drives it) or `p6` (start milestones at a work start, finish milestones at a work end). */
  readonly milestones: "msp" | "p6";
  /** Level-of-effort activities stretch between their links and never drive (P6). */
  readonly levelOfEffort: boolean;
  /** Critical: total slack at or below a limit (working minutes), or the longest (driving) path. */
  readonly critical:
    { readonly kind: "totalSlack"; readonly limitMinutes: number } | { readonly kind: "longestPath" };
}

/**
 * The named dialects.
 *
 * @category Scheduling
 * @since 0.1.0
 */
export type Dialect = "msp" | "p6";

/**
 * Preset option sets per dialect.
 *
 * @example
 * ```ts
 * import { DIALECTS } from "@pmokit/core";
 * DIALECTS.p6.lagCalendar; // "predecessor"
 * ```
 * @category Scheduling
 * @since 0.1.0
 */
export const DIALECTS: Readonly<Record<Dialect, DialectOptions>> = {
  msp: {
    lagCalendar: "successor",
    totalSlack: "min",
    startedTaskSlack: "finish",
    constraintPrecedence: "constraints",
    constraintSemantics: "msp",
    alap: "lateDates",
    progress: "actualDates",
    remainingFromDataDate: false,
    freeSlackWithoutSuccessors: "totalSlack",
    milestones: "msp",
    levelOfEffort: false,
    critical: { kind: "totalSlack", limitMinutes: 0 },
  },
  p6: {
    lagCalendar: "predecessor",
    totalSlack: "finish",
    startedTaskSlack: "asDefined",
    constraintPrecedence: "logic",
    constraintSemantics: "p6",
    alap: "freeFloat",
    progress: "retainedLogic",
    remainingFromDataDate: true,
    freeSlackWithoutSuccessors: "projectFinish",
    milestones: "p6",
    levelOfEffort: true,
    critical: { kind: "totalSlack", limitMinutes: 0 },
  },
};

/**
 * Options of {@link schedule} and {@link compileNetwork}.
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface ScheduleOptions extends Partial<DialectOptions> {
  /** Preset of the rule options; default `msp`. */
  readonly dialect?: Dialect;
  /** Status date (MS Project) / data date (P6), `YYYY-MM-DD[THH:mm:ss]`; overrides the project's. */
  readonly statusDate?: string;
  /** Project start; overrides the project's. */
  readonly projectStart?: string;
  /** Near-critical: total slack at or below this many working minutes (and not critical). Default 2,400 (5 days of 8 h). */
  readonly nearCriticalMinutes?: number;
  /** Schedule from the project finish (MS Project `ScheduleFromStart = 0`); default from the project's setting. */
  readonly scheduleFrom?: "start" | "finish";
}

/**
 * Fully resolved options (preset + overrides).
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface ResolvedScheduleOptions extends DialectOptions {
  readonly dialect: Dialect;
  readonly nearCriticalMinutes: number;
}

/**
 * Resolves a dialect preset and overrides into a complete option set.
 *
 * @param options - the caller's options
 * @returns every dialect option with a value
 * @example
 * ```ts
 * import { resolveScheduleOptions } from "@pmokit/core";
 * resolveScheduleOptions({ dialect: "p6", lagCalendar: "24h" }).totalSlack; // "finish"
 * ```
 * @category Scheduling
 * @since 0.1.0
 */
export function resolveScheduleOptions(options: ScheduleOptions = {}): ResolvedScheduleOptions {
  const dialect = options.dialect ?? "msp";
  const base = DIALECTS[dialect];
  const pick = <K extends keyof DialectOptions>(k: K): DialectOptions[K] =>
    (options[k] ?? base[k]) as DialectOptions[K];
  return {
    dialect,
    lagCalendar: pick("lagCalendar"),
    totalSlack: pick("totalSlack"),
    startedTaskSlack: pick("startedTaskSlack"),
    constraintPrecedence: pick("constraintPrecedence"),
    constraintSemantics: pick("constraintSemantics"),
    alap: pick("alap"),
    progress: pick("progress"),
    remainingFromDataDate: pick("remainingFromDataDate"),
    freeSlackWithoutSuccessors: pick("freeSlackWithoutSuccessors"),
    milestones: pick("milestones"),
    levelOfEffort: pick("levelOfEffort"),
    critical: pick("critical"),
    nearCriticalMinutes: options.nearCriticalMinutes ?? 2400,
  };
}
