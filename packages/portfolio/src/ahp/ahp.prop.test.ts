import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeAhp } from "./ahp.js";

const SAATY = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9];

const reciprocal = fc.integer({ min: 2, max: 9 }).chain((n) =>
  fc
    .array(fc.constantFrom(...SAATY), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 })
    .map((upper) => {
      const m = Array.from({ length: n }, () => new Array<number>(n).fill(1));
      let k = 0;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          m[i]![j] = upper[k]!;
          m[j]![i] = 1 / upper[k++]!;
        }
      return m;
    }),
);

describe("AHP properties", () => {
  it("weights are positive and sum to 1 (both methods); λmax >= n; CR >= 0", () => {
    fc.assert(
      fc.property(reciprocal, fc.constantFrom("eigenvector" as const, "geometric" as const), (m, method) => {
        const r = computeAhp(m, { method });
        expect(r.weights.every((w) => w > 0)).toBe(true);
        expect(Math.abs(r.weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        expect(r.lambdaMax).toBeGreaterThanOrEqual(m.length - 1e-9);
        expect(r.cr ?? 0).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("eigenvector satisfies A w = λmax w", () => {
    fc.assert(
      fc.property(reciprocal, (m) => {
        const r = computeAhp(m);
        const n = m.length;
        for (let i = 0; i < n; i++) {
          const aw = m[i]!.reduce((s, a, j) => s + a * r.weights[j]!, 0);
          expect(Math.abs(aw - r.lambdaMax * r.weights[i]!)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
