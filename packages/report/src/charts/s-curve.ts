import {
  THEME,
  compact,
  esc,
  legend,
  line,
  linear,
  pathOf,
  svgDocument,
  text,
  ticks,
  yAxis,
} from "../internal/svg.js";
import type { BaseOptions } from "../internal/svg.js";
import { dayNumber, timeTicks } from "../internal/time.js";

/**
 * Input of {@link renderSCurveSvg} and {@link sCurveSpec}: cumulative earned-value series per period
 * end, the same shape as the `pmokit evm` time-phased input (`pv` covers the plan; `ev` and `ac` up
 * to the status date).
 *
 * @category Charts
 * @since 0.1.0
 */
export interface SCurveData {
  readonly title?: string;
  /** Unit or currency of the values (e.g. `"EUR"`, `"hours"`). */
  readonly unit?: string;
  /** Cumulative values at the end of each period, dates ascending. */
  readonly periods: readonly {
    readonly date: string;
    readonly pv: number;
    readonly ev?: number;
    readonly ac?: number;
  }[];
  /** Budget at completion (a horizontal line). */
  readonly bac?: number;
  /** Estimate at completion (a horizontal line). */
  readonly eac?: number;
  /** Status date (a vertical line). */
  readonly statusDate?: string;
}

/**
 * Renders earned-value S-curves: planned value, earned value and actual cost, with BAC, EAC and the
 * status date.
 *
 * @param data - cumulative series per period
 * @param options - size, title, id prefix
 * @returns the SVG document as a string
 * @throws PmokitError `INVALID_INPUT` for a date that is not ISO
 * @example
 * ```ts
 * import { renderSCurveSvg } from "@pmokit/report";
 * const svg = renderSCurveSvg({
 *   unit: "EUR", bac: 100,
 *   periods: [{ date: "2026-01-31", pv: 20, ev: 15, ac: 18 }, { date: "2026-02-28", pv: 60 }, { date: "2026-03-31", pv: 100 }],
 * });
 * ```
 * @category Charts
 * @since 0.1.0
 */
export function renderSCurveSvg(data: SCurveData, options: BaseOptions = {}): string {
  const width = options.width ?? 760;
  const height = options.height ?? 380;
  const left = 72;
  const right = width - 60;
  const top = 44;
  const bottom = height - 70;
  const days = data.periods.map((p, i) => dayNumber(p.date, `periods[${i}].date`));
  const status = data.statusDate === undefined ? undefined : dayNumber(data.statusDate, "statusDate");
  let lo = Math.min(...days, status ?? Infinity);
  let hi = Math.max(...days, status ?? -Infinity);
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  if (hi === lo) hi = lo + 1;
  let vmax = Math.max(0, data.bac ?? 0, data.eac ?? 0);
  for (const p of data.periods) vmax = Math.max(vmax, p.pv, p.ev ?? 0, p.ac ?? 0);
  const vt = ticks(0, vmax || 1, 5);
  const x = linear(lo, hi, left, right);
  const y = linear(0, Math.max(vmax, vt.at(-1) ?? 1) || 1, bottom, top);
  const unit = data.unit ?? "";
  const body: string[] = [];
  body.push(
    ...yAxis({
      scale: y,
      values: vt,
      x0: left,
      x1: right,
      label: unit ? `cumulative (${unit})` : "cumulative",
      format: (v) => compact(v),
    }),
  );
  body.push(`<g class="pmk-axis pmk-axis-x">`);
  for (const tk of timeTicks(lo, hi, 10)) {
    body.push(line(x(tk.day), top, x(tk.day), bottom, THEME.grid));
    body.push(
      text(x(tk.day), bottom + 14, tk.label, { "text-anchor": "middle", fill: THEME.muted, "font-size": 10 }),
    );
  }
  body.push(line(left, bottom, right, bottom, THEME.axis), `</g>`);
  const series = [
    { key: "pv", label: "planned value (PV)", colour: THEME.primary },
    { key: "ev", label: "earned value (EV)", colour: THEME.good },
    { key: "ac", label: "actual cost (AC)", colour: THEME.critical },
  ] as const;
  for (const s of series) {
    const pts: [number, number][] = [];
    data.periods.forEach((p, i) => {
      const v = p[s.key];
      if (v !== undefined) pts.push([x(days[i]!), y(v)]);
    });
    if (pts.length === 0) continue;
    body.push(
      `<path class="pmk-series pmk-${s.key}" data-series="${s.key}" d="${pathOf(pts)}" fill="none" stroke="${s.colour}" stroke-width="2"/>`,
    );
  }
  const hline = (v: number | undefined, label: string, cls: string) => {
    if (v === undefined) return;
    body.push(
      `<g class="${cls}">${line(left, y(v), right, y(v), THEME.muted, `stroke-dasharray="6 3"`)}${text(right + 4, y(v) + 4, `${label} ${compact(v)}`, { "font-size": 10, fill: THEME.muted })}</g>`,
    );
  };
  hline(data.bac, "BAC", "pmk-bac");
  hline(data.eac, "EAC", "pmk-eac");
  if (status !== undefined)
    body.push(
      `<g class="pmk-status-date">${line(x(status), top, x(status), bottom, THEME.purple, `stroke-width="1.5" stroke-dasharray="4 3"`)}${text(x(status) + 3, bottom - 6, `status ${esc(data.statusDate!.slice(0, 10))}`, { "font-size": 10, fill: THEME.purple })}</g>`,
    );
  body.push(
    ...legend(
      left,
      height - 14,
      series.map((s) => ({ label: s.label, colour: s.colour, kind: "line" as const })),
    ),
  );
  const last = [...data.periods].reverse().find((p) => p.ev !== undefined);
  const title = options.title ?? data.title ?? "Earned value S-curves";
  const description =
    options.description ??
    `Cumulative planned value over ${data.periods.length} periods from ${data.periods[0]?.date ?? ""} to ${data.periods.at(-1)?.date ?? ""}` +
      (data.bac !== undefined ? `, BAC ${compact(data.bac)}${unit ? ` ${unit}` : ""}` : "") +
      (last
        ? `; at ${last.date}: PV ${compact(last.pv)}, EV ${compact(last.ev ?? 0)}, AC ${compact(last.ac ?? 0)}`
        : "") +
      ".";
  return svgDocument({
    kind: "s-curve",
    width,
    height,
    title,
    description,
    idPrefix: options.idPrefix ?? "pmk-scurve",
    body,
  });
}
