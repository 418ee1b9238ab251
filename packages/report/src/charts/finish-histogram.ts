import {
  THEME,
  esc,
  fmt,
  line,
  linear,
  num,
  pathOf,
  svgDocument,
  text,
  ticks,
  xAxis,
  yAxis,
} from "../internal/svg.js";
import type { BaseOptions } from "../internal/svg.js";

/**
 * Input of {@link renderFinishHistogramSvg} and {@link finishHistogramSpec}: an equal-width
 * histogram of simulated finishes and the P-values to mark.
 *
 * @category Charts
 * @since 0.1.0
 */
export interface FinishHistogramData {
  readonly title?: string;
  /** Unit of the finish axis (default `"working days"`). */
  readonly unit?: string;
  /** Lower edge of the first bin. */
  readonly start: number;
  /** Bin width. */
  readonly width: number;
  /** Iterations per bin. */
  readonly counts: readonly number[];
  /** P-values to mark, e.g. `[{ p: 0.8, value: 131.5 }]`. */
  readonly pValues?: readonly { readonly p: number; readonly value: number }[];
  /** Deterministic (no-risk, most-likely) finish to mark. */
  readonly deterministic?: number;
}

/**
 * Renders a Monte Carlo finish histogram with the cumulative probability curve and P-value lines.
 *
 * @param data - histogram bins and P-values
 * @param options - size, title, id prefix
 * @returns the SVG document as a string
 * @example
 * ```ts
 * import { renderFinishHistogramSvg } from "@pmokit/report";
 * const svg = renderFinishHistogramSvg({
 *   start: 100, width: 2, counts: [5, 20, 40, 25, 10], pValues: [{ p: 0.5, value: 105 }, { p: 0.8, value: 107 }],
 * });
 * ```
 * @category Charts
 * @since 0.1.0
 */
export function renderFinishHistogramSvg(data: FinishHistogramData, options: BaseOptions = {}): string {
  const width = options.width ?? 760;
  const height = options.height ?? 360;
  const left = 60;
  const right = width - 56;
  const top = 44;
  const bottom = height - 64;
  const n = data.counts.length;
  const total = data.counts.reduce((a, b) => a + b, 0);
  const lo = data.start;
  const hi = data.start + data.width * Math.max(1, n);
  const x = linear(lo, hi, left, right);
  const maxShare = total > 0 ? Math.max(...data.counts) / total : 1;
  const yTicks = ticks(0, maxShare * 100, 4);
  const yTop = Math.max(maxShare * 100, yTicks.at(-1) ?? 1) || 1;
  const y = linear(0, yTop, bottom, top);
  const yc = linear(0, 1, bottom, top);
  const unit = data.unit ?? "working days";
  const body: string[] = [];
  body.push(
    ...yAxis({
      scale: y,
      values: yTicks,
      x0: left,
      x1: right,
      label: "% of iterations",
      format: (v) => fmt(v, 1),
    }),
  );
  body.push(...xAxis({ scale: x, values: ticks(lo, hi, 8), y0: top, y1: bottom, label: `Finish (${unit})` }));
  body.push(`<g class="pmk-bars">`);
  let cum = 0;
  const cdf: [number, number][] = [[x(lo), yc(0)]];
  data.counts.forEach((c, i) => {
    const share = total > 0 ? c / total : 0;
    const x0 = x(lo + i * data.width);
    const x1 = x(lo + (i + 1) * data.width);
    cum += share;
    cdf.push([x1, yc(cum)]);
    if (c > 0)
      body.push(
        `<rect class="pmk-bar" x="${num(x0 + 0.5)}" y="${num(y(share * 100))}" width="${num(Math.max(0.5, x1 - x0 - 1))}" height="${num(bottom - y(share * 100))}" fill="${THEME.secondary}"><title>${esc(`${fmt(lo + i * data.width, 2)}–${fmt(lo + (i + 1) * data.width, 2)}: ${c} iterations (${fmt(share * 100, 1)} %)`)}</title></rect>`,
      );
  });
  body.push(`</g>`);
  body.push(
    `<path class="pmk-cdf" d="${pathOf(cdf)}" fill="none" stroke="${THEME.primary}" stroke-width="2"/>`,
  );
  body.push(`<g class="pmk-axis pmk-axis-y2">`);
  for (const v of [0, 0.25, 0.5, 0.75, 1])
    body.push(text(right + 6, yc(v) + 4, `${v * 100} %`, { fill: THEME.primary, "font-size": 11 }));
  body.push(`</g>`);
  body.push(`<g class="pmk-pvalues">`);
  for (const pv of data.pValues ?? []) {
    const px = x(pv.value);
    const label = `P${fmt(pv.p * 100, 0)} ${fmt(pv.value, 1)}`;
    body.push(
      `<g class="pmk-pvalue" data-p="${num(pv.p)}">${line(px, top, px, bottom, THEME.critical, `stroke-width="1.5" stroke-dasharray="4 3"`)}` +
        `${text(px + 3, top + 10 + (Math.round(pv.p * 100) % 3) * 12, label, { fill: THEME.critical, "font-size": 11, "font-weight": "600", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" })}</g>`,
    );
  }
  if (data.deterministic !== undefined) {
    const dx = x(data.deterministic);
    body.push(
      `<g class="pmk-deterministic">${line(dx, top, dx, bottom, THEME.text, `stroke-width="1.5"`)}${text(dx + (dx - left < 120 ? 3 : -3), bottom - 6, `deterministic ${fmt(data.deterministic, 1)}`, { "text-anchor": dx - left < 120 ? "start" : "end", "font-size": 10, fill: THEME.text, stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" })}</g>`,
    );
  }
  body.push(`</g>`);
  const title = options.title ?? data.title ?? "Finish date distribution";
  const pvs = (data.pValues ?? []).map((p) => `P${fmt(p.p * 100, 0)} ${fmt(p.value, 1)}`).join(", ");
  const description =
    options.description ??
    `Histogram of ${total} simulated finishes in ${unit} from ${fmt(lo, 1)} to ${fmt(hi, 1)} in ${n} bins, with the cumulative probability curve` +
      (pvs ? `; ${pvs}` : "") +
      (data.deterministic !== undefined ? `; deterministic finish ${fmt(data.deterministic, 1)}` : "") +
      ".";
  return svgDocument({
    kind: "finish-histogram",
    width,
    height,
    title,
    description,
    idPrefix: options.idPrefix ?? "pmk-finish",
    body,
  });
}
