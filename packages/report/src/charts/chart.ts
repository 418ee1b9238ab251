import type { BaseOptions } from "../internal/svg.js";
import {
  finishHistogramSpec,
  frontierSpec,
  ganttSpec,
  heatMapSpec,
  radarSpec,
  resourceHistogramSpec,
  sCurveSpec,
  tornadoSpec,
} from "../vega/specs.js";
import type { VegaLiteSpec } from "../vega/types.js";
import { renderFinishHistogramSvg } from "./finish-histogram.js";
import type { FinishHistogramData } from "./finish-histogram.js";
import { renderFrontierSvg } from "./frontier.js";
import type { FrontierData } from "./frontier.js";
import { renderGanttSvg } from "./gantt.js";
import type { GanttChartData } from "./gantt.js";
import { renderHeatMapSvg } from "./heat-map.js";
import type { HeatMapData } from "./heat-map.js";
import { renderRadarSvg } from "./radar.js";
import type { RadarChartData } from "./radar.js";
import { renderResourceHistogramSvg } from "./resource-histogram.js";
import type { ResourceHistogramData } from "./resource-histogram.js";
import { renderSCurveSvg } from "./s-curve.js";
import type { SCurveData } from "./s-curve.js";
import { renderTornadoSvg } from "./tornado.js";
import type { TornadoData } from "./tornado.js";

/**
 * Common options of every SVG chart.
 *
 * @category Charts
 * @since 0.1.0
 */
export type ChartOptions = BaseOptions;

/**
 * Any chart with its data, tagged by `kind`: what {@link renderChartSvg} and {@link toVegaLite}
 * take.
 *
 * @category Charts
 * @since 0.1.0
 */
export type Chart =
  | { readonly kind: "gantt"; readonly data: GanttChartData }
  | { readonly kind: "resource-histogram"; readonly data: ResourceHistogramData }
  | { readonly kind: "heat-map"; readonly data: HeatMapData }
  | { readonly kind: "finish-histogram"; readonly data: FinishHistogramData }
  | { readonly kind: "tornado"; readonly data: TornadoData }
  | { readonly kind: "s-curve"; readonly data: SCurveData }
  | { readonly kind: "frontier"; readonly data: FrontierData }
  | { readonly kind: "radar"; readonly data: RadarChartData };

/**
 * The chart kinds, in report order.
 *
 * @example
 * ```ts
 * import { CHART_KINDS } from "@pmokit/report";
 * CHART_KINDS.includes("gantt"); // true
 * ```
 * @category Charts
 * @since 0.1.0
 */
export const CHART_KINDS: readonly Chart["kind"][] = [
  "gantt",
  "resource-histogram",
  "heat-map",
  "finish-histogram",
  "tornado",
  "s-curve",
  "frontier",
  "radar",
];

/**
 * Renders any chart as a standalone SVG string.
 *
 * @param chart - kind and data
 * @param options - size, title, id prefix
 * @returns the SVG document
 * @throws PmokitError `INVALID_INPUT` for malformed dates
 * @example
 * ```ts
 * import { renderChartSvg } from "@pmokit/report";
 * const svg = renderChartSvg({ kind: "tornado", data: { items: [{ id: "R1", value: 3 }] } });
 * ```
 * @category Charts
 * @since 0.1.0
 */
export function renderChartSvg(chart: Chart, options: ChartOptions = {}): string {
  switch (chart.kind) {
    case "gantt":
      return renderGanttSvg(chart.data, options);
    case "resource-histogram":
      return renderResourceHistogramSvg(chart.data, options);
    case "heat-map":
      return renderHeatMapSvg(chart.data, options);
    case "finish-histogram":
      return renderFinishHistogramSvg(chart.data, options);
    case "tornado":
      return renderTornadoSvg(chart.data, options);
    case "s-curve":
      return renderSCurveSvg(chart.data, options);
    case "frontier":
      return renderFrontierSvg(chart.data, options);
    case "radar":
      return renderRadarSvg(chart.data, options);
  }
}

/**
 * The Vega-Lite v5 specification of any chart (plain JSON, data inlined).
 *
 * @param chart - kind and data
 * @returns the specification
 * @example
 * ```ts
 * import { toVegaLite } from "@pmokit/report";
 * const spec = toVegaLite({ kind: "frontier", data: { points: [{ budget: 1, value: 2 }] } });
 * JSON.stringify(spec);
 * ```
 * @category Vega-Lite
 * @since 0.1.0
 */
export function toVegaLite(chart: Chart): VegaLiteSpec {
  switch (chart.kind) {
    case "gantt":
      return ganttSpec(chart.data);
    case "resource-histogram":
      return resourceHistogramSpec(chart.data);
    case "heat-map":
      return heatMapSpec(chart.data);
    case "finish-histogram":
      return finishHistogramSpec(chart.data);
    case "tornado":
      return tornadoSpec(chart.data);
    case "s-curve":
      return sCurveSpec(chart.data);
    case "frontier":
      return frontierSpec(chart.data);
    case "radar":
      return radarSpec(chart.data);
  }
}
