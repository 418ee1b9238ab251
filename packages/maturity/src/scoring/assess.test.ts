import { describe, expect, it } from "vitest";
import { parseAssessment } from "../assessment/parse.js";
import { all, answers, tinyModel, tinyModelInput } from "../internal/__tests__/fixtures.js";
import { parseMaturityModel } from "../model/validate.js";
import { assessMaturity } from "./assess.js";

const dim = (r: ReturnType<typeof assessMaturity>, id: string) =>
  r.dimensions.find((d) => d.dimensionId === id)!;

describe("staged rule (weakest link)", () => {
  const model = tinyModel({ type: "staged", threshold: 0.75 }, { dims: ["A", "B", "C", "D"] });
  it("one weak area caps the overall level although the average is high", () => {
    // A, C, D fully in place. B: L2 = (1 + 0.25)/2 = 0.625 < 0.75 → B stays at L1 even though its L3 is full.
    const a = answers(model, { ...all(model, 4), B2b: 1 });
    const r = assessMaturity(model, a);
    expect(dim(r, "A").levelOrdinal).toBe(3);
    expect(dim(r, "B").levelOrdinal).toBe(1);
    expect(dim(r, "B").blocking).toEqual(["B2b"]);
    // B score = (1 + 0.25 + 1 + 1)/4 = 0.8125; overall = (3 + 0.8125)/4 = 0.953125.
    expect(dim(r, "B").score).toBeCloseTo(0.8125, 12);
    expect(r.overall.score).toBeCloseTo(0.953125, 12);
    // Decimal level side by side: 1 + 0.953125 · 2 = 2.90625, while the staged level is 1.
    expect(r.overall.decimalLevel).toBeCloseTo(2.90625, 12);
    expect(r.overall.levelOrdinal).toBe(1);
    expect(r.overall.blocking).toEqual(["B2b"]);
  });
  it("a level needs every lower level", () => {
    const r = assessMaturity(model, answers(model, { ...all(model, 4), A2a: 0, A2b: 0 }));
    expect(dim(r, "A").levelPercents.map((l) => l.met)).toEqual([false, true]);
    expect(dim(r, "A").levelOrdinal).toBe(1);
  });
  it("threshold is inclusive: exactly 75 % meets the level", () => {
    // A3 = (1 + 0.5)/2 = 0.75.
    const r = assessMaturity(model, answers(model, { ...all(model, 4), A3a: 2 }));
    expect(dim(r, "A").levelOrdinal).toBe(3);
  });
  it("allItemsAtLeast needs every item of the level at the threshold", () => {
    const m = tinyModel({ type: "staged", metric: "allItemsAtLeast", threshold: 0.75 });
    // A2: 1, 0.75 → met; A3: 1, 0.5 → not met.
    const r = assessMaturity(m, answers(m, { ...all(m, 4), A2b: 3, A3b: 2 }));
    expect(dim(r, "A").levelOrdinal).toBe(2);
    expect(dim(r, "A").blocking).toEqual(["A3b"]);
  });
  it("a failing critical item caps its level", () => {
    const rule = { type: "staged" as const, threshold: 0.6, criticalBelow: 0.5 };
    const plain = tinyModel(rule);
    const crit = tinyModel(rule, { critical: ["A3a"] });
    // A3 = (0.25 + 1)/2 = 0.625 ≥ 0.6, but A3a = 0.25 < 0.5 is critical.
    const ans = { ...all(plain, 4), A3a: 1 };
    expect(dim(assessMaturity(plain, answers(plain, ans)), "A").levelOrdinal).toBe(3);
    expect(dim(assessMaturity(crit, answers(crit, ans)), "A").levelOrdinal).toBe(2);
  });
});

describe("averaged rule", () => {
  it("floors, rounds or bands the decimal level", () => {
    // A: 1, 0.5, 0.5, 0.5 → score 0.625 → decimal 1 + 0.625·2 = 2.25.
    const ans = { A2a: 4, A2b: 2, A3a: 2, A3b: 2, B2a: 4, B2b: 4, B3a: 4, B3b: 3 };
    const floor = tinyModel({ type: "averaged", mapping: "floor" });
    const rf = assessMaturity(floor, answers(floor, ans));
    expect(dim(rf, "A").decimalLevel).toBeCloseTo(2.25, 12);
    expect(dim(rf, "A").levelOrdinal).toBe(2);
    // B: (1 + 1 + 1 + 0.75)/4 = 0.9375 → 2.875 → floor 2, round 3.
    expect(dim(rf, "B").levelOrdinal).toBe(2);
    const round = tinyModel({ type: "averaged", mapping: "round" });
    expect(dim(assessMaturity(round, answers(round, ans)), "B").levelOrdinal).toBe(3);
    const bands = tinyModel({
      type: "averaged",
      mapping: "bands",
      bands: [
        { levelId: "L1", minScore: 0 },
        { levelId: "L2", minScore: 0.4 },
        { levelId: "L3", minScore: 0.9 },
      ],
    });
    const rb = assessMaturity(bands, answers(bands, ans));
    expect(dim(rb, "A").levelOrdinal).toBe(2);
    expect(dim(rb, "B").levelOrdinal).toBe(3);
    // Overall score (0.625 + 0.9375)/2 = 0.78125 → L2 under the bands.
    expect(rb.overall.score).toBeCloseTo(0.78125, 12);
    expect(rb.overall.levelOrdinal).toBe(2);
  });
});

describe("per-level thresholds (Kerzner-like)", () => {
  it("percent: sequential stops at the first failed level, non-sequential does not", () => {
    const perLevel = [
      { levelId: "L2", threshold: 0.5 },
      { levelId: "L3", threshold: 0.8 },
    ];
    // A: L2 = (0.25 + 0)/2 = 0.125 fails, L3 = 1 passes.
    const ans = { ...all(tinyModel({ type: "cumulative" }), 4), A2a: 1, A2b: 0 };
    const seq = tinyModel({ type: "perLevelThreshold", metric: "percent", perLevel, sequential: true });
    const non = tinyModel({ type: "perLevelThreshold", metric: "percent", perLevel, sequential: false });
    expect(dim(assessMaturity(seq, answers(seq, ans)), "A").levelOrdinal).toBe(1);
    expect(dim(assessMaturity(non, answers(non, ans)), "A").levelOrdinal).toBe(3);
  });
  it("points: pass marks on the whole instrument, scaled to each dimension's share", () => {
    // Option points −2, −1, 0, 1, 2. L2 has four questions (A2a, A2b, B2a, B2b): max 8 points.
    // Pass mark L2 = 3 points, L3 = 7 points.
    const m = tinyModel({
      type: "perLevelThreshold",
      metric: "points",
      perLevel: [
        { levelId: "L2", threshold: 3 },
        { levelId: "L3", threshold: 7 },
      ],
    });
    // A2: 2 + 2 = 4; B2: 0 + 0 = 0 → overall L2 = 4 ≥ 3 met. L3: A3 2 + 2, B3 1 + 1 → 6 < 7 fails.
    const r = assessMaturity(
      m,
      answers(m, { A2a: 4, A2b: 4, B2a: 2, B2b: 2, A3a: 4, A3b: 4, B3a: 3, B3b: 3 }),
    );
    expect(r.overall.levelPercents.map((l) => l.points)).toEqual([4, 6]);
    expect(r.overall.levelOrdinal).toBe(2);
    // A holds half the L2 points, so its L2 pass mark is 3 · 4/8 = 1.5 (4 ≥ 1.5, met) and its L3 mark
    // 7 · 4/8 = 3.5 (4 ≥ 3.5, met); B: 0 < 1.5 fails at L2.
    expect(dim(r, "A").levelOrdinal).toBe(3);
    expect(dim(r, "B").levelOrdinal).toBe(1);
  });
});

describe("cumulative rule (product of level shares)", () => {
  it("computes base + s2 + s2·s3 + s2·s3·s4", () => {
    const m = tinyModel({ type: "cumulative" }, { levels: 4, dims: ["A"] });
    // s2 = 1, s3 = (1 + 0)/2 = 0.5, s4 = (1 + 0)/2 = 0.5 → 1 + 1 + 0.5 + 0.25 = 2.75 → level 2.
    const r = assessMaturity(m, answers(m, { A2a: 4, A2b: 4, A3a: 4, A3b: 0, A4a: 4, A4b: 0 }));
    expect(r.overall.decimalLevel).toBeCloseTo(2.75, 12);
    expect(dim(r, "A").levelOrdinal).toBe(2);
    // A zero at level 2 cancels everything above it: 1 + 0 = 1.
    const r0 = assessMaturity(m, answers(m, { A2a: 0, A2b: 0, A3a: 4, A3b: 4, A4a: 4, A4b: 4 }));
    expect(r0.overall.decimalLevel).toBeCloseTo(1, 12);
  });
});

describe("N/A, don't know and coverage", () => {
  const m = tinyModel({ type: "staged", threshold: 0.75 });
  it("N/A leaves the denominator; other policies count it as full or zero", () => {
    const ans = { ...all(m, 4), A2a: "na" as const, A2b: 2 };
    // Excluded: A2 = 0.5; A = (0.5 + 1 + 1)/3.
    const r = assessMaturity(m, answers(m, ans));
    expect(dim(r, "A").score).toBeCloseTo(2.5 / 3, 12);
    expect(dim(r, "A").coverage).toBe(1);
    expect(r.items.find((i) => i.questionId === "A2a")!.state).toBe("notApplicable");
    const full = assessMaturity(m, answers(m, ans), { policy: { naHandling: "countAsFull" } });
    expect(dim(full, "A").score).toBeCloseTo(3.5 / 4, 12);
    const zero = assessMaturity(m, answers(m, ans), { policy: { naHandling: "countAsZero" } });
    expect(dim(zero, "A").score).toBeCloseTo(2.5 / 4, 12);
  });
  it("a level whose items are all N/A counts as met", () => {
    const r = assessMaturity(m, answers(m, { ...all(m, 4), A2a: "na", A2b: "na" }));
    expect(dim(r, "A").levelOrdinal).toBe(3);
    expect(dim(r, "A").levelPercents[0]!.notApplicable).toBe(true);
  });
  it("don't know lowers coverage and confidence, not the score", () => {
    const base = assessMaturity(m, answers(m, { ...all(m, 3) }));
    const dk = assessMaturity(m, answers(m, { ...all(m, 3), A3b: "dk" }));
    expect(dim(dk, "A").score).toBeCloseTo(dim(base, "A").score!, 12);
    expect(dim(dk, "A").coverage).toBeCloseTo(0.75, 12);
    expect(dim(dk, "A").confidence.value).toBeLessThan(dim(base, "A").confidence.value);
    // Counting don't know as zero changes the score.
    const dk0 = assessMaturity(m, answers(m, { ...all(m, 3), A3b: "dk" }), {
      policy: { dontKnowHandling: "countAsZero" },
    });
    expect(dim(dk0, "A").score).toBeCloseTo(0.75 * 0.75, 12);
  });
  it("a dimension below the minimum coverage is not rated", () => {
    const r = assessMaturity(m, answers(m, { ...all(m, 4), A2a: "dk", A2b: "dk", A3a: "dk" }));
    expect(dim(r, "A").notRated).toBe(true);
    expect(dim(r, "A").levelOrdinal).toBeUndefined();
    expect(dim(r, "A").notRatedReason).toMatch(/coverage 25 %/);
    // The overall level uses the rated dimensions and warns.
    expect(r.overall.levelOrdinal).toBe(3);
    expect(r.warnings.join(" ")).toMatch(/not rated/);
  });
});

describe("several respondents", () => {
  const m = tinyModel({ type: "averaged" }, { dims: ["A"] });
  // A2a answered 0.25, 0.5, 1 by three respondents; everything else full.
  const three = (): ReturnType<typeof answers> =>
    answers(m, { ...all(m, 4), A2a: 1 }, { ...all(m, 4), A2a: 2 }, { ...all(m, 4), A2a: 4 });
  const item = (r: ReturnType<typeof assessMaturity>) => r.items.find((i) => i.questionId === "A2a")!;
  it("aggregates by mean, median, min and mode (ties to the lower value)", () => {
    expect(item(assessMaturity(m, three(), { aggregation: "mean" })).value).toBeCloseTo(1.75 / 3, 12);
    expect(item(assessMaturity(m, three(), { aggregation: "median" })).value).toBe(0.5);
    expect(item(assessMaturity(m, three(), { aggregation: "min" })).value).toBe(0.25);
    expect(item(assessMaturity(m, three(), { aggregation: "mode" })).value).toBe(0.25);
  });
  it("reports dispersion and agreement in scale positions", () => {
    // Positions 2, 3, 5: mean 10/3, s² = ((−4/3)² + (−1/3)² + (5/3)²)/2 = (16 + 1 + 25)/18 = 7/3.
    const it = item(assessMaturity(m, three()));
    expect(it.n).toBe(3);
    expect(it.sd).toBeCloseTo(Math.sqrt(7 / 3), 12);
    // rwg = 1 − (7/3)/2 < 0 → truncated to 0.
    expect(it.rwg).toBe(0);
    // AD = (4/3 + 1/3 + 5/3)/3 = 10/9.
    expect(it.ad).toBeCloseTo(10 / 9, 12);
    expect(it.flags).toContain("lowAgreement");
  });
  it("a consensus decision overrides only under the consensus aggregation", () => {
    const a = parseAssessment(m, {
      modelId: m.id,
      respondents: [
        { id: "r1", answers: { A2a: "v1" } },
        { id: "r2", answers: { A2a: "v3" } },
      ],
      consensus: [{ questionId: "A2a", optionId: "v4", rationale: "workshop agreed" }],
    });
    expect(item(assessMaturity(m, a, { aggregation: "consensus" })).value).toBe(1);
    expect(item(assessMaturity(m, a, { aggregation: "consensus" })).consensus).toBe(true);
    expect(item(assessMaturity(m, a, { aggregation: "mean" })).value).toBe(0.5);
  });
  it("respondent weights weight the mean", () => {
    const a = parseAssessment(m, {
      modelId: m.id,
      respondents: [
        { id: "r1", weight: 3, answers: { A2a: "v0" } },
        { id: "r2", answers: { A2a: "v4" } },
      ],
    });
    expect(item(assessMaturity(m, a)).value).toBeCloseTo(0.25, 12);
  });
  it("computes Krippendorff's alpha over the instrument", () => {
    const r = assessMaturity(
      m,
      answers(m, { A2a: 1, A2b: 2, A3a: 3, A3b: 4 }, { A2a: 1, A2b: 2, A3a: 3, A3b: 4 }),
    );
    expect(r.agreement.krippendorffAlphaOrdinal).toBeCloseTo(1, 12);
    expect(r.agreement.krippendorffAlphaInterval).toBeCloseTo(1, 12);
  });
});

describe("claimed vs verified", () => {
  it("answers without verified evidence count as the scale minimum in the verified score", () => {
    const m = tinyModel({ type: "staged", threshold: 0.75 }, { dims: ["A"], evidence: ["A3a"] });
    const mk = (status: "claimed" | "verified") =>
      parseAssessment(m, {
        modelId: m.id,
        respondents: [
          {
            id: "r1",
            answers: { A2a: "v4", A2b: "v4", A3a: { optionId: "v4", evidenceIds: ["e1"] }, A3b: "v4" },
          },
        ],
        evidence: [{ id: "e1", status }],
      });
    const claimed = assessMaturity(m, mk("claimed"));
    expect(claimed.overall.score).toBe(1);
    expect(claimed.overall.verifiedScore).toBeCloseTo(0.75, 12);
    expect(claimed.dimensions[0]!.levelOrdinal).toBe(3);
    expect(claimed.dimensions[0]!.verifiedLevelOrdinal).toBe(2);
    expect(claimed.items.find((i) => i.questionId === "A3a")!.flags).toContain("evidenceMissing");
    expect(assessMaturity(m, mk("verified")).overall.verifiedScore).toBe(1);
  });
});

describe("gaps, recommendations and roadmap", () => {
  const m = tinyModel({ type: "staged", threshold: 0.75 }, { dims: ["A", "B"] });
  it("puts items blocking the next level first and stages the rest", () => {
    // A at L2 (A3 weak), B at L1 (B2 weak, B3 weak).
    const r = assessMaturity(
      m,
      answers(m, { A2a: 4, A2b: 4, A3a: 1, A3b: 2, B2a: 1, B2b: 4, B3a: 0, B3b: 0 }),
      {
        targetProfile: {
          default: { levelId: "L3", importance: 3 },
          targets: [{ dimensionId: "B", levelId: "L3", importance: 5 }],
        },
      },
    );
    expect(r.gaps.map((g) => g.dimensionId)).toEqual(["B", "A"]);
    expect(r.gaps[0]).toMatchObject({ gapLevels: 2, importance: 5 });
    const blocking = r.recommendations.filter((x) => x.blocking).map((x) => x.questionId);
    expect(new Set(blocking)).toEqual(new Set(["A3a", "A3b", "B2a"]));
    // Blocking items come before every non-blocking one.
    const firstNonBlocking = r.recommendations.findIndex((x) => !x.blocking);
    expect(firstNonBlocking).toBe(blocking.length);
    expect(r.recommendations.find((x) => x.questionId === "B2a")!.unlocksLevelId).toBe("L2");
    // B3 items are two levels up: stage 2.
    expect(r.recommendations.find((x) => x.questionId === "B3a")!.stage).toBe(2);
    expect(r.roadmap.map((s) => s.stage)).toEqual([1, 2]);
    // Projected score of B if B2a were full: (1 + 1 + 0 + 0)/4 = 0.5.
    expect(r.recommendations.find((x) => x.questionId === "B2a")!.projectedScore).toBeCloseTo(0.5, 12);
  });
  it("without a target, aims one level up", () => {
    const r = assessMaturity(m, answers(m, all(m, 2)));
    expect(r.gaps.every((g) => g.targetLevelOrdinal === 2)).toBe(true);
  });
  it("respects prerequisites in the order", () => {
    const input = tinyModel({ type: "staged", threshold: 0.75 }, { dims: ["A"] });
    const withDeps = {
      ...input,
      questions: input.questions.map((q) => (q.id === "A2a" ? { ...q, dependsOn: ["A2b"] } : q)),
    };
    const r = assessMaturity(withDeps, answers(withDeps, { A2a: 0, A2b: 1, A3a: 0, A3b: 0 }));
    const ids = r.recommendations.map((x) => x.questionId);
    expect(ids.indexOf("A2b")).toBeLessThan(ids.indexOf("A2a"));
  });
});

describe("guards", () => {
  it("a typology model is rejected", async () => {
    const { pmoTypeModel } = await import("../models/pmo-type.js");
    const a = parseAssessment(pmoTypeModel, { modelId: pmoTypeModel.id, respondents: [{ id: "x" }] });
    expect(() => assessMaturity(pmoTypeModel, a)).toThrowError(
      expect.objectContaining({ code: "INVALID_INPUT" }) as Error,
    );
  });
});

describe("dimension tree roll-up", () => {
  // Parent P with children A (weight 3) and B (weight 1); C is a separate root.
  const input = tinyModelInput({ type: "staged", threshold: 0.75 }, { dims: ["A", "B", "C"] });
  input.dimensions = [
    { id: "P", name: "Parent" },
    { id: "A", name: "A", parentId: "P", weight: 3 },
    { id: "B", name: "B", parentId: "P", weight: 1 },
    { id: "C", name: "C" },
  ];
  const m = parseMaturityModel(input);
  const ans = { ...all(m, 4), B3a: 0, B3b: 0 };
  it("parents take the weakest child level and the weighted mean score", () => {
    const r = assessMaturity(m, answers(m, ans));
    // A = 1, B = (1 + 1 + 0 + 0)/4 = 0.5 → P = (3·1 + 1·0.5)/4 = 0.875; levels A 3, B 2 → P 2.
    expect(dim(r, "P").score).toBeCloseTo(0.875, 12);
    expect(dim(r, "P").levelOrdinal).toBe(2);
    expect(dim(r, "P").blocking).toEqual(["B3a", "B3b"]);
    // Overall: roots P (0.875) and C (1) → 0.9375; weakest link 2.
    expect(r.overall.score).toBeCloseTo(0.9375, 12);
    expect(r.overall.levelOrdinal).toBe(2);
  });
  it("min roll-up and the rollup overall level", () => {
    const minInput = {
      ...input,
      dimensions: input.dimensions.map((d) => (d.id === "P" ? { ...d, rollup: "min" as const } : d)),
    };
    const mm = parseMaturityModel(minInput);
    expect(dim(assessMaturity(mm, answers(mm, ans)), "P").score).toBeCloseTo(0.5, 12);
    // overallLevel "rollup": floor(1 + 0.9375 · 2) = floor(2.875) = 2 at the top; P = floor(1 + 0.875·2) = 2.
    const r = assessMaturity(m, answers(m, { ...all(m, 4), B2a: 3 }), {});
    expect(r.overall.levelOrdinal).toBe(3);
    const roll = parseMaturityModel({
      ...input,
      scoringPolicy: { ...input.scoringPolicy, overallLevel: "rollup" },
    });
    const rr = assessMaturity(roll, answers(roll, ans));
    expect(rr.overall.levelOrdinal).toBe(2);
    expect(rr.overall.decimalLevel).toBeCloseTo(2.875, 12);
  });
});
