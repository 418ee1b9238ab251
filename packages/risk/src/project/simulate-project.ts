import {
  PmokitError,
  axisToDate,
  compileNetwork,
  displayDates,
  durationToMinutes,
  fromEpochMinute,
  runPasses,
} from "@pmokit/core";
import type {
  CompiledNetwork,
  Dialect,
  PassResult,
  Project,
  ScheduleOptions,
  WorkingCalendar,
} from "@pmokit/core";
import { compileDistribution, inverseCdf } from "../distributions/distribution.js";
import type { DistributionSpec } from "../distributions/types.js";
import { inputError } from "../internal/errors.js";
import { quantileSorted } from "../stats/quantile.js";
import type { QuantileMethod } from "../stats/quantile.js";
import { compileModel } from "../simulation/compile.js";
import type { SimulationWarning } from "../simulation/compile.js";
import { createSampler } from "../simulation/kernel.js";
import type { CorrelationInput, RiskEventInput, RiskModel } from "../simulation/model.js";
import { histogram, runOptions, summarize } from "../simulation/simulate.js";
import type { DistributionSummary, Histogram } from "../simulation/simulate.js";

/**
 * Uncertainty of one task's duration: a distribution of the remaining duration in **working days**
 * of the task's calendar (a day = `settings.minutesPerDay`), or `{ factor }`, a distribution that
 * multiplies the planned remaining duration (e.g. `{ factor: { dist: "triangular", min: 0.9, mode: 1, max: 1.3 } }`).
 * For a task not started the remaining duration is the whole duration.
 *
 * @category Project simulation
 */
export type TaskUncertainty = DistributionSpec | { readonly factor: DistributionSpec };

/**
 * A rule that gives every task without an explicit distribution its uncertainty.
 *
 * - `percent`: a three-point range in percent of the planned remaining duration, e.g. the common
 *   default 90 / 100 / 130 (`mode` defaults to 100).
 * - `fields`: a three-point estimate read from each task's `customFields` (or `extensions`):
 *   the names of the fields holding min, mode (optional, default: the planned duration) and max,
 *   in working days (`unit: "days"`, default) or percent of the planned duration. Tasks without
 *   the fields use `fallback` (or keep their planned duration).
 *
 * `dist` picks the shape (default triangular).
 *
 * @category Project simulation
 */
export type UncertaintyRule =
  | {
      readonly kind: "percent";
      readonly min: number;
      readonly mode?: number;
      readonly max: number;
      readonly dist?: "triangular" | "pert" | "uniform";
    }
  | {
      readonly kind: "fields";
      readonly min: string;
      readonly mode?: string;
      readonly max: string;
      readonly source?: "customFields" | "extensions";
      readonly unit?: "days" | "percent";
      readonly dist?: "triangular" | "pert";
      readonly fallback?: UncertaintyRule;
    };

/**
 * Options of {@link simulateProject}.
 *
 * @category Project simulation
 */
export interface ProjectSimulationOptions {
  /** Scheduling dialect of `@pmokit/core` (default `"msp"`). */
  readonly dialect?: Dialect;
  /** Further core scheduling options (status date, lag calendar, …). */
  readonly schedule?: ScheduleOptions;
  /** Per-task uncertainty by task id (leaf tasks). */
  readonly durations?: Readonly<Record<string, TaskUncertainty>>;
  /** Uncertainty of the tasks not listed in `durations` (default: none, they keep their planned duration). */
  readonly uncertainty?: UncertaintyRule;
  /**
   * Risk events; `activities` are task ids (a summary task stands for its leaf tasks). Additive
   * impacts are working days, multiplicative ones factors; a risk without tasks delays the
   * project finish on the project calendar.
   */
  readonly risks?: readonly RiskEventInput[];
  /** Pairwise rank correlations between task durations (Iman–Conover). */
  readonly correlations?: readonly CorrelationInput[];
  /** Groups of tasks whose durations share one pairwise rank correlation. */
  readonly correlationGroups?: readonly {
    readonly id?: string;
    readonly tasks: readonly string[];
    readonly rho: number;
  }[];
  /** Iterations (default 5,000). */
  readonly iterations?: number;
  /** Seed (default 1). Same seed, same project, same options → identical results. */
  readonly seed?: number;
  /** Iterations per random-stream block (default 1,000); rank correlation applies per block. */
  readonly blockSize?: number;
  readonly latinHypercube?: boolean;
  readonly occurrence?: "bernoulli" | "scaled";
  /** Quantile rule for P-values (default `"inverse-cdf"`). */
  readonly quantileMethod?: QuantileMethod;
  /** Percentile for risk impacts (default 0.8). */
  readonly percentile?: number;
  /** Risk impact by exclusion (one extra schedule pass per occurring risk and iteration; default true). */
  readonly riskExclusion?: boolean;
  /** Per-task finish P-values (keeps n × N finishes as 32-bit integers; default true). */
  readonly taskFinishes?: boolean;
  /** What to do with a non-PSD correlation matrix (default repair with a warning). */
  readonly invalidCorrelation?: "repair" | "error";
}

/**
 * P-dates: local date-times `YYYY-MM-DDTHH:mm:ss` on the calendar.
 *
 * @category Project simulation
 */
export interface DatePercentiles {
  readonly p10: string;
  readonly p50: string;
  readonly p80: string;
  readonly p90: string;
  readonly min: string;
  readonly max: string;
  /** P5, P10, …, P95. */
  readonly percentiles: readonly { readonly p: number; readonly date: string }[];
}

/**
 * Per-task results of {@link simulateProject}.
 *
 * @category Project simulation
 */
export interface ProjectTaskResult {
  readonly id: string;
  readonly name: string;
  /** Finish of core's deterministic schedule. */
  readonly deterministicFinish: string;
  /** P-dates of the task's finish (null with `taskFinishes: false`). */
  readonly finish: DatePercentiles | null;
  /** Share of iterations in which the task is on the driving path to the project finish. */
  readonly criticality: number;
  /** Pearson correlation of the task's sampled remaining duration with the project finish (null when either does not vary). */
  readonly correlation: number | null;
  /** Mean and sd of the sampled remaining duration, working days. */
  readonly meanDurationDays: number;
  readonly sdDurationDays: number;
}

/**
 * One bar of the tornado: mean project finish (working days from the project start) over the
 * iterations where the task's sampled duration is in its lowest decile and in its highest decile.
 *
 * @category Project simulation
 */
export interface TornadoBar {
  readonly id: string;
  readonly name: string;
  readonly lowFinishDays: number;
  readonly highFinishDays: number;
  /** highFinishDays − lowFinishDays. */
  readonly swingDays: number;
  readonly correlation: number | null;
}

/**
 * Per-risk results of {@link simulateProject}, in working days of the project calendar.
 *
 * @category Project simulation
 */
export interface ProjectRiskResult {
  readonly id: string;
  readonly name: string;
  readonly occurrences: number;
  /** Mean finish shift attributable to the risk (all risks − all but this one, common random numbers). */
  readonly meanImpactDays: number;
  /** Shift of the finish at `percentile`. */
  readonly percentileImpactDays: number;
}

/**
 * A soft problem met by {@link simulateProject}.
 *
 * @category Project simulation
 */
export interface ProjectSimulationWarning {
  readonly code: SimulationWarning["code"] | "TASK_NOT_SAMPLED" | "SCHEDULE_WARNING";
  readonly message: string;
  readonly path?: string;
  readonly ids?: readonly string[];
}

/**
 * Result of {@link simulateProject} (JSON-serialisable).
 *
 * @category Project simulation
 */
export interface ProjectSimulationResult {
  readonly projectId: string;
  readonly dialect: "msp" | "p6";
  readonly iterations: number;
  readonly seed: number;
  readonly blockSize: number;
  readonly sampling: "monte-carlo" | "latin-hypercube";
  readonly quantileMethod: QuantileMethod;
  readonly projectStart: string;
  /** Project finish of core's deterministic schedule (planned durations, no risks). */
  readonly deterministicFinish: string;
  /** P(finish ≤ deterministic finish). */
  readonly probabilityOfDeterministicFinish: number;
  /** P-dates of the project finish. */
  readonly finish: DatePercentiles;
  /** Project finish in working days of the project calendar from the project start. */
  readonly finishDays: DistributionSummary;
  readonly deterministicFinishDays: number;
  readonly histogramDays: Histogram;
  /** Leaf tasks in input order. */
  readonly tasks: readonly ProjectTaskResult[];
  /** Tasks with uncertainty, largest swing first. */
  readonly tornado: readonly TornadoBar[];
  readonly risks: readonly ProjectRiskResult[];
  readonly warnings: readonly ProjectSimulationWarning[];
}

/** Scales a distribution by k > 0 (values in days → minutes, factors → minutes). */
function scaleSpec(spec: DistributionSpec, k: number): DistributionSpec {
  if (typeof spec === "number") return spec * k;
  switch (spec.dist) {
    case "fixed":
      return { dist: "fixed", value: spec.value * k };
    case "triangular":
      return { dist: "triangular", min: spec.min * k, mode: spec.mode * k, max: spec.max * k };
    case "pert":
      return {
        dist: "pert",
        min: spec.min * k,
        mode: spec.mode * k,
        max: spec.max * k,
        ...(spec.lambda === undefined ? {} : { lambda: spec.lambda }),
      };
    case "uniform":
      return { dist: "uniform", min: spec.min * k, max: spec.max * k };
    case "trigen":
      return { ...spec, p10: spec.p10 * k, mode: spec.mode * k, p90: spec.p90 * k };
    case "normal":
      return { dist: "normal", mean: spec.mean * k, sd: spec.sd * k };
    case "lognormal":
      return { dist: "lognormal", mu: spec.mu + Math.log(k), sigma: spec.sigma };
    case "discrete":
      return { dist: "discrete", values: spec.values.map(([v, p]) => [v * k, p] as const) };
    default:
      return spec;
  }
}

function threePoint(
  dist: "triangular" | "pert" | "uniform",
  min: number,
  mode: number,
  max: number,
): DistributionSpec {
  if (min === max) return min;
  if (dist === "uniform") return { dist: "uniform", min, max };
  return { dist, min, mode, max };
}

function fieldNumber(task: Project["tasks"][number], source: "customFields" | "extensions", name: string) {
  const bag = (source === "customFields" ? task.customFields : task.extensions) as
    Record<string, unknown> | undefined;
  const v = bag?.[name];
  if (v === undefined || v === null || v === "") return undefined;
  const x = typeof v === "number" ? v : Number(v);
  return Number.isFinite(x) ? x : Number.NaN;
}

/**
 * Distribution (in working minutes) of a task's remaining duration by a rule, or undefined.
 */
function fromRule(
  rule: UncertaintyRule,
  task: Project["tasks"][number],
  planned: number,
  mpd: number,
  path: string,
): DistributionSpec | undefined {
  if (rule.kind === "percent") {
    const mode = rule.mode ?? 100;
    if (!(rule.min >= 0 && rule.min <= mode && mode <= rule.max))
      inputError(`${path}`, "0 <= min <= mode <= max (percent)", rule);
    const k = planned / 100;
    return threePoint(rule.dist ?? "triangular", rule.min * k, mode * k, rule.max * k);
  }
  if (rule.kind !== "fields")
    inputError(`${path}.kind`, '"percent" or "fields"', (rule as { kind: unknown }).kind);
  const src = rule.source ?? "customFields";
  const lo = fieldNumber(task, src, rule.min);
  const hi = fieldNumber(task, src, rule.max);
  const md = rule.mode === undefined ? undefined : fieldNumber(task, src, rule.mode);
  if (lo === undefined || hi === undefined)
    return rule.fallback ? fromRule(rule.fallback, task, planned, mpd, `${path}.fallback`) : undefined;
  const unit = rule.unit ?? "days";
  const k = unit === "percent" ? planned / 100 : mpd;
  const a = lo * k;
  const b = hi * k;
  const c = md === undefined ? planned : md * k;
  if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && a >= 0 && a <= c && c <= b))
    inputError(
      `tasks[${task.id}].${src}`,
      `numbers with 0 <= ${rule.min} <= ${rule.mode ?? "planned duration"} <= ${rule.max}`,
      { min: lo, mode: md ?? null, max: hi },
    );
  return threePoint(rule.dist ?? "triangular", a, c, b);
}

/**
 * Risk events from a project's risk register: every open risk with a probability, a schedule
 * impact and tasks becomes an additive risk event in working days (threats delay, opportunities
 * shorten the linked tasks: an opportunity's impact counts as negative whichever sign the register
 * stores). The impact is fixed, or triangular between `low` % and `high` % of the
 * register's value around it.
 *
 * @param project - the project (parsed with `parseProject`)
 * @param spread - optional `{ low, high }` percent of the impact (e.g. 50 and 150)
 * @returns risk events for {@link simulateProject}
 * @example
 * ```ts
 * import { parseProject } from "@pmokit/core";
 * import { riskEventsFromProject } from "@pmokit/risk";
 * const p = parseProject({
 *   id: "p", name: "P",
 *   settings: { currency: "EUR", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00" },
 *   tasks: [{ id: "A", name: "A", duration: { value: 5, unit: "days" } }],
 *   risks: [{ id: "R1", title: "Late", probability: 0.3, impacts: { schedule: { value: 4, unit: "days" } }, taskIds: ["A"] }],
 * });
 * riskEventsFromProject(p)[0]; // { id: "R1", name: "Late", probability: 0.3, impact: 4, activities: ["A"] }
 * ```
 * @category Project simulation
 */
export function riskEventsFromProject(
  project: Project,
  spread: { readonly low: number; readonly high: number } = { low: 100, high: 100 },
): RiskEventInput[] {
  if (!(spread.low >= 0 && spread.low <= 100 && spread.high >= 100))
    inputError("spread", "low in [0, 100] and high >= 100 (percent)", spread);
  const mpd = project.settings.minutesPerDay;
  const out: RiskEventInput[] = [];
  for (const r of project.risks) {
    const s = r.impacts?.schedule;
    if (r.status !== "open" || r.probability === undefined || s === undefined || r.taskIds.length === 0)
      continue;
    const m = durationToMinutes(s, project.settings);
    // Opportunities shorten their tasks whether the register stores the value as +8 or −8 days.
    const v = (r.kind === "opportunity" ? -Math.abs(m) : m) / mpd;
    const lo = (v * spread.low) / 100;
    const hi = (v * spread.high) / 100;
    const impact: DistributionSpec =
      lo === hi ? v : { dist: "triangular", min: Math.min(lo, hi), mode: v, max: Math.max(lo, hi) };
    out.push({ id: r.id, name: r.title, probability: r.probability, impact, activities: [...r.taskIds] });
  }
  return out;
}

/** Latest early finish as an epoch minute (what core's schedule reports as the project finish). */
function earlyProjectFinish(net: CompiledNetwork, pass: PassResult, maxAxis: Float64Array): number {
  const n = net.taskCount;
  if (n === 0) return net.projectStart;
  const o = net.options;
  if (!(o.constraintSemantics === "p6" && net.projectFinish !== undefined)) return pass.projectFinish;
  const tcal = net.taskCalendar;
  const ef = pass.earlyFinish;
  maxAxis.fill(-Infinity);
  for (let j = 0; j < n; j++) if (ef[j]! > maxAxis[tcal[j]!]!) maxAxis[tcal[j]!] = ef[j]!;
  let mx = -Infinity;
  for (let c = 0; c < maxAxis.length; c++) {
    if (maxAxis[c] === -Infinity) continue;
    const e = axisToDate(net.calendars[c]!, net.origin, maxAxis[c]!, "end");
    if (e > mx) mx = e;
  }
  return mx;
}

function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const PCTS = Array.from({ length: 19 }, (_, k) => (k + 1) * 0.05);

/**
 * Monte Carlo schedule risk analysis of a project of the pmokit model, on core's critical-path
 * engine: the project is compiled once with `compileNetwork` of `@pmokit/core` (working calendars,
 * the four link types and lags, constraints, deadlines, progress and remaining durations at the
 * status date, summary links, the MS Project or P6 dialect), durations are sampled in working
 * minutes of each task's calendar, and every iteration runs core's passes (`runPasses`), so links
 * between tasks on different calendars use core's calendar conversions. Results come back as dates:
 * P-dates of the project finish and of every task's finish, criticality per task, a tornado and
 * risk impacts in working days.
 *
 * With no uncertainty and no risks every P-date equals the date of core's `schedule()`.
 *
 * @param project - the project (parsed with `parseProject`); schedule from the start
 * @param options - uncertainty, risks, correlations, iterations, seed, dialect
 * @returns P-dates, working-day summaries, criticality, tornado, risk impacts, warnings
 * @throws PmokitError `INVALID_INPUT` (bad options, a project scheduled from its finish, a
 *   distribution for a summary task), `DANGLING_REFERENCE` (unknown task ids), plus the errors of
 *   core's `compileNetwork` (`CYCLE_DETECTED`, `CALENDAR_NOT_FOUND`, …)
 * @example
 * ```ts
 * import { parseProject } from "@pmokit/core";
 * import { simulateProject } from "@pmokit/risk";
 * const project = parseProject({
 *   id: "p", name: "P",
 *   settings: { currency: "EUR", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00" },
 *   tasks: [
 *     { id: "A", name: "Design", duration: { value: 5, unit: "days" } },
 *     { id: "B", name: "Build", duration: { value: 10, unit: "days" } },
 *   ],
 *   dependencies: [{ from: "A", to: "B" }],
 * });
 * const r = simulateProject(project, {
 *   uncertainty: { kind: "percent", min: 90, mode: 100, max: 130 },
 *   risks: [{ id: "R1", probability: 0.3, impact: 3, activities: ["B"] }],
 *   iterations: 2000, seed: 7,
 * });
 * r.finish.p80; // e.g. "2026-01-23T17:00:00"
 * ```
 * @category Project simulation
 */
export function simulateProject(
  project: Project,
  options: ProjectSimulationOptions = {},
): ProjectSimulationResult {
  const { iterations, seed, blockSize, percentile: pct } = runOptions(options, 5000);
  const method = options.quantileMethod ?? "inverse-cdf";
  const dialect = options.dialect ?? "msp";
  const warnings: ProjectSimulationWarning[] = [];

  const compiled = compileNetwork(project, { ...options.schedule, dialect });
  const net = compiled.network;
  if (net.scheduleFrom === "finish" && net.projectFinish !== undefined)
    inputError(
      "settings.scheduleFrom",
      'a project scheduled from its start (Monte Carlo moves the finish; schedule from "start")',
      "finish",
    );
  for (const w of compiled.warnings)
    warnings.push({
      code: "SCHEDULE_WARNING",
      message: `${w.code}: ${w.message}`,
      ...(w.ids ? { ids: w.ids } : {}),
    });
  const n = net.taskCount;
  const mpd = project.settings.minutesPerDay;
  const cals = net.calendars;
  const origin = net.origin;
  // compileNetworkInput registers the project calendar among the network's calendars.
  const projCal: WorkingCalendar = cals.find((c) => c.id === project.settings.defaultCalendarId) ?? cals[0]!;
  const Wp = (e: number): number => projCal.workingMinutesBetween(origin, e);

  // Task ids → network indices; summaries → their leaves.
  const index = new Map<string, number>();
  net.ids.forEach((id, j) => index.set(id, j));
  const summaryLeaves = new Map<string, readonly number[]>();
  for (const s of compiled.summaries) summaryLeaves.set(s.id, s.leaves);
  const taskById = new Map(project.tasks.map((t) => [t.id, t] as const));
  const resolve = (id: string, path: string, allowSummary: boolean): readonly number[] => {
    const j = index.get(id);
    if (j !== undefined) return [j];
    const leaves = summaryLeaves.get(id);
    if (leaves !== undefined) {
      if (allowSummary) return leaves;
      inputError(path, "a leaf task (a summary's duration follows its subtasks)", id);
    }
    throw new PmokitError("DANGLING_REFERENCE", `${path}: task '${id}' not found among the active tasks`, {
      path,
      ids: [id],
      expected: "the id of an active task of the project",
      received: id,
    });
  };

  // Planned remaining duration and the fixed actual part (MS Project progress) of every task.
  const p6Progress = net.options.progress !== "actualDates";
  const planned = new Float64Array(n);
  const actualPart = new Float64Array(n);
  /** Why a task is not sampled ("" = sampled): complete, milestone or manually scheduled. */
  const notSampled: string[] = new Array<string>(n).fill("");
  for (let j = 0; j < n; j++) {
    const started = !Number.isNaN(net.actualStartDate[j]!);
    const complete = started && !Number.isNaN(net.actualFinishDate[j]!);
    if (started && !complete) {
      planned[j] = net.remaining[j]!;
      if (!p6Progress) actualPart[j] = net.duration[j]! - net.remaining[j]!;
    } else planned[j] = net.duration[j]!;
    const t = taskById.get(net.ids[j]!)!;
    if (complete) notSampled[j] = "complete";
    else if (!Number.isNaN(net.manualStartAxis[j]!))
      notSampled[j] = "manually scheduled (it keeps its dates)";
    else if (t.milestone || t.activityType === "startMilestone" || t.activityType === "finishMilestone")
      notSampled[j] = "a milestone";
  }
  const specs: DistributionSpec[] = Array.from(planned, (p) => p);
  const explicit = new Uint8Array(n);
  for (const [id, u] of Object.entries(options.durations ?? {})) {
    const path = `durations.${id}`;
    const [j] = resolve(id, path, false) as [number];
    if (notSampled[j]) {
      warnings.push({
        code: "TASK_NOT_SAMPLED",
        path,
        ids: [id],
        message: `task ${id} is ${notSampled[j]}: its distribution is ignored`,
      });
      continue;
    }
    const spec: DistributionSpec =
      typeof u === "object" && u !== null && "factor" in u
        ? planned[j] === 0
          ? 0
          : scaleSpec(u.factor, planned[j]!)
        : scaleSpec(u, mpd);
    if (typeof u === "object" && u !== null && "factor" in u) compileDistribution(u.factor, `${path}.factor`);
    compileDistribution(spec, path);
    specs[j] = spec;
    explicit[j] = 1;
  }
  if (options.uncertainty) {
    for (let j = 0; j < n; j++) {
      if (explicit[j] || notSampled[j] || planned[j] === 0) continue;
      const t = taskById.get(net.ids[j]!)!;
      const s = fromRule(options.uncertainty, t, planned[j]!, mpd, "uncertainty");
      if (s !== undefined) specs[j] = s;
    }
  }

  // Risks in working minutes, correlations by task.
  const risks: RiskEventInput[] = (options.risks ?? []).map((r, i) => {
    const mult = r.mode === "multiply";
    const acts = (r.activities ?? []).flatMap((id, k) =>
      resolve(id, `risks[${i}].activities[${k}]`, true).map((j) => net.ids[j]!),
    );
    return {
      ...r,
      ...(r.impact === undefined ? {} : { impact: mult ? r.impact : scaleSpec(r.impact, mpd) }),
      activities: acts,
    };
  });
  const correlations: CorrelationInput[] = [...(options.correlations ?? [])];
  correlations.forEach((c, i) => {
    resolve(c.a, `correlations[${i}].a`, false);
    resolve(c.b, `correlations[${i}].b`, false);
  });
  (options.correlationGroups ?? []).forEach((g, gi) => {
    g.tasks.forEach((id, k) => resolve(id, `correlationGroups[${gi}].tasks[${k}]`, false));
    for (let a = 0; a < g.tasks.length; a++)
      for (let b = a + 1; b < g.tasks.length; b++)
        correlations.push({ a: g.tasks[a]!, b: g.tasks[b]!, rho: g.rho });
  });
  const model: RiskModel = {
    id: project.id,
    activities: net.ids.map((id, j) => ({ id, duration: specs[j]! })),
    risks,
    correlations,
  };
  const cm = compileModel(
    model,
    options.invalidCorrelation === undefined ? {} : { invalidCorrelation: options.invalidCorrelation },
  );
  for (const w of cm.warnings) warnings.push(w);

  // Deterministic schedule (core's dates).
  const maxAxis = new Float64Array(cals.length);
  const pass0 = runPasses(net);
  const disp0 = displayDates(net, pass0);
  const detFinish = earlyProjectFinish(net, pass0, maxAxis);
  const detFinishW = Wp(detFinish);

  // Tornado thresholds on the base samples.
  const lo10 = new Float64Array(n);
  const hi90 = new Float64Array(n);
  const varies = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const d = cm.durations[j]!;
    lo10[j] = inverseCdf(d, 0.1);
    hi90[j] = inverseCdf(d, 0.9);
    varies[j] = d.kind !== 0 && hi90[j]! > lo10[j]! ? 1 : 0;
  }

  const keepTasks = options.taskFinishes ?? true;
  const N = iterations;
  const finishE = new Float64Array(N);
  const finishW = new Float64Array(N);
  const taskFin = keepTasks ? new Int32Array(n * N) : null;
  const critical = new Float64Array(n);
  const sumD = new Float64Array(n);
  const sumDD = new Float64Array(n);
  const sumDT = new Float64Array(n);
  const lowSum = new Float64Array(n);
  const lowCount = new Float64Array(n);
  const highSum = new Float64Array(n);
  const highCount = new Float64Array(n);
  const R = risks.length;
  const doExcl = (options.riskExclusion ?? true) && R > 0;
  const exclW = doExcl ? Array.from({ length: R }, () => new Float64Array(N)) : [];
  const occurrences = new Float64Array(R);
  const row = new Float64Array(n);
  const d = new Float64Array(n);
  const ovr = new Float64Array(n);
  const kernel = {
    seed,
    latinHypercube: options.latinHypercube ?? false,
    occurrence: options.occurrence ?? "bernoulli",
  } as const;
  let clamped = 0;
  let uncorrelated = 0;
  // Criticality: the driving path to the project finish (core's longest-path rule), found from
  // the pass's link gaps with one calendar call per calendar, not per task.
  const onPath = new Uint8Array(n);
  const stack = new Int32Array(n);
  const pfAxis = new Float64Array(cals.length);
  const { predOffsets, predLinks, linkFrom, taskCalendar: tcal } = net;
  const longestPath = (pass: PassResult, finishEpoch: number): Uint8Array => {
    onPath.fill(0);
    for (let c = 0; c < cals.length; c++) pfAxis[c] = cals[c]!.workingMinutesBetween(origin, finishEpoch);
    const ef = pass.earlyFinish;
    const gap = pass.linkGap;
    let top = 0;
    for (let j = 0; j < n; j++)
      if (ef[j]! >= pfAxis[tcal[j]!]!) {
        onPath[j] = 1;
        stack[top++] = j;
      }
    while (top > 0) {
      const j = stack[--top]!;
      for (let p = predOffsets[j]!, e = predOffsets[j + 1]!; p < e; p++) {
        const k = predLinks[p]!;
        const i = linkFrom[k]!;
        if (gap[k]! <= 0 && onPath[i] === 0) {
          onPath[i] = 1;
          stack[top++] = i;
        }
      }
    }
    return onPath;
  };
  /** One schedule pass on the durations in `d`; returns it and the project finish (epoch minute). */
  const runOnce = (delay: number): [PassResult, number] => {
    for (let j = 0; j < n; j++) ovr[j] = actualPart[j]! + d[j]!;
    const pass = runPasses(net, ovr);
    let fin = earlyProjectFinish(net, pass, maxAxis);
    if (delay !== 0) fin = axisToDate(projCal, origin, Math.round(Wp(fin) + delay), "end");
    return [pass, fin];
  };
  const blocks = Math.ceil(N / blockSize);
  for (let b = 0; b < blocks; b++) {
    const nb = Math.min(blockSize, N - b * blockSize);
    const smp = createSampler(cm, kernel, b, nb);
    if (cm.correlation && !smp.correlated) uncorrelated += nb;
    for (let r = 0; r < R; r++) occurrences[r]! += smp.occurrences[r]!;
    for (let i = 0; i < nb; i++) {
      const it = b * blockSize + i;
      smp.sampleRow(i, row);
      const delay = smp.effective(i, -1, row, d);
      const [pass, fin] = runOnce(delay);
      finishE[it] = fin;
      const fw = Wp(fin);
      finishW[it] = fw;
      const crit = longestPath(pass, fin);
      const pf = pass.finish;
      const t = (fw - detFinishW) / mpd;
      for (let j = 0; j < n; j++) {
        if (crit[j] === 1) critical[j]!++;
        if (taskFin) taskFin[j * N + it] = pf[j]!;
        if (!varies[j]) continue;
        const x = (d[j]! - planned[j]!) / mpd;
        sumD[j]! += x;
        sumDD[j]! += x * x;
        sumDT[j]! += x * t;
        const y = row[j]!;
        if (y <= lo10[j]!) {
          lowSum[j]! += fw;
          lowCount[j]!++;
        } else if (y >= hi90[j]!) {
          highSum[j]! += fw;
          highCount[j]!++;
        }
      }
      if (doExcl) {
        for (let r = 0; r < R; r++) {
          if (smp.occ[r * nb + i] === 0) {
            exclW[r]![it] = fw;
            continue;
          }
          const dl = smp.effective(i, r, row, d);
          exclW[r]![it] = Wp(runOnce(dl)[1]);
        }
      }
    }
    clamped += smp.clamped();
  }
  if (clamped > 0)
    warnings.push({
      code: "NEGATIVE_DURATION_CLAMPED",
      path: "durations",
      message: `${clamped} sampled task durations (after risks) were negative and were set to 0`,
    });
  if (uncorrelated > 0)
    warnings.push({
      code: "BLOCK_TOO_SMALL_FOR_CORRELATION",
      path: "blockSize",
      message: `${uncorrelated} of ${N} iterations were sampled without rank correlation: Iman–Conover needs at least ${cm.correlation!.vars.length + 2} iterations per block`,
    });

  // Project finish.
  const sortedE = Float64Array.from(finishE).sort();
  const dateAt = (q: number): string => {
    const k = lowerBound(sortedE, q);
    if (k < N && sortedE[k] === q) return fromEpochMinute(q);
    return fromEpochMinute(axisToDate(projCal, origin, Math.round(Wp(q)), "end"));
  };
  const pDates = (q: (p: number) => string, min: string, max: string): DatePercentiles => ({
    p10: q(0.1),
    p50: q(0.5),
    p80: q(0.8),
    p90: q(0.9),
    min,
    max,
    percentiles: PCTS.map((p) => ({ p, date: q(p) })),
  });
  const finish = pDates(
    (p) => dateAt(quantileSorted(sortedE, p, method)),
    fromEpochMinute(sortedE[0]!),
    fromEpochMinute(sortedE[N - 1]!),
  );
  const days = Float64Array.from(finishW, (w) => w / mpd);
  const finishDays = summarize(days, method);
  let below = 0;
  for (let i = 0; i < N; i++) if (finishE[i]! <= detFinish) below++;

  // Tasks.
  let st = 0;
  let stt = 0;
  for (let i = 0; i < N; i++) {
    const t = (finishW[i]! - detFinishW) / mpd;
    st += t;
    stt += t * t;
  }
  const varT = stt / N - (st / N) ** 2;
  const tVaries = varT > 1e-12;
  const tasks: ProjectTaskResult[] = [];
  const tornado: TornadoBar[] = [];
  const col = taskFin ? new Int32Array(N) : null;
  for (const o of compiled.outputOrder) {
    if (o < 0) continue;
    const j = o;
    const cal = cals[net.taskCalendar[j]!]!;
    const det = pass0.finish[j]!;
    const detDate = disp0.finish[j]!;
    const startForm = detDate === axisToDate(cal, origin, det, "start");
    let fin: DatePercentiles | null = null;
    if (col && taskFin) {
      col.set(taskFin.subarray(j * N, (j + 1) * N));
      col.sort();
      const at = (v: number): string => {
        const a = Math.round(v);
        return fromEpochMinute(a === det ? detDate : axisToDate(cal, origin, a, startForm ? "start" : "end"));
      };
      fin = pDates((p) => at(quantileSorted(col, p, method)), at(col[0]!), at(col[N - 1]!));
    }
    const mD = sumD[j]! / N;
    const varD = Math.max(0, sumDD[j]! / N - mD * mD);
    const cov = sumDT[j]! / N - mD * (st / N);
    const r =
      varies[j] && varD > 1e-12 && tVaries ? Math.max(-1, Math.min(1, cov / Math.sqrt(varD * varT))) : null;
    const id = net.ids[j]!;
    const name = compiled.names[j]!;
    tasks.push({
      id,
      name,
      deterministicFinish: fromEpochMinute(detDate),
      finish: fin,
      criticality: critical[j]! / N,
      correlation: r,
      meanDurationDays: varies[j] ? mD + planned[j]! / mpd : planned[j]! / mpd,
      sdDurationDays: Math.sqrt(varD),
    });
    if (varies[j] && lowCount[j]! > 0 && highCount[j]! > 0) {
      const lowF = lowSum[j]! / lowCount[j]! / mpd;
      const highF = highSum[j]! / highCount[j]! / mpd;
      tornado.push({
        id,
        name,
        lowFinishDays: lowF,
        highFinishDays: highF,
        swingDays: highF - lowF,
        correlation: r,
      });
    }
  }
  tornado.sort((a, b) => Math.abs(b.swingDays) - Math.abs(a.swingDays) || (a.id < b.id ? -1 : 1));

  // Risks.
  const sortedW = Float64Array.from(finishW).sort();
  const meanOf = (a: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i]!;
    return s / a.length;
  };
  const qW = quantileSorted(sortedW, pct, method);
  const meanW = meanOf(finishW);
  const riskResults: ProjectRiskResult[] = risks.map((r, k) => ({
    id: r.id,
    name: r.name ?? r.id,
    occurrences: occurrences[k]!,
    meanImpactDays: doExcl ? (meanW - meanOf(exclW[k]!)) / mpd : Number.NaN,
    percentileImpactDays: doExcl
      ? (qW - quantileSorted(Float64Array.from(exclW[k]!).sort(), pct, method)) / mpd
      : Number.NaN,
  }));

  return {
    projectId: project.id,
    dialect: net.options.dialect,
    iterations: N,
    seed,
    blockSize,
    sampling: kernel.latinHypercube ? "latin-hypercube" : "monte-carlo",
    quantileMethod: method,
    projectStart: fromEpochMinute(net.projectStart),
    deterministicFinish: fromEpochMinute(detFinish),
    probabilityOfDeterministicFinish: below / N,
    finish,
    finishDays,
    deterministicFinishDays: detFinishW / mpd,
    histogramDays: histogram(days),
    tasks,
    tornado,
    risks: riskResults,
    warnings,
  };
}
