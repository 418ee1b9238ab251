import type { MaturityModel, TargetProfile } from "../model/schema.js";
import type { DimensionResult } from "./assess.js";
import type { ItemResult } from "./items.js";

/**
 * Gap of one dimension against its target level.
 *
 * @category Results
 * @since 0.1.0
 */
export interface Gap {
  readonly dimensionId: string;
  readonly name: string;
  readonly currentLevelOrdinal?: number;
  readonly targetLevelId: string;
  readonly targetLevelOrdinal: number;
  /** Target ordinal − current ordinal (≥ 0); the full span when not rated. */
  readonly gapLevels: number;
  readonly score?: number;
  /** Score equivalent of the target level (0–1). */
  readonly targetScore: number;
  /** max(0, targetScore − score). */
  readonly gapScore: number;
  /** Importance 1–5. */
  readonly importance: number;
  /** gapScore × importance (and 1 level-gap per level when the staged level lags the score). */
  readonly priority: number;
}

/**
 * One prioritised improvement (or clarification) action.
 *
 * @category Results
 * @since 0.1.0
 */
export interface Recommendation {
  readonly questionId: string;
  readonly text: string;
  /** `improve` the practice, or `clarify` (no answer, or respondents disagree). */
  readonly action: "improve" | "clarify";
  readonly dimensionIds: readonly string[];
  readonly levelId?: string;
  /** Level this item holds back (it blocks the dimension's next level). */
  readonly unlocksLevelId?: string;
  readonly blocking: boolean;
  readonly priority: number;
  readonly currentValue?: number;
  /** Dimension score if the practice were fully in place. */
  readonly projectedScore?: number;
  readonly effort: number;
  readonly importance: number;
  readonly horizon: "quick win" | "next level" | "long term";
  /** Roadmap stage (1 = reach the next level). */
  readonly stage: number;
  readonly dependsOn: readonly string[];
  readonly reason: string;
}

/**
 * A stage of the improvement roadmap.
 *
 * @category Results
 * @since 0.1.0
 */
export interface RoadmapStage {
  readonly stage: number;
  readonly title: string;
  readonly questionIds: readonly string[];
}

const EPS = 1e-9;

/**
 * Gaps against the target profile, prioritised recommendations and a staged roadmap. Priority =
 * item gap × dimension importance × question importance ÷ effort, doubled for items blocking the
 * next level and boosted for prerequisites of other recommended items; items are ordered so that
 * prerequisites come first. Without a target profile the target is the next level everywhere.
 *
 * @internal Called by {@link assessMaturity}.
 */
export function planImprovements(
  model: MaturityModel,
  result: {
    readonly dimensions: readonly DimensionResult[];
    readonly items: readonly ItemResult[];
    readonly overall: DimensionResult;
  },
  target: TargetProfile | undefined,
): { gaps: Gap[]; recommendations: Recommendation[]; roadmap: RoadmapStage[] } {
  const levels = [...model.levels].sort((a, b) => a.ordinal - b.ordinal);
  const minOrd = levels[0]!.ordinal;
  const maxOrd = levels[levels.length - 1]!.ordinal;
  const span = Math.max(1, maxOrd - minOrd);
  const parents = new Set(model.dimensions.map((d) => d.parentId).filter((p) => p !== undefined));
  const items = new Map(result.items.map((i) => [i.questionId, i]));
  const questions = new Map(model.questions.map((q) => [q.id, q]));
  const ordOf = new Map(levels.map((l) => [l.id, l.ordinal]));

  const gaps: Gap[] = [];
  for (const d of result.dimensions) {
    if (parents.has(d.dimensionId)) continue;
    const explicit = target?.targets.find((t) => t.dimensionId === d.dimensionId);
    let t: { levelId: string; importance: number } | undefined = explicit ?? target?.default;
    if (t === undefined && target === undefined) {
      const next = levels.find((l) => l.ordinal === (d.levelOrdinal ?? minOrd) + 1);
      if (next) t = { levelId: next.id, importance: 3 };
    }
    if (t === undefined) continue;
    const tOrd = ordOf.get(t.levelId) ?? minOrd;
    const targetScore = (tOrd - minOrd) / span;
    const gapLevels = Math.max(0, tOrd - (d.levelOrdinal ?? minOrd));
    const gapScore = Math.max(0, targetScore - (d.score ?? 0));
    gaps.push({
      dimensionId: d.dimensionId,
      name: d.name,
      ...(d.levelOrdinal === undefined ? {} : { currentLevelOrdinal: d.levelOrdinal }),
      targetLevelId: t.levelId,
      targetLevelOrdinal: tOrd,
      gapLevels,
      ...(d.score === undefined ? {} : { score: d.score }),
      targetScore,
      gapScore,
      importance: t.importance,
      priority: (gapScore + gapLevels / span) * t.importance,
    });
  }
  gaps.sort((a, b) => b.priority - a.priority || (a.dimensionId < b.dimensionId ? -1 : 1));

  // Candidate items: below full value, feeding a dimension with a gap, at a level ≤ target.
  interface Cand {
    questionId: string;
    dims: Set<string>;
    levelOrd: number | undefined;
    levelId: string | undefined;
    stage: number;
    blocking: boolean;
    unlocks: string | undefined;
    base: number;
    projected: number | undefined;
    importance: number;
  }
  const cands = new Map<string, Cand>();
  for (const g of gaps) {
    if (g.gapLevels === 0 && g.gapScore <= EPS) continue;
    const dim = result.dimensions.find((d) => d.dimensionId === g.dimensionId)!;
    const cur = dim.levelOrdinal ?? minOrd;
    // Total weight of the dimension's scored items, for projected scores.
    let sw = 0;
    let s = 0;
    for (const q of model.questions)
      for (const imp of q.impacts) {
        if (imp.dimensionId !== g.dimensionId) continue;
        const it = items.get(q.id)!;
        if (it.value === undefined) continue;
        sw += imp.weight * q.weight;
        s += imp.weight * q.weight * it.value;
      }
    for (const q of model.questions) {
      const it = items.get(q.id)!;
      if (it.state === "notApplicable") continue;
      for (const imp of q.impacts) {
        if (imp.dimensionId !== g.dimensionId) continue;
        const lOrd = imp.levelId === undefined ? undefined : ordOf.get(imp.levelId);
        if (lOrd !== undefined && (lOrd > g.targetLevelOrdinal || lOrd <= minOrd)) continue;
        const value = it.value;
        if (value !== undefined && value >= 1 - EPS && !it.flags.includes("lowAgreement")) continue;
        // Levels already achieved only need work where the foundation is weak.
        if (lOrd !== undefined && lOrd <= cur && value !== undefined && value >= 0.5 - EPS) continue;
        const blocking = dim.blocking.includes(q.id);
        const stage = lOrd === undefined ? Math.max(1, g.targetLevelOrdinal - cur) : Math.max(1, lOrd - cur);
        const w = imp.weight * q.weight;
        const itemGap = 1 - (value ?? 0);
        const qImportance = q.importance ?? 3;
        const base =
          ((itemGap > 0 ? itemGap : 0.25) * g.importance * (qImportance / 3) * w * (blocking ? 2 : 1)) /
          stage;
        const projected = sw > 0 && value !== undefined ? (s + w * (1 - value)) / sw : undefined;
        const prev = cands.get(q.id);
        if (prev === undefined || base > prev.base) {
          cands.set(q.id, {
            questionId: q.id,
            dims: new Set([...(prev?.dims ?? []), g.dimensionId]),
            levelOrd: lOrd,
            levelId: imp.levelId,
            stage: Math.min(stage, prev?.stage ?? stage),
            blocking: blocking || (prev?.blocking ?? false),
            unlocks: blocking ? dim.nextLevelId : prev?.unlocks,
            base: base + (prev?.base ?? 0) * 0.5,
            projected,
            importance: g.importance,
          });
        } else {
          prev.dims.add(g.dimensionId);
          prev.base += base * 0.5;
          prev.blocking ||= blocking;
          if (blocking && prev.unlocks === undefined) prev.unlocks = dim.nextLevelId;
          prev.stage = Math.min(prev.stage, stage);
        }
      }
    }
  }
  // Prerequisites: a recommended item is staged no earlier than its recommended prerequisites,
  // and prerequisites of other recommended items are boosted.
  // A prerequisite constrains the order only while it is not largely in place.
  const depsOf = (id: string): string[] =>
    (questions.get(id)?.dependsOn ?? []).filter(
      (d) => cands.has(d) && (items.get(d)?.value ?? 0) < 0.75 - EPS,
    );
  const dependents = new Map<string, number>();
  for (const c of cands.values())
    for (const d of depsOf(c.questionId)) dependents.set(d, (dependents.get(d) ?? 0) + 1);
  const stageOf = new Map<string, number>();
  const computeStage = (id: string, guard: Set<string>): number => {
    const known = stageOf.get(id);
    if (known !== undefined) return known;
    const c = cands.get(id)!;
    let st = c.stage;
    guard.add(id);
    for (const d of depsOf(id)) if (!guard.has(d)) st = Math.max(st, computeStage(d, guard));
    guard.delete(id);
    stageOf.set(id, st);
    return st;
  };
  const recs: Recommendation[] = [];
  for (const c of cands.values()) {
    const q = questions.get(c.questionId)!;
    const it = items.get(c.questionId)!;
    const effort = q.effort ?? 3;
    const boost = 1 + 0.25 * (dependents.get(c.questionId) ?? 0);
    const priority = (c.base * boost * 3) / effort;
    const clarify = it.value === undefined || it.flags.includes("lowAgreement");
    const stage = computeStage(c.questionId, new Set());
    const reason = clarify
      ? it.value === undefined
        ? `no usable answer (${it.dontKnowCount} don't know, ${it.unansweredCount} unanswered): establish the facts first`
        : `respondents disagree (rwg ${it.rwg?.toFixed(2) ?? "n/a"}, SD ${it.sd?.toFixed(2) ?? "n/a"}): discuss before acting`
      : `${c.blocking ? "blocks the next level; " : ""}current value ${(it.value ?? 0).toFixed(2)} of 1`;
    recs.push({
      questionId: c.questionId,
      text: q.recommendation ?? q.text,
      action: clarify ? "clarify" : "improve",
      dimensionIds: [...c.dims].sort(),
      ...(c.levelId === undefined ? {} : { levelId: c.levelId }),
      ...(c.unlocks === undefined ? {} : { unlocksLevelId: c.unlocks }),
      blocking: c.blocking,
      priority,
      ...(it.value === undefined ? {} : { currentValue: it.value }),
      ...(c.projected === undefined ? {} : { projectedScore: c.projected }),
      effort,
      importance: c.importance,
      horizon: stage === 1 && effort <= 2 ? "quick win" : stage === 1 ? "next level" : "long term",
      stage,
      dependsOn: depsOf(c.questionId),
      reason,
    });
  }
  // Order: blocking first, then priority; then move prerequisites ahead of their dependents.
  recs.sort(
    (a, b) =>
      Number(b.blocking) - Number(a.blocking) ||
      a.stage - b.stage ||
      b.priority - a.priority ||
      (a.questionId < b.questionId ? -1 : 1),
  );
  const ordered: Recommendation[] = [];
  const placed = new Set<string>();
  const byId = new Map(recs.map((r) => [r.questionId, r]));
  const place = (r: Recommendation, guard: Set<string>): void => {
    if (placed.has(r.questionId) || guard.has(r.questionId)) return;
    guard.add(r.questionId);
    for (const d of r.dependsOn) place(byId.get(d)!, guard);
    placed.add(r.questionId);
    ordered.push(r);
  };
  for (const r of recs) place(r, new Set());

  const stages = [...new Set(ordered.map((r) => r.stage))].sort((a, b) => a - b);
  const roadmap = stages.map((st) => ({
    stage: st,
    title:
      st === 1
        ? "Reach the next level in every dimension below target"
        : `Step ${st}: towards the target levels`,
    questionIds: ordered.filter((r) => r.stage === st).map((r) => r.questionId),
  }));
  return { gaps, recommendations: ordered, roadmap };
}
