// Thin adapters from the result types of the pmokit engines to the plain chart data types. Type
// imports only: using an adapter never pulls an engine into a bundle.
import type { Project, ScheduleResult } from "@pmokit/core";
import type { RcpspProblem } from "@pmokit/leveling";
import type { RadarData } from "@pmokit/maturity";
import type { FrontierPoint } from "@pmokit/portfolio";
import type { RiskScore, ScoringScheme, SimulationResult } from "@pmokit/risk";
import type { FinishHistogramData } from "../charts/finish-histogram.js";
import type { FrontierData } from "../charts/frontier.js";
import type { GanttChartData, GanttTask } from "../charts/gantt.js";
import type { HeatMapData } from "../charts/heat-map.js";
import type { RadarChartData } from "../charts/radar.js";
import type { ResourceHistogramData } from "../charts/resource-histogram.js";
import type { SCurveData } from "../charts/s-curve.js";
import type { TornadoData } from "../charts/tornado.js";

/**
 * Options of {@link ganttFromSchedule}.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface GanttFromScheduleOptions {
  /** Baseline number drawn under the bars (default 0). */
  readonly baseline?: number;
  /** Keep summary tasks (default true). */
  readonly summaries?: boolean;
  readonly title?: string;
}

/**
 * Gantt data from a `schedule()` result of `@pmokit/core`; the project (optional) adds baselines,
 * milestones, outline levels and % complete.
 *
 * @param result - the schedule
 * @param project - the scheduled project (for baselines and progress)
 * @param options - baseline number, summaries, title
 * @returns chart data for {@link renderGanttSvg} / {@link ganttSpec}
 * @example
 * ```ts
 * import { schedule } from "@pmokit/core";
 * import { ganttFromSchedule, renderGanttSvg } from "@pmokit/report";
 * declare const project: import("@pmokit/core").Project;
 * const svg = renderGanttSvg(ganttFromSchedule(schedule(project), project));
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function ganttFromSchedule(
  result: ScheduleResult,
  project?: Project,
  options: GanttFromScheduleOptions = {},
): GanttChartData {
  const byId = new Map((project?.tasks ?? []).map((t) => [t.id, t]));
  const bn = options.baseline ?? 0;
  const tasks: GanttTask[] = [];
  for (const t of result.tasks) {
    if (t.summary && options.summaries === false) continue;
    const m = byId.get(t.id);
    const b = m?.baselines.find((x) => x.number === bn);
    tasks.push({
      id: t.id,
      name: t.name,
      start: t.start,
      finish: t.finish,
      critical: t.critical,
      summary: t.summary,
      ...(m?.milestone || (t.start === t.finish && !t.summary) ? { milestone: true } : {}),
      ...(m?.outlineLevel !== undefined ? { level: m.outlineLevel } : {}),
      ...(m && m.percentComplete > 0 ? { progress: m.percentComplete / 100 } : {}),
      ...(b?.start !== undefined && b.finish !== undefined
        ? { baselineStart: b.start, baselineFinish: b.finish }
        : {}),
    });
  }
  return {
    title: options.title ?? (project ? `${project.name}: schedule` : "Schedule"),
    tasks,
    ...(result.statusDate !== undefined ? { statusDate: result.statusDate } : {}),
    ...(result.criticalPaths[0] ? { criticalPath: result.criticalPaths[0] } : {}),
  };
}

/**
 * Heat-map data from risk scores (`scoreRisk` of `@pmokit/risk`) and their scoring scheme.
 *
 * @param scheme - the scoring scheme (labels, matrix, levels)
 * @param scores - one score per risk
 * @param titles - optional risk titles by id
 * @returns chart data for {@link renderHeatMapSvg} / {@link heatMapSpec}
 * @example
 * ```ts
 * import { pmbokExampleScheme, scoreRisk } from "@pmokit/risk";
 * import { heatMapFromScores } from "@pmokit/report";
 * declare const risks: import("@pmokit/risk").RiskRecord[];
 * const scheme = pmbokExampleScheme();
 * const data = heatMapFromScores(scheme, risks.map((r) => scoreRisk(r, scheme)));
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function heatMapFromScores(
  scheme: ScoringScheme,
  scores: readonly RiskScore[],
  titles: Readonly<Record<string, string>> = {},
): HeatMapData {
  return {
    title: `Probability-impact matrix (${scheme.name})`,
    probabilityLabels: scheme.probability.bins.map((b) => b.label),
    impactLabels: scheme.impact.bins.map((b) => b.label),
    levels: scheme.matrix,
    levelStyles: scheme.levels.map((l) => ({
      id: l.id,
      label: l.label,
      ...(l.colour ? { colour: l.colour } : {}),
    })),
    risks: scores.map((s) => ({
      id: s.riskId,
      ...(titles[s.riskId] !== undefined ? { title: titles[s.riskId]! } : {}),
      probabilityBin: s.probabilityBin,
      impactBin: s.impactBin,
    })),
  };
}

/**
 * Finish-histogram data from a `simulate()` result of `@pmokit/risk` (its histogram, P10 / P50 /
 * P80 / P90 and the deterministic finish).
 *
 * @param result - the simulation result
 * @param options - title and axis unit
 * @returns chart data for {@link renderFinishHistogramSvg} / {@link finishHistogramSpec}
 * @example
 * ```ts
 * import { simulate } from "@pmokit/risk";
 * import { finishHistogramFromSimulation, renderFinishHistogramSvg } from "@pmokit/report";
 * declare const model: import("@pmokit/risk").RiskModel;
 * const svg = renderFinishHistogramSvg(finishHistogramFromSimulation(simulate(model, { seed: 1 })));
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function finishHistogramFromSimulation(
  result: SimulationResult,
  options: { readonly title?: string; readonly unit?: string } = {},
): FinishHistogramData {
  const f = result.finish;
  return {
    title: options.title ?? `Finish distribution (${result.iterations} iterations, seed ${result.seed})`,
    unit: options.unit ?? "working days",
    start: result.histogram.start,
    width: result.histogram.width,
    counts: result.histogram.counts,
    pValues: [
      { p: 0.1, value: f.p10 },
      { p: 0.5, value: f.p50 },
      { p: 0.8, value: f.p80 },
      { p: 0.9, value: f.p90 },
    ],
    deterministic: result.deterministicFinish,
  };
}

/**
 * Tornado data of risk impacts in days from a `simulate()` result: the shift of the finish at the
 * simulation's percentile (P80 by default) attributable to each risk, with the mean shift as a
 * marker.
 *
 * @param result - the simulation result (risk impacts by exclusion)
 * @param labels - optional display names by risk id
 * @returns chart data for {@link renderTornadoSvg} / {@link tornadoSpec}
 * @example
 * ```ts
 * import { tornadoFromSimulation, renderTornadoSvg } from "@pmokit/report";
 * declare const result: import("@pmokit/risk").SimulationResult;
 * const svg = renderTornadoSvg(tornadoFromSimulation(result));
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function tornadoFromSimulation(
  result: SimulationResult,
  labels: Readonly<Record<string, string>> = {},
): TornadoData {
  return {
    title: "Risk impacts on the finish",
    unit: "days",
    valueLabel: "finish shift at the percentile",
    markerLabel: "mean shift",
    items: result.risks.map((r) => ({
      id: r.id,
      ...(labels[r.id] !== undefined ? { label: labels[r.id]! } : {}),
      value: r.percentileImpactDays,
      marker: r.meanImpactDays,
    })),
  };
}

/**
 * Frontier data from `computeEfficientFrontier()` of `@pmokit/portfolio`.
 *
 * @param points - the frontier points
 * @param options - the chosen portfolio, axis labels
 * @returns chart data for {@link renderFrontierSvg} / {@link frontierSpec}
 * @example
 * ```ts
 * import { frontierFromPoints, renderFrontierSvg } from "@pmokit/report";
 * declare const points: import("@pmokit/portfolio").FrontierPoint[];
 * const svg = renderFrontierSvg(frontierFromPoints(points, { costLabel: "capex 2027 (k EUR)" }));
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function frontierFromPoints(
  points: readonly FrontierPoint[],
  options: {
    readonly chosen?: { readonly cost: number; readonly value: number; readonly label?: string };
    readonly costLabel?: string;
    readonly valueLabel?: string;
    readonly title?: string;
  } = {},
): FrontierData {
  return {
    title: options.title ?? "Efficient frontier",
    ...(options.costLabel !== undefined ? { costLabel: options.costLabel } : {}),
    ...(options.valueLabel !== undefined ? { valueLabel: options.valueLabel } : {}),
    points: points.map((p) => ({
      budget: p.budget,
      value: p.objective,
      feasible: p.feasible,
      selected: p.selected,
      dominated: p.dominated,
    })),
    ...(options.chosen ? { chosen: options.chosen } : {}),
  };
}

/**
 * Radar data from `toRadarData()` of `@pmokit/maturity` (same shape; copies and adds a title).
 *
 * @param radar - radar data of a maturity result
 * @param title - chart title
 * @returns chart data for {@link renderRadarSvg} / {@link radarSpec}
 * @example
 * ```ts
 * import { toRadarData } from "@pmokit/maturity";
 * import { radarFromMaturity, renderRadarSvg } from "@pmokit/report";
 * declare const result: import("@pmokit/maturity").MaturityResult;
 * const svg = renderRadarSvg(radarFromMaturity(toRadarData(result)));
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function radarFromMaturity(radar: RadarData, title = "PMO maturity by dimension"): RadarChartData {
  return {
    title,
    axes: radar.axes.map((a) => ({ id: a.id, label: a.label })),
    min: radar.min,
    max: radar.max,
    series: radar.series.map((s) => ({ name: s.name, values: [...s.values] })),
  };
}

/**
 * Per-period load of one resource of an RCPSP problem (`@pmokit/leveling`) for two schedules (e.g.
 * the resource-unconstrained early-start schedule and the `solveRcpsp` solution).
 *
 * @param problem - the RCPSP problem (durations, demands, capacities)
 * @param before - start period of every activity before leveling
 * @param after - start period of every activity after leveling
 * @param resource - index of the resource
 * @param options - resource name, unit, period labels (default `t0`, `t1`, ...)
 * @returns chart data for {@link renderResourceHistogramSvg} / {@link resourceHistogramSpec}
 * @example
 * ```ts
 * import { resourceHistogramFromRcpsp } from "@pmokit/report";
 * const problem = { durations: [0, 2, 2, 0], successors: [[1, 2], [3], [3], []], demands: [[0], [1], [1], [0]], capacities: [1] };
 * const data = resourceHistogramFromRcpsp(problem, [0, 0, 0, 2], [0, 0, 2, 4], 0);
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function resourceHistogramFromRcpsp(
  problem: RcpspProblem,
  before: readonly number[],
  after: readonly number[],
  resource: number,
  options: {
    readonly name?: string;
    readonly unit?: string;
    readonly periodLabels?: (t: number) => string;
  } = {},
): ResourceHistogramData {
  let horizon = 0;
  problem.durations.forEach((d, j) => {
    horizon = Math.max(horizon, (before[j] ?? 0) + d, (after[j] ?? 0) + d);
  });
  const load = (starts: readonly number[]): number[] => {
    const out = new Array<number>(horizon).fill(0);
    problem.durations.forEach((d, j) => {
      const u = problem.demands[j]?.[resource] ?? 0;
      if (u === 0) return;
      const s = starts[j] ?? 0;
      for (let t = s; t < s + d; t++) out[t] = (out[t] ?? 0) + u;
    });
    return out;
  };
  const c = problem.capacities[resource] ?? 0;
  const capacity =
    typeof c === "number" ? c : Array.from({ length: horizon }, (_, t) => c[Math.min(t, c.length - 1)] ?? 0);
  const label = options.periodLabels ?? ((t: number) => `t${t}`);
  return {
    resource: options.name ?? problem.names?.[resource] ?? `resource ${resource}`,
    unit: options.unit ?? "units",
    periods: Array.from({ length: horizon }, (_, t) => label(t)),
    before: load(before),
    after: load(after),
    capacity,
  };
}

/**
 * S-curve data from the time-phased earned-value input of `pmokit evm`
 * (`{ bac, periods: [{ date, pv, ev?, ac? }] }`, cumulative values).
 *
 * @param series - BAC and cumulative periods
 * @param options - unit, status date, EAC, title
 * @returns chart data for {@link renderSCurveSvg} / {@link sCurveSpec}
 * @example
 * ```ts
 * import { sCurveFromSeries } from "@pmokit/report";
 * const data = sCurveFromSeries({ bac: 100, periods: [{ date: "2026-01-31", pv: 40, ev: 35, ac: 42 }, { date: "2026-02-28", pv: 100 }] });
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function sCurveFromSeries(
  series: {
    readonly bac: number;
    readonly periods: readonly {
      readonly date: string;
      readonly pv: number;
      readonly ev?: number;
      readonly ac?: number;
    }[];
  },
  options: {
    readonly unit?: string;
    readonly statusDate?: string;
    readonly eac?: number;
    readonly title?: string;
  } = {},
): SCurveData {
  const lastEv = [...series.periods].reverse().find((p) => p.ev !== undefined);
  return {
    title: options.title ?? "Earned value S-curves",
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
    bac: series.bac,
    ...(options.eac !== undefined ? { eac: options.eac } : {}),
    periods: series.periods.map((p) => ({ ...p })),
    ...(options.statusDate !== undefined
      ? { statusDate: options.statusDate }
      : lastEv
        ? { statusDate: lastEv.date }
        : {}),
  };
}
