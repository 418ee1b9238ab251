import { inputError } from "../internal/errors.js";

/**
 * A business driver (strategic criterion) with its weight (e.g. from {@link computeAhp}).
 *
 * @category Scoring
 * @since 0.1.0
 */
export interface BusinessDriver {
  readonly id: string;
  readonly name?: string;
  /** Non-negative weight; normalised to sum 1. */
  readonly weight: number;
}

/**
 * A rating scale: level name → numeric value. {@link IMPACT_SCALE} is pmokit's default
 * (PWA's six levels; PWA's own numbers are undocumented, so these are ours).
 *
 * @category Scoring
 * @since 0.1.0
 */
export type RatingScale = Readonly<Record<string, number>>;

/**
 * Default impact scale: `none` 0, `low` 1, `moderate` 3, `strong` 6, `extreme` 9 (a project without
 * a rating for a driver scores 0 on it). PWA's "No rating / None / Low / Moderate / Strong / Extreme"
 * levels; the numbers are pmokit's choice, roughly geometric so that strong impacts dominate.
 *
 * @category Scoring
 * @since 0.1.0
 */
export const IMPACT_SCALE: RatingScale = { none: 0, low: 1, moderate: 3, strong: 6, extreme: 9 };

/**
 * Options of {@link scoreProjects}.
 *
 * @category Scoring
 * @since 0.1.0
 */
export interface ScoreProjectsOptions {
  /** Scale for string ratings (default {@link IMPACT_SCALE}); numbers are used as they are. */
  readonly scale?: RatingScale;
}

/**
 * One project's priority: raw score Σ rating × driver weight, its share of the portfolio (sums to 100)
 * and the contribution of each driver to its score.
 *
 * @category Scoring
 * @since 0.1.0
 */
export interface ProjectPriority {
  readonly id: string;
  readonly score: number;
  /** Priority in percent of the portfolio (all projects sum to 100). */
  readonly priority: number;
  readonly byDriver: Record<string, number>;
}

/**
 * Scores projects against business drivers (PWA "project prioritisation"): score =
 * Σ_d weight_d × rating_pd, priority = score / Σ scores × 100 %.
 *
 * @param drivers - drivers with weights
 * @param ratings - per project id, per driver id, a level of the scale or a number
 * @param options - the rating scale
 * @returns priorities in input order
 * @throws PmokitError `INVALID_INPUT` / `DANGLING_REFERENCE` for unknown levels or driver ids
 * @example
 * ```ts
 * import { scoreProjects } from "@pmokit/portfolio";
 * const p = scoreProjects([{ id: "growth", weight: 0.7 }, { id: "risk", weight: 0.3 }],
 *   { A: { growth: "strong" }, B: { risk: "extreme" } });
 * p.map((x) => Math.round(x.priority)); // [61, 39]
 * ```
 * @category Scoring
 * @since 0.1.0
 */
export function scoreProjects(
  drivers: readonly BusinessDriver[],
  ratings: Readonly<Record<string, Readonly<Record<string, string | number>>>>,
  options: ScoreProjectsOptions = {},
): ProjectPriority[] {
  const scale = options.scale ?? IMPACT_SCALE;
  const ids = new Set<string>();
  drivers.forEach((d, i) => {
    if (ids.has(d.id)) inputError(`drivers[${i}].id`, "a unique driver id", d.id, "DUPLICATE_ID");
    ids.add(d.id);
    if (typeof d.weight !== "number" || !Number.isFinite(d.weight) || d.weight < 0)
      inputError(`drivers[${i}].weight`, "a non-negative number", d.weight);
  });
  const sw = drivers.reduce((s, d) => s + d.weight, 0);
  if (!(sw > 0)) inputError("drivers", "weights with a positive sum");
  const weight = new Map(drivers.map((d) => [d.id, d.weight / sw]));
  const out = Object.entries(ratings).map(([pid, r]) => {
    const byDriver: Record<string, number> = {};
    let score = 0;
    for (const [did, level] of Object.entries(r)) {
      const w = weight.get(did);
      if (w === undefined)
        inputError(
          `ratings.${pid}.${did}`,
          `a driver id (${[...ids].join(", ")})`,
          did,
          "DANGLING_REFERENCE",
        );
      let v: number;
      if (typeof level === "number") {
        if (!Number.isFinite(level) || level < 0)
          inputError(`ratings.${pid}.${did}`, "a non-negative rating", level);
        v = level;
      } else {
        const s = Object.hasOwn(scale, level.toLowerCase()) ? scale[level.toLowerCase()] : undefined;
        if (s === undefined)
          inputError(
            `ratings.${pid}.${did}`,
            `a level of the scale (${Object.keys(scale).join(", ")})`,
            level,
          );
        v = s;
      }
      byDriver[did] = w * v;
      score += w * v;
    }
    return { id: pid, score, byDriver };
  });
  const total = out.reduce((s, p) => s + p.score, 0);
  return out.map((p) => ({ ...p, priority: total > 0 ? (p.score / total) * 100 : 0 }));
}
