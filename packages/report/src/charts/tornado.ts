import {
  THEME,
  clip,
  esc,
  fmt,
  line,
  linear,
  niceDomain,
  num,
  svgDocument,
  text,
  ticks,
  xAxis,
} from "../internal/svg.js";
import type { BaseOptions } from "../internal/svg.js";

/**
 * Input of {@link renderTornadoSvg} and {@link tornadoSpec}: one bar per driver (e.g. a risk's
 * impact on the P80 finish in days; negative for opportunities). Bars are drawn largest first.
 *
 * @category Charts
 * @since 0.1.0
 */
export interface TornadoData {
  readonly title?: string;
  /** Unit of the values (default `"days"`). */
  readonly unit?: string;
  readonly items: readonly {
    readonly id: string;
    readonly label?: string;
    /** Bar length from 0 (signed). */
    readonly value: number;
    /** An optional second value drawn as a tick on the bar (e.g. the mean impact). */
    readonly marker?: number;
  }[];
  /** Label of `value` and `marker` in the legend (defaults `"impact"`, `"mean"`). */
  readonly valueLabel?: string;
  readonly markerLabel?: string;
}

/**
 * Renders a tornado chart (horizontal bars sorted by absolute size).
 *
 * @param data - items with signed values
 * @param options - size, title, id prefix
 * @returns the SVG document as a string
 * @example
 * ```ts
 * import { renderTornadoSvg } from "@pmokit/report";
 * const svg = renderTornadoSvg({ items: [{ id: "R1", value: 6.5 }, { id: "R2", value: -2 }] });
 * ```
 * @category Charts
 * @since 0.1.0
 */
export function renderTornadoSvg(data: TornadoData, options: BaseOptions = {}): string {
  const items = [...data.items].sort(
    (a, b) => Math.abs(b.value) - Math.abs(a.value) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const rowH = 24;
  const width = options.width ?? 760;
  const top = 44;
  const height = options.height ?? top + items.length * rowH + 70;
  const left = 230;
  const right = width - 60;
  let lo = 0;
  let hi = 0;
  for (const it of items) {
    lo = Math.min(lo, it.value, it.marker ?? 0);
    hi = Math.max(hi, it.value, it.marker ?? 0);
  }
  if (lo === hi) hi = 1;
  const [d0, d1] = niceDomain(lo, hi, 6);
  const tv = ticks(d0, d1, 6);
  const x = linear(d0, d1, left, right);
  const bottom = top + items.length * rowH;
  const unit = data.unit ?? "days";
  const body: string[] = [];
  body.push(
    ...xAxis({
      scale: x,
      values: tv,
      y0: top,
      y1: bottom,
      label: `${data.valueLabel ?? "impact"} (${unit})`,
    }),
  );
  body.push(`<g class="pmk-bars">`);
  items.forEach((it, i) => {
    const y = top + i * rowH;
    const x0 = x(Math.min(0, it.value));
    const x1 = x(Math.max(0, it.value));
    const colour = it.value >= 0 ? THEME.critical : THEME.good;
    body.push(
      `<g class="pmk-item" data-id="${esc(it.id)}">` +
        text(left - 8, y + rowH / 2 + 4, clip(it.label ?? it.id, 34), {
          "text-anchor": "end",
          "font-size": 11,
        }) +
        `<rect class="pmk-bar" x="${num(x0)}" y="${num(y + 4)}" width="${num(Math.max(0.5, x1 - x0))}" height="${num(rowH - 8)}" fill="${colour}"><title>${esc(`${it.label ?? it.id}: ${fmt(it.value, 2)} ${unit}${it.marker !== undefined ? `, ${data.markerLabel ?? "mean"} ${fmt(it.marker, 2)}` : ""}`)}</title></rect>` +
        (it.marker !== undefined
          ? line(
              x(it.marker),
              y + 2,
              x(it.marker),
              y + rowH - 2,
              THEME.text,
              `stroke-width="2" class="pmk-marker"`,
            )
          : "") +
        text(x(it.value) + (it.value >= 0 ? 4 : -4), y + rowH / 2 + 4, fmt(it.value, 1), {
          "text-anchor": it.value >= 0 ? "start" : "end",
          "font-size": 10,
          fill: THEME.muted,
        }) +
        `</g>`,
    );
  });
  body.push(`</g>`);
  body.push(line(x(0), top, x(0), bottom, THEME.text));
  if (items.some((i) => i.marker !== undefined))
    body.push(
      `<g class="pmk-legend">${line(left, height - 16, left, height - 6, THEME.text, `stroke-width="2"`)}${text(left + 6, height - 7, data.markerLabel ?? "mean", { fill: THEME.muted, "font-size": 11 })}</g>`,
    );
  const title = options.title ?? data.title ?? "Tornado";
  const top3 = items.slice(0, 3).map((i) => `${i.label ?? i.id} ${fmt(i.value, 1)}`);
  const description =
    options.description ??
    `Tornado of ${items.length} items in ${unit}, largest first` +
      (top3.length ? `: ${top3.join(", ")}` : "") +
      ".";
  return svgDocument({
    kind: "tornado",
    width,
    height,
    title,
    description,
    idPrefix: options.idPrefix ?? "pmk-tornado",
    body,
  });
}
