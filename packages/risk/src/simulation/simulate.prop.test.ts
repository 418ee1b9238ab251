import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileDistribution, inverseCdf } from "../distributions/distribution.js";
import type { DistributionSpec } from "../distributions/types.js";
import { compileModel } from "./compile.js";
import { runBlock } from "./kernel.js";
import type { RiskModel } from "./model.js";
import { blockCount, mergeBlocks, planSimulation, simulate } from "./simulate.js";

const triple = fc
  .tuple(
    fc.double({ min: -100, max: 100, noNaN: true }),
    fc.double({ min: 0, max: 50, noNaN: true }),
    fc.double({ min: 0, max: 50, noNaN: true }),
  )
  .map(([a, x, y]) => [a, a + x, a + x + y] as const);

const dist: fc.Arbitrary<DistributionSpec> = fc.oneof(
  triple.map(([min, mode, max]) => ({ dist: "triangular" as const, min, mode, max })),
  triple.map(([min, mode, max]) => ({ dist: "pert" as const, min, mode, max })),
  triple.map(([min, , max]) => ({ dist: "uniform" as const, min, max })),
);

const network: fc.Arbitrary<RiskModel> = fc
  .array(
    fc.record({
      d: fc.tuple(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
      ),
      preds: fc.array(
        fc.tuple(fc.nat(), fc.constantFrom("FS", "SS", "FF", "SF" as const), fc.integer({ min: -2, max: 3 })),
        { maxLength: 3 },
      ),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((acts) => ({
    activities: acts.map((a, i) => ({
      id: `A${i}`,
      duration: {
        dist: "triangular" as const,
        min: a.d[0],
        mode: a.d[0] + a.d[1],
        max: a.d[0] + a.d[1] + a.d[2],
      },
      predecessors:
        i === 0
          ? []
          : [...new Map(a.preds.map(([p, type, lag]) => [p % i, { id: `A${p % i}`, type, lag }])).values()],
    })),
    risks: [{ id: "R", probability: 0.4, impact: 2, activities: [`A${acts.length - 1}`] }],
  }));

describe("properties", () => {
  it("sampled values stay within the support and quantiles are monotone", () => {
    fc.assert(
      fc.property(
        dist,
        fc.array(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), { minLength: 2, maxLength: 20 }),
        (spec, us) => {
          const d = compileDistribution(spec);
          const s = spec as { min: number; max: number };
          const sorted = [...us].sort((a, b) => a - b);
          let prev = -Infinity;
          for (const u of sorted) {
            const x = inverseCdf(d, u);
            expect(x).toBeGreaterThanOrEqual(s.min - 1e-9 * (1 + Math.abs(s.min)));
            expect(x).toBeLessThanOrEqual(s.max + 1e-9 * (1 + Math.abs(s.max)));
            expect(x).toBeGreaterThanOrEqual(prev - 1e-12 * (1 + Math.abs(prev)));
            prev = x;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
  it("criticality in [0, 1], P-values ordered, a critical path exists, cruciality in [0, 1] or null", () => {
    fc.assert(
      fc.property(network, fc.nat(1000), (model, seed) => {
        const r = simulate(model, { iterations: 300, seed, blockSize: 100 });
        const f = r.finish;
        expect(f.min).toBeLessThanOrEqual(f.p10);
        expect(f.p10).toBeLessThanOrEqual(f.p50);
        expect(f.p50).toBeLessThanOrEqual(f.p80);
        expect(f.p80).toBeLessThanOrEqual(f.p90);
        expect(f.p90).toBeLessThanOrEqual(f.max);
        for (const a of r.activities) {
          expect(a.criticality).toBeGreaterThanOrEqual(0);
          expect(a.criticality).toBeLessThanOrEqual(1);
          if (a.cruciality !== null) expect(a.cruciality).toBeLessThanOrEqual(1 + 1e-12);
        }
        expect(r.activities.reduce((s, a) => s + a.criticality, 0)).toBeGreaterThanOrEqual(1 - 1e-12);
      }),
      { numRuns: 60 },
    );
  });
  it("H1/H2: same seed → same result for any order or split of blocks", () => {
    fc.assert(
      fc.property(
        network,
        fc.nat(1000),
        fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
        (model, seed, keys) => {
          const options = { iterations: 650, seed, blockSize: 100 };
          const ref = simulate(model, options);
          const cm = compileModel(model);
          const plan = planSimulation(cm, options);
          // Run blocks in a random order (as workers would), merge in block order.
          const order = Array.from({ length: plan.blocks }, (_, b) => b).sort(
            (a, b) => keys[a]! - keys[b]! || a - b,
          );
          const out = new Array(plan.blocks);
          for (const b of order) out[b] = runBlock(cm, plan.kernel, b, blockCount(plan, b));
          expect(JSON.stringify(mergeBlocks(cm, plan, options, out, null))).toBe(JSON.stringify(ref));
        },
      ),
      { numRuns: 25 },
    );
  });
  it("H3: adding an unrelated activity does not change existing activities' samples", () => {
    const base: RiskModel = {
      activities: [
        { id: "A", duration: { dist: "triangular", min: 1, mode: 2, max: 6 } },
        { id: "B", duration: { dist: "uniform", min: 1, max: 3 }, predecessors: [{ id: "A" }] },
      ],
    };
    const more: RiskModel = {
      activities: [{ id: "Z", duration: { dist: "uniform", min: 0, max: 1 } }, ...base.activities],
    };
    const a = simulate(base, { iterations: 500, seed: 3, keepSamples: true, spearman: true });
    const b = simulate(more, { iterations: 500, seed: 3, keepSamples: true, spearman: true });
    expect(b.samples!.durations!["A"]).toEqual(a.samples!.durations!["A"]);
    expect(b.samples!.durations!["B"]).toEqual(a.samples!.durations!["B"]);
  });
  it("convergence stopping is deterministic and stops early", () => {
    const m: RiskModel = {
      activities: [{ id: "A", duration: { dist: "triangular", min: 8, mode: 10, max: 15 } }],
    };
    const r1 = simulate(m, {
      iterations: 50000,
      seed: 5,
      convergence: { tolerance: 0.002, minIterations: 2000 },
    });
    const r2 = simulate(m, {
      iterations: 50000,
      seed: 5,
      convergence: { tolerance: 0.002, minIterations: 2000 },
    });
    expect(r1.converged).toBe(true);
    expect(r1.iterations).toBeLessThan(50000);
    expect(JSON.stringify(r1)).toBe(JSON.stringify(r2));
  });
  it("Latin hypercube: means land well inside the Monte Carlo bands", () => {
    const m: RiskModel = {
      activities: [{ id: "A", duration: { dist: "triangular", min: 2, mode: 3, max: 7 } }],
    };
    const r = simulate(m, { iterations: 10000, seed: 5, latinHypercube: true });
    expect(Math.abs(r.finish.mean - 4)).toBeLessThan(0.005);
  });
});
