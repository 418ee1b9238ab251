/**
 * `@pmokit/report`: standalone, accessible SVG charts (built as strings, no DOM, deterministic),
 * the same charts as Vega-Lite specifications, thin adapters from the results of the pmokit engines,
 * a self-contained HTML portfolio report and a Markdown summary. The engines run only in the
 * `@pmokit/report/portfolio` subpath (`buildPortfolioReport`), so this entry stays small and pulls
 * no engine into a bundle.
 *
 * @packageDocumentation
 */
export { renderGanttSvg } from "./charts/gantt.js";
export type { GanttChartData, GanttTask, GanttOptions } from "./charts/gantt.js";
export { renderResourceHistogramSvg } from "./charts/resource-histogram.js";
export type { ResourceHistogramData } from "./charts/resource-histogram.js";
export { renderHeatMapSvg } from "./charts/heat-map.js";
export type { HeatMapData } from "./charts/heat-map.js";
export { renderFinishHistogramSvg } from "./charts/finish-histogram.js";
export type { FinishHistogramData } from "./charts/finish-histogram.js";
export { renderTornadoSvg } from "./charts/tornado.js";
export type { TornadoData } from "./charts/tornado.js";
export { renderSCurveSvg } from "./charts/s-curve.js";
export type { SCurveData } from "./charts/s-curve.js";
export { renderFrontierSvg } from "./charts/frontier.js";
export type { FrontierData } from "./charts/frontier.js";
export { renderRadarSvg, radarPoint } from "./charts/radar.js";
export type { RadarChartData } from "./charts/radar.js";
export { renderChartSvg, toVegaLite, CHART_KINDS } from "./charts/chart.js";
export type { Chart, ChartOptions } from "./charts/chart.js";
export {
  ganttSpec,
  resourceHistogramSpec,
  heatMapSpec,
  finishHistogramSpec,
  tornadoSpec,
  sCurveSpec,
  frontierSpec,
  radarSpec,
} from "./vega/specs.js";
export { VEGA_LITE_SCHEMA } from "./vega/types.js";
export type {
  JsonValue,
  VegaLiteSpec,
  VegaLiteEncoding,
  VegaLiteChannel,
  VegaLiteMark,
} from "./vega/types.js";
export {
  ganttFromSchedule,
  heatMapFromScores,
  finishHistogramFromSimulation,
  tornadoFromSimulation,
  frontierFromPoints,
  radarFromMaturity,
  resourceHistogramFromRcpsp,
  sCurveFromSeries,
} from "./adapters/adapters.js";
export type { GanttFromScheduleOptions } from "./adapters/adapters.js";
export { evmSeriesFromProjectEvm, sCurveFromProjectEvm } from "./adapters/evm.js";
export type { EvmTimeSeries, SCurveFromProjectEvmOptions } from "./adapters/evm.js";
export type { PortfolioReport, ReportSection, ReportTable } from "./report/types.js";
export { renderHtmlReport } from "./report/html.js";
export type { HtmlReportOptions } from "./report/html.js";
export { renderMarkdownSummary } from "./report/markdown.js";
