import type { FinishHistogramData } from "../charts/finish-histogram.js";
import type { FrontierData } from "../charts/frontier.js";
import type { GanttChartData } from "../charts/gantt.js";
import type { HeatMapData } from "../charts/heat-map.js";
import { levelColours } from "../charts/heat-map.js";
import type { RadarChartData } from "../charts/radar.js";
import { radarPoint } from "../charts/radar.js";
import type { ResourceHistogramData } from "../charts/resource-histogram.js";
import type { SCurveData } from "../charts/s-curve.js";
import type { TornadoData } from "../charts/tornado.js";
import type { JsonValue, VegaLiteSpec } from "./types.js";
import { VEGA_LITE_SCHEMA } from "./types.js";

type Row = { readonly [key: string]: JsonValue };

const CRITICAL = "#d55e00";
const PRIMARY = "#0072b2";

/**
 * Vega-Lite Gantt chart: bars from start to finish by task (input order), critical tasks coloured,
 * baselines as thin grey bars.
 *
 * @param data - the same data as {@link renderGanttSvg}
 * @returns a Vega-Lite v5 specification (plain JSON)
 * @example
 * ```ts
 * import { ganttSpec } from "@pmokit/report";
 * const spec = ganttSpec({ tasks: [{ id: "A", name: "Design", start: "2026-01-05", finish: "2026-01-16" }] });
 * ```
 * @category Vega-Lite
 * @since 0.1.0
 */
export function ganttSpec(data: GanttChartData): VegaLiteSpec {
  const values: Row[] = data.tasks.map((t, i) => ({
    order: i,
    id: t.id,
    task: `${t.id} ${t.name}`,
    start: t.start,
    finish: t.finish,
    baselineStart: t.baselineStart ?? null,
    baselineFinish: t.baselineFinish ?? null,
    critical: t.critical === true,
    summary: t.summary === true,
    milestone: t.milestone === true,
    progress: t.progress ?? null,
  }));
  const y = { field: "task", type: "nominal", sort: { field: "order", op: "min" }, title: null } as const;
  const layer: VegaLiteSpec[] = [
    {
      transform: [{ filter: "datum.baselineStart != null" }],
      mark: { type: "bar", color: "#9aa5b1", height: 4, yOffset: 8 },
      encoding: { y, x: { field: "baselineStart", type: "temporal" }, x2: { field: "baselineFinish" } },
    },
    {
      mark: { type: "bar", cornerRadius: 2 },
      encoding: {
        y,
        x: { field: "start", type: "temporal", title: null },
        x2: { field: "finish" },
        color: {
          field: "critical",
          type: "nominal",
          scale: { domain: [false, true], range: [PRIMARY, CRITICAL] },
          legend: { title: "critical" },
        },
        tooltip: [
          { field: "id", type: "nominal" },
          { field: "start", type: "temporal" },
          { field: "finish", type: "temporal" },
          { field: "critical", type: "nominal" },
        ],
      },
    },
  ];
  if (data.statusDate !== undefined)
    layer.push({
      data: { values: [{ status: data.statusDate }] },
      mark: { type: "rule", color: "#cc79a7", strokeDash: [4, 3] },
      encoding: { x: { field: "status", type: "temporal" } },
    });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: data.title ?? "Gantt chart",
    description: `Gantt chart of ${data.tasks.length} tasks`,
    width: 800,
    data: { values },
    layer,
  };
}

/**
 * Vega-Lite resource histogram: before / after leveling panels with the capacity rule.
 *
 * @param data - the same data as {@link renderResourceHistogramSvg}
 * @returns a Vega-Lite v5 specification (plain JSON)
 * @example
 * ```ts
 * import { resourceHistogramSpec } from "@pmokit/report";
 * const spec = resourceHistogramSpec({ resource: "Dev", periods: ["W1", "W2"], before: [5, 1], after: [3, 3], capacity: 4 });
 * ```
 * @category Vega-Lite
 * @since 0.1.0
 */
export function resourceHistogramSpec(data: ResourceHistogramData): VegaLiteSpec {
  const cap = (i: number): number =>
    typeof data.capacity === "number"
      ? data.capacity
      : (data.capacity[Math.min(i, data.capacity.length - 1)] ?? 0);
  const values: Row[] = [];
  const phases: [string, readonly number[]][] = [["before", data.before]];
  if (data.after) phases.push(["after", data.after]);
  for (const [phase, vs] of phases)
    data.periods.forEach((p, i) => {
      const load = vs[i] ?? 0;
      values.push({ phase, order: i, period: p, load, capacity: cap(i), over: load > cap(i) + 1e-9 });
    });
  const unit = data.unit ?? "units";
  const panel = (phase: string): VegaLiteSpec => ({
    title: phase === "before" ? (data.after ? "Before leveling" : "Load") : "After leveling",
    transform: [{ filter: `datum.phase === '${phase}'` }],
    width: 800,
    height: 160,
    layer: [
      {
        mark: "bar",
        encoding: {
          x: { field: "period", type: "ordinal", sort: { field: "order", op: "min" }, title: null },
          y: { field: "load", type: "quantitative", title: unit },
          color: {
            field: "over",
            type: "nominal",
            scale: { domain: [false, true], range: [PRIMARY, CRITICAL] },
            legend: { title: "over capacity" },
          },
        },
      },
      {
        mark: { type: "line", interpolate: "step-after", color: "#1f2933", strokeDash: [5, 3] },
        encoding: {
          x: { field: "period", type: "ordinal", sort: { field: "order", op: "min" } },
          y: { field: "capacity", type: "quantitative" },
        },
      },
    ],
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: data.title ?? `Resource histogram: ${data.resource}`,
    data: { values },
    vconcat: phases.map(([p]) => panel(p)),
  };
}

/**
 * Vega-Lite probability-impact heat map: cells coloured by level, risk counts as text.
 *
 * @param data - the same data as {@link renderHeatMapSvg}
 * @returns a Vega-Lite v5 specification (plain JSON)
 * @example
 * ```ts
 * import { heatMapSpec } from "@pmokit/report";
 * const spec = heatMapSpec({ probabilityLabels: ["lo", "hi"], impactLabels: ["lo", "hi"], levels: [["low", "low"], ["low", "high"]], risks: [] });
 * ```
 * @category Vega-Lite
 * @since 0.1.0
 */
export function heatMapSpec(data: HeatMapData): VegaLiteSpec {
  const colours = levelColours(data);
  const values: Row[] = [];
  data.probabilityLabels.forEach((pl, p) =>
    data.impactLabels.forEach((il, i) => {
      const rs = data.risks.filter((r) => r.probabilityBin === p && r.impactBin === i);
      const lvl = data.levels[p]?.[i] ?? "";
      values.push({
        probability: pl,
        probabilityBin: p,
        impact: il,
        impactBin: i,
        level: colours.get(lvl)?.label ?? lvl,
        count: rs.length,
        risks: rs.map((r) => r.id).join(", "),
      });
    }),
  );
  const levels = [...colours.values()];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: data.title ?? "Probability-impact matrix",
    data: { values },
    width: 400,
    height: 400,
    encoding: {
      x: { field: "impact", type: "ordinal", sort: data.impactLabels as JsonValue, title: "Impact" },
      y: {
        field: "probability",
        type: "ordinal",
        sort: [...data.probabilityLabels].reverse() as JsonValue,
        title: "Probability",
      },
    },
    layer: [
      {
        mark: "rect",
        encoding: {
          color: {
            field: "level",
            type: "nominal",
            scale: { domain: levels.map((l) => l.label), range: levels.map((l) => l.colour) },
          },
          tooltip: [
            { field: "level", type: "nominal" },
            { field: "risks", type: "nominal" },
          ],
        },
      },
      {
        transform: [{ filter: "datum.count > 0" }],
        mark: { type: "text", fontSize: 16, fontWeight: "bold" },
        encoding: { text: { field: "count", type: "quantitative" } },
      },
    ],
  };
}

/**
 * Vega-Lite finish histogram with P-value rules.
 *
 * @param data - the same data as {@link renderFinishHistogramSvg}
 * @returns a Vega-Lite v5 specification (plain JSON)
 * @example
 * ```ts
 * import { finishHistogramSpec } from "@pmokit/report";
 * const spec = finishHistogramSpec({ start: 100, width: 2, counts: [5, 20, 10], pValues: [{ p: 0.8, value: 104 }] });
 * ```
 * @category Vega-Lite
 * @since 0.1.0
 */
export function finishHistogramSpec(data: FinishHistogramData): VegaLiteSpec {
  const total = data.counts.reduce((a, b) => a + b, 0) || 1;
  let cum = 0;
  const values: Row[] = data.counts.map((c, i) => {
    cum += c;
    return {
      from: data.start + i * data.width,
      to: data.start + (i + 1) * data.width,
      count: c,
      share: c / total,
      cumulative: cum / total,
    };
  });
  const unit = data.unit ?? "working days";
  const rules: Row[] = (data.pValues ?? []).map((p) => ({
    label: `P${Math.round(p.p * 100)}`,
    value: p.value,
  }));
  if (data.deterministic !== undefined) rules.push({ label: "deterministic", value: data.deterministic });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: data.title ?? "Finish date distribution",
    width: 640,
    height: 280,
    layer: [
      {
        data: { values },
        mark: { type: "bar", color: "#56b4e9" },
        encoding: {
          x: { field: "from", type: "quantitative", title: `Finish (${unit})`, scale: { zero: false } },
          x2: { field: "to" },
          y: { field: "share", type: "quantitative", title: "share of iterations", axis: { format: "%" } },
        },
      },
      {
        data: { values: rules },
        layer: [
          {
            mark: { type: "rule", color: CRITICAL, strokeDash: [4, 3] },
            encoding: { x: { field: "value", type: "quantitative" } },
          },
          {
            mark: { type: "text", align: "left", dx: 3, dy: -120, color: CRITICAL },
            encoding: {
              x: { field: "value", type: "quantitative" },
              text: { field: "label", type: "nominal" },
            },
          },
        ],
      },
    ],
  };
}

/**
 * Vega-Lite tornado chart (horizontal bars, largest first).
 *
 * @param data - the same data as {@link renderTornadoSvg}
 * @returns a Vega-Lite v5 specification (plain JSON)
 * @example
 * ```ts
 * import { tornadoSpec } from "@pmokit/report";
 * const spec = tornadoSpec({ items: [{ id: "R1", value: 4 }, { id: "R2", value: -1 }] });
 * ```
 * @category Vega-Lite
 * @since 0.1.0
 */
export function tornadoSpec(data: TornadoData): VegaLiteSpec {
  const items = [...data.items].sort(
    (a, b) => Math.abs(b.value) - Math.abs(a.value) || (a.id < b.id ? -1 : 1),
  );
  const values: Row[] = items.map((it, i) => ({
    order: i,
    id: it.id,
    label: it.label ?? it.id,
    value: it.value,
    marker: it.marker ?? null,
    sign: it.value >= 0 ? "delay" : "gain",
  }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: data.title ?? "Tornado",
    width: 600,
    data: { values },
    encoding: { y: { field: "label", type: "nominal", sort: { field: "order", op: "min" }, title: null } },
    layer: [
      {
        mark: "bar",
        encoding: {
          x: {
            field: "value",
            type: "quantitative",
            title: `${data.valueLabel ?? "impact"} (${data.unit ?? "days"})`,
          },
          color: {
            field: "sign",
            type: "nominal",
            scale: { domain: ["delay", "gain"], range: [CRITICAL, "#009e73"] },
            legend: null,
          },
        },
      },
      {
        transform: [{ filter: "datum.marker != null" }],
        mark: { type: "tick", color: "#1f2933", thickness: 2 },
        encoding: { x: { field: "marker", type: "quantitative" } },
      },
    ],
  };
}

/**
 * Vega-Lite earned-value S-curves (PV, EV, AC) with BAC.
 *
 * @param data - the same data as {@link renderSCurveSvg}
 * @returns a Vega-Lite v5 specification (plain JSON)
 * @example
 * ```ts
 * import { sCurveSpec } from "@pmokit/report";
 * const spec = sCurveSpec({ periods: [{ date: "2026-01-31", pv: 10, ev: 8, ac: 9 }, { date: "2026-02-28", pv: 30 }] });
 * ```
 * @category Vega-Lite
 * @since 0.1.0
 */
export function sCurveSpec(data: SCurveData): VegaLiteSpec {
  const values: Row[] = [];
  for (const p of data.periods) {
    values.push({ date: p.date, series: "PV", value: p.pv });
    if (p.ev !== undefined) values.push({ date: p.date, series: "EV", value: p.ev });
    if (p.ac !== undefined) values.push({ date: p.date, series: "AC", value: p.ac });
  }
  const layer: VegaLiteSpec[] = [
    {
      data: { values },
      mark: { type: "line", point: false },
      encoding: {
        x: { field: "date", type: "temporal", title: null },
        y: {
          field: "value",
          type: "quantitative",
          title: data.unit ? `cumulative (${data.unit})` : "cumulative",
        },
        color: {
          field: "series",
          type: "nominal",
          scale: { domain: ["PV", "EV", "AC"], range: [PRIMARY, "#009e73", CRITICAL] },
        },
      },
    },
  ];
  if (data.bac !== undefined)
    layer.push({
      data: { values: [{ bac: data.bac }] },
      mark: { type: "rule", strokeDash: [6, 3], color: "#616e7c" },
      encoding: { y: { field: "bac", type: "quantitative" } },
    });
  if (data.statusDate !== undefined)
    layer.push({
      data: { values: [{ status: data.statusDate }] },
      mark: { type: "rule", strokeDash: [4, 3], color: "#cc79a7" },
      encoding: { x: { field: "status", type: "temporal" } },
    });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: data.title ?? "Earned value S-curves",
    width: 640,
    height: 300,
    layer,
  };
}

/**
 * Vega-Lite efficient frontier: step line and points, the chosen portfolio highlighted.
 *
 * @param data - the same data as {@link renderFrontierSvg}
 * @returns a Vega-Lite v5 specification (plain JSON)
 * @example
 * ```ts
 * import { frontierSpec } from "@pmokit/report";
 * const spec = frontierSpec({ points: [{ budget: 100, value: 20 }, { budget: 200, value: 35 }] });
 * ```
 * @category Vega-Lite
 * @since 0.1.0
 */
export function frontierSpec(data: FrontierData): VegaLiteSpec {
  const values: Row[] = [...data.points]
    .sort((a, b) => a.budget - b.budget)
    .map((p) => ({
      budget: p.budget,
      value: p.feasible === false ? 0 : p.value,
      feasible: p.feasible !== false,
      projects: (p.selected ?? []).join(", "),
    }));
  const layer: VegaLiteSpec[] = [
    {
      data: { values },
      transform: [{ filter: "datum.feasible" }],
      mark: { type: "line", interpolate: "step-after", color: PRIMARY },
      encoding: {
        x: { field: "budget", type: "quantitative", title: data.costLabel ?? "budget" },
        y: { field: "value", type: "quantitative", title: data.valueLabel ?? "value" },
      },
    },
    {
      data: { values },
      mark: { type: "point", filled: true, size: 50 },
      encoding: {
        x: { field: "budget", type: "quantitative" },
        y: { field: "value", type: "quantitative" },
        color: {
          field: "feasible",
          type: "nominal",
          scale: { domain: [true, false], range: [PRIMARY, CRITICAL] },
        },
        tooltip: [
          { field: "budget", type: "quantitative" },
          { field: "value", type: "quantitative" },
          { field: "projects", type: "nominal" },
        ],
      },
    },
  ];
  if (data.chosen)
    layer.push({
      data: {
        values: [{ cost: data.chosen.cost, value: data.chosen.value, label: data.chosen.label ?? "chosen" }],
      },
      mark: { type: "point", shape: "diamond", size: 160, filled: true, color: CRITICAL },
      encoding: { x: { field: "cost", type: "quantitative" }, y: { field: "value", type: "quantitative" } },
    });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: data.title ?? "Efficient frontier",
    width: 640,
    height: 300,
    layer,
  };
}

/**
 * Vega-Lite radar chart. Vega-Lite has no polar line mark, so points are placed on cartesian x/y
 * (computed with {@link radarPoint}) and joined in axis order; grid rings and spokes are layers.
 *
 * @param data - the same data as {@link renderRadarSvg}
 * @returns a Vega-Lite v5 specification (plain JSON)
 * @example
 * ```ts
 * import { radarSpec } from "@pmokit/report";
 * const spec = radarSpec({ axes: [{ id: "a", label: "A" }, { id: "b", label: "B" }, { id: "c", label: "C" }], min: 0, max: 5, series: [{ name: "now", values: [1, 2, 3] }] });
 * ```
 * @category Vega-Lite
 * @since 0.1.0
 */
export function radarSpec(data: RadarChartData): VegaLiteSpec {
  const n = data.axes.length;
  const span = data.max - data.min || 1;
  const points: Row[] = [];
  for (const s of data.series) {
    const idx = s.values.map((v, i) => (v === null ? -1 : i)).filter((i) => i >= 0);
    // Close the polygon: repeat the first point at the end.
    [...idx, ...(idx.length > 2 ? [idx[0]!] : [])].forEach((i, k) => {
      const v = s.values[i]!;
      const [x, y] = radarPoint(i, n, Math.max(0, Math.min(1, (v - data.min) / span)));
      points.push({ series: s.name, axis: data.axes[i]!.label, value: v, x, y, order: k });
    });
  }
  const grid: Row[] = [];
  for (let k = 1; k <= 4; k++)
    for (let i = 0; i <= n; i++) {
      const [x, y] = radarPoint(i % n, n, k / 4);
      grid.push({ ring: k, x, y, order: i });
    }
  const labels: Row[] = data.axes.map((a, i) => {
    const [x, y] = radarPoint(i, n, 1.12);
    return { label: a.label, x, y };
  });
  const axis = null;
  const dom = { domain: [-1.3, 1.3] };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: data.title ?? "Maturity radar",
    width: 420,
    height: 420,
    layer: [
      {
        data: { values: grid },
        mark: { type: "line", color: "#e4e7eb" },
        encoding: {
          x: { field: "x", type: "quantitative", axis, scale: dom },
          y: { field: "y", type: "quantitative", axis, scale: dom },
          detail: { field: "ring", type: "nominal" },
          order: { field: "order", type: "quantitative" },
        },
      },
      {
        data: { values: labels },
        mark: { type: "text", fontSize: 11 },
        encoding: {
          x: { field: "x", type: "quantitative", axis, scale: dom },
          y: { field: "y", type: "quantitative", axis, scale: dom },
          text: { field: "label", type: "nominal" },
        },
      },
      {
        data: { values: points },
        mark: { type: "line", point: true },
        encoding: {
          x: { field: "x", type: "quantitative", axis, scale: dom },
          y: { field: "y", type: "quantitative", axis, scale: dom },
          color: { field: "series", type: "nominal" },
          order: { field: "order", type: "quantitative" },
          tooltip: [
            { field: "series", type: "nominal" },
            { field: "axis", type: "nominal" },
            { field: "value", type: "quantitative" },
          ],
        },
      },
    ],
  };
}
