import { PmokitError } from "@pmokit/core";
import type { Assessment } from "../assessment/schema.js";
import type {
  Dimension,
  Level,
  MaturityModel,
  PolicyOverrides,
  RespondentAggregation,
  ScoringPolicy,
  TargetProfile,
  TargetProfileInput,
} from "../model/schema.js";
import { targetProfileSchema } from "../model/schema.js";
import { krippendorffAlpha, median } from "../stats/agreement.js";
import { planImprovements } from "./plan.js";
import type { Gap, Recommendation, RoadmapStage } from "./plan.js";
import { aggregateItems } from "./items.js";
import type { ItemResult } from "./items.js";

/**
 * Share of a level's weight achieved in a dimension.
 *
 * @category Results
 * @since 0.1.0
 */
export interface LevelPercent {
  readonly levelId: string;
  readonly ordinal: number;
  /** Weighted mean item value at this level (0–1); `undefined` when no item has a value. */
  readonly percent?: number;
  /** Sum of weight × option points at this level (`points` rules). */
  readonly points: number;
  /** Whether the level is met under the model's rule. */
  readonly met: boolean;
  /** Every item of the level is N/A or the level is declared `notCovered`. */
  readonly notApplicable: boolean;
}

/**
 * Score, staged level, coverage and confidence of one dimension (or of the whole model, `overall`).
 *
 * @category Results
 * @since 0.1.0
 */
export interface DimensionResult {
  readonly dimensionId: string;
  readonly name: string;
  readonly parentId?: string;
  /** Weighted mean item value (0–1), claimed answers. */
  readonly score?: number;
  readonly scorePct?: number;
  /** Same score counting answers without required verified evidence as the scale minimum. */
  readonly verifiedScore?: number;
  /** Continuous level: lowest ordinal + score × (highest − lowest), or the cumulative product for `cumulative` rules. */
  readonly decimalLevel?: number;
  /** Level awarded by the model's rule (`undefined` when not rated). */
  readonly levelId?: string;
  readonly levelOrdinal?: number;
  readonly levelName?: string;
  /** The staged level computed from verified answers only. */
  readonly verifiedLevelOrdinal?: number;
  /** The next level up, if any. */
  readonly nextLevelId?: string;
  readonly notRated: boolean;
  readonly notRatedReason?: string;
  readonly levelPercents: readonly LevelPercent[];
  /** Answered applicable weight ÷ applicable weight (0–1). */
  readonly coverage: number;
  readonly confidence: { readonly value: number; readonly label: "high" | "medium" | "low" };
  /** Questions that keep the dimension from reaching the next level, most important first. */
  readonly blocking: readonly string[];
}

/**
 * Result of {@link assessMaturity}. Derived data: recomputable from the model and the raw responses.
 *
 * @category Results
 * @since 0.1.0
 */
export interface MaturityResult {
  readonly modelId: string;
  readonly modelVersion: string;
  readonly assessmentId?: string;
  readonly subject?: Assessment["subject"];
  readonly date?: string;
  readonly rule: ScoringPolicy["levelAward"]["type"];
  readonly aggregation: RespondentAggregation;
  readonly respondents: number;
  readonly levels: readonly { readonly id: string; readonly ordinal: number; readonly name: string }[];
  readonly overall: DimensionResult;
  /** Every dimension of the tree, in model order. */
  readonly dimensions: readonly DimensionResult[];
  readonly items: readonly ItemResult[];
  readonly agreement: {
    readonly krippendorffAlphaOrdinal?: number;
    readonly krippendorffAlphaInterval?: number;
    readonly meanRwg?: number;
    readonly lowAgreementItems: readonly string[];
  };
  readonly targetProfile?: TargetProfile;
  readonly gaps: readonly Gap[];
  readonly recommendations: readonly Recommendation[];
  readonly roadmap: readonly RoadmapStage[];
  readonly warnings: readonly string[];
}

/**
 * Options of {@link assessMaturity}.
 *
 * @category Results
 * @since 0.1.0
 */
export interface AssessMaturityOptions {
  /** Respondent aggregation (overrides the assessment's and the model's). */
  readonly aggregation?: RespondentAggregation;
  /** Overridable policy fields. */
  readonly policy?: PolicyOverrides;
  /** Target profile (default: the assessment's, then the model's first, then the next level everywhere). */
  readonly targetProfile?: TargetProfileInput;
}

const EPS = 1e-9;

/** @internal Effective policy: model policy, then assessment overrides, then caller overrides. */
export function effectivePolicy(
  model: MaturityModel,
  assessment: Assessment,
  options: AssessMaturityOptions,
): ScoringPolicy {
  const strip = (o: PolicyOverrides | undefined): Partial<ScoringPolicy> =>
    Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<ScoringPolicy>;
  return {
    ...model.scoringPolicy,
    ...strip(assessment.policy),
    ...strip(options.policy),
    ...(options.aggregation === undefined ? {} : { respondentAggregation: options.aggregation }),
  };
}

interface Contribution {
  readonly questionId: string;
  readonly levelId?: string;
  readonly weight: number;
  readonly item: ItemResult;
  readonly critical: boolean;
  readonly allowNa: boolean;
}

/** Value of an item under the N/A, don't-know and unanswered handling; `null` = excluded. */
function effectiveValue(item: ItemResult, policy: ScoringPolicy, verified: boolean): number | null {
  switch (item.state) {
    case "answered":
      return verified ? (item.verifiedValue ?? item.value ?? 0) : (item.value ?? 0);
    case "notApplicable":
      return policy.naHandling === "excludeFromDenominator"
        ? null
        : policy.naHandling === "countAsFull"
          ? 1
          : 0;
    case "dontKnow":
      return policy.dontKnowHandling === "countAsZero" ? 0 : null;
    case "unanswered":
      return policy.unansweredHandling === "countAsZero" ? 0 : null;
  }
}

function weightedMean(pairs: readonly { v: number; w: number }[]): number | undefined {
  let s = 0;
  let sw = 0;
  for (const p of pairs) {
    s += p.v * p.w;
    sw += p.w;
  }
  return sw > 0 ? s / sw : undefined;
}

/**
 * Scores an assessment against a maturity model: aggregates the respondents per question, scores
 * every dimension (weighted mean of item values, N/A excluded from the denominator, "don't know"
 * missing), awards levels with the model's rule (`staged`, `averaged`, `perLevelThreshold`,
 * `cumulative`), rolls dimensions up the tree, and reports coverage, confidence, agreement
 * (rwg, AD, Krippendorff's α), the blocking items, gaps against a target profile, prioritised
 * recommendations and a staged roadmap. Always reports the awarded level and the decimal level side
 * by side.
 *
 * @param model - a parsed model (kind `maturity`)
 * @param assessment - responses parsed with {@link parseAssessment}
 * @param options - aggregation, policy overrides and target profile
 * @returns the full result
 * @throws PmokitError `INVALID_INPUT` for a typology model (use {@link classifyType})
 * @example
 * ```ts
 * import { assessMaturity, parseAssessment, pmoMaturityModel } from "@pmokit/maturity";
 * const result = assessMaturity(pmoMaturityModel, parseAssessment(pmoMaturityModel, json), { aggregation: "median" });
 * console.log(result.overall.levelName, result.overall.decimalLevel);
 * ```
 * @category Results
 * @since 0.1.0
 */
export function assessMaturity(
  model: MaturityModel,
  assessment: Assessment,
  options: AssessMaturityOptions = {},
): MaturityResult {
  if (model.kind === "typology" || model.scoringPolicy.levelAward.type === "typology")
    throw new PmokitError("INVALID_INPUT", `model '${model.id}' is a typology: use classifyType`, {
      expected: "a maturity model",
    });
  const policy = effectivePolicy(model, assessment, options);
  const rule = policy.levelAward;
  const warnings: string[] = [];
  if (assessment.modelVersion !== undefined && assessment.modelVersion !== model.version)
    warnings.push(
      `responses were collected for model version ${assessment.modelVersion}, scored with ${model.version}`,
    );
  const items = aggregateItems(model, assessment, policy);
  const levels = [...model.levels].sort((a, b) => a.ordinal - b.ordinal);
  const minOrd = levels[0]!.ordinal;
  const maxOrd = levels[levels.length - 1]!.ordinal;
  const baseline = levels.find((l) => l.isBaseline === true) ?? levels[0]!;
  const rated = levels.filter((l) => l !== baseline);
  const span = Math.max(1, maxOrd - minOrd);

  const children = new Map<string, Dimension[]>();
  for (const d of model.dimensions)
    if (d.parentId !== undefined) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d]);
  const contributions = new Map<string, Contribution[]>();
  for (const q of model.questions)
    for (const imp of q.impacts) {
      const list = contributions.get(imp.dimensionId) ?? [];
      list.push({
        questionId: q.id,
        ...(imp.levelId === undefined ? {} : { levelId: imp.levelId }),
        weight: imp.weight * q.weight,
        item: items.get(q.id)!,
        critical: q.critical === true,
        allowNa: q.allowNotApplicable,
      });
      contributions.set(imp.dimensionId, list);
    }
  // Model-wide maximum points per level (for `points` thresholds scaled to a dimension).
  const scaleOf = new Map(model.answerScales.map((s) => [s.id, s]));
  const maxPoints = new Map<string, number>();
  const maxPointsOf = (questionId: string): number => {
    const q = model.questions.find((x) => x.id === questionId)!;
    return Math.max(...scaleOf.get(q.answerScaleId)!.options.map((o) => o.points ?? 0));
  };
  for (const [, list] of contributions)
    for (const c of list)
      if (c.levelId !== undefined)
        maxPoints.set(c.levelId, (maxPoints.get(c.levelId) ?? 0) + c.weight * maxPointsOf(c.questionId));

  /** Share of the model-wide maximum points of a level held by a set of contributions. */
  const scaleForContribs =
    (contribs: readonly Contribution[]) =>
    (levelId: string): number => {
      const dimMax = contribs
        .filter((c) => c.levelId === levelId)
        .reduce((a, c) => a + c.weight * maxPointsOf(c.questionId), 0);
      const all = maxPoints.get(levelId) ?? 0;
      return all > 0 ? dimMax / all : 0;
    };
  const toLevel = (ord: number): Level | undefined => levels.find((l) => l.ordinal === ord);
  const labelOf = (v: number): "high" | "medium" | "low" =>
    v >= policy.confidenceThresholds.high - EPS
      ? "high"
      : v >= policy.confidenceThresholds.medium - EPS
        ? "medium"
        : "low";
  const multi = assessment.respondents.length >= 2;

  /** Level statistics and awarded level over a set of contributions. */
  const rate = (
    contribs: readonly Contribution[],
    verified: boolean,
    pointsScale: (levelId: string) => number,
  ): { levelPercents: LevelPercent[]; ordinal: number; cumulative: number; blocking: string[] } => {
    const levelPercents: LevelPercent[] = [];
    for (const l of rated) {
      const at = contribs.filter((c) => c.levelId === l.id);
      const pairs: { v: number; w: number }[] = [];
      let points = 0;
      let naOnly = at.length > 0;
      for (const c of at) {
        const v = effectiveValue(c.item, policy, verified);
        if (c.item.state !== "notApplicable") naOnly = false;
        if (v !== null) pairs.push({ v, w: c.weight });
        if (c.item.state === "answered") points += c.weight * (c.item.points ?? 0);
      }
      const percent = weightedMean(pairs);
      const notApplicable = at.length === 0 || (naOnly && policy.naHandling === "excludeFromDenominator");
      let met: boolean;
      if (notApplicable) met = true;
      else if (rule.type === "staged") {
        const criticalFail = at.some((c) => {
          if (!c.critical) return false;
          const v = effectiveValue(c.item, policy, verified);
          return v !== null && v < rule.criticalBelow - EPS;
        });
        if (rule.metric === "percentOfLevel") met = percent !== undefined && percent >= rule.threshold - EPS;
        else
          met =
            pairs.length > 0 &&
            at.every((c) => {
              const v = effectiveValue(c.item, policy, verified);
              return v === null || v >= rule.threshold - EPS;
            });
        met = met && !criticalFail;
      } else if (rule.type === "perLevelThreshold") {
        const t = rule.perLevel.find((p) => p.levelId === l.id);
        if (t === undefined) met = true;
        else if (rule.metric === "percent") met = percent !== undefined && percent >= t.threshold - EPS;
        else met = pairs.length > 0 && points >= t.threshold * pointsScale(l.id) - EPS;
      } else met = percent !== undefined && percent >= 1 - EPS;
      levelPercents.push({
        levelId: l.id,
        ordinal: l.ordinal,
        ...(percent === undefined ? {} : { percent }),
        points,
        met,
        notApplicable,
      });
    }
    // Awarded ordinal.
    let ordinal = baseline.ordinal;
    if (rule.type === "perLevelThreshold" && !rule.sequential) {
      for (const lp of levelPercents) if (lp.met) ordinal = Math.max(ordinal, lp.ordinal);
    } else {
      for (const lp of levelPercents) {
        if (!lp.met) break;
        ordinal = lp.ordinal;
      }
    }
    // Cumulative product (TRACC-like): base + s1 + s1·s2 + …
    let cumulative = baseline.ordinal;
    let prod = 1;
    for (const lp of levelPercents) {
      prod *= lp.notApplicable ? 1 : (lp.percent ?? 0);
      cumulative += prod;
    }
    // Blocking: the unmet items of the first level above the awarded one.
    const next = levelPercents.find((lp) => lp.ordinal === ordinal + 1);
    const blocking = next
      ? contribs
          .filter((c) => c.levelId === next.levelId && c.item.state !== "notApplicable")
          .filter((c) => {
            const v = effectiveValue(c.item, policy, verified);
            return v === null || v < 1 - EPS;
          })
          .sort((a, b) => {
            if (a.critical !== b.critical) return a.critical ? -1 : 1;
            const ga = a.weight * (1 - (effectiveValue(a.item, policy, verified) ?? 0));
            const gb = b.weight * (1 - (effectiveValue(b.item, policy, verified) ?? 0));
            return gb - ga || (a.questionId < b.questionId ? -1 : 1);
          })
          .map((c) => c.questionId)
      : [];
    return { levelPercents, ordinal, cumulative, blocking };
  };

  const ordinalFromScore = (score: number): number => {
    if (rule.type === "averaged") {
      if (rule.mapping === "bands") {
        let ord = minOrd;
        for (const b of rule.bands ?? [])
          if (score >= b.minScore - EPS) ord = levels.find((l) => l.id === b.levelId)?.ordinal ?? ord;
        return ord;
      }
      const dec = minOrd + score * span;
      return rule.mapping === "round" ? Math.round(dec) : Math.floor(dec + EPS);
    }
    return Math.floor(minOrd + score * span + EPS);
  };

  const results = new Map<string, DimensionResult>();
  const subtreeContribs = (d: Dimension): Contribution[] =>
    children.has(d.id) ? children.get(d.id)!.flatMap(subtreeContribs) : (contributions.get(d.id) ?? []);

  const finish = (
    d: { id: string; name: string; parentId?: string | undefined },
    base: {
      score: number | undefined;
      verifiedScore: number | undefined;
      decimalLevel: number | undefined;
      ordinal: number | undefined;
      verifiedOrdinal: number | undefined;
      levelPercents: LevelPercent[];
      coverage: number;
      confidence: number;
      blocking: string[];
      notRatedReason?: string;
    },
  ): DimensionResult => {
    let reason = base.notRatedReason;
    if (reason === undefined && base.coverage < policy.minCoverageToRate - EPS)
      reason = `coverage ${(base.coverage * 100).toFixed(0)} % below the minimum ${(policy.minCoverageToRate * 100).toFixed(0)} %`;
    if (reason === undefined && base.score === undefined) reason = "no answered item";
    const notRated = reason !== undefined;
    const lvl = notRated || base.ordinal === undefined ? undefined : toLevel(base.ordinal);
    const next = lvl ? toLevel(lvl.ordinal + 1) : undefined;
    const conf = Math.max(0, Math.min(1, base.confidence));
    return {
      dimensionId: d.id,
      name: d.name,
      ...(d.parentId === undefined ? {} : { parentId: d.parentId }),
      ...(base.score === undefined ? {} : { score: base.score, scorePct: base.score * 100 }),
      ...(base.verifiedScore === undefined ? {} : { verifiedScore: base.verifiedScore }),
      ...(base.decimalLevel === undefined ? {} : { decimalLevel: base.decimalLevel }),
      ...(lvl === undefined ? {} : { levelId: lvl.id, levelOrdinal: lvl.ordinal, levelName: lvl.name }),
      ...(notRated || base.verifiedOrdinal === undefined
        ? {}
        : { verifiedLevelOrdinal: base.verifiedOrdinal }),
      ...(next === undefined ? {} : { nextLevelId: next.id }),
      notRated,
      ...(reason === undefined ? {} : { notRatedReason: reason }),
      levelPercents: base.levelPercents,
      coverage: base.coverage,
      confidence: { value: conf, label: labelOf(conf) },
      blocking: notRated ? [] : base.blocking,
    };
  };

  const scoreLeaf = (d: Dimension): DimensionResult => {
    const contribs = contributions.get(d.id) ?? [];
    const claimedPairs: { v: number; w: number }[] = [];
    const verifiedPairs: { v: number; w: number }[] = [];
    let applicable = 0;
    let covered = 0;
    const rwgs: number[] = [];
    const confs: number[] = [];
    for (const c of contribs) {
      const v = effectiveValue(c.item, policy, false);
      const vv = effectiveValue(c.item, policy, true);
      if (v !== null) claimedPairs.push({ v, w: c.weight });
      if (vv !== null) verifiedPairs.push({ v: vv, w: c.weight });
      if (c.item.state !== "notApplicable") {
        applicable += c.weight;
        covered += c.weight * (c.item.consensus ? 1 : c.item.coverage);
        if (c.item.rwg !== undefined) rwgs.push(c.item.rwg);
        if (c.item.answerConfidence !== undefined) confs.push(c.item.answerConfidence);
      }
    }
    const score = weightedMean(claimedPairs);
    const verifiedScore = weightedMean(verifiedPairs);
    const coverage = applicable > 0 ? covered / applicable : 0;
    const scaleFor = scaleForContribs(contribs);
    const claimed = rate(contribs, false, scaleFor);
    const verified = rate(contribs, true, scaleFor);
    const agreementFactor = multi
      ? rwgs.length > 0
        ? rwgs.reduce((a, b) => a + b, 0) / rwgs.length
        : 0.8
      : 0.8;
    const answerConf = confs.length > 0 ? confs.reduce((a, b) => a + b, 0) / confs.length : 1;
    const decimalLevel =
      rule.type === "cumulative"
        ? claimed.cumulative
        : score === undefined
          ? undefined
          : minOrd + score * span;
    const ordinal =
      rule.type === "averaged"
        ? score === undefined
          ? undefined
          : ordinalFromScore(score)
        : rule.type === "cumulative"
          ? Math.floor(claimed.cumulative + EPS)
          : claimed.ordinal;
    const verifiedOrdinal =
      rule.type === "averaged"
        ? verifiedScore === undefined
          ? undefined
          : ordinalFromScore(verifiedScore)
        : rule.type === "cumulative"
          ? Math.floor(verified.cumulative + EPS)
          : verified.ordinal;
    let blocking = claimed.blocking;
    if (rule.type === "averaged" && ordinal !== undefined && ordinal < maxOrd) {
      // Continuous rules: the weakest items hold the score back.
      blocking = contribs
        .filter(
          (c) => c.item.state !== "notApplicable" && (effectiveValue(c.item, policy, false) ?? 0) < 1 - EPS,
        )
        .sort(
          (a, b) =>
            b.weight * (1 - (effectiveValue(b.item, policy, false) ?? 0)) -
              a.weight * (1 - (effectiveValue(a.item, policy, false) ?? 0)) ||
            (a.questionId < b.questionId ? -1 : 1),
        )
        .map((c) => c.questionId);
    }
    const allNa = contribs.length > 0 && applicable === 0;
    return finish(d, {
      score,
      verifiedScore,
      decimalLevel,
      ordinal,
      verifiedOrdinal,
      levelPercents: claimed.levelPercents,
      coverage: allNa ? 1 : coverage,
      confidence: coverage * agreementFactor * answerConf,
      blocking,
      ...(allNa ? { notRatedReason: "every item is not applicable" } : {}),
    });
  };

  const rollup = (
    node: { id: string; name: string; parentId?: string | undefined; rollup?: Dimension["rollup"] },
    kids: readonly Dimension[],
  ): DimensionResult => {
    const kidResults = kids.map((k) => ({ r: visit(k), w: k.weight }));
    const how = node.rollup ?? policy.dimensionRollup;
    const combine = (pick: (r: DimensionResult) => number | undefined): number | undefined => {
      const pairs = kidResults
        .map((k) => ({ v: pick(k.r), w: k.w }))
        .filter((p): p is { v: number; w: number } => p.v !== undefined);
      if (pairs.length === 0) return undefined;
      if (how === "min") return Math.min(...pairs.map((p) => p.v));
      if (how === "median") return median(pairs.map((p) => p.v));
      return weightedMean(pairs);
    };
    const ratedKids = kidResults.filter((k) => !k.r.notRated);
    const score = combine((r) => r.score);
    const verifiedScore = combine((r) => r.verifiedScore);
    const totalW = kidResults.reduce((a, k) => a + k.w, 0);
    const coverage = kidResults.reduce((a, k) => a + k.w * k.r.coverage, 0) / totalW;
    const confidence = kidResults.reduce((a, k) => a + k.w * k.r.confidence.value, 0) / totalW;
    let ordinal: number | undefined;
    let verifiedOrdinal: number | undefined;
    let decimalLevel: number | undefined;
    let levelPercents: LevelPercent[] = [];
    let blocking: string[] = [];
    const pooledContribs = kids.flatMap(subtreeContribs);
    const pooled = rate(pooledContribs, false, scaleForContribs(pooledContribs));
    levelPercents = pooled.levelPercents;
    if (policy.overallLevel === "rollup" || rule.type === "averaged") {
      decimalLevel =
        rule.type === "cumulative"
          ? combine((r) => r.decimalLevel)
          : score === undefined
            ? undefined
            : minOrd + score * span;
      ordinal =
        decimalLevel === undefined
          ? undefined
          : rule.type === "averaged" && score !== undefined
            ? ordinalFromScore(score)
            : Math.floor(decimalLevel + EPS);
      verifiedOrdinal = verifiedScore === undefined ? undefined : ordinalFromScore(verifiedScore);
      blocking = ratedKids.filter((k) => k.r.levelOrdinal === ordinal).flatMap((k) => k.r.blocking);
    } else if (rule.type === "perLevelThreshold") {
      // One instrument: the rule runs on the pooled items of the subtree (raw pass marks).
      decimalLevel = score === undefined ? undefined : minOrd + score * span;
      ordinal = pooled.ordinal;
      verifiedOrdinal = rate(pooledContribs, true, scaleForContribs(pooledContribs)).ordinal;
      blocking = pooled.blocking;
    } else {
      // Weakest link: the lowest rated child caps the level.
      decimalLevel =
        rule.type === "cumulative"
          ? combine((r) => r.decimalLevel)
          : score === undefined
            ? undefined
            : minOrd + score * span;
      const ords = ratedKids.map((k) => k.r.levelOrdinal).filter((o): o is number => o !== undefined);
      ordinal = ords.length > 0 ? Math.min(...ords) : undefined;
      const vords = ratedKids
        .map((k) => k.r.verifiedLevelOrdinal)
        .filter((o): o is number => o !== undefined);
      verifiedOrdinal = vords.length > 0 ? Math.min(...vords) : undefined;
      blocking = ratedKids.filter((k) => k.r.levelOrdinal === ordinal).flatMap((k) => k.r.blocking);
    }
    const unratedKids = kidResults.length - ratedKids.length;
    if (ratedKids.length === 0 || unratedKids > 0) {
      // Not rated when no child is rated; otherwise rated on the rated children, with a warning.
      if (unratedKids > 0 && ratedKids.length > 0)
        warnings.push(
          `'${node.id}': ${unratedKids} of ${kidResults.length} sub-dimensions not rated; level uses the rated ones`,
        );
    }
    return finish(node, {
      score,
      verifiedScore,
      decimalLevel,
      ordinal,
      verifiedOrdinal,
      levelPercents,
      coverage,
      confidence,
      blocking: [...new Set(blocking)],
      ...(ratedKids.length === 0 ? { notRatedReason: "no sub-dimension is rated" } : {}),
    });
  };

  const visit = (d: Dimension): DimensionResult => {
    const done = results.get(d.id);
    if (done) return done;
    const kids = children.get(d.id);
    const r = kids ? rollup(d, kids) : scoreLeaf(d);
    results.set(d.id, r);
    return r;
  };
  const roots = model.dimensions.filter((d) => d.parentId === undefined);
  for (const d of model.dimensions) visit(d);
  const overall = rollup({ id: "overall", name: "Overall" }, roots);
  const dimensions = model.dimensions.map((d) => results.get(d.id)!);

  // Agreement over the instrument: items × respondents, positions (ordinal) and values (interval).
  const respondents = [...assessment.respondents].map((r) => r.id).sort();
  const rIndex = new Map(respondents.map((r, i) => [r, i]));
  const qIndex = new Map(model.questions.map((q, i) => [q.id, i]));
  const ordinalData = respondents.map(() => new Array<number | null>(model.questions.length).fill(null));
  const intervalData = respondents.map(() => new Array<number | null>(model.questions.length).fill(null));
  for (const r of assessment.responses) {
    if (r.state !== "answered") continue;
    const q = model.questions[qIndex.get(r.questionId)!]!;
    const scale = scaleOf.get(q.answerScaleId)!;
    const pos = scale.options.findIndex((o) => o.id === r.optionId);
    ordinalData[rIndex.get(r.respondentId)!]![qIndex.get(r.questionId)!] = pos + 1;
    intervalData[rIndex.get(r.respondentId)!]![qIndex.get(r.questionId)!] = scale.options[pos]!.value;
  }
  const itemList = model.questions.map((q) => items.get(q.id)!);
  const rwgs = itemList.map((i) => i.rwg).filter((v): v is number => v !== undefined);
  const alphaO = multi ? krippendorffAlpha(ordinalData, "ordinal") : undefined;
  const alphaI = multi ? krippendorffAlpha(intervalData, "interval") : undefined;
  const agreement = {
    ...(alphaO === undefined ? {} : { krippendorffAlphaOrdinal: alphaO }),
    ...(alphaI === undefined ? {} : { krippendorffAlphaInterval: alphaI }),
    ...(rwgs.length > 0 ? { meanRwg: rwgs.reduce((a, b) => a + b, 0) / rwgs.length } : {}),
    lowAgreementItems: itemList.filter((i) => i.flags.includes("lowAgreement")).map((i) => i.questionId),
  };
  if (alphaO !== undefined && alphaO < 0.667)
    warnings.push(
      `Krippendorff's alpha (ordinal) ${alphaO.toFixed(2)} is below 0.667: respondents disagree; discuss before acting`,
    );
  for (const i of itemList)
    if (i.state === "notApplicable" && i.naReasons.length === 0 && !i.consensus)
      warnings.push(`'${i.questionId}' is N/A without a reason`);

  const target = resolveTarget(model, assessment, options);
  const plan = planImprovements(model, { dimensions, items: itemList, overall }, target);
  return {
    modelId: model.id,
    modelVersion: model.version,
    ...(assessment.id === undefined ? {} : { assessmentId: assessment.id }),
    ...(assessment.subject === undefined ? {} : { subject: assessment.subject }),
    ...(assessment.date === undefined ? {} : { date: assessment.date }),
    rule: rule.type,
    aggregation: policy.respondentAggregation,
    respondents: assessment.respondents.length,
    levels: levels.map((l) => ({ id: l.id, ordinal: l.ordinal, name: l.name })),
    overall,
    dimensions,
    items: itemList,
    agreement,
    ...(target === undefined ? {} : { targetProfile: target }),
    gaps: plan.gaps,
    recommendations: plan.recommendations,
    roadmap: plan.roadmap,
    warnings,
  };
}

function resolveTarget(
  model: MaturityModel,
  assessment: Assessment,
  options: AssessMaturityOptions,
): TargetProfile | undefined {
  if (options.targetProfile !== undefined) {
    const parsed = targetProfileSchema.safeParse(options.targetProfile);
    if (!parsed.success)
      throw new PmokitError("SCHEMA_VIOLATION", "invalid target profile", {
        path: "targetProfile",
        expected: "a target profile",
      });
    return parsed.data;
  }
  return assessment.targetProfile ?? model.targetProfiles?.[0];
}
