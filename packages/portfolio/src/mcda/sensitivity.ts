import { rankAlternatives } from "./rank.js";
import type { RankOptions, RankProblem } from "./rank.js";

/**
 * How far one criterion weight can move (the other weights rescaled proportionally so the sum stays 1)
 * before the ranking changes.
 *
 * @category Ranking
 * @since 0.1.0
 */
export interface WeightSensitivity {
  readonly criterion: string;
  /** Normalised weight now. */
  readonly weight: number;
  /** Smallest weight keeping the current ranking (0 when it never changes downwards). */
  readonly lower: number;
  /** Largest weight keeping the current ranking (1 when it never changes upwards). */
  readonly upper: number;
  /** Ranking just below `lower` (null when none). */
  readonly rankingBelow: string[] | null;
  /** Ranking just above `upper` (null when none). */
  readonly rankingAbove: string[] | null;
}

/**
 * Options of {@link weightSensitivity}.
 *
 * @category Ranking
 * @since 0.1.0
 */
export interface WeightSensitivityOptions extends RankOptions {
  /** `"full"` (default): any change of order; `"top"`: only a change of the best alternative. */
  readonly scope?: "full" | "top";
  /** Scan steps across [0, 1] before bisection (default 400). */
  readonly steps?: number;
}

/**
 * One-at-a-time weight sensitivity: for each criterion, the interval of its (normalised) weight over
 * which the ranking stays the same, the other weights being rescaled proportionally. Computed by a
 * scan of the weight axis followed by bisection to 1e-9; a change narrower than one scan step
 * (1/steps) can be missed.
 *
 * @param problem - the rank problem
 * @param options - method, normalisation, scope and scan resolution
 * @returns one interval per criterion
 * @throws PmokitError `INVALID_INPUT` as {@link rankAlternatives}
 * @example
 * ```ts
 * import { weightSensitivity } from "@pmokit/portfolio";
 * const s = weightSensitivity(
 *   { alternatives: ["a", "b"], criteria: [{ id: "x", weight: 1, direction: "max" }, { id: "y", weight: 1, direction: "max" }],
 *     matrix: [[1, 0], [0, 2]] }, { method: "wsm" });
 * s[0]?.upper; // 0.5: above it "a" overtakes "b"
 * ```
 * @category Ranking
 * @since 0.1.0
 */
export function weightSensitivity(
  problem: RankProblem,
  options: WeightSensitivityOptions,
): WeightSensitivity[] {
  const base = rankAlternatives(problem, options);
  const total = problem.criteria.reduce((s, c) => s + c.weight, 0);
  const steps = options.steps ?? 400;
  const key = (r: string[]): string => (options.scope === "top" ? (r[0] ?? "") : r.join("\u0000"));
  const baseKey = key(base.ranking);
  return problem.criteria.map((c, k) => {
    const w0 = c.weight / total;
    const rankingAt = (wk: number): string[] => {
      const rest = 1 - w0;
      const criteria = problem.criteria.map((cc, j) => ({
        ...cc,
        weight:
          j === k
            ? wk
            : rest > 0
              ? ((cc.weight / total) * (1 - wk)) / rest
              : (1 - wk) / (problem.criteria.length - 1),
      }));
      if (criteria.reduce((s, x) => s + x.weight, 0) <= 0) return base.ranking;
      return rankAlternatives({ ...problem, criteria }, options).ranking;
    };
    const search = (dir: 1 | -1): { bound: number; ranking: string[] | null } => {
      const end = dir === 1 ? 1 : 0;
      let prev = w0;
      const span = Math.abs(end - w0);
      const n = Math.max(1, Math.ceil(span * steps));
      for (let s = 1; s <= n; s++) {
        const x = w0 + (dir * span * s) / n;
        const r = rankingAt(x);
        if (key(r) !== baseKey) {
          let lo = prev;
          let hi = x;
          while (Math.abs(hi - lo) > 1e-9) {
            const mid = (lo + hi) / 2;
            if (key(rankingAt(mid)) === baseKey) lo = mid;
            else hi = mid;
          }
          return { bound: lo, ranking: rankingAt(hi) };
        }
        prev = x;
      }
      return { bound: end, ranking: null };
    };
    const up = search(1);
    const down = search(-1);
    return {
      criterion: c.id,
      weight: w0,
      lower: down.bound,
      upper: up.bound,
      rankingBelow: down.ranking,
      rankingAbove: up.ranking,
    };
  });
}
