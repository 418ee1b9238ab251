import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { isPmokitError } from "@pmokit/core";
import { aggregateJudgments, aggregatePriorities, computeAhp, computeHierarchy } from "./ahp.js";
import { randomIndexTable } from "./random-index.js";

interface Case {
  id: string;
  kind: string;
  matrix?: number[][];
  completeMatrix?: number[][];
  incompleteMatrixText?: (string | null)[][];
  individualMatrices?: number[][][];
  expected?: Record<string, unknown>;
  computedReference: Record<string, unknown>;
}

const frac = (t: string): number => {
  const [a, b] = t.split("/").map(Number);
  return b === undefined ? a! : a! / b;
};

function expectClose(actual: readonly number[], expected: readonly number[], tol: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(tol));
}

function thrown(f: () => unknown): { code: string; path: unknown; message: string } {
  try {
    f();
  } catch (e) {
    if (isPmokitError(e)) return { code: e.code, path: e.details.path, message: e.message };
    throw e;
  }
  throw new Error("expected a PmokitError");
}

describeWithSharedData(["decision", "ahp-cases.json"], "AHP published cases (shared data)", () => {
  const data = JSON.parse(readFileSync(sharedData("decision", "ahp-cases.json"), "utf8")) as {
    cases: Case[];
    randomIndexTables: Record<string, { values: Record<string, number> }>;
  };
  const byId = (id: string): Case => data.cases.find((c) => c.id === id)!;

  it("ships the same RI tables as the published file", () => {
    for (const [id, t] of Object.entries(data.randomIndexTables)) {
      const ours = randomIndexTable(id);
      expect(ours.id).toBe(id);
      for (const [n, v] of Object.entries(t.values)) expect(ours.values[Number(n)]).toBeCloseTo(v, 10);
    }
  });

  it("saaty2008-drinks: published eigenvector weights (3 dp) and CR 0.022 with saaty2005", () => {
    const c = byId("saaty2008-drinks");
    const exp = c.expected as { weights: number[]; CR: number };
    const r = computeAhp(c.matrix!, { ri: "saaty2005" });
    expectClose(r.weights, exp.weights, 0.0005);
    expect(r.riTable).toBe("saaty2005");
    expect(Math.abs(r.cr! - exp.CR)).toBeLessThanOrEqual(0.001);
    const ref = c.computedReference as { lambdaMax: number; CI: number; CR: Record<string, number> };
    expect(r.lambdaMax).toBeCloseTo(ref.lambdaMax, 5);
    expect(r.ci).toBeCloseTo(ref.CI, 5);
    for (const [table, cr] of Object.entries(ref.CR))
      expect(computeAhp(c.matrix!, { ri: table }).cr).toBeCloseTo(cr, 5);
  });

  it("saaty2008-drinks: geometric mean matches its computed reference and not the published 3 dp", () => {
    const c = byId("saaty2008-drinks");
    const g = computeAhp(c.matrix!, { method: "geometric" });
    expectClose(
      g.weights,
      (c.computedReference as { geometricMeanWeights: number[] }).geometricMeanWeights,
      5e-7,
    );
    const pub = (c.expected as { weights: number[] }).weights;
    expect(g.weights.some((w, i) => Math.abs(w - pub[i]!) > 0.0005)).toBe(true);
  });

  it("ahpy-car-criteria: weights and CR 0.08 under Donegan & Dodd; other tables differ", () => {
    const c = byId("ahpy-car-criteria");
    const exp = c.expected as { weights: number[]; CR: number };
    const r = computeAhp(c.matrix!, { ri: "donegan-dodd" });
    expect(r.riTable).toBe("doneganDodd1991");
    expectClose(r.weights, exp.weights, 0.0005);
    expect(Math.abs(r.cr! - exp.CR)).toBeLessThanOrEqual(0.0005);
    const ref = c.computedReference as { CR: Record<string, number>; eigenvectorWeights: number[] };
    expectClose(r.weights, ref.eigenvectorWeights, 5e-7);
    expect(computeAhp(c.matrix!, { ri: "saaty1980" }).cr).toBeCloseTo(ref.CR["saaty1980"]!, 5);
  });

  it("bozoki2010-incomplete-4x4: complete, λmax-minimising completion and Harker", () => {
    const c = byId("bozoki2010-incomplete-4x4");
    const exp = c.expected as {
      complete: { weights: number[]; CR: number };
      lambdaMinimisingCompletion: { a_cd: number; weights: number[]; CR: number };
    };
    const full = computeAhp(c.completeMatrix!, { ri: "donegan-dodd" });
    expectClose(full.weights, exp.complete.weights, 0.00005);
    expect(full.cr).toBeCloseTo(exp.complete.CR, 4);
    const m = c.incompleteMatrixText!.map((r) => r.map((v) => (v === null ? null : frac(v))));
    const lm = computeAhp(m, { ri: "donegan-dodd", completion: "lambda-min" });
    expect(lm.completion).toBe("lambda-min");
    expect(lm.completed).toHaveLength(1);
    expect(lm.completed[0]!.i).toBe(2);
    expect(lm.completed[0]!.j).toBe(3);
    expect(Math.abs(lm.completed[0]!.value / exp.lambdaMinimisingCompletion.a_cd - 1)).toBeLessThan(1e-6);
    expectClose(lm.weights, exp.lambdaMinimisingCompletion.weights, 0.00005);
    expect(lm.cr).toBeCloseTo(exp.lambdaMinimisingCompletion.CR, 4);
    const h = (
      c.computedReference as {
        harker1987: { weights: number[]; lambdaMax: number; impliedCompletion_a_cd: number };
      }
    ).harker1987;
    const hr = computeAhp(m, { completion: "harker" });
    expectClose(hr.weights, h.weights, 5e-7);
    expect(hr.lambdaMax).toBeCloseTo(h.lambdaMax, 5);
    expect(hr.completed[0]!.value).toBeCloseTo(h.impliedCompletion_a_cd, 5);
  });

  it("derived-group-aggregation-3x3: AIJ and AIP (regression vector)", () => {
    const c = byId("derived-group-aggregation-3x3");
    const ref = c.computedReference as {
      AIJ_geometricMeanMatrix: number[][];
      AIJ_weights: number[];
      AIJ_lambdaMax: number;
      individualWeights: number[][];
      AIP_arithmeticMean: number[];
      AIP_geometricMeanNormalised: number[];
    };
    const g = aggregateJudgments(c.individualMatrices!);
    g.forEach((row, i) => expectClose(row as number[], ref.AIJ_geometricMeanMatrix[i]!, 1e-6));
    const aij = computeAhp(g);
    expectClose(aij.weights, ref.AIJ_weights, 1e-6);
    expect(aij.lambdaMax).toBeCloseTo(ref.AIJ_lambdaMax, 6);
    const ind = c.individualMatrices!.map((mx) => computeAhp(mx).weights);
    ind.forEach((w, k) => expectClose(w, ref.individualWeights[k]!, 1e-6));
    expectClose(aggregatePriorities(ind), ref.AIP_arithmeticMean, 1e-6);
    expectClose(aggregatePriorities(ind, { mean: "geometric" }), ref.AIP_geometricMeanNormalised, 1e-6);
  });
});

describe("computeAhp", () => {
  it("returns exact weights for a consistent matrix, CR 0 for n <= 2", () => {
    const r = computeAhp([
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ]);
    expectClose(r.weights, [4 / 7, 2 / 7, 1 / 7], 1e-12);
    expect(r.lambdaMax).toBeCloseTo(3, 10);
    expect(r.cr).toBeCloseTo(0, 10);
    expect(r.riTable).toBe("alonsoLamata2006");
    expect(
      computeAhp([
        [1, 3],
        [1 / 3, 1],
      ]).cr,
    ).toBe(0);
  });

  it("rejects non-positive, non-reciprocal and malformed matrices naming the cell", () => {
    expect(
      thrown(() =>
        computeAhp([
          [1, 0],
          [1, 1],
        ]),
      ),
    ).toMatchObject({ code: "INVALID_INPUT", path: "matrix[0][1]" });
    expect(
      thrown(() =>
        computeAhp([
          [1, -2],
          [-0.5, 1],
        ]),
      ),
    ).toMatchObject({ path: "matrix[0][1]" });
    const nr = thrown(() =>
      computeAhp([
        [1, 3],
        [3, 1],
      ]),
    );
    expect(nr).toMatchObject({ code: "INVALID_INPUT", path: "matrix[1][0]" });
    expect(nr.message).toContain("reciprocal");
    expect(thrown(() => computeAhp([[1, 2], [0.5]]))).toMatchObject({ path: "matrix[1]" });
    expect(
      thrown(() =>
        computeAhp([
          [2, 1],
          [1, 1],
        ]),
      ),
    ).toMatchObject({ path: "matrix[0][0]" });
    expect(
      thrown(() =>
        computeAhp([
          [1, null],
          [1, 1],
        ]),
      ),
    ).toMatchObject({ code: "INVALID_INPUT" });
    expect(
      thrown(() =>
        computeAhp(
          [
            [1, 2],
            [0.5, 1],
          ],
          { ri: "nope" },
        ),
      ),
    ).toMatchObject({ path: "ri" });
  });

  it("rejects missing judgments that disconnect the items", () => {
    const e = thrown(() =>
      computeAhp([
        [1, 2, null, null],
        [0.5, 1, null, null],
        [null, null, 1, 3],
        [null, null, 1 / 3, 1],
      ]),
    );
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toContain("nothing links");
  });

  it("accepts rounded reciprocals such as 0.33 for 1/3", () => {
    expect(
      computeAhp([
        [1, 3],
        [0.33, 1],
      ]).weights[0],
    ).toBeCloseTo(0.75, 10);
  });

  it("warns when CR > 0.1 and when the RI table is too short", () => {
    const r = computeAhp([
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ]);
    expect(r.consistent).toBe(false);
    expect(r.warnings.join()).toContain("CR");
    const n = 16;
    const big = Array.from({ length: n }, () => new Array<number>(n).fill(1));
    const rb = computeAhp(big);
    expect(rb.cr).toBeNull();
    expect(rb.warnings.join()).toContain("no value for n = 16");
  });

  it("weights a hierarchy of criteria and sub-criteria", () => {
    const r = computeHierarchy({
      id: "goal",
      weights: [1, 1],
      children: [
        { id: "cost" },
        {
          id: "benefit",
          comparisons: [
            [1, 3],
            [1 / 3, 1],
          ],
          children: [{ id: "npv" }, { id: "brand" }],
        },
      ],
    });
    expect(r.leaves["cost"]).toBeCloseTo(0.5, 12);
    expect(r.leaves["npv"]).toBeCloseTo(0.375, 12);
    expect(r.leaves["brand"]).toBeCloseTo(0.125, 12);
    expect(Object.values(r.leaves).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(
      thrown(() => computeHierarchy({ id: "g", children: [{ id: "a" }, { id: "a" }], weights: [1, 1] })),
    ).toMatchObject({
      code: "DUPLICATE_ID",
    });
  });
});
