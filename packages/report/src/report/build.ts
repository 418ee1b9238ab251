import {
  computeProjectEvm,
  durationToMinutes,
  isPmokitError,
  projectInPortfolio,
  rollupEvm,
  schedule,
} from "@pmokit/core";
import type {
  EvmPeriod,
  EvmRollup,
  Portfolio,
  Project,
  ProjectEvm,
  Resource,
  ScheduleResult,
} from "@pmokit/core";
import { solveRcpsp } from "@pmokit/leveling";
import type { RcpspProblem } from "@pmokit/leveling";
import { toRadarData } from "@pmokit/maturity";
import type { MaturityResult } from "@pmokit/maturity";
import { computeEfficientFrontier, selectPortfolio } from "@pmokit/portfolio";
import type { SelectionProblem } from "@pmokit/portfolio";
import { pmbokExampleScheme, scoreRisk, simulate } from "@pmokit/risk";
import type { ActivityInput, RiskEventInput, RiskRecord, RiskScore, SimulationResult } from "@pmokit/risk";
import {
  finishHistogramFromSimulation,
  frontierFromPoints,
  ganttFromSchedule,
  heatMapFromScores,
  radarFromMaturity,
  tornadoFromSimulation,
} from "../adapters/adapters.js";
import { sCurveFromProjectEvm } from "../adapters/evm.js";
import type { Chart } from "../charts/chart.js";
import type { ResourceHistogramData } from "../charts/resource-histogram.js";
import type { SCurveData } from "../charts/s-curve.js";
import { fmt } from "../internal/svg.js";
import { dayNumber, isoDay } from "../internal/time.js";
import type { PortfolioReport, ReportSection } from "./types.js";

/**
 * Options of {@link buildPortfolioReport}.
 *
 * @category Report
 * @since 0.1.0
 */
export interface BuildPortfolioReportOptions {
  /** Monte Carlo iterations per project (default 2,000). */
  readonly iterations?: number;
  /** Seed of every random component (default 1). */
  readonly seed?: number;
  /** Schedule budget of the RCPSP leveling (default 1,000). */
  readonly levelingSchedules?: number;
  /** Budget of the chosen portfolio in the portfolio currency (default 70 % of the total cost). */
  readonly budget?: number;
  /** A maturity assessment result of the organisation (adds the radar section). */
  readonly maturity?: MaturityResult;
  /** Project whose Gantt, risk histogram and tornado are shown (default: the highest-priority project with critical remaining work, else the highest priority). */
  readonly focusProject?: string;
  /** Period of the earned-value S-curves (default `week`). */
  readonly evmPeriod?: EvmPeriod;
  /** A timestamp to print in the subtitle (none by default, so the output is deterministic). */
  readonly generatedAt?: string;
}

interface ProjectFacts {
  readonly project: Project;
  readonly schedule?: ScheduleResult;
  readonly simulation?: SimulationResult;
  readonly cost: number;
  readonly scores: readonly RiskScore[];
}

const HOURS = (minutes: number): number => minutes / 60;

/** Whether a project's schedule has critical leaf tasks (remaining work on the critical path). */
function hasCritical(f: ProjectFacts): boolean {
  return f.schedule?.tasks.some((t) => t.critical && !t.summary) ?? false;
}

function rateOf(resource: Resource | undefined): number {
  const table = resource?.costRateTables["A"] ?? Object.values(resource?.costRateTables ?? {})[0];
  const first = table?.[0];
  return first ? Number(first.standardRate.amount) : 0;
}

/** Leaf tasks: tasks no other task names as parent. */
function leafTasks(project: Project): Project["tasks"] {
  const parents = new Set(project.tasks.map((t) => t.parentId).filter((x): x is string => x !== undefined));
  return project.tasks.filter((t) => !parents.has(t.id) && !t.inactive);
}

function taskBudgets(project: Project): Map<string, { budget: number; actual: number }> {
  const res = new Map(project.resources.map((r) => [r.id, r]));
  const out = new Map<string, { budget: number; actual: number }>();
  for (const t of leafTasks(project)) out.set(t.id, { budget: Number(t.fixedCost?.amount ?? 0), actual: 0 });
  for (const a of project.assignments) {
    const e = out.get(a.taskId);
    if (!e) continue;
    const rate = rateOf(res.get(a.resourceId));
    const work = typeof a.work === "number" ? a.work : 0;
    const actualWork = typeof a.actualWork === "number" ? a.actualWork : 0;
    e.budget += HOURS(work) * rate;
    e.actual += HOURS(actualWork) * rate;
  }
  return out;
}

function riskRecords(project: Project): RiskRecord[] {
  return project.risks
    .filter((r) => r.status === "open" && r.probability !== undefined)
    .map((r) => ({
      id: r.id,
      title: r.title,
      polarity: r.kind,
      status: "open" as const,
      probability: r.probability!,
      impacts: {
        schedule: { level: Math.max(1, Math.min(5, Math.round(r.impacts?.score ?? 1))) },
      },
      ...(r.owner !== undefined ? { owner: r.owner } : {}),
      projectId: project.id,
      linkedTasks: r.taskIds,
    }));
}

/** The simple schedule-risk model of a project: leaf tasks, triangular durations (−10 % / +30 %), project risks. */
function riskModel(project: Project): { activities: ActivityInput[]; risks: RiskEventInput[] } {
  const s = project.settings;
  const leaves = leafTasks(project);
  const ids = new Set(leaves.map((t) => t.id));
  const days = (d: { value: number; unit: Project["tasks"][number]["duration"]["unit"] }): number =>
    durationToMinutes(d, s) / s.minutesPerDay;
  const preds = new Map<string, { id: string; type: "FS" | "SS" | "FF" | "SF"; lag: number }[]>();
  for (const d of project.dependencies) {
    if (!ids.has(d.from) || !ids.has(d.to)) continue;
    const list = preds.get(d.to) ?? [];
    list.push({ id: d.from, type: d.type, lag: d.lag ? days(d.lag) : 0 });
    preds.set(d.to, list);
  }
  const activities: ActivityInput[] = leaves.map((t) => {
    const d = days(t.duration);
    const p = preds.get(t.id);
    return {
      id: t.id,
      name: t.name,
      duration: d > 0 ? { dist: "triangular", min: d * 0.9, mode: d, max: d * 1.3 } : 0,
      ...(p ? { predecessors: p } : {}),
    };
  });
  const risks: RiskEventInput[] = project.risks
    .filter((r) => r.status === "open" && r.probability !== undefined && r.impacts?.schedule !== undefined)
    .map((r) => {
      // Threats delay, opportunities shorten their tasks, whichever sign the register stores for an
      // opportunity (as `riskEventsFromProject` in @pmokit/risk).
      const stored = days(r.impacts!.schedule!);
      const impact = r.kind === "opportunity" ? -Math.abs(stored) : stored;
      const a = impact * 0.5;
      const b = impact * 1.5;
      return {
        id: r.id,
        name: r.title,
        probability: r.probability!,
        impact: { dist: "triangular", min: Math.min(a, b), mode: impact, max: Math.max(a, b) },
        mode: "add" as const,
        activities: r.taskIds.filter((id) => ids.has(id)),
      };
    });
  return { activities, risks };
}

/** Working day n (Mon–Fri) after `start` as YYYY-MM-DD. */
function workingDayLabel(startDay: number, n: number): string {
  let d = Math.floor(startDay);
  let k = 0;
  while ((((d + 3) % 7) + 7) % 7 >= 5) d++; // 1970-01-01 was a Thursday: (d + 3) % 7 is 0 on Mondays.
  while (k < n) {
    d++;
    if ((((d + 3) % 7) + 7) % 7 < 5) k++;
  }
  return isoDay(d);
}

/** Calendar day → working days after `start` (Mon–Fri). */
function workingDaysBetween(startDay: number, day: number): number {
  let n = 0;
  for (let d = Math.floor(startDay); d < Math.floor(day); d++) if ((((d + 3) % 7) + 7) % 7 < 5) n++;
  return n;
}

/**
 * RCPSP view of the whole portfolio on a working-day axis: leaf tasks, all links as finish-to-start,
 * project start dates as release dummies, pool resources in % of one unit.
 */
function levelingProblem(
  portfolio: Portfolio,
  projects: readonly Project[],
): { problem: RcpspProblem; resources: Resource[]; start: number } | undefined {
  const start = Math.min(...projects.map((p) => dayNumber(p.settings.startDate)));
  // Only work resources have a capacity to level; material and cost resources do not.
  const pool = portfolio.sharedResources.filter((r) => r.type === "work");
  const rIndex = new Map(pool.map((r, k) => [r.id, k]));
  const durations: number[] = [0];
  const demands: number[][] = [pool.map(() => 0)];
  const successors: number[][] = [[]];
  const names: string[] = ["start"];
  const index = new Map<string, number>();
  for (const p of projects) {
    const release = workingDaysBetween(start, dayNumber(p.settings.startDate));
    const rel = durations.length;
    durations.push(release);
    demands.push(pool.map(() => 0));
    successors.push([]);
    names.push(`${p.id} release`);
    successors[0]!.push(rel);
    for (const t of leafTasks(p)) {
      const j = durations.length;
      index.set(`${p.id}/${t.id}`, j);
      durations.push(
        Math.max(0, Math.ceil(durationToMinutes(t.duration, p.settings) / p.settings.minutesPerDay - 1e-9)),
      );
      const dem = pool.map(() => 0);
      for (const a of p.assignments)
        if (a.taskId === t.id) {
          const k = rIndex.get(a.resourceId);
          if (k !== undefined) dem[k] = (dem[k] ?? 0) + Math.round(a.units * 100);
        }
      demands.push(dem);
      successors.push([]);
      names.push(`${p.id}/${t.id}`);
      successors[rel]!.push(j);
    }
    for (const d of p.dependencies) {
      const a = index.get(`${p.id}/${d.from}`);
      const b = index.get(`${p.id}/${d.to}`);
      if (a !== undefined && b !== undefined && a !== b) successors[a]!.push(b);
    }
  }
  for (const d of portfolio.crossProjectDependencies) {
    const a = index.get(`${d.fromProject ?? ""}/${d.from}`);
    const b = index.get(`${d.toProject ?? ""}/${d.to}`);
    if (a !== undefined && b !== undefined) successors[a]!.push(b);
  }
  const sink = durations.length;
  durations.push(0);
  demands.push(pool.map(() => 0));
  successors.push([]);
  names.push("finish");
  for (let j = 0; j < sink; j++) if (successors[j]!.length === 0) successors[j]!.push(sink);
  const capacities = pool.map((r) => Math.max(1, Math.round((r.maxUnits ?? 1) * 100)));
  // A single task asking for more than the capacity cannot be scheduled: cap its demand.
  for (const dem of demands) dem.forEach((u, k) => (dem[k] = Math.min(u, capacities[k]!)));
  if (pool.length === 0) return undefined;
  return { problem: { durations, successors, demands, capacities, names }, resources: pool, start };
}

/** Earliest starts ignoring resources (topological relaxation). */
function earlyStarts(problem: RcpspProblem): number[] {
  const n = problem.durations.length;
  const es = new Array<number>(n).fill(0);
  const indeg = new Array<number>(n).fill(0);
  for (const s of problem.successors) for (const j of s) indeg[j]!++;
  const queue: number[] = [];
  for (let j = 0; j < n; j++) if (indeg[j] === 0) queue.push(j);
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    for (const j of problem.successors[i] ?? []) {
      es[j] = Math.max(es[j]!, es[i]! + (problem.durations[i] ?? 0));
      if (--indeg[j]! === 0) queue.push(j);
    }
  }
  return es;
}

function weeklyHistogram(
  problem: RcpspProblem,
  before: readonly number[],
  after: readonly number[],
  k: number,
  name: string,
  start: number,
): ResourceHistogramData {
  let horizon = 0;
  problem.durations.forEach(
    (d, j) => (horizon = Math.max(horizon, (before[j] ?? 0) + d, (after[j] ?? 0) + d)),
  );
  const daily = (starts: readonly number[]): number[] => {
    const out = new Array<number>(horizon).fill(0);
    problem.durations.forEach((d, j) => {
      const u = problem.demands[j]?.[k] ?? 0;
      if (u > 0) for (let t = starts[j]!; t < starts[j]! + d; t++) out[t]! += u;
    });
    return out;
  };
  const weeks = Math.ceil(horizon / 5);
  const weekly = (xs: number[]): number[] =>
    Array.from({ length: weeks }, (_, w) => {
      const slice = xs.slice(w * 5, w * 5 + 5);
      return Math.round(Math.max(0, ...slice) * 100) / 100;
    });
  const cap = problem.capacities[k];
  return {
    title: `Resource histogram: ${name} (weekly peak)`,
    resource: name,
    unit: "% of one full-time unit",
    periods: Array.from({ length: weeks }, (_, w) => workingDayLabel(start, w * 5)),
    before: weekly(daily(before)),
    after: weekly(daily(after)),
    capacity: typeof cap === "number" ? cap : 100,
  };
}

const PERIOD_NAMES: Record<EvmPeriod, string> = { day: "daily", week: "weekly", month: "monthly" };

/** Earned value of the portfolio from core's EVM engine: per-project results, the roll-up and the S-curve. */
function earnedValue(
  portfolio: Portfolio,
  period: EvmPeriod,
  warnings: string[],
): { projects: ProjectEvm[]; rollup: EvmRollup; chart: SCurveData } | undefined {
  const projects: ProjectEvm[] = [];
  for (const p of portfolio.projects) {
    try {
      // The same call as computePortfolioEvm (shared pool and calendars), one project at a time so
      // that a project without a baseline or status date only drops out with a warning.
      const r = computeProjectEvm(p, {
        period,
        resources: portfolio.sharedResources,
        calendars: portfolio.calendars,
        includeTasks: false,
      });
      for (const w of r.warnings) warnings.push(`${p.id}: earned value: ${w.message}`);
      projects.push(r);
    } catch (e) {
      warnings.push(`${p.id}: no earned value (${isPmokitError(e) ? e.message : String(e)})`);
    }
  }
  if (projects.length === 0) return undefined;
  try {
    const rollup = rollupEvm(portfolio.id, portfolio.name, projects);
    const chart = sCurveFromProjectEvm(projects, {
      title: `Earned value S-curves (${projects.length} projects, ${PERIOD_NAMES[period]}, baseline 0)`,
      ...(rollup.indicators.eac.cpi === null ? {} : { eac: Number(rollup.indicators.eac.cpi) }),
    });
    return { projects, rollup, chart };
  } catch (e) {
    warnings.push(`earned value: ${isPmokitError(e) ? e.message : String(e)}`);
    return undefined;
  }
}

/**
 * Runs the pmokit engines on a portfolio and assembles the report data: CPM schedule per project
 * (Gantt with critical path and baseline), RCPSP leveling of the shared pool (histogram before /
 * after), risk scoring (heat map) and seeded Monte Carlo per project (finish histogram, tornado),
 * time-phased earned value of core (`computeProjectEvm` per project, summed into S-curves with
 * `evmSeriesFromProjectEvm`), the efficient frontier of project selection by
 * priority under a cost budget, and the maturity radar when an assessment result is given.
 *
 * Deterministic: same portfolio and options, same report. Simplifications are stated in the report
 * text (triangular −10 % / +30 % duration ranges, finish-to-start links and working days for the
 * RCPSP view).
 *
 * @param portfolio - a parsed portfolio (`parsePortfolio` of `@pmokit/core`)
 * @param options - iterations, seed, budget, maturity result, focus project
 * @returns the report data
 * @throws PmokitError `INVALID_INPUT` when the portfolio has no projects
 * @example
 * ```ts
 * import { parsePortfolio } from "@pmokit/core";
 * import { buildPortfolioReport, renderHtmlReport } from "@pmokit/report";
 * declare const json: unknown;
 * const report = await buildPortfolioReport(parsePortfolio(json), { seed: 7 });
 * const html = renderHtmlReport(report);
 * ```
 * @category Report
 * @since 0.1.0
 */
export async function buildPortfolioReport(
  portfolio: Portfolio,
  options: BuildPortfolioReportOptions = {},
): Promise<PortfolioReport> {
  const seed = options.seed ?? 1;
  const iterations = options.iterations ?? 2000;
  const warnings: string[] = [];
  const currency = portfolio.currency;
  const scheme = pmbokExampleScheme();
  const facts: ProjectFacts[] = [];
  for (const p of portfolio.projects) {
    const project = projectInPortfolio(portfolio, p.id);
    let sched: ScheduleResult | undefined;
    try {
      sched = schedule(project);
      for (const w of sched.warnings.slice(0, 3)) warnings.push(`${p.id}: ${w.message}`);
    } catch (e) {
      warnings.push(`${p.id}: not scheduled (${isPmokitError(e) ? e.message : String(e)})`);
    }
    let sim: SimulationResult | undefined;
    try {
      const model = riskModel(project);
      if (model.activities.length > 0) sim = simulate(model, { iterations, seed, spearman: false });
    } catch (e) {
      warnings.push(`${p.id}: no risk simulation (${isPmokitError(e) ? e.message : String(e)})`);
    }
    const scores: RiskScore[] = [];
    for (const r of riskRecords(project)) {
      try {
        scores.push(scoreRisk(r, scheme));
      } catch (e) {
        warnings.push(`${p.id}: risk ${r.id} not scored (${isPmokitError(e) ? e.message : String(e)})`);
      }
    }
    let cost = 0;
    for (const v of taskBudgets(project).values()) cost += v.budget;
    facts.push({
      project,
      ...(sched ? { schedule: sched } : {}),
      ...(sim ? { simulation: sim } : {}),
      cost,
      scores,
    });
  }
  const focus =
    facts.find((f) => f.project.id === options.focusProject) ??
    [...facts].sort(
      (a, b) =>
        Number(hasCritical(b)) - Number(hasCritical(a)) ||
        b.project.priority - a.project.priority ||
        (a.project.id < b.project.id ? -1 : 1),
    )[0];
  const sections: ReportSection[] = [];
  const money = (x: number) => `${fmt(x / 1000, 0)}k ${currency}`;

  // Schedules.
  sections.push({
    id: "schedule",
    title: "Schedules and critical path",
    text: [
      "Critical path method (MS Project semantics) per project, from the project's own calendars and the shared calendars of the portfolio.",
      focus
        ? `The Gantt chart shows ${focus.project.name} (${focus.project.id}); critical tasks in orange, baseline 0 as grey bars.`
        : "",
    ].filter((s) => s !== ""),
    charts: focus?.schedule
      ? [{ chart: { kind: "gantt", data: ganttFromSchedule(focus.schedule, focus.project) } }]
      : [],
    table: {
      columns: [
        "project",
        "name",
        "priority",
        "start",
        "finish",
        "tasks",
        "critical",
        `labour + fixed cost (${currency})`,
      ],
      rows: facts.map((f) => [
        f.project.id,
        f.project.name,
        f.project.priority,
        f.schedule?.projectStart.slice(0, 10) ?? "n/a",
        f.schedule?.projectFinish.slice(0, 10) ?? "n/a",
        f.schedule?.tasks.filter((t) => !t.summary).length ?? 0,
        f.schedule?.tasks.filter((t) => t.critical && !t.summary).length ?? 0,
        fmt(f.cost, 0),
      ]),
    },
  });

  // Leveling.
  const lp = levelingProblem(
    portfolio,
    facts.map((f) => f.project),
  );
  if (lp) {
    try {
      const before = earlyStarts(lp.problem);
      const solved = solveRcpsp(lp.problem, { maxSchedules: options.levelingSchedules ?? 1000, seed });
      // Resources ranked by their worst overload before leveling.
      const peaks = lp.resources.map((r, k) => {
        let over = 0;
        const horizon = Math.max(...before.map((s, j) => s + lp.problem.durations[j]!));
        const load = new Array<number>(horizon).fill(0);
        lp.problem.durations.forEach((d, j) => {
          const u = lp.problem.demands[j]![k]!;
          if (u > 0) for (let t = before[j]!; t < before[j]! + d; t++) load[t]! += u;
        });
        const cap = lp.problem.capacities[k] as number;
        for (const v of load) over = Math.max(over, v - cap);
        return { r, k, over };
      });
      peaks.sort((a, b) => b.over - a.over || a.k - b.k);
      const shown = peaks.slice(0, 2).filter((p) => p.over > 0);
      const makespanBefore = Math.max(...before.map((s, j) => s + lp.problem.durations[j]!));
      sections.push({
        id: "leveling",
        title: "Resource leveling of the shared pool",
        text: [
          `RCPSP view of the whole portfolio on a working-day axis: ${lp.problem.durations.length - 2} activities (leaf tasks and project release dummies), ${lp.resources.length} pool work resources; every link treated as finish-to-start, demands in % of one full-time unit.`,
          `Resource-feasible schedule (serial SGS + genetic algorithm, seed ${seed}, ${solved.schedules} schedules): ${solved.makespan} working days against ${makespanBefore} ignoring resources (lower bound ${solved.lowerBound}).`,
          shown.length === 0 ? "No resource is over-allocated before leveling." : "",
        ].filter((s) => s !== ""),
        charts: shown.map((p) => ({
          chart: {
            kind: "resource-histogram" as const,
            data: weeklyHistogram(
              lp.problem,
              before,
              solved.starts,
              p.k,
              `${p.r.name} (${p.r.id})`,
              lp.start,
            ),
          },
        })),
        table: {
          columns: ["resource", "name", `worst overload before leveling (% unit)`],
          rows: peaks.slice(0, 8).map((p) => [p.r.id, p.r.name, p.over]),
        },
      });
    } catch (e) {
      warnings.push(`leveling: ${isPmokitError(e) ? e.message : String(e)}`);
    }
  }

  // Risk.
  const allScores = facts.flatMap((f) => f.scores);
  const titles: Record<string, string> = {};
  for (const f of facts) for (const r of f.project.risks) titles[r.id] = r.title;
  const riskCharts: { chart: Chart; caption?: string }[] = [
    { chart: { kind: "heat-map", data: heatMapFromScores(scheme, allScores, titles) } },
  ];
  if (focus?.simulation) {
    riskCharts.push({
      chart: {
        kind: "finish-histogram",
        data: finishHistogramFromSimulation(focus.simulation, {
          title: `${focus.project.name}: simulated duration (${focus.simulation.iterations} iterations, seed ${seed})`,
        }),
      },
    });
    if (focus.simulation.risks.length > 0) {
      const t = tornadoFromSimulation(focus.simulation, titles);
      riskCharts.push({
        chart: {
          kind: "tornado",
          data: { ...t, title: `${focus.project.name}: risk impacts on the P80 duration` },
        },
      });
    }
  }
  sections.push({
    id: "risk",
    title: "Risk",
    text: [
      `${allScores.length} open risks scored on the ${scheme.name} scale (impact level from the register's 1..5 score).`,
      "Monte Carlo per project: leaf-task durations triangular (−10 % / most likely / +30 %), project risks as additive delays on their tasks, links with their types and lags; durations in working days from the project start.",
    ],
    charts: riskCharts,
    table: {
      columns: ["project", "risks", "deterministic (d)", "P50 (d)", "P80 (d)", "P90 (d)", "P(deterministic)"],
      rows: facts.map((f) => {
        const s = f.simulation;
        return [
          f.project.id,
          f.scores.length,
          s ? fmt(s.deterministicFinish, 1) : "n/a",
          s ? fmt(s.finish.p50, 1) : "n/a",
          s ? fmt(s.finish.p80, 1) : "n/a",
          s ? fmt(s.finish.p90, 1) : "n/a",
          s ? `${fmt(s.probabilityOfDeterministicFinish * 100, 0)} %` : "n/a",
        ];
      }),
    },
  });

  // Earned value.
  const evm = earnedValue(portfolio, options.evmPeriod ?? "week", warnings);
  if (evm) {
    const ind = evm.rollup.indicators;
    const ratio = (v: number | null) => (v === null ? "n/a" : fmt(v, 2));
    const amount = (v: string | null) => (v === null ? "n/a" : money(Number(v)));
    const status = evm.chart.statusDate?.slice(0, 10) ?? "n/a";
    sections.push({
      id: "evm",
      title: "Earned value",
      text: [
        "Time-phased earned value of @pmokit/core (computeProjectEvm per project, with the shared pool and calendars): planned value from baseline 0, each task's baseline cost spread over its baseline working time with its assignments' work contours; earned value = baseline cost × % complete; actual cost from actual work at the resources' cost rates, cost per use and fixed cost. The S-curves sum the projects per period; the same series run through `pmokit evm` (or evmSeries) gives the same numbers.",
        `At the status date ${status}: BAC ${money(Number(ind.bac))}, PV ${money(Number(ind.pv))}, EV ${money(Number(ind.ev))}, AC ${money(Number(ind.ac))}; SPI ${ratio(ind.spi)}, CPI ${ratio(ind.cpi)}, EAC (BAC / CPI) ${amount(ind.eac.cpi)}.`,
      ],
      charts: [{ chart: { kind: "s-curve", data: evm.chart } }],
      table: {
        columns: ["project", `BAC (${currency})`, "PV", "EV", "AC", "SPI", "CPI", "EAC (BAC / CPI)"],
        rows: evm.projects.map((r) => [
          r.projectId,
          fmt(Number(r.bac.amount), 0),
          fmt(Number(r.pv.amount), 0),
          fmt(Number(r.ev.amount), 0),
          fmt(Number(r.ac.amount), 0),
          ratio(r.indicators.spi),
          ratio(r.indicators.cpi),
          r.indicators.eac.cpi === null ? "n/a" : fmt(Number(r.indicators.eac.cpi), 0),
        ]),
      },
    });
  }

  // Portfolio selection.
  const problem: SelectionProblem = {
    projects: facts.map((f) => ({
      id: f.project.id,
      value: f.project.priority,
      costs: { cost: Math.round(f.cost) },
    })),
    limits: { cost: 0 },
  };
  const total = facts.reduce((s, f) => s + Math.round(f.cost), 0);
  if (facts.length > 0 && total > 0) {
    try {
      const budget = options.budget ?? Math.round(total * 0.7);
      const budgets = Array.from({ length: 10 }, (_, i) => Math.round((total * (i + 1)) / 10));
      const frontier = await computeEfficientFrontier(problem, { constraint: "cost", budgets });
      const chosen = await selectPortfolio({ ...problem, limits: { cost: budget } });
      sections.push({
        id: "portfolio",
        title: "Portfolio selection",
        text: [
          `Best set of projects by priority under a cost budget (exact 0-1 selection). With a budget of ${money(budget)}: ${chosen.selected.join(", ") || "none"} (priority ${fmt(chosen.objective, 0)} of ${fmt(
            problem.projects.reduce((s, p) => s + p.value, 0),
            0,
          )}, ${chosen.optimal ? "proven optimal" : "not proven optimal"}).`,
        ],
        charts: [
          {
            chart: {
              kind: "frontier",
              data: frontierFromPoints(frontier, {
                costLabel: `budget (${currency})`,
                valueLabel: "total priority",
                chosen: {
                  cost: chosen.usage["cost"] ?? 0,
                  value: chosen.objective,
                  label: `chosen at ${money(budget)}`,
                },
              }),
            },
          },
        ],
        table: {
          columns: ["budget", "value", "projects"],
          rows: frontier.map((p) => [
            money(p.budget),
            p.feasible ? fmt(p.objective, 0) : "infeasible",
            p.selected.join(", "),
          ]),
        },
      });
    } catch (e) {
      warnings.push(`selection: ${isPmokitError(e) ? e.message : String(e)}`);
    }
  }

  // Maturity.
  if (options.maturity) {
    const m = options.maturity;
    sections.push({
      id: "maturity",
      title: "PMO maturity",
      text: [
        `Staged level ${m.overall.levelOrdinal} (${m.overall.levelName}), decimal level ${m.overall.decimalLevel === null || m.overall.decimalLevel === undefined ? "n/a" : fmt(m.overall.decimalLevel, 2)}, ${m.respondents} respondents.`,
      ],
      charts: [{ chart: { kind: "radar", data: radarFromMaturity(toRadarData(m)) } }],
      table: {
        columns: ["recommendation", "question"],
        rows: m.recommendations.slice(0, 5).map((r) => [r.text, r.questionId]),
      },
    });
  }

  const finishes = facts.map((f) => f.schedule?.projectFinish).filter((x): x is string => x !== undefined);
  const status = facts.map((f) => f.project.settings.statusDate).filter((x): x is string => x !== undefined);
  return {
    title: portfolio.name,
    subtitle:
      `Portfolio ${portfolio.id}: ${facts.length} projects, ${portfolio.programs.length} programs, ${portfolio.sharedResources.length} pool resources` +
      (status.length ? `; status date ${status.reduce((a, b) => (b > a ? b : a)).slice(0, 10)}` : "") +
      (options.generatedAt ? `; generated ${options.generatedAt}` : ""),
    figures: [
      { label: "projects", value: String(facts.length) },
      { label: "tasks", value: String(facts.reduce((s, f) => s + f.project.tasks.length, 0)) },
      { label: "open risks", value: String(allScores.length) },
      { label: "budget (labour + fixed)", value: money(facts.reduce((s, f) => s + f.cost, 0)) },
      {
        label: "last finish",
        value: finishes.length ? finishes.reduce((a, b) => (b > a ? b : a)).slice(0, 10) : "n/a",
      },
    ],
    sections,
    warnings,
  };
}
