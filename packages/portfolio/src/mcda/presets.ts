import { inputError } from "../internal/errors.js";

/**
 * WSJF inputs of one item (SAFe): cost of delay components and job size.
 *
 * @category Ranking
 * @since 0.1.0
 */
export interface WsjfItem {
  readonly id: string;
  readonly businessValue: number;
  readonly timeCriticality: number;
  /** Risk reduction / opportunity enablement value. */
  readonly riskReduction: number;
  /** Job size (duration proxy), > 0. */
  readonly jobSize: number;
}

/**
 * RICE inputs of one item (Intercom): reach × impact × confidence / effort.
 *
 * @category Ranking
 * @since 0.1.0
 */
export interface RiceItem {
  readonly id: string;
  readonly reach: number;
  readonly impact: number;
  /** Confidence as a fraction in [0, 1] (80 % = 0.8). */
  readonly confidence: number;
  /** Effort (e.g. person-months), > 0. */
  readonly effort: number;
}

/**
 * A preset score: the score per item, ranked best first, with competition ranks.
 *
 * @category Ranking
 * @since 0.1.0
 */
export interface PresetScoreResult {
  readonly scores: { id: string; score: number }[];
  readonly ranking: string[];
  readonly rank: Record<string, number>;
}

function nonNeg(v: unknown, path: string, positive = false): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (positive && v === 0))
    inputError(path, positive ? "a positive number" : "a non-negative number", v);
  return v;
}

function rankScores(ids: string[], scores: number[]): PresetScoreResult {
  const order = ids.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const rank: Record<string, number> = {};
  order.forEach((idx, pos) => {
    const prev = order[pos - 1];
    rank[ids[idx]!] =
      pos > 0 && prev !== undefined && scores[prev] === scores[idx] ? rank[ids[prev]!]! : pos + 1;
  });
  return {
    scores: ids.map((id, i) => ({ id, score: scores[i]! })),
    ranking: order.map((i) => ids[i]!),
    rank,
  };
}

/**
 * Weighted Shortest Job First: (business value + time criticality + risk reduction) / job size.
 *
 * @param items - the items to score
 * @returns scores and ranking (highest WSJF first)
 * @throws PmokitError `INVALID_INPUT` for negative components or a non-positive job size
 * @example
 * ```ts
 * import { scoreWsjf } from "@pmokit/portfolio";
 * scoreWsjf([{ id: "E1", businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 4 }]).scores[0]?.score; // 4
 * ```
 * @category Ranking
 * @since 0.1.0
 */
export function scoreWsjf(items: readonly WsjfItem[]): PresetScoreResult {
  const scores = items.map((it, i) => {
    const p = `items[${i}]`;
    const cod =
      nonNeg(it.businessValue, `${p}.businessValue`) +
      nonNeg(it.timeCriticality, `${p}.timeCriticality`) +
      nonNeg(it.riskReduction, `${p}.riskReduction`);
    return cod / nonNeg(it.jobSize, `${p}.jobSize`, true);
  });
  return rankScores(
    items.map((i) => i.id),
    scores,
  );
}

/**
 * RICE: reach × impact × confidence / effort.
 *
 * @param items - the items to score
 * @returns scores and ranking (highest RICE first)
 * @throws PmokitError `INVALID_INPUT` for negative inputs, confidence outside [0, 1] or non-positive effort
 * @example
 * ```ts
 * import { scoreRice } from "@pmokit/portfolio";
 * scoreRice([{ id: "F1", reach: 1000, impact: 2, confidence: 0.8, effort: 4 }]).scores[0]?.score; // 400
 * ```
 * @category Ranking
 * @since 0.1.0
 */
export function scoreRice(items: readonly RiceItem[]): PresetScoreResult {
  const scores = items.map((it, i) => {
    const p = `items[${i}]`;
    const c = nonNeg(it.confidence, `${p}.confidence`);
    if (c > 1) inputError(`${p}.confidence`, "a fraction in [0, 1] (80 % = 0.8)", c);
    return (
      (nonNeg(it.reach, `${p}.reach`) * nonNeg(it.impact, `${p}.impact`) * c) /
      nonNeg(it.effort, `${p}.effort`, true)
    );
  });
  return rankScores(
    items.map((i) => i.id),
    scores,
  );
}
