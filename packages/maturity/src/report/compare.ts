import type { MaturityResult } from "../scoring/assess.js";

/**
 * Change of one dimension between two assessments.
 *
 * @category Reports
 * @since 0.1.0
 */
export interface DimensionDelta {
  readonly dimensionId: string;
  readonly name: string;
  readonly scoreBefore?: number;
  readonly scoreAfter?: number;
  readonly scoreDelta?: number;
  readonly levelBefore?: number;
  readonly levelAfter?: number;
  readonly levelDelta?: number;
  readonly coverageDelta: number;
  readonly confidenceDelta: number;
}

/**
 * Trend over a series of results for the same subject.
 *
 * @category Reports
 * @since 0.1.0
 */
export interface MaturityTrend {
  readonly points: readonly {
    readonly date?: string;
    readonly modelVersion: string;
    readonly overallScore?: number;
    readonly overallLevel?: number;
  }[];
  /** Deltas between consecutive results; `comparable` is false across model ids or versions. */
  readonly steps: readonly {
    readonly from?: string;
    readonly to?: string;
    readonly comparable: boolean;
    readonly overall: DimensionDelta;
    readonly dimensions: readonly DimensionDelta[];
  }[];
}

function delta(a: MaturityResult["overall"] | undefined, b: MaturityResult["overall"]): DimensionDelta {
  const sub = (x: number | undefined, y: number | undefined): number | undefined =>
    x === undefined || y === undefined ? undefined : y - x;
  const sd = sub(a?.score, b.score);
  const ld = sub(a?.levelOrdinal, b.levelOrdinal);
  return {
    dimensionId: b.dimensionId,
    name: b.name,
    ...(a?.score === undefined ? {} : { scoreBefore: a.score }),
    ...(b.score === undefined ? {} : { scoreAfter: b.score }),
    ...(sd === undefined ? {} : { scoreDelta: sd }),
    ...(a?.levelOrdinal === undefined ? {} : { levelBefore: a.levelOrdinal }),
    ...(b.levelOrdinal === undefined ? {} : { levelAfter: b.levelOrdinal }),
    ...(ld === undefined ? {} : { levelDelta: ld }),
    coverageDelta: b.coverage - (a?.coverage ?? 0),
    confidenceDelta: b.confidence.value - (a?.confidence.value ?? 0),
  };
}

/**
 * Trend between assessments of the same subject: results are sorted by date and every consecutive
 * pair gives per-dimension score, level, coverage and confidence deltas. Pairs scored with a
 * different model id or version are flagged `comparable: false`.
 *
 * @param results - results of the same subject (any order)
 * @returns points and steps
 * @example
 * ```ts
 * import { computeTrend } from "@pmokit/maturity";
 * computeTrend([q1Result, q3Result]).steps[0]?.overall.scoreDelta;
 * ```
 * @category Reports
 * @since 0.1.0
 */
export function computeTrend(results: readonly MaturityResult[]): MaturityTrend {
  const sorted = [...results].sort((a, b) =>
    (a.date ?? "") < (b.date ?? "") ? -1 : (a.date ?? "") > (b.date ?? "") ? 1 : 0,
  );
  const steps = sorted.slice(1).map((b, i) => {
    const a = sorted[i]!;
    return {
      ...(a.date === undefined ? {} : { from: a.date }),
      ...(b.date === undefined ? {} : { to: b.date }),
      comparable: a.modelId === b.modelId && a.modelVersion === b.modelVersion,
      overall: delta(a.overall, b.overall),
      dimensions: b.dimensions.map((d) =>
        delta(
          a.dimensions.find((x) => x.dimensionId === d.dimensionId),
          d,
        ),
      ),
    };
  });
  return {
    points: sorted.map((r) => ({
      ...(r.date === undefined ? {} : { date: r.date }),
      modelVersion: r.modelVersion,
      ...(r.overall.score === undefined ? {} : { overallScore: r.overall.score }),
      ...(r.overall.levelOrdinal === undefined ? {} : { overallLevel: r.overall.levelOrdinal }),
    })),
    steps,
  };
}

/**
 * Comparison of units (teams, departments) assessed with the same model.
 *
 * @category Reports
 * @since 0.1.0
 */
export interface UnitComparison {
  readonly units: readonly string[];
  readonly comparable: boolean;
  readonly dimensions: readonly {
    readonly dimensionId: string;
    readonly name: string;
    /** Score per unit (same order as `units`). */
    readonly scores: readonly (number | null)[];
    readonly levels: readonly (number | null)[];
    readonly best?: string;
    readonly worst?: string;
    /** Max − min score across units. */
    readonly spread?: number;
  }[];
  /** Units by overall score, best first. */
  readonly ranking: readonly { readonly unit: string; readonly score?: number; readonly level?: number }[];
}

/**
 * Compares units side by side: per dimension the score and level of each unit, best and worst
 * unit and the spread, plus an overall ranking.
 *
 * @param units - `{ unit, result }` pairs (results of the same model)
 * @returns the comparison
 * @example
 * ```ts
 * import { compareUnits } from "@pmokit/maturity";
 * compareUnits([{ unit: "IT", result: a }, { unit: "Finance", result: b }]).ranking;
 * ```
 * @category Reports
 * @since 0.1.0
 */
export function compareUnits(
  units: readonly { readonly unit: string; readonly result: MaturityResult }[],
): UnitComparison {
  const first = units[0]?.result;
  const comparable = units.every(
    (u) => u.result.modelId === first?.modelId && u.result.modelVersion === first.modelVersion,
  );
  const dims = first?.dimensions ?? [];
  return {
    units: units.map((u) => u.unit),
    comparable,
    dimensions: dims.map((d) => {
      const rs = units.map((u) => u.result.dimensions.find((x) => x.dimensionId === d.dimensionId));
      const scores = rs.map((r) => r?.score ?? null);
      const present = scores
        .map((s, i) => ({ s, i }))
        .filter((x): x is { s: number; i: number } => x.s !== null);
      const best = present.length > 0 ? present.reduce((a, b) => (b.s > a.s ? b : a)) : undefined;
      const worst = present.length > 0 ? present.reduce((a, b) => (b.s < a.s ? b : a)) : undefined;
      return {
        dimensionId: d.dimensionId,
        name: d.name,
        scores,
        levels: rs.map((r) => r?.levelOrdinal ?? null),
        ...(best === undefined ? {} : { best: units[best.i]!.unit }),
        ...(worst === undefined ? {} : { worst: units[worst.i]!.unit }),
        ...(best === undefined || worst === undefined ? {} : { spread: best.s - worst.s }),
      };
    }),
    ranking: units
      .map((u) => ({
        unit: u.unit,
        ...(u.result.overall.score === undefined ? {} : { score: u.result.overall.score }),
        ...(u.result.overall.levelOrdinal === undefined ? {} : { level: u.result.overall.levelOrdinal }),
      }))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.unit < b.unit ? -1 : 1)),
  };
}
