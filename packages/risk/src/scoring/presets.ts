import { dec } from "../internal/decimal.js";
import type { ScaleBin, ScoringScheme } from "./scheme.js";

function bins(
  labels: readonly string[],
  anchors: readonly number[],
  bounds: readonly (number | null)[],
): ScaleBin[] {
  // `null` as the last bound leaves the last bin open-ended (schemes stay JSON-serialisable).
  return labels.map((label, i) => {
    const max = bounds[i + 1];
    return {
      label,
      anchor: anchors[i]!,
      min: bounds[i]!,
      ...(max === null || max === undefined ? {} : { max }),
    };
  });
}

/**
 * Builds a cell → level table from score thresholds on the rounded product of anchors:
 * level k when score ≥ thresholds[k − 1].
 *
 * @param probabilityAnchors - probability anchors, low → high
 * @param impactAnchors - impact anchors, low → high
 * @param levelIds - level ids, low → high
 * @param thresholds - ascending lower bounds of levels 2..n
 * @param decimals - rounding of the product (half-up)
 * @returns `matrix[probabilityBin][impactBin]`
 * @category Scoring
 */
export function matrixFromThresholds(
  probabilityAnchors: readonly number[],
  impactAnchors: readonly number[],
  levelIds: readonly string[],
  thresholds: readonly number[],
  decimals = 2,
): string[][] {
  return probabilityAnchors.map((p) =>
    impactAnchors.map((i) => {
      const s = dec(p).times(dec(i)).toDecimalPlaces(decimals);
      let k = 0;
      while (k < thresholds.length && s.gte(dec(thresholds[k]!))) k++;
      return levelIds[k]!;
    }),
  );
}

const LEVELS3 = [
  { id: "low", label: "Low", colour: "green" },
  { id: "moderate", label: "Moderate", colour: "yellow" },
  { id: "high", label: "High", colour: "red" },
] as const;

/**
 * PMBOK example 5×5 probability–impact scheme: probability 0.1/0.3/0.5/0.7/0.9, impact
 * 0.05/0.10/0.20/0.40/0.80 with the example cost and time bins, score = P × I rounded half-up to
 * 2 dp (0.7 × 0.05 → 0.04). The cut-offs (high ≥ 0.18, low < 0.04) are an **example**: PMBOK
 * leaves thresholds to the organization. Opportunities use the same (mirrored) matrix.
 *
 * @returns the scheme
 * @category Scoring
 */
export function pmbokExampleScheme(): ScoringScheme {
  const pa = [0.1, 0.3, 0.5, 0.7, 0.9];
  const ia = [0.05, 0.1, 0.2, 0.4, 0.8];
  const ids = LEVELS3.map((l) => l.id);
  return {
    id: "pmbok-example",
    version: "1",
    name: "PMBOK example 5×5 (example thresholds)",
    description: "PMBOK Guide example scales; thresholds are organization-defined, these are an example.",
    probability: {
      name: "probability",
      domain: [0, 1],
      bins: bins(["very low", "low", "moderate", "high", "very high"], pa, [0, 0.2, 0.4, 0.6, 0.8, 1]),
    },
    impact: {
      name: "impact",
      domain: [0, 1],
      bins: bins(["very low", "low", "moderate", "high", "very high"], ia, [0, 0.075, 0.15, 0.3, 0.6, 1]),
    },
    dimensions: {
      // Raw value = % increase over budget / duration.
      cost: {
        name: "cost % increase",
        bins: bins(["insignificant", "<10 %", "10–20 %", "20–40 %", ">40 %"], ia, [0, 1, 10, 20, 40, null]),
      },
      schedule: {
        name: "time % increase",
        bins: bins(["insignificant", "<5 %", "5–10 %", "10–20 %", ">20 %"], ia, [0, 1, 5, 10, 20, null]),
      },
    },
    levels: LEVELS3,
    matrix: matrixFromThresholds(pa, ia, ids, [0.04, 0.18]),
    aggregation: { type: "max" },
    decimals: 2,
  };
}

/**
 * DoD-style 5×5 (RIO Guide 2017 likelihood bins, **verify before normative use**): likelihood
 * 1 Not Likely (1–20 %] … 5 Near Certainty (80–99 %], consequence levels 1–5 per dimension (cost,
 * schedule, performance) combined by the **maximum**, the usual green/yellow/red reporting matrix.
 *
 * @returns the scheme
 * @category Scoring
 */
export function dodRio2017Scheme(): ScoringScheme {
  const levels = ["1", "2", "3", "4", "5"];
  return {
    id: "dod-rio-2017",
    version: "1-verify",
    name: "DoD RIO 2017 style 5×5 (verify)",
    probability: {
      name: "likelihood",
      domain: [0.01, 0.99],
      bins: bins(
        ["Not Likely", "Low Likelihood", "Likely", "Highly Likely", "Near Certainty"],
        [0.1, 0.3, 0.5, 0.7, 0.9],
        [0.01, 0.2, 0.4, 0.6, 0.8, 0.99],
      ),
    },
    impact: {
      name: "consequence",
      domain: [0.5, 5.5],
      bins: levels.map((l, i) => ({ label: l, anchor: i + 1, min: i + 0.5, max: i + 1.5 })),
    },
    levels: LEVELS3,
    // Row 0 = likelihood 1.
    matrix: [
      ["low", "low", "low", "low", "moderate"],
      ["low", "low", "low", "moderate", "moderate"],
      ["low", "low", "moderate", "moderate", "high"],
      ["low", "moderate", "moderate", "high", "high"],
      ["moderate", "moderate", "high", "high", "high"],
    ],
    aggregation: { type: "max" },
    decimals: 2,
  };
}

/**
 * The 3×3 matrix Cox (2008) shows to be the only three-colour 3×3 satisfying weak consistency,
 * betweenness and consistent colouring: bottom row and left column green, top-right red, the
 * other three cells yellow. Axes are thirds of [0, 1].
 *
 * @returns the scheme
 * @category Scoring
 */
export function cox3x3Scheme(): ScoringScheme {
  const third = [0, 1 / 3, 2 / 3, 1];
  const labels = ["low", "medium", "high"];
  return {
    id: "cox-3x3",
    version: "1",
    name: "Cox-consistent 3×3",
    probability: { name: "probability", domain: [0, 1], bins: bins(labels, [1 / 6, 0.5, 5 / 6], third) },
    impact: { name: "impact", domain: [0, 1], bins: bins(labels, [1 / 6, 0.5, 5 / 6], third) },
    levels: LEVELS3,
    matrix: [
      ["low", "low", "low"],
      ["low", "moderate", "moderate"],
      ["low", "moderate", "high"],
    ],
    aggregation: { type: "max" },
    decimals: 2,
  };
}

/**
 * Built-in scheme factories by id.
 *
 * @category Scoring
 */
export const scoringPresets: Readonly<Record<string, () => ScoringScheme>> = {
  "pmbok-example": pmbokExampleScheme,
  "dod-rio-2017": dodRio2017Scheme,
  "cox-3x3": cox3x3Scheme,
};
