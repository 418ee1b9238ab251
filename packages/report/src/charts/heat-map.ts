import { THEME, clip, esc, num, svgDocument, text } from "../internal/svg.js";
import type { BaseOptions } from "../internal/svg.js";

/**
 * Input of {@link renderHeatMapSvg} and {@link heatMapSpec}: a probability-impact matrix and the
 * risks placed in it. Bins are 0-based, lowest first.
 *
 * @category Charts
 * @since 0.1.0
 */
export interface HeatMapData {
  readonly title?: string;
  /** Probability bin labels, lowest first (rows, drawn bottom to top). */
  readonly probabilityLabels: readonly string[];
  /** Impact bin labels, lowest first (columns, left to right). */
  readonly impactLabels: readonly string[];
  /** `levels[p][i]`: the level id of each cell. */
  readonly levels: readonly (readonly string[])[];
  /** Level ids with a label and a CSS colour (default: green / amber / red by position). */
  readonly levelStyles?: readonly { readonly id: string; readonly label: string; readonly colour?: string }[];
  /** Risks placed in the matrix. */
  readonly risks: readonly {
    readonly id: string;
    readonly title?: string;
    readonly probabilityBin: number;
    readonly impactBin: number;
  }[];
}

const NAMED: Readonly<Record<string, string>> = {
  green: "#7fc97f",
  yellow: "#fdd76e",
  amber: "#fdb462",
  orange: "#fb9a52",
  red: "#ef6f6c",
};
const DEFAULT_LEVEL_COLOURS = ["#7fc97f", "#fdd76e", "#fb9a52", "#ef6f6c", "#c2415d"];

/** Resolves level ids to colours (named colours mapped to a softer palette). */
export function levelColours(data: HeatMapData): Map<string, { label: string; colour: string }> {
  const out = new Map<string, { label: string; colour: string }>();
  const styles = data.levelStyles ?? [];
  const seen: string[] = [];
  for (const row of data.levels) for (const id of row) if (!seen.includes(id)) seen.push(id);
  const ids = styles.length > 0 ? styles.map((s) => s.id) : seen;
  ids.forEach((id, k) => {
    const s = styles.find((x) => x.id === id);
    const c = s?.colour;
    const colour =
      c === undefined
        ? (DEFAULT_LEVEL_COLOURS[Math.round((k * 4) / Math.max(1, ids.length - 1))] ?? "#cccccc")
        : (NAMED[c] ?? c);
    out.set(id, { label: s?.label ?? id, colour });
  });
  for (const id of seen) if (!out.has(id)) out.set(id, { label: id, colour: "#cccccc" });
  return out;
}

/**
 * Renders a probability-impact heat map: cells coloured by risk level, the number of risks and
 * their ids in each cell.
 *
 * @param data - matrix labels and levels, placed risks
 * @param options - size, title, id prefix
 * @returns the SVG document as a string
 * @example
 * ```ts
 * import { renderHeatMapSvg } from "@pmokit/report";
 * const svg = renderHeatMapSvg({
 *   probabilityLabels: ["low", "high"], impactLabels: ["low", "high"],
 *   levels: [["low", "moderate"], ["moderate", "high"]],
 *   risks: [{ id: "R1", probabilityBin: 1, impactBin: 1 }],
 * });
 * ```
 * @category Charts
 * @since 0.1.0
 */
export function renderHeatMapSvg(data: HeatMapData, options: BaseOptions = {}): string {
  const np = data.probabilityLabels.length;
  const ni = data.impactLabels.length;
  const width = options.width ?? 640;
  const left = 110;
  const top = 44;
  const cell = Math.min(96, Math.floor((width - left - 24) / Math.max(1, ni)));
  const height = options.height ?? top + np * cell + 76;
  const colours = levelColours(data);
  const body: string[] = [`<g class="pmk-cells">`];
  const cellRisks = (p: number, i: number) =>
    data.risks.filter((r) => r.probabilityBin === p && r.impactBin === i);
  for (let p = 0; p < np; p++) {
    for (let i = 0; i < ni; i++) {
      const x = left + i * cell;
      const y = top + (np - 1 - p) * cell;
      const lvl = data.levels[p]?.[i] ?? "";
      const c = colours.get(lvl);
      const rs = cellRisks(p, i);
      body.push(
        `<g class="pmk-cell" data-probability="${p}" data-impact="${i}" data-level="${esc(lvl)}" data-count="${rs.length}">` +
          `<rect x="${num(x)}" y="${num(y)}" width="${num(cell - 2)}" height="${num(cell - 2)}" fill="${esc(c?.colour ?? "#cccccc")}"><title>${esc(`P ${data.probabilityLabels[p] ?? p} × I ${data.impactLabels[i] ?? i}: ${c?.label ?? lvl}, ${rs.length} risks`)}</title></rect>`,
      );
      if (rs.length > 0) {
        body.push(
          text(x + cell / 2 - 1, y + cell / 2 - 4, String(rs.length), {
            "text-anchor": "middle",
            "font-size": 18,
            "font-weight": "700",
          }),
        );
        const ids = clip(rs.map((r) => r.id).join(", "), Math.floor(cell / 5));
        body.push(
          text(x + cell / 2 - 1, y + cell / 2 + 14, ids, { "text-anchor": "middle", "font-size": 8 }),
        );
      }
      body.push(`</g>`);
    }
  }
  body.push(`</g>`);
  body.push(`<g class="pmk-axis">`);
  for (let p = 0; p < np; p++)
    body.push(
      text(left - 6, top + (np - 1 - p) * cell + cell / 2 + 4, clip(data.probabilityLabels[p] ?? "", 16), {
        "text-anchor": "end",
        fill: THEME.muted,
        "font-size": 11,
      }),
    );
  for (let i = 0; i < ni; i++)
    body.push(
      text(
        left + i * cell + cell / 2,
        top + np * cell + 14,
        clip(data.impactLabels[i] ?? "", Math.floor(cell / 6)),
        { "text-anchor": "middle", fill: THEME.muted, "font-size": 11 },
      ),
    );
  body.push(
    text(left + (ni * cell) / 2, top + np * cell + 32, "Impact", {
      "text-anchor": "middle",
      "font-weight": "600",
    }),
  );
  body.push(
    `<text x="0" y="0" transform="translate(16 ${num(top + (np * cell) / 2)}) rotate(-90)" text-anchor="middle" font-weight="600">Probability</text>`,
  );
  body.push(`</g>`);
  body.push(`<g class="pmk-legend">`);
  let lx = left;
  for (const [, v] of colours) {
    body.push(
      `<rect x="${num(lx)}" y="${num(height - 22)}" width="12" height="12" fill="${esc(v.colour)}"/>`,
    );
    body.push(text(lx + 16, height - 12, v.label, { fill: THEME.muted, "font-size": 11 }));
    lx += 30 + v.label.length * 6.4;
  }
  body.push(`</g>`);
  const counts = [...colours.entries()].map(([id, v]) => {
    let c = 0;
    for (const r of data.risks) if (data.levels[r.probabilityBin]?.[r.impactBin] === id) c++;
    return `${c} ${v.label}`;
  });
  const title = options.title ?? data.title ?? "Probability-impact matrix";
  const description =
    options.description ??
    `${np}×${ni} probability-impact matrix with ${data.risks.length} risks: ${counts.join(", ")}.`;
  return svgDocument({
    kind: "heat-map",
    width,
    height,
    title,
    description,
    idPrefix: options.idPrefix ?? "pmk-heatmap",
    body,
  });
}
