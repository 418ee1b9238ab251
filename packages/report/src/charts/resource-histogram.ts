import { THEME, esc, fmt, line, num, pathOf, svgDocument, text, ticks, yAxis } from "../internal/svg.js";
import type { BaseOptions } from "../internal/svg.js";

/**
 * Input of {@link renderResourceHistogramSvg} and {@link resourceHistogramSpec}: the load of one
 * resource (or pool) per period before and after leveling, and its capacity.
 *
 * @category Charts
 * @since 0.1.0
 */
export interface ResourceHistogramData {
  readonly title?: string;
  /** Resource (or pool) name. */
  readonly resource: string;
  /** Unit of the values, e.g. `"units"`, `"%"`, `"hours"` (default `"units"`). */
  readonly unit?: string;
  /** One label per period (e.g. `YYYY-MM-DD` of the period start). */
  readonly periods: readonly string[];
  /** Load per period before leveling. */
  readonly before: readonly number[];
  /** Load per period after leveling (omit to draw one panel). */
  readonly after?: readonly number[];
  /** Capacity: one number, or one per period. */
  readonly capacity: number | readonly number[];
}

/**
 * Renders a resource histogram before / after leveling (two panels) with the capacity as a step
 * line; periods over capacity are drawn in the critical colour.
 *
 * @param data - per-period loads and capacity
 * @param options - size, title, id prefix
 * @returns the SVG document as a string
 * @example
 * ```ts
 * import { renderResourceHistogramSvg } from "@pmokit/report";
 * const svg = renderResourceHistogramSvg({
 *   resource: "Developers", periods: ["W1", "W2", "W3"], before: [3, 5, 1], after: [3, 3, 3], capacity: 4,
 * });
 * ```
 * @category Charts
 * @since 0.1.0
 */
export function renderResourceHistogramSvg(data: ResourceHistogramData, options: BaseOptions = {}): string {
  const width = options.width ?? 960;
  const panels: { label: string; values: readonly number[] }[] = [
    { label: data.after ? "Before leveling" : "Load", values: data.before },
  ];
  if (data.after) panels.push({ label: "After leveling", values: data.after });
  const panelH = 170;
  const top = 40;
  const height = options.height ?? top + panels.length * (panelH + 52) + 24;
  const n = data.periods.length;
  const cap = (i: number): number =>
    typeof data.capacity === "number"
      ? data.capacity
      : (data.capacity[Math.min(i, data.capacity.length - 1)] ?? 0);
  let max = 0;
  for (const p of panels) for (const v of p.values) max = Math.max(max, v);
  for (let i = 0; i < n; i++) max = Math.max(max, cap(i));
  const yTicks = ticks(0, max || 1, 4);
  const yMax = Math.max(max, yTicks.at(-1) ?? 1) || 1;
  const left = 56;
  const right = width - 16;
  const bw = n > 0 ? (right - left) / n : 0;
  const unit = data.unit ?? "units";
  const body: string[] = [];
  const over: number[] = [];
  panels.forEach((p, k) => {
    const y0 = top + k * (panelH + 52) + 18;
    const y1 = y0 + panelH;
    const y = (v: number): number => y1 - (v / yMax) * panelH;
    let count = 0;
    body.push(`<g class="pmk-panel" data-panel="${k === 0 ? "before" : "after"}">`);
    body.push(text(left, y0 - 6, p.label, { "font-weight": "600" }));
    body.push(...yAxis({ scale: y, values: yTicks, x0: left, x1: right, label: unit }));
    for (let i = 0; i < n; i++) {
      const v = p.values[i] ?? 0;
      const isOver = v > cap(i) + 1e-9;
      if (isOver) count++;
      if (v <= 0) continue;
      body.push(
        `<rect class="pmk-bar${isOver ? " pmk-over" : ""}" x="${num(left + i * bw + bw * 0.1)}" y="${num(y(v))}" width="${num(Math.max(0.5, bw * 0.8))}" height="${num(y1 - y(v))}" fill="${isOver ? THEME.critical : THEME.primary}"><title>${esc(`${data.periods[i] ?? i}: ${fmt(v, 2)} ${unit}`)}</title></rect>`,
      );
    }
    const pts: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      pts.push([left + i * bw, y(cap(i))]);
      pts.push([left + (i + 1) * bw, y(cap(i))]);
    }
    if (pts.length > 0)
      body.push(
        `<path class="pmk-capacity" d="${pathOf(pts)}" fill="none" stroke="${THEME.text}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
      );
    body.push(line(left, y1, right, y1, THEME.axis));
    const every = Math.max(1, Math.ceil(n / 12));
    for (let i = 0; i < n; i += every)
      body.push(
        text(left + i * bw + bw / 2, y1 + 14, data.periods[i] ?? "", {
          "text-anchor": "middle",
          fill: THEME.muted,
          "font-size": 10,
        }),
      );
    body.push(`</g>`);
    over.push(count);
  });
  body.push(
    `<g class="pmk-legend">` +
      `<rect x="${num(left)}" y="${num(height - 20)}" width="12" height="10" fill="${THEME.primary}"/>` +
      text(left + 16, height - 11, "load", { fill: THEME.muted, "font-size": 11 }) +
      `<rect x="${num(left + 60)}" y="${num(height - 20)}" width="12" height="10" fill="${THEME.critical}"/>` +
      text(left + 76, height - 11, "over capacity", { fill: THEME.muted, "font-size": 11 }) +
      line(
        left + 170,
        height - 15,
        left + 190,
        height - 15,
        THEME.text,
        `stroke-width="1.5" stroke-dasharray="5 3"`,
      ) +
      text(left + 194, height - 11, "capacity", { fill: THEME.muted, "font-size": 11 }) +
      `</g>`,
  );
  const title = options.title ?? data.title ?? `Resource histogram: ${data.resource}`;
  const description =
    options.description ??
    `Load of ${data.resource} in ${unit} over ${n} periods (${data.periods[0] ?? ""} to ${data.periods.at(-1) ?? ""}). ` +
      (data.after
        ? `Periods over capacity: ${over[0]} before leveling, ${over[1]} after leveling.`
        : `Periods over capacity: ${over[0]}.`);
  return svgDocument({
    kind: "resource-histogram",
    width,
    height,
    title,
    description,
    idPrefix: options.idPrefix ?? "pmk-resource",
    body,
  });
}
