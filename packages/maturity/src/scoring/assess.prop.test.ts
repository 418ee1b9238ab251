import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAssessment } from "../assessment/parse.js";
import { OPTS, tinyModel } from "../internal/__tests__/fixtures.js";
import { krippendorffAlpha } from "../stats/agreement.js";
import { assessMaturity } from "./assess.js";
import type { MaturityModel, MaturityModelInput } from "../model/schema.js";

const rules: MaturityModelInput["scoringPolicy"]["levelAward"][] = [
  { type: "staged", threshold: 0.75 },
  { type: "averaged" },
  { type: "cumulative" },
  {
    type: "perLevelThreshold",
    metric: "percent",
    perLevel: [
      { levelId: "L2", threshold: 0.5 },
      { levelId: "L3", threshold: 0.7 },
    ],
  },
];
const models = rules.map((r) => tinyModel(r, { dims: ["A", "B", "C"] }));
const qids = models[0]!.questions.map((q) => q.id);
const answer = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 1, arbitrary: fc.constant("na" as const) },
  { weight: 1, arbitrary: fc.constant("dk" as const) },
);
const sheet = fc.array(answer, { minLength: qids.length, maxLength: qids.length });
const sheets = fc.array(sheet, { minLength: 1, maxLength: 4 });

function build(
  model: MaturityModel,
  rs: readonly (readonly (number | "na" | "dk")[])[],
  order: readonly number[] = [],
) {
  const responses = rs.flatMap((s, k) =>
    s.map((v, i) => ({
      respondentId: `r${k}`,
      questionId: qids[i]!,
      ...(v === "na"
        ? { state: "notApplicable", naReason: "p" }
        : v === "dk"
          ? { state: "dontKnow" }
          : { state: "answered", optionId: OPTS[v]! }),
    })),
  );
  const permuted = order.length === responses.length ? order.map((i) => responses[i]!) : responses;
  const respondents = rs.map((_, k) => ({ id: `r${k}` }));
  return parseAssessment(model, {
    modelId: model.id,
    respondents: order.length > 0 ? [...respondents].reverse() : respondents,
    responses: permuted,
  });
}

describe("scoring properties", () => {
  it("scores stay within [0, 1] and levels within the model's range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: rules.length - 1 }), sheets, (k, rs) => {
        const m = models[k]!;
        const r = assessMaturity(m, build(m, rs));
        for (const d of [...r.dimensions, r.overall]) {
          if (d.score !== undefined) {
            expect(d.score).toBeGreaterThanOrEqual(0);
            expect(d.score).toBeLessThanOrEqual(1);
          }
          if (d.decimalLevel !== undefined) {
            expect(d.decimalLevel).toBeGreaterThanOrEqual(1 - 1e-9);
            expect(d.decimalLevel).toBeLessThanOrEqual(3 + 1e-9);
          }
          if (d.levelOrdinal !== undefined) expect([1, 2, 3]).toContain(d.levelOrdinal);
          expect(d.coverage).toBeGreaterThanOrEqual(0);
          expect(d.coverage).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the order of responses and respondents never changes the result", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: rules.length - 1 }),
        sheets,
        fc.integer(),
        fc.constantFrom("mean", "median", "min", "mode") as fc.Arbitrary<"mean" | "median" | "min" | "mode">,
        (k, rs, seed, aggregation) => {
          const m = models[k]!;
          const n = rs.length * qids.length;
          // Deterministic shuffle from the seed.
          const order = Array.from({ length: n }, (_, i) => i).sort(
            (a, b) =>
              ((((a * 2654435761) ^ seed) >>> 0) % 1009) - ((((b * 2654435761) ^ seed) >>> 0) % 1009) ||
              a - b,
          );
          const a = assessMaturity(m, build(m, rs), { aggregation });
          const b = assessMaturity(m, build(m, rs, order), { aggregation });
          expect(b.dimensions).toEqual(a.dimensions);
          expect(b.overall).toEqual(a.overall);
          expect(b.items).toEqual(a.items);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("N/A on an item only renormalises the weights of the other items", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: qids.length, maxLength: qids.length }),
        fc.nat(),
        (vals, pick) => {
          const m = models[1]!;
          const i = pick % qids.length;
          const withNa = vals.map((v, j) => (j === i ? ("na" as const) : v));
          const r = assessMaturity(m, build(m, [withNa]));
          const dimId = m.questions[i]!.impacts[0]!.dimensionId;
          // Expected: plain mean of the other items of the dimension.
          const others = m.questions
            .map((q, j) => ({ q, j }))
            .filter(({ q, j }) => j !== i && q.impacts[0]!.dimensionId === dimId)
            .map(({ j }) => vals[j]! / 4);
          const expected = others.reduce((s, v) => s + v, 0) / others.length;
          expect(r.dimensions.find((d) => d.dimensionId === dimId)!.score).toBeCloseTo(expected, 12);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("raising one answer never lowers a staged level or a score", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: qids.length, maxLength: qids.length }),
        fc.nat(),
        (vals, pick) => {
          const m = models[0]!;
          const i = pick % qids.length;
          const up = vals.map((v, j) => (j === i ? Math.min(4, v + 1) : v));
          const a = assessMaturity(m, build(m, [vals]));
          const b = assessMaturity(m, build(m, [up]));
          expect(b.overall.levelOrdinal!).toBeGreaterThanOrEqual(a.overall.levelOrdinal!);
          expect(b.overall.score!).toBeGreaterThanOrEqual(a.overall.score! - 1e-12);
          // The staged overall level never exceeds the weakest dimension.
          expect(b.overall.levelOrdinal).toBe(Math.min(...b.dimensions.map((d) => d.levelOrdinal!)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("Krippendorff's alpha is 1 when raters agree and ≤ 1 otherwise", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 20 }),
        fc.integer({ min: 2, max: 5 }),
        (units, raters) => {
          fc.pre(new Set(units).size > 1);
          const data = Array.from({ length: raters }, () => units);
          expect(krippendorffAlpha(data, "interval")).toBeCloseTo(1, 9);
          expect(krippendorffAlpha(data, "ordinal")).toBeCloseTo(1, 9);
          const noisy = data.map((r, k) => r.map((v, u) => (k === 0 && u === 0 ? 6 - v : v)));
          const a = krippendorffAlpha(noisy, "nominal");
          if (a !== undefined) expect(a).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });
});
