import { dec } from "../internal/decimal.js";
import { inputError } from "../internal/errors.js";
import { probabilityPoint } from "../register/register.js";
import type { ImpactAssessment, RiskRecord } from "../register/types.js";
import type { ScoringAxis, ScoringScheme } from "./scheme.js";

/**
 * Bin bounds of an axis: given `min`/`max`, else midpoints between anchors and the domain ends.
 *
 * @category Scoring
 */
export function axisBounds(axis: ScoringAxis): { lo: number; hi: number }[] {
  const b = axis.bins;
  const explicit = b.some((x) => x.min !== undefined || x.max !== undefined);
  // With explicit bounds an open first/last bin extends to the domain end or to ±Infinity.
  const dom =
    axis.domain ??
    (explicit
      ? [-Infinity, Infinity]
      : [Math.min(0, b[0]?.anchor ?? 0), Math.max(1, b[b.length - 1]?.anchor ?? 1)]);
  return b.map((x, i) => ({
    lo:
      x.min ??
      (i === 0
        ? dom[0]
        : explicit
          ? (b[i - 1]!.max ?? (b[i - 1]!.anchor + x.anchor) / 2)
          : (b[i - 1]!.anchor + x.anchor) / 2),
    hi:
      x.max ??
      (i === b.length - 1
        ? dom[1]
        : explicit
          ? (b[i + 1]!.min ?? (x.anchor + b[i + 1]!.anchor) / 2)
          : (x.anchor + b[i + 1]!.anchor) / 2),
  }));
}

/**
 * Index (0-based) of the bin containing a raw value (interval (lo, hi], first bin closed).
 *
 * @category Scoring
 */
export function binOf(axis: ScoringAxis, value: number, path = "value"): number {
  const bounds = axisBounds(axis);
  for (let i = 0; i < bounds.length; i++) {
    const { lo, hi } = bounds[i]!;
    if ((value > lo || (i === 0 && value >= lo)) && value <= hi) return i;
  }
  return inputError(
    path,
    `a value inside the ${axis.name} scale [${bounds[0]?.lo}, ${bounds[bounds.length - 1]?.hi}]`,
    value,
  );
}

/**
 * A risk's score under a scheme, with per-dimension detail (which dimension drove the level).
 *
 * @category Scoring
 */
export interface RiskScore {
  readonly riskId: string;
  readonly scheme: string;
  readonly polarity: "threat" | "opportunity";
  readonly probabilityBin: number;
  readonly impactBin: number;
  readonly drivingDimension: string | null;
  readonly dimensions: readonly {
    readonly dimension: string;
    readonly impactBin: number;
    readonly score: string;
  }[];
  /** P anchor × I anchor, rounded half-up on the exact decimal product, as a decimal string. */
  readonly score: string;
  readonly level: string;
  readonly notes: readonly string[];
}

function impactBinOf(scheme: ScoringScheme, dim: string, a: ImpactAssessment, path: string): number {
  const n = scheme.impact.bins.length;
  if (a.level !== undefined) {
    if (!Number.isInteger(a.level) || a.level < 1 || a.level > n)
      inputError(`${path}.level`, `an integer level 1..${n}`, a.level);
    return a.level - 1;
  }
  if (a.value !== undefined) {
    const axis = scheme.dimensions?.[dim] ?? scheme.impact;
    return binOf(axis, a.value, `${path}.value`);
  }
  return -1;
}

/**
 * Scores a risk: probability bin × impact bin per dimension, aggregated (max by default), level
 * from the scheme's matrix and overrides. Scores use decimal arithmetic so they equal published
 * tables (0.7 × 0.05 → "0.04" at 2 dp).
 *
 * @param risk - the risk record
 * @param scheme - the scoring scheme
 * @param options - `residual: true` scores the first response's residual probability and impacts
 * @returns the score
 * @throws PmokitError `INVALID_INPUT` for values outside the scales
 * @example
 * ```ts
 * scoreRisk({ id: "R1", title: "x", polarity: "threat", status: "open", probability: 0.7,
 *   impacts: { cost: { level: 1 } } }, pmbokExampleScheme()).score; // "0.04"
 * ```
 * @category Scoring
 */
export function scoreRisk(
  risk: RiskRecord,
  scheme: ScoringScheme,
  options: { residual?: boolean } = {},
): RiskScore {
  let prob = risk.probability;
  let impacts = risk.impacts;
  if (options.residual) {
    const r = (risk.responses ?? []).find((x) => x.residualProbability !== undefined || x.residualImpacts);
    if (r) {
      if (r.residualProbability !== undefined) prob = r.residualProbability;
      if (r.residualImpacts) impacts = { ...impacts, ...r.residualImpacts };
    }
  }
  const p = probabilityPoint(prob, `${risk.id}.probability`);
  const pb = binOf(scheme.probability, p, `${risk.id}.probability`);
  const decimals = scheme.decimals ?? 2;
  const pa = dec(scheme.probability.bins[pb]!.anchor);
  const notes: string[] = [];
  const dims = Object.entries(impacts)
    .filter((e): e is [string, ImpactAssessment] => e[1] !== undefined)
    .map(([dimension, a]) => ({
      dimension,
      impactBin: impactBinOf(scheme, dimension, a, `${risk.id}.impacts.${dimension}`),
    }))
    .filter((d) => d.impactBin >= 0)
    .map((d) => ({
      ...d,
      score: pa
        .times(dec(scheme.impact.bins[d.impactBin]!.anchor))
        .toDecimalPlaces(decimals)
        .toFixed(decimals),
    }));
  let impactBin = 0;
  let driving: string | null = null;
  const agg = scheme.aggregation ?? { type: "max" };
  if (dims.length > 0) {
    if (agg.type === "max") {
      for (const d of dims)
        if (driving === null || d.impactBin > impactBin) {
          impactBin = d.impactBin;
          driving = d.dimension;
        }
    } else if (agg.type === "weightedMax") {
      let best = -Infinity;
      for (const d of dims) {
        const v = (agg.weights[d.dimension] ?? 1) * scheme.impact.bins[d.impactBin]!.anchor;
        if (v > best) {
          best = v;
          impactBin = d.impactBin;
          driving = d.dimension;
        }
      }
    } else {
      notes.push("weightedMean requires ratio-scale impact anchors");
      let sw = 0;
      let s = 0;
      for (const d of dims) {
        const w = agg.weights[d.dimension] ?? 1;
        sw += w;
        s += w * scheme.impact.bins[d.impactBin]!.anchor;
      }
      impactBin = binOf(scheme.impact, s / sw, `${risk.id}.impacts`);
      driving = null;
    }
  } else notes.push("no impact assessed: scored at the lowest impact bin");
  let level = scheme.matrix[pb]?.[impactBin];
  if (level === undefined) inputError(`${scheme.id}.matrix[${pb}][${impactBin}]`, "a level id", "nothing");
  const rank = (id: string): number => scheme.levels.findIndex((l) => l.id === id);
  for (const o of scheme.overrides ?? []) {
    const d = dims.find((x) => x.dimension === o.dimension);
    if (d && d.impactBin + 1 >= o.minImpactBin && rank(o.level) > rank(level)) {
      level = o.level;
      driving = o.dimension;
      notes.push(`override: ${o.dimension} ≥ ${o.minImpactBin} → ${o.level}`);
    }
  }
  return {
    riskId: risk.id,
    scheme: `${scheme.id}@${scheme.version}`,
    polarity: risk.polarity,
    probabilityBin: pb + 1,
    impactBin: impactBin + 1,
    drivingDimension: driving,
    dimensions: dims.map((d) => ({ ...d, impactBin: d.impactBin + 1 })),
    score: pa.times(dec(scheme.impact.bins[impactBin]!.anchor)).toDecimalPlaces(decimals).toFixed(decimals),
    level,
    notes,
  };
}

/**
 * The printed P × I table of a scheme (rows = probability bins low → high), decimal strings.
 *
 * @category Scoring
 */
export function scoreTable(scheme: ScoringScheme): string[][] {
  const d = scheme.decimals ?? 2;
  return scheme.probability.bins.map((p) =>
    scheme.impact.bins.map((i) => dec(p.anchor).times(dec(i.anchor)).toDecimalPlaces(d).toFixed(d)),
  );
}
