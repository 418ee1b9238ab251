import {
  THEME,
  compact,
  esc,
  fmt,
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
 * Input of {@link renderFrontierSvg} and {@link frontierSpec}: the best portfolio value per budget.
 *
 * @category Charts
 * @since 0.1.0
 */
export interface FrontierData {
  readonly title?: string;
  /** Axis labels (defaults `"budget"`, `"value"`). */
  readonly costLabel?: string;
  readonly valueLabel?: string;
  readonly points: readonly {
    readonly budget: number;
    readonly value: number;
    /** `false` when nothing fits this budget (drawn as a hollow marker at 0). */
    readonly feasible?: boolean;
    /** Selected project ids (listed in the tooltip). */
    readonly selected?: readonly string[];
    /** A cheaper budget already reached the same value. */
    readonly dominated?: boolean;
  }[];
  /** The chosen portfolio (highlighted). */
  readonly chosen?: { readonly cost: number; readonly value: number; readonly label?: string };
}

/**
 * Renders the efficient frontier: portfolio value against budget as a step line with a marker per
 * budget, and the chosen portfolio highlighted.
 *
 * @param data - one point per budget
 * @param options - size, title, id prefix
 * @returns the SVG document as a string
 * @example
 * ```ts
 * import { renderFrontierSvg } from "@pmokit/report";
 * const svg = renderFrontierSvg({ points: [{ budget: 100, value: 20 }, { budget: 200, value: 35 }, { budget: 300, value: 41 }] });
 * ```
 * @category Charts
 * @since 0.1.0
 */
export function renderFrontierSvg(data: FrontierData, options: BaseOptions = {}): string {
  const width = options.width ?? 760;
  const height = options.height ?? 360;
  const left = 64;
  const right = width - 24;
  const top = 44;
  const bottom = height - 56;
  const pts = [...data.points].sort((a, b) => a.budget - b.budget);
  let bmax = data.chosen?.cost ?? 0;
  let vmax = data.chosen?.value ?? 0;
  for (const p of pts) {
    bmax = Math.max(bmax, p.budget);
    vmax = Math.max(vmax, p.value);
  }
  const xt = ticks(0, bmax || 1, 6);
  const yt = ticks(0, vmax || 1, 5);
  const x = linear(0, Math.max(bmax, xt.at(-1) ?? 1) || 1, left, right);
  const y = linear(0, Math.max(vmax, yt.at(-1) ?? 1) || 1, bottom, top);
  const body: string[] = [];
  body.push(
    ...yAxis({
      scale: y,
      values: yt,
      x0: left,
      x1: right,
      label: data.valueLabel ?? "value",
      format: compact,
    }),
  );
  body.push(
    ...xAxis({
      scale: x,
      values: xt,
      y0: top,
      y1: bottom,
      label: data.costLabel ?? "budget",
      format: compact,
    }),
  );
  const feasible = pts.filter((p) => p.feasible !== false);
  const step: [number, number][] = [];
  feasible.forEach((p, i) => {
    if (i > 0) step.push([x(p.budget), y(feasible[i - 1]!.value)]);
    step.push([x(p.budget), y(p.value)]);
  });
  if (step.length > 0)
    body.push(
      `<path class="pmk-frontier-line" d="${pathOf(step)}" fill="none" stroke="${THEME.primary}" stroke-width="2"/>`,
    );
  body.push(`<g class="pmk-points">`);
  for (const p of pts) {
    const ok = p.feasible !== false;
    body.push(
      `<circle class="pmk-point${ok ? "" : " pmk-infeasible"}${p.dominated ? " pmk-dominated" : ""}" cx="${num(x(p.budget))}" cy="${num(y(ok ? p.value : 0))}" r="4.5" ` +
        `fill="${ok && !p.dominated ? THEME.primary : "#ffffff"}" stroke="${ok ? THEME.primary : THEME.critical}" stroke-width="1.5">` +
        `<title>${esc(`budget ${fmt(p.budget, 2)}: ${ok ? `value ${fmt(p.value, 2)}${p.selected ? ` (${p.selected.length} projects: ${p.selected.join(", ")})` : ""}` : "infeasible"}`)}</title></circle>`,
    );
  }
  body.push(`</g>`);
  if (data.chosen) {
    const cx = x(data.chosen.cost);
    const cy = y(data.chosen.value);
    body.push(
      `<g class="pmk-chosen"><path d="M${num(cx)},${num(cy - 8)} L${num(cx + 8)},${num(cy)} L${num(cx)},${num(cy + 8)} L${num(cx - 8)},${num(cy)} Z" fill="${THEME.critical}"/>` +
        text(cx + 10, cy - 8, data.chosen.label ?? "chosen", {
          fill: THEME.critical,
          "font-size": 11,
          "font-weight": "600",
        }) +
        `</g>`,
    );
  }
  const title = options.title ?? data.title ?? "Efficient frontier";
  const best = feasible.at(-1);
  const description =
    options.description ??
    `Efficient frontier over ${pts.length} budgets from ${fmt(pts[0]?.budget ?? 0, 2)} to ${fmt(pts.at(-1)?.budget ?? 0, 2)}` +
      `; ${pts.length - feasible.length} infeasible` +
      (best ? `; highest value ${fmt(best.value, 2)} at budget ${fmt(best.budget, 2)}` : "") +
      (data.chosen
        ? `; chosen portfolio: cost ${fmt(data.chosen.cost, 2)}, value ${fmt(data.chosen.value, 2)}`
        : "") +
      ".";
  return svgDocument({
    kind: "frontier",
    width,
    height,
    title,
    description,
    idPrefix: options.idPrefix ?? "pmk-frontier",
    body,
  });
}
