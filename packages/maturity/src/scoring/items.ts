import type { Assessment } from "../assessment/schema.js";
import type {
  AnswerScale,
  MaturityModel,
  Question,
  RespondentAggregation,
  ScoringPolicy,
} from "../model/schema.js";
import { adIndex, median, rwg, sampleSd } from "../stats/agreement.js";

/**
 * The aggregated view of one question over all respondents, with dispersion and agreement.
 * Positions (`sd`, `ad`, `mean`...) are in scale units (option 1…A); `value` is the 0–1 score.
 *
 * @category Results
 * @since 0.1.0
 */
export interface ItemResult {
  readonly questionId: string;
  /** `answered` (a value), `notApplicable`, `dontKnow` (only don't-know answers) or `unanswered`. */
  readonly state: "answered" | "notApplicable" | "dontKnow" | "unanswered";
  /** Aggregated 0–1 value (claimed), when answered. */
  readonly value?: number;
  /** Aggregated value counting answers without verified evidence as the scale minimum (questions with `evidence: "required"`). */
  readonly verifiedValue?: number;
  /** Aggregated option points (for `points` rules). */
  readonly points?: number;
  /** Whether a consensus decision set the value. */
  readonly consensus: boolean;
  /** Number of respondents who answered with an option. */
  readonly n: number;
  readonly mean?: number;
  readonly median?: number;
  readonly min?: number;
  readonly max?: number;
  readonly sd?: number;
  readonly rwg?: number;
  readonly ad?: number;
  readonly naCount: number;
  readonly dontKnowCount: number;
  readonly unansweredCount: number;
  /** Share of the respondents who did not mark N/A that gave an answer (0–1). */
  readonly coverage: number;
  /** Mean self-reported answer confidence (1–5) scaled to 0–1, when given. */
  readonly answerConfidence?: number;
  readonly naReasons: readonly string[];
  readonly flags: readonly string[];
}

/** Values of the responses to one question, resolved against the scale. */
interface Rated {
  readonly respondentId: string;
  readonly position: number;
  readonly value: number;
  readonly points: number;
  readonly weight: number;
  readonly verified: boolean;
  readonly confidence?: number;
}

function aggregate(values: readonly { v: number; w: number }[], how: RespondentAggregation): number {
  switch (how) {
    case "median":
      return median(values.map((x) => x.v));
    case "min":
      return Math.min(...values.map((x) => x.v));
    case "mode": {
      const counts = new Map<number, number>();
      for (const x of values) counts.set(x.v, (counts.get(x.v) ?? 0) + x.w);
      let best = Number.POSITIVE_INFINITY;
      let bestCount = -1;
      // Ties go to the lower value (conservative).
      for (const [v, c] of counts)
        if (c > bestCount + 1e-12 || (Math.abs(c - bestCount) <= 1e-12 && v < best)) {
          best = v;
          bestCount = c;
        }
      return best;
    }
    case "mean":
    case "consensus": {
      let sw = 0;
      let s = 0;
      for (const x of values) {
        s += x.v * x.w;
        sw += x.w;
      }
      return s / sw;
    }
  }
}

/**
 * Aggregates the raw responses per question (respondent weights, the chosen aggregation, consensus
 * overrides when the aggregation is `consensus`) and computes SD, rwg and AD in scale positions.
 *
 * @internal
 */
export function aggregateItems(
  model: MaturityModel,
  assessment: Assessment,
  policy: ScoringPolicy,
): Map<string, ItemResult> {
  const scales = new Map<string, AnswerScale>(model.answerScales.map((s) => [s.id, s]));
  const verifiedEvidence = new Set(
    assessment.evidence.filter((e) => e.status === "verified").map((e) => e.id),
  );
  const weights = new Map(assessment.respondents.map((r) => [r.id, r.weight]));
  const byQuestion = new Map<string, Assessment["responses"][number][]>();
  for (const r of assessment.responses) {
    const list = byQuestion.get(r.questionId) ?? [];
    list.push(r);
    byQuestion.set(r.questionId, list);
  }
  const consensus = new Map(assessment.consensus.map((c) => [c.questionId, c]));
  const out = new Map<string, ItemResult>();
  const respondentCount = assessment.respondents.length;
  for (const q of model.questions) {
    out.set(
      q.id,
      aggregateItem(q, scales.get(q.answerScaleId)!, byQuestion.get(q.id) ?? [], {
        weights,
        verifiedEvidence,
        respondentCount,
        policy,
        consensus: policy.respondentAggregation === "consensus" ? consensus.get(q.id) : undefined,
      }),
    );
  }
  return out;
}

function aggregateItem(
  q: Question,
  scale: AnswerScale,
  responses: readonly Assessment["responses"][number][],
  ctx: {
    weights: Map<string, number>;
    verifiedEvidence: Set<string>;
    respondentCount: number;
    policy: ScoringPolicy;
    consensus: Assessment["consensus"][number] | undefined;
  },
): ItemResult {
  const positionOf = new Map(scale.options.map((o, i) => [o.id, i + 1]));
  const minValue = Math.min(...scale.options.map((o) => o.value));
  const rated: Rated[] = [];
  let naCount = 0;
  let dontKnowCount = 0;
  const naReasons: string[] = [];
  // Deterministic order: by respondent id, so the input order never matters.
  const sorted = [...responses].sort((a, b) =>
    a.respondentId < b.respondentId ? -1 : a.respondentId > b.respondentId ? 1 : 0,
  );
  for (const r of sorted) {
    if (r.state === "notApplicable") {
      naCount++;
      if (r.naReason !== undefined) naReasons.push(r.naReason);
    } else if (r.state === "dontKnow") dontKnowCount++;
    else {
      const opt = scale.options.find((o) => o.id === r.optionId)!;
      rated.push({
        respondentId: r.respondentId,
        position: positionOf.get(opt.id)!,
        value: opt.value,
        points: opt.points ?? 0,
        weight: ctx.weights.get(r.respondentId) ?? 1,
        verified: r.evidenceIds.some((e) => ctx.verifiedEvidence.has(e)),
        ...(r.confidence === undefined ? {} : { confidence: r.confidence }),
      });
    }
  }
  const unansweredCount = Math.max(0, ctx.respondentCount - responses.length);
  const eligible = rated.length + dontKnowCount + unansweredCount;
  const coverage = eligible === 0 ? 1 : rated.length / eligible;
  const flags: string[] = [];
  const how = ctx.policy.respondentAggregation;
  const positions = rated.map((r) => r.position);
  const stats: {
    mean?: number;
    median?: number;
    min?: number;
    max?: number;
    sd?: number;
    rwg?: number;
    ad?: number;
    answerConfidence?: number;
  } = {};
  if (rated.length > 0) {
    stats.mean = positions.reduce((a, b) => a + b, 0) / positions.length;
    stats.median = median(positions);
    stats.min = Math.min(...positions);
    stats.max = Math.max(...positions);
    stats.sd = sampleSd(positions);
    stats.ad = adIndex(positions)!;
    const r = rwg(positions, scale.options.length, ctx.policy.rwgNull);
    if (r !== undefined) {
      stats.rwg = r;
      if (r < ctx.policy.agreementFlagBelow) flags.push("lowAgreement");
    }
    if (stats.ad > scale.options.length / 6 && rated.length >= 2) flags.push("highDeviation");
    const confs = rated.filter((r) => r.confidence !== undefined).map((r) => r.confidence! / 5);
    if (confs.length > 0) stats.answerConfidence = confs.reduce((a, b) => a + b, 0) / confs.length;
  }
  if (naCount > 0 && rated.length > 0) flags.push("mixedNotApplicable");
  const base = {
    questionId: q.id,
    n: rated.length,
    ...stats,
    naCount,
    dontKnowCount,
    unansweredCount,
    coverage,
    naReasons,
  };
  const c = ctx.consensus;
  if (c !== undefined) {
    flags.push("consensus");
    if (c.state === "notApplicable")
      return {
        ...base,
        state: "notApplicable",
        consensus: true,
        naReasons: [...naReasons, c.naReason ?? c.rationale],
        flags,
      };
    const opt = scale.options.find((o) => o.id === c.optionId)!;
    const verified = q.evidence !== "required" || rated.some((r) => r.verified);
    return {
      ...base,
      state: "answered",
      consensus: true,
      value: opt.value,
      verifiedValue: verified ? opt.value : minValue,
      points: opt.points ?? 0,
      flags,
    };
  }
  if (rated.length === 0) {
    const state = naCount > 0 ? "notApplicable" : dontKnowCount > 0 ? "dontKnow" : "unanswered";
    return { ...base, state, consensus: false, flags };
  }
  const value = aggregate(
    rated.map((r) => ({ v: r.value, w: r.weight })),
    how,
  );
  const verifiedValue = aggregate(
    rated.map((r) => ({ v: q.evidence !== "required" || r.verified ? r.value : minValue, w: r.weight })),
    how,
  );
  if (q.evidence === "required" && !rated.some((r) => r.verified)) flags.push("evidenceMissing");
  const points = aggregate(
    rated.map((r) => ({ v: r.points, w: r.weight })),
    how,
  );
  return { ...base, state: "answered", consensus: false, value, verifiedValue, points, flags };
}
