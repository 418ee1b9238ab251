// Internal helpers for SVG built as strings: escaping, deterministic number formatting, scales,
// ticks, the accessible document wrapper. Not exported from the package.

/** Escapes text for XML content and attribute values. */
export function esc(value: string | number): string {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Formats a coordinate: at most 2 decimals, no trailing zeros, never `-0`, non-finite as 0. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return "0";
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) || r === 0 ? "0" : String(r);
}

/** Formats a value for labels: `digits` decimals at most, trailing zeros removed. */
export function fmt(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return "n/a";
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  const s = (Object.is(r, -0) ? 0 : r).toFixed(digits);
  return digits > 0 ? s.replace(/\.?0+$/, "") : s;
}

/** A linear scale from a domain to a range. */
export function linear(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (x) => r0 + ((x - d0) / span) * (r1 - r0);
}

/** "Nice" tick values covering [lo, hi] (about `count` ticks). */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm >= 5 ? 10 : norm >= 2 ? 5 : norm >= 1 ? 2 : 1) * mag;
  const out: number[] = [];
  const start = Math.ceil(lo / step - 1e-9);
  const end = Math.floor(hi / step + 1e-9);
  for (let k = start; k <= end; k++) out.push(Math.round(k * step * 1e9) / 1e9);
  return out;
}

/** Extends [lo, hi] to nice tick boundaries. */
export function niceDomain(lo: number, hi: number, count = 5): [number, number] {
  if (hi === lo) return lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi) || 1];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm >= 5 ? 10 : norm >= 2 ? 5 : norm >= 1 ? 2 : 1) * mag;
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

/** Common chart options. */
export interface BaseOptions {
  readonly width?: number;
  readonly height?: number;
  readonly title?: string;
  readonly description?: string;
  readonly idPrefix?: string;
}

/** Shared visual constants (colour-blind-safe Okabe–Ito based palette). */
export const THEME = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  text: "#1f2933",
  muted: "#616e7c",
  grid: "#e4e7eb",
  axis: "#9aa5b1",
  primary: "#0072b2",
  secondary: "#56b4e9",
  critical: "#d55e00",
  good: "#009e73",
  warn: "#e69f00",
  purple: "#cc79a7",
  baseline: "#9aa5b1",
  series: ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"],
} as const;

/** Makes a safe id fragment. */
export function idOf(prefix: string, ...parts: string[]): string {
  return [prefix, ...parts].join("-").replace(/[^A-Za-z0-9_-]/g, "_");
}

/**
 * Wraps chart content in an accessible standalone SVG document: `role="img"`, `<title>` and
 * `<desc>` referenced by `aria-labelledby`.
 */
export function svgDocument(args: {
  kind: string;
  width: number;
  height: number;
  title: string;
  description: string;
  idPrefix: string;
  body: readonly string[];
}): string {
  const t = idOf(args.idPrefix, "title");
  const d = idOf(args.idPrefix, "desc");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="pmk-chart pmk-${esc(args.kind)}" data-chart="${esc(args.kind)}" ` +
      `width="${num(args.width)}" height="${num(args.height)}" viewBox="0 0 ${num(args.width)} ${num(args.height)}" ` +
      `role="img" aria-labelledby="${t} ${d}" font-family="${esc(THEME.font)}" font-size="12" fill="${THEME.text}">`,
    `<title id="${t}">${esc(args.title)}</title>`,
    `<desc id="${d}">${esc(args.description)}</desc>`,
    `<rect class="pmk-background" x="0" y="0" width="${num(args.width)}" height="${num(args.height)}" fill="#ffffff"/>`,
    `<text class="pmk-heading" x="12" y="20" font-size="14" font-weight="600">${esc(args.title)}</text>`,
    ...args.body,
    `</svg>`,
    "",
  ].join("\n");
}

/** A `<text>` element. */
export function text(
  x: number,
  y: number,
  content: string,
  attrs: Readonly<Record<string, string | number>> = {},
): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? num(v) : esc(v)}"`)
    .join("");
  return `<text x="${num(x)}" y="${num(y)}"${a}>${esc(content)}</text>`;
}

/** A `<line>` element. */
export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra = ""): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}"${extra ? ` ${extra}` : ""}/>`;
}

/** A path `d` from points. */
export function pathOf(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${num(x)},${num(y)}`).join(" ");
}

/** Truncates a label to `max` characters with an ellipsis. */
export function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, Math.max(1, max - 1))}…` : s;
}

/** Horizontal value axis with grid lines; returns SVG lines. */
export function xAxis(args: {
  scale: (x: number) => number;
  values: readonly number[];
  y0: number;
  y1: number;
  label?: string;
  format?: (x: number) => string;
  labelX?: number;
}): string[] {
  const f = args.format ?? ((x: number) => fmt(x, 2));
  const out = [`<g class="pmk-axis pmk-axis-x">`];
  for (const v of args.values) {
    const x = args.scale(v);
    out.push(line(x, args.y0, x, args.y1, THEME.grid));
    out.push(text(x, args.y1 + 14, f(v), { "text-anchor": "middle", fill: THEME.muted, "font-size": 11 }));
  }
  out.push(
    line(args.scale(args.values[0] ?? 0), args.y1, args.scale(args.values.at(-1) ?? 0), args.y1, THEME.axis),
  );
  if (args.label)
    out.push(
      text(
        args.labelX ?? args.scale(((args.values[0] ?? 0) + (args.values.at(-1) ?? 0)) / 2),
        args.y1 + 30,
        args.label,
        {
          "text-anchor": "middle",
          fill: THEME.muted,
        },
      ),
    );
  out.push(`</g>`);
  return out;
}

/** Vertical value axis with grid lines; returns SVG lines. */
export function yAxis(args: {
  scale: (y: number) => number;
  values: readonly number[];
  x0: number;
  x1: number;
  label?: string;
  format?: (y: number) => string;
}): string[] {
  const f = args.format ?? ((y: number) => fmt(y, 2));
  const out = [`<g class="pmk-axis pmk-axis-y">`];
  for (const v of args.values) {
    const y = args.scale(v);
    out.push(line(args.x0, y, args.x1, y, THEME.grid));
    out.push(text(args.x0 - 6, y + 4, f(v), { "text-anchor": "end", fill: THEME.muted, "font-size": 11 }));
  }
  if (args.label) {
    const mid = (args.scale(args.values[0] ?? 0) + args.scale(args.values.at(-1) ?? 0)) / 2;
    out.push(
      `<text x="0" y="0" transform="translate(14 ${num(mid)}) rotate(-90)" text-anchor="middle" fill="${THEME.muted}">${esc(args.label)}</text>`,
    );
  }
  out.push(`</g>`);
  return out;
}

/** A legend row of coloured swatches at (x, y). */
export function legend(
  x: number,
  y: number,
  items: readonly { label: string; colour: string; kind?: "line" | "box" }[],
): string[] {
  const out = [`<g class="pmk-legend">`];
  let cx = x;
  for (const it of items) {
    if (it.kind === "line") out.push(line(cx, y - 4, cx + 16, y - 4, it.colour, `stroke-width="2"`));
    else out.push(`<rect x="${num(cx)}" y="${num(y - 10)}" width="12" height="12" fill="${it.colour}"/>`);
    out.push(text(cx + 20, y, it.label, { fill: THEME.muted, "font-size": 11 }));
    cx += 28 + it.label.length * 6.2;
  }
  out.push(`</g>`);
  return out;
}

/** 1234567 → "1.23M". */
export function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${fmt(v / 1e9, 2)}G`;
  if (a >= 1e6) return `${fmt(v / 1e6, 2)}M`;
  if (a >= 1e4) return `${fmt(v / 1e3, 1)}k`;
  return fmt(v, 2);
}
