import { THEME, clip, esc, fmt, legend, line, num, svgDocument, text } from "../internal/svg.js";
import type { BaseOptions } from "../internal/svg.js";

/**
 * Input of {@link renderRadarSvg} and {@link radarSpec}: axes, a common range and one or more
 * series (`null` for an axis without a value). The shape of `toRadarData()` from
 * `@pmokit/maturity`.
 *
 * @category Charts
 * @since 0.1.0
 */
export interface RadarChartData {
  readonly title?: string;
  readonly axes: readonly { readonly id: string; readonly label: string }[];
  readonly min: number;
  readonly max: number;
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
}

/**
 * Polar to cartesian position of axis `i` of `n` at value `v` (0 at the centre); shared with the
 * Vega-Lite spec so both place points identically.
 *
 * @param i - axis index
 * @param n - number of axes
 * @param r - radius (0..1 of the chart radius)
 * @returns `[x, y]` with y pointing up, in units of the radius
 * @example
 * ```ts
 * import { radarPoint } from "@pmokit/report";
 * radarPoint(0, 4, 1); // [0, 1]: the first axis points up
 * ```
 * @category Charts
 * @since 0.1.0
 */
export function radarPoint(i: number, n: number, r: number): [number, number] {
  const a = Math.PI / 2 - (2 * Math.PI * i) / Math.max(1, n);
  const x = Math.round(r * Math.cos(a) * 1e6) / 1e6;
  const y = Math.round(r * Math.sin(a) * 1e6) / 1e6;
  return [x === 0 ? 0 : x, y === 0 ? 0 : y];
}

/**
 * Renders a radar (spider) chart, e.g. maturity per dimension against a target profile.
 *
 * @param data - axes, range and series
 * @param options - size, title, id prefix
 * @returns the SVG document as a string
 * @example
 * ```ts
 * import { renderRadarSvg } from "@pmokit/report";
 * const svg = renderRadarSvg({
 *   axes: [{ id: "gov", label: "Governance" }, { id: "risk", label: "Risk" }, { id: "res", label: "Resources" }],
 *   min: 1, max: 5, series: [{ name: "current", values: [2.5, 3, 1.8] }, { name: "target", values: [3, 3, 3] }],
 * });
 * ```
 * @category Charts
 * @since 0.1.0
 */
export function renderRadarSvg(data: RadarChartData, options: BaseOptions = {}): string {
  const width = options.width ?? 680;
  const height = options.height ?? 480;
  const cx = width / 2;
  const cy = 44 + (height - 44 - 40) / 2;
  const R = Math.min(width / 2 - 150, (height - 44 - 40) / 2 - 24);
  const n = data.axes.length;
  const span = data.max - data.min || 1;
  const rOf = (v: number) => Math.max(0, Math.min(1, (v - data.min) / span));
  const P = (i: number, r: number): [number, number] => {
    const [px, py] = radarPoint(i, n, r);
    return [cx + px * R, cy - py * R];
  };
  const body: string[] = [`<g class="pmk-grid">`];
  const steps =
    Math.round(span) >= 2 && Math.round(span) <= 10 && Number.isInteger(span) ? Math.round(span) : 4;
  for (let k = 1; k <= steps; k++) {
    const ring = Array.from({ length: n }, (_, i) => P(i, k / steps));
    body.push(
      `<polygon points="${ring.map(([x, y]) => `${num(x)},${num(y)}`).join(" ")}" fill="none" stroke="${THEME.grid}"/>`,
    );
    const [lx, ly] = P(0, k / steps);
    body.push(
      text(lx + 3, ly + 10, fmt(data.min + (span * k) / steps, 1), { fill: THEME.muted, "font-size": 9 }),
    );
  }
  data.axes.forEach((a, i) => {
    const [x, y] = P(i, 1);
    body.push(line(cx, cy, x, y, THEME.grid));
    const [lx, ly] = P(i, 1.1);
    const anchor = Math.abs(lx - cx) < 4 ? "middle" : lx > cx ? "start" : "end";
    body.push(
      `<g class="pmk-axis-label" data-id="${esc(a.id)}">${text(lx, ly + 4, clip(a.label, 26), { "text-anchor": anchor, "font-size": 11 })}</g>`,
    );
  });
  body.push(`</g>`);
  const colours = THEME.series;
  data.series.forEach((s, k) => {
    const colour = colours[k % colours.length]!;
    const pts = s.values.map((v, i) => (v === null ? null : P(i, rOf(v))));
    const valid = pts.filter((p): p is [number, number] => p !== null);
    body.push(`<g class="pmk-series" data-series="${esc(s.name)}">`);
    if (valid.length >= 3 && valid.length === n)
      body.push(
        `<polygon class="pmk-area" points="${valid.map(([x, y]) => `${num(x)},${num(y)}`).join(" ")}" fill="${colour}" fill-opacity="${k === 0 ? "0.25" : "0.08"}" stroke="${colour}" stroke-width="2"${k > 0 ? ` stroke-dasharray="5 3"` : ""}/>`,
      );
    else if (valid.length >= 2)
      body.push(
        `<polyline class="pmk-area" points="${valid.map(([x, y]) => `${num(x)},${num(y)}`).join(" ")}" fill="none" stroke="${colour}" stroke-width="2"/>`,
      );
    pts.forEach((p, i) => {
      if (p === null) return;
      body.push(
        `<circle class="pmk-point" cx="${num(p[0])}" cy="${num(p[1])}" r="3" fill="${colour}"><title>${esc(`${s.name}, ${data.axes[i]?.label ?? i}: ${fmt(s.values[i] ?? 0, 2)}`)}</title></circle>`,
      );
    });
    body.push(`</g>`);
  });
  body.push(
    ...legend(
      16,
      height - 14,
      data.series.map((s, k) => ({ label: s.name, colour: colours[k % colours.length]! })),
    ),
  );
  const title = options.title ?? data.title ?? "Maturity radar";
  const description =
    options.description ??
    `Radar chart over ${n} axes (scale ${fmt(data.min, 2)} to ${fmt(data.max, 2)}). ` +
      data.series
        .map(
          (s) =>
            `${s.name}: ` +
            data.axes
              .map(
                (a, i) =>
                  `${a.label} ${s.values[i] === null || s.values[i] === undefined ? "n/a" : fmt(s.values[i]!, 2)}`,
              )
              .join(", "),
        )
        .join("; ") +
      ".";
  return svgDocument({
    kind: "radar",
    width,
    height,
    title,
    description,
    idPrefix: options.idPrefix ?? "pmk-radar",
    body,
  });
}
