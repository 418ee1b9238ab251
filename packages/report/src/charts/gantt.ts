import { THEME, clip, esc, line, num, svgDocument, text } from "../internal/svg.js";
import type { BaseOptions } from "../internal/svg.js";
import { dayNumber, timeTicks } from "../internal/time.js";

/**
 * One bar of a Gantt chart. Dates are ISO strings (`YYYY-MM-DD` or local date-times
 * `YYYY-MM-DDTHH:mm:ss`).
 *
 * @category Charts
 * @since 0.1.0
 */
export interface GanttTask {
  readonly id: string;
  readonly name: string;
  readonly start: string;
  readonly finish: string;
  /** Baseline dates (drawn as a thin grey bar under the current bar). */
  readonly baselineStart?: string;
  readonly baselineFinish?: string;
  /** On the critical path (drawn in the critical colour). */
  readonly critical?: boolean;
  /** Summary (roll-up) task: drawn as a bracket. */
  readonly summary?: boolean;
  /** Milestone: drawn as a diamond at `start`. */
  readonly milestone?: boolean;
  /** Physical or duration % complete as a share 0..1 (drawn as an inner progress bar). */
  readonly progress?: number;
  /** Outline level (1 = top); indents the label. */
  readonly level?: number;
}

/**
 * Input of {@link renderGanttSvg} and {@link ganttSpec}: plain data, independent of any engine.
 *
 * @category Charts
 * @since 0.1.0
 */
export interface GanttChartData {
  readonly title?: string;
  readonly tasks: readonly GanttTask[];
  /** Status (data) date: a vertical line. */
  readonly statusDate?: string;
  /** Ids of one critical path in order (listed in the description). */
  readonly criticalPath?: readonly string[];
}

/**
 * Options of {@link renderGanttSvg}.
 *
 * @category Charts
 * @since 0.1.0
 */
export interface GanttOptions extends BaseOptions {
  /** Height of one row in pixels (default 22). */
  readonly rowHeight?: number;
  /** Width of the label column (default 220). */
  readonly labelWidth?: number;
  /** At most this many rows (default 200); the rest are counted in the description. */
  readonly maxRows?: number;
}

/**
 * Renders a Gantt chart with the critical path and the baseline as a standalone, accessible SVG
 * string (no DOM; same input, same bytes).
 *
 * @param data - tasks with current and baseline dates, critical flags
 * @param options - size, title, id prefix
 * @returns the SVG document as a string
 * @throws PmokitError `INVALID_INPUT` for a date that is not ISO
 * @example
 * ```ts
 * import { renderGanttSvg } from "@pmokit/report";
 * const svg = renderGanttSvg({
 *   tasks: [
 *     { id: "A", name: "Design", start: "2026-01-05", finish: "2026-01-16", critical: true },
 *     { id: "B", name: "Build", start: "2026-01-19", finish: "2026-02-13", baselineStart: "2026-01-19", baselineFinish: "2026-02-06" },
 *   ],
 * });
 * ```
 * @category Charts
 * @since 0.1.0
 */
export function renderGanttSvg(data: GanttChartData, options: GanttOptions = {}): string {
  const maxRows = options.maxRows ?? 200;
  const rows = data.tasks.slice(0, maxRows);
  const rowH = options.rowHeight ?? 22;
  const labelW = options.labelWidth ?? 220;
  const width = options.width ?? 960;
  const top = 58;
  const height = options.height ?? top + rows.length * rowH + 48;
  const left = labelW + 16;
  const right = width - 16;
  const days = rows.map((t, i) => {
    const s = dayNumber(t.start, `tasks[${i}].start`);
    const f = dayNumber(t.finish, `tasks[${i}].finish`);
    const bs =
      t.baselineStart === undefined ? undefined : dayNumber(t.baselineStart, `tasks[${i}].baselineStart`);
    const bf =
      t.baselineFinish === undefined ? undefined : dayNumber(t.baselineFinish, `tasks[${i}].baselineFinish`);
    return { s, f: Math.max(s, f), bs, bf };
  });
  const status = data.statusDate === undefined ? undefined : dayNumber(data.statusDate, "statusDate");
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of days) {
    lo = Math.min(lo, d.s, d.bs ?? Infinity);
    hi = Math.max(hi, d.f, d.bf ?? -Infinity);
  }
  if (status !== undefined) {
    lo = Math.min(lo, status);
    hi = Math.max(hi, status);
  }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  const pad = Math.max(1, (hi - lo) * 0.02);
  lo -= pad;
  hi += pad;
  const x = (d: number): number => left + ((d - lo) / (hi - lo)) * (right - left);
  const bottom = top + rows.length * rowH;
  const title = options.title ?? data.title ?? "Gantt chart";
  const critical = rows.filter((t) => t.critical && !t.summary).length;
  const withBaseline = rows.filter((t) => t.baselineStart !== undefined).length;
  const body: string[] = [];
  body.push(`<g class="pmk-grid">`);
  for (const tk of timeTicks(lo, hi)) {
    body.push(line(x(tk.day), top - 6, x(tk.day), bottom, THEME.grid));
    body.push(text(x(tk.day) + 3, top - 10, tk.label, { fill: THEME.muted, "font-size": 10 }));
  }
  body.push(`</g>`);
  body.push(`<g class="pmk-rows">`);
  rows.forEach((t, i) => {
    const d = days[i]!;
    const y = top + i * rowH;
    const cls = `pmk-task${t.critical ? " pmk-critical" : ""}${t.summary ? " pmk-summary" : ""}${t.milestone ? " pmk-milestone" : ""}`;
    const colour = t.critical ? THEME.critical : THEME.primary;
    body.push(`<g class="${cls}" data-id="${esc(t.id)}">`);
    if (i % 2 === 1)
      body.push(`<rect x="0" y="${num(y)}" width="${num(width)}" height="${num(rowH)}" fill="#f5f7fa"/>`);
    const indent = Math.max(0, (t.level ?? 1) - 1) * 10;
    body.push(
      text(12 + indent, y + rowH / 2 + 4, clip(t.name, Math.floor((labelW - indent) / 6.4)), {
        "font-weight": t.summary ? "600" : "400",
      }),
    );
    body.push(
      `<title>${esc(`${t.id} ${t.name}: ${t.start} → ${t.finish}${t.critical ? " (critical)" : ""}`)}</title>`,
    );
    if (d.bs !== undefined && d.bf !== undefined) {
      body.push(
        `<rect class="pmk-baseline" x="${num(x(d.bs))}" y="${num(y + rowH - 7)}" width="${num(Math.max(1, x(d.bf) - x(d.bs)))}" height="4" fill="${THEME.baseline}"/>`,
      );
    }
    const y0 = y + 4;
    const h = rowH - 12;
    if (t.milestone) {
      const cx = x(d.s);
      const cy = y0 + h / 2;
      const r = h / 2 + 1;
      body.push(
        `<path class="pmk-bar" d="M${num(cx)},${num(cy - r)} L${num(cx + r)},${num(cy)} L${num(cx)},${num(cy + r)} L${num(cx - r)},${num(cy)} Z" fill="${colour}"/>`,
      );
    } else if (t.summary) {
      const x0 = x(d.s);
      const x1 = Math.max(x0 + 1, x(d.f));
      body.push(
        `<path class="pmk-bar" d="M${num(x0)},${num(y0 + h)} L${num(x0)},${num(y0 + 2)} L${num(x1)},${num(y0 + 2)} L${num(x1)},${num(y0 + h)} L${num(x1 - 4)},${num(y0 + h / 2)} L${num(x0 + 4)},${num(y0 + h / 2)} Z" fill="${t.critical ? THEME.critical : THEME.text}"/>`,
      );
    } else {
      const x0 = x(d.s);
      const w = Math.max(1, x(d.f) - x0);
      body.push(
        `<rect class="pmk-bar" x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${num(h)}" rx="2" fill="${colour}"/>`,
      );
      const p = t.progress ?? 0;
      if (p > 0)
        body.push(
          `<rect class="pmk-progress" x="${num(x0)}" y="${num(y0 + h / 2 - 1.5)}" width="${num(w * Math.min(1, p))}" height="3" fill="#1f2933" fill-opacity="0.55"/>`,
        );
    }
    body.push(`</g>`);
  });
  body.push(`</g>`);
  if (status !== undefined) {
    body.push(
      `<g class="pmk-status-date">${line(x(status), top - 6, x(status), bottom, THEME.purple, `stroke-width="1.5" stroke-dasharray="4 3"`)}${text(x(status) + (x(status) > right - 90 ? -3 : 3), bottom + 12, `status ${data.statusDate!.slice(0, 10)}`, { fill: THEME.purple, "font-size": 10, "text-anchor": x(status) > right - 90 ? "end" : "start" })}</g>`,
    );
  }
  body.push(
    `<g class="pmk-legend">` +
      `<rect x="12" y="${num(height - 22)}" width="12" height="10" fill="${THEME.primary}"/>` +
      text(28, height - 13, "task", { fill: THEME.muted, "font-size": 11 }) +
      `<rect x="70" y="${num(height - 22)}" width="12" height="10" fill="${THEME.critical}"/>` +
      text(86, height - 13, "critical", { fill: THEME.muted, "font-size": 11 }) +
      `<rect x="140" y="${num(height - 19)}" width="16" height="4" fill="${THEME.baseline}"/>` +
      text(160, height - 13, "baseline", { fill: THEME.muted, "font-size": 11 }) +
      `</g>`,
  );
  const hidden = data.tasks.length - rows.length;
  const description =
    options.description ??
    `Gantt chart of ${data.tasks.length} tasks${hidden > 0 ? ` (first ${rows.length} shown)` : ""}, ` +
      `${critical} critical, ${withBaseline} with a baseline` +
      (Number.isFinite(lo) && rows.length > 0
        ? `, from ${rows.reduce((a, t) => (t.start < a ? t.start : a), rows[0]!.start).slice(0, 10)} to ${rows.reduce((a, t) => (t.finish > a ? t.finish : a), rows[0]!.finish).slice(0, 10)}`
        : "") +
      (data.criticalPath && data.criticalPath.length > 0
        ? `. Critical path: ${data.criticalPath.join(" → ")}`
        : "") +
      ".";
  return svgDocument({
    kind: "gantt",
    width,
    height,
    title,
    description,
    idPrefix: options.idPrefix ?? "pmk-gantt",
    body,
  });
}
