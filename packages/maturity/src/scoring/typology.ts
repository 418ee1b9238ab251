import { PmokitError } from "@pmokit/core";
import type { Assessment } from "../assessment/schema.js";
import type { MaturityModel, RespondentAggregation } from "../model/schema.js";

/**
 * Result of {@link classifyType}: the normalised profile over the categories, the dominant category,
 * its margin over the runner-up and whether the result is a hybrid.
 *
 * @category Typology
 * @since 0.1.0
 */
export interface TypologyResult {
  readonly modelId: string;
  readonly modelVersion: string;
  readonly respondents: number;
  /** Categories with raw points and share (0–1, positive points only), highest first. */
  readonly profile: readonly {
    readonly categoryId: string;
    readonly name: string;
    readonly points: number;
    readonly share: number;
  }[];
  readonly dominant: string;
  /** Share of the dominant category minus share of the runner-up. */
  readonly margin: number;
  readonly hybrid: boolean;
  /** `directive`, or `hybrid: controlling/directive` when the margin is small. */
  readonly label: string;
  /** Profile per indicator dimension (shares). */
  readonly dimensions: readonly {
    readonly dimensionId: string;
    readonly name: string;
    readonly shares: Readonly<Record<string, number>>;
  }[];
  /** Share of the questions with at least one usable answer. */
  readonly coverage: number;
  readonly warnings: readonly string[];
}

/**
 * Classifies a subject with a typology model (e.g. the PMO type: supportive / controlling /
 * directive). Each answered option carries points per category; per question the respondents'
 * points are averaged (weighted by respondent; `mode` takes the most frequent option, a consensus
 * decision overrides when aggregation is `consensus`), multiplied by question and impact weights and
 * summed. The profile is the share of each category's positive points; the result is `hybrid` when
 * the top two shares differ by less than the rule's `hybridMargin`.
 *
 * @param model - a typology model
 * @param assessment - responses parsed with {@link parseAssessment}
 * @param options - aggregation override
 * @returns the profile, dominant type, margin and hybrid flag
 * @throws PmokitError `INVALID_INPUT` for a model that is not a typology
 * @example
 * ```ts
 * import { classifyType, parseAssessment, pmoTypeModel } from "@pmokit/maturity";
 * const t = classifyType(pmoTypeModel, parseAssessment(pmoTypeModel, json));
 * console.log(t.label, t.margin);
 * ```
 * @category Typology
 * @since 0.1.0
 */
export function classifyType(
  model: MaturityModel,
  assessment: Assessment,
  options: { readonly aggregation?: RespondentAggregation } = {},
): TypologyResult {
  const rule = model.scoringPolicy.levelAward;
  if (rule.type !== "typology")
    throw new PmokitError("INVALID_INPUT", `model '${model.id}' is not a typology`, {
      expected: "a typology model",
    });
  const how =
    options.aggregation ??
    assessment.policy?.respondentAggregation ??
    model.scoringPolicy.respondentAggregation;
  const scales = new Map(model.answerScales.map((s) => [s.id, s]));
  const weights = new Map(assessment.respondents.map((r) => [r.id, r.weight]));
  const cats = rule.categories.map((c) => c.id);
  const zero = (): Record<string, number> => Object.fromEntries(cats.map((c) => [c, 0]));
  const total = zero();
  const perDim = new Map<string, Record<string, number>>();
  let answered = 0;
  for (const q of model.questions) {
    const scale = scales.get(q.answerScaleId)!;
    const pointsOf = (optionId: string | undefined): Record<string, number> => {
      const o = scale.options.find((x) => x.id === optionId);
      return { ...zero(), ...(o?.categoryPoints ?? {}) };
    };
    const rs = assessment.responses.filter((r) => r.questionId === q.id && r.state === "answered");
    const consensus =
      how === "consensus" ? assessment.consensus.find((c) => c.questionId === q.id) : undefined;
    let vec: Record<string, number> | undefined;
    if (consensus?.state === "answered") vec = pointsOf(consensus.optionId);
    else if (consensus === undefined && rs.length > 0) {
      if (how === "mode") {
        const counts = new Map<string, number>();
        for (const r of rs)
          counts.set(r.optionId!, (counts.get(r.optionId!) ?? 0) + (weights.get(r.respondentId) ?? 1));
        const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
        vec = pointsOf(best[0]);
      } else {
        vec = zero();
        let sw = 0;
        for (const r of rs) {
          const w = weights.get(r.respondentId) ?? 1;
          sw += w;
          const p = pointsOf(r.optionId);
          for (const c of cats) vec[c] = vec[c]! + w * p[c]!;
        }
        for (const c of cats) vec[c] = vec[c]! / sw;
      }
    }
    if (vec === undefined) continue;
    answered++;
    for (const imp of q.impacts) {
      const dv = perDim.get(imp.dimensionId) ?? zero();
      for (const c of cats) {
        const add = vec[c]! * q.weight * imp.weight;
        dv[c] = dv[c]! + add;
        total[c] = total[c]! + add;
      }
      perDim.set(imp.dimensionId, dv);
    }
  }
  const shares = (v: Record<string, number>): Record<string, number> => {
    const pos = cats.reduce((a, c) => a + Math.max(0, v[c]!), 0);
    return Object.fromEntries(cats.map((c) => [c, pos > 0 ? Math.max(0, v[c]!) / pos : 1 / cats.length]));
  };
  const totalShares = shares(total);
  const profile = rule.categories
    .map((c) => ({ categoryId: c.id, name: c.name, points: total[c.id]!, share: totalShares[c.id]! }))
    .sort((a, b) => b.share - a.share || (a.categoryId < b.categoryId ? -1 : 1));
  const first = profile[0]!;
  const second = profile[1]!;
  const margin = first.share - second.share;
  const hybrid = margin < rule.hybridMargin;
  // Name the hybrid in category order (e.g. controlling/directive).
  const pair = rule.categories
    .filter((c) => c.id === first.categoryId || c.id === second.categoryId)
    .map((c) => c.id);
  const warnings: string[] = [];
  const coverage = model.questions.length > 0 ? answered / model.questions.length : 0;
  if (coverage < model.scoringPolicy.minCoverageToRate)
    warnings.push(`only ${(coverage * 100).toFixed(0)} % of the indicator questions are answered`);
  return {
    modelId: model.id,
    modelVersion: model.version,
    respondents: assessment.respondents.length,
    profile,
    dominant: first.categoryId,
    margin,
    hybrid,
    label: hybrid ? `hybrid: ${pair.join("/")}` : first.categoryId,
    dimensions: model.dimensions
      .filter((d) => perDim.has(d.id))
      .map((d) => ({ dimensionId: d.id, name: d.name, shares: shares(perDim.get(d.id)!) })),
    coverage,
    warnings,
  };
}
