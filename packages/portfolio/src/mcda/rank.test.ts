import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isPmokitError } from "@pmokit/core";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { scoreRice, scoreWsjf } from "./presets.js";
import { rankAlternatives } from "./rank.js";
import type { RankProblem } from "./rank.js";
import { weightSensitivity } from "./sensitivity.js";

interface McdaCase {
  id: string;
  method: string;
  alternatives: string[];
  criteria: string[];
  matrix: number[][];
  weights: number[];
  directions: ("min" | "max")[];
  preferenceFunctions?: { type: "usual"; q?: number; p?: number; s?: number }[];
  expected?: { closeness: number[] };
  computedReference: Record<string, unknown>;
}

const toProblem = (c: McdaCase): RankProblem => ({
  alternatives: c.alternatives,
  criteria: c.criteria.map((id, j) => ({
    id,
    weight: c.weights[j]!,
    direction: c.directions[j]!,
    ...(c.preferenceFunctions ? { preference: c.preferenceFunctions[j]! } : {}),
  })),
  matrix: c.matrix,
});

describeWithSharedData(["decision", "mcda-cases.json"], "MCDA published cases (shared data)", () => {
  const data = JSON.parse(readFileSync(sharedData("decision", "mcda-cases.json"), "utf8")) as {
    cases: McdaCase[];
  };
  const byId = (id: string): McdaCase => data.cases.find((c) => c.id === id)!;

  it("opricovic-tzeng-2004-topsis: published closeness with min-max normalisation, tie ranks", () => {
    const c = byId("opricovic-tzeng-2004-topsis");
    const r = rankAlternatives(toProblem(c), { method: "topsis", normalization: "minmax" });
    r.scores.forEach((s, i) =>
      expect(Math.abs(s.score - c.expected!.closeness[i]!)).toBeLessThanOrEqual(0.0005),
    );
    const ref = c.computedReference as {
      minmax: { rank: number[]; dPlus: number[] };
      vector: { closeness: number[]; rank: number[] };
    };
    expect(c.alternatives.map((a) => r.rank[a])).toEqual(ref.minmax.rank);
    r.details!.dPlus!.forEach((d, i) => expect(d).toBeCloseTo(ref.minmax.dPlus[i]!, 6));
    const v = rankAlternatives(toProblem(c), { method: "topsis", normalization: "vector" });
    v.scores.forEach((s, i) =>
      expect(Math.abs(s.score - ref.vector.closeness[i]!)).toBeLessThanOrEqual(5e-7),
    );
    expect(c.alternatives.map((a) => v.rank[a])).toEqual(ref.vector.rank);
    expect(v.ranking).not.toEqual(r.ranking);
  });

  it("derived-six-preference-functions: PROMETHEE II flows (regression vector, 5e-7)", () => {
    const c = byId("derived-six-preference-functions");
    const ref = c.computedReference as {
      phiPlus: number[];
      phiMinus: number[];
      phiNet: number[];
      rank: number[];
    };
    const r = rankAlternatives(toProblem(c), { method: "promethee2" });
    r.scores.forEach((s, i) => expect(Math.abs(s.score - ref.phiNet[i]!)).toBeLessThanOrEqual(5e-7));
    r.details!.phiPlus!.forEach((p, i) => expect(Math.abs(p - ref.phiPlus[i]!)).toBeLessThanOrEqual(5e-7));
    r.details!.phiMinus!.forEach((p, i) => expect(Math.abs(p - ref.phiMinus[i]!)).toBeLessThanOrEqual(5e-7));
    expect(c.alternatives.map((a) => r.rank[a])).toEqual(ref.rank);
  });
});

const simple: RankProblem = {
  alternatives: ["a", "b", "c"],
  criteria: [
    { id: "value", weight: 2, direction: "max" },
    { id: "cost", weight: 1, direction: "min" },
  ],
  matrix: [
    [10, 5],
    [8, 2],
    [4, 1],
  ],
};

describe("rankAlternatives", () => {
  it("weighted sum with min-max normalisation (min criteria reversed)", () => {
    const r = rankAlternatives(simple, { method: "wsm" });
    // a: 2/3*1 + 1/3*0 = .667; b: 2/3*(4/6) + 1/3*(3/4) = .694; c: 0 + 1/3 = .333
    expect(r.scores.map((s) => s.score)).toEqual(
      [2 / 3, (2 / 3) * (4 / 6) + (1 / 3) * 0.75, 1 / 3].map((x) => expect.closeTo(x, 12)),
    );
    expect(r.ranking).toEqual(["b", "a", "c"]);
  });

  it("requires a normalisation for TOPSIS and names bad input", () => {
    const need = (f: () => unknown): { code: string; path: unknown } => {
      try {
        f();
      } catch (e) {
        if (isPmokitError(e)) return { code: e.code, path: e.details.path };
      }
      throw new Error("no PmokitError");
    };
    expect(need(() => rankAlternatives(simple, { method: "topsis" }))).toMatchObject({
      path: "normalization",
    });
    expect(
      need(() => rankAlternatives({ ...simple, matrix: [[1, 2], [3], [4, 5]] }, { method: "wsm" })),
    ).toMatchObject({ path: "matrix[1]" });
    expect(
      need(() =>
        rankAlternatives(
          {
            ...simple,
            criteria: [
              { id: "v", weight: 1, direction: "max", preference: { type: "linear", q: 2, p: 1 } },
              simple.criteria[1]!,
            ],
          },
          { method: "promethee2" },
        ),
      ),
    ).toMatchObject({ path: "criteria[0].preference.p" });
    expect(
      need(() => rankAlternatives({ ...simple, alternatives: ["a", "a", "c"] }, { method: "wsm" })),
    ).toMatchObject({ code: "DUPLICATE_ID" });
  });

  it("skips a degenerate column with a warning", () => {
    const r = rankAlternatives(
      {
        ...simple,
        matrix: [
          [10, 3],
          [8, 3],
          [4, 3],
        ],
      },
      { method: "topsis", normalization: "minmax" },
    );
    expect(r.warnings[0]).toContain("cost");
    expect(r.ranking).toEqual(["a", "b", "c"]);
  });
});

describe("presets and sensitivity", () => {
  it("WSJF and RICE", () => {
    const w = scoreWsjf([
      { id: "E1", businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 4 },
      { id: "E2", businessValue: 3, timeCriticality: 3, riskReduction: 2, jobSize: 1 },
    ]);
    expect(w.scores.map((s) => s.score)).toEqual([4, 8]);
    expect(w.ranking).toEqual(["E2", "E1"]);
    const r = scoreRice([{ id: "F", reach: 1000, impact: 2, confidence: 0.8, effort: 4 }]);
    expect(r.scores[0]!.score).toBe(400);
    expect(() => scoreRice([{ id: "F", reach: 1, impact: 1, confidence: 80, effort: 1 }])).toThrow(
      /confidence/,
    );
  });

  it("weight sensitivity finds the exact crossing of a weighted sum", () => {
    const p: RankProblem = {
      alternatives: ["a", "b"],
      criteria: [
        { id: "x", weight: 1, direction: "max" },
        { id: "y", weight: 3, direction: "max" },
      ],
      matrix: [
        [1, 0],
        [0, 2],
      ],
    };
    // minmax: a = w_x, b = w_y = 1 - w_x; w_x = 0.25 now (b first); a ties b at 0.5
    const s = weightSensitivity(p, { method: "wsm", normalization: "minmax" });
    expect(s[0]!.upper).toBeCloseTo(0.5, 8);
    expect(s[0]!.rankingAbove).toEqual(["a", "b"]);
    expect(s[0]!.lower).toBe(0);
  });
});
