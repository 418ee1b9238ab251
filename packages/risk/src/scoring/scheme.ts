/**
 * One bin of a scale, ordered low → high. `anchor` is the calibrated numeric value used in scores
 * (e.g. probability 0.3, impact 0.2); `min`/`max` are optional numeric bounds (interval
 * (min, max], the first bin closed at min).
 *
 * @category Scoring
 */
export interface ScaleBin {
  readonly label: string;
  readonly anchor: number;
  readonly min?: number;
  readonly max?: number;
  readonly description?: string;
}

/**
 * A scale axis: ordered bins and the domain they should cover.
 *
 * @category Scoring
 */
export interface ScoringAxis {
  readonly name: string;
  readonly bins: readonly ScaleBin[];
  /** Domain the bins must cover (default [0, 1] for probability). */
  readonly domain?: readonly [number, number];
}

/**
 * A risk level (colour), ordered low → high in {@link ScoringScheme.levels}.
 *
 * @category Scoring
 */
export interface RiskLevel {
  readonly id: string;
  readonly label: string;
  readonly colour?: string;
}

/**
 * How per-dimension impacts combine: `max` (default, DoD), `weightedMax` (max of weight × anchor),
 * `weightedMean` (weighted mean of anchors: requires ratio-scale anchors).
 *
 * @category Scoring
 */
export type DimensionAggregation =
  | { readonly type: "max" }
  | { readonly type: "weightedMax"; readonly weights: Readonly<Record<string, number>> }
  | { readonly type: "weightedMean"; readonly weights: Readonly<Record<string, number>> };

/**
 * A scoring scheme as data: probability and impact axes with numeric anchors, optional
 * per-dimension bins for raw values (e.g. % cost increase → impact bin), the cell → level table
 * (`matrix[probabilityBin][impactBin]`, row 0 = lowest probability, column 0 = lowest impact),
 * the dimension aggregation, decimal rounding of scores and override rules.
 *
 * @category Scoring
 */
export interface ScoringScheme {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly description?: string;
  readonly probability: ScoringAxis;
  readonly impact: ScoringAxis;
  readonly dimensions?: Readonly<Record<string, ScoringAxis>>;
  readonly levels: readonly RiskLevel[];
  readonly matrix: readonly (readonly string[])[];
  readonly aggregation?: DimensionAggregation;
  /** Decimal places of scores, rounded half-up on the exact decimal product (default 2). */
  readonly decimals?: number;
  /** E.g. any safety impact ≥ bin 4 → level "high". */
  readonly overrides?: readonly {
    readonly dimension: string;
    readonly minImpactBin: number;
    readonly level: string;
  }[];
}
