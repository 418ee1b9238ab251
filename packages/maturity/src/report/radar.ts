import type { MaturityResult } from "../scoring/assess.js";

/**
 * Radar-chart data: one axis per top-level dimension, series for the decimal level, the awarded
 * level and (when a target profile is known) the target level.
 *
 * @category Reports
 * @since 0.1.0
 */
export interface RadarData {
  readonly axes: readonly { readonly id: string; readonly label: string }[];
  readonly min: number;
  readonly max: number;
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
}

/**
 * Builds radar-chart data from a result (top-level dimensions as axes, values in level units).
 *
 * @param result - a {@link MaturityResult}
 * @returns axes, range and series (`null` for a dimension without a value)
 * @example
 * ```ts
 * import { toRadarData } from "@pmokit/maturity";
 * const radar = toRadarData(result); // feed to Vega-Lite, ECharts, Chart.js...
 * ```
 * @category Reports
 * @since 0.1.0
 */
export function toRadarData(result: MaturityResult): RadarData {
  const top = result.dimensions.filter((d) => d.parentId === undefined);
  const ords = result.levels.map((l) => l.ordinal);
  const target = (id: string): number | null => {
    const g = result.gaps.find((x) => x.dimensionId === id);
    return g ? g.targetLevelOrdinal : null;
  };
  return {
    axes: top.map((d) => ({ id: d.dimensionId, label: d.name })),
    min: Math.min(...ords),
    max: Math.max(...ords),
    series: [
      { name: "decimal level", values: top.map((d) => d.decimalLevel ?? null) },
      { name: "staged level", values: top.map((d) => d.levelOrdinal ?? null) },
      ...(result.gaps.length > 0 ? [{ name: "target", values: top.map((d) => target(d.dimensionId)) }] : []),
    ],
  };
}
