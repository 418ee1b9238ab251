// Analytic cases of the risk reference (section 9), tolerances = 5 standard errors at N = 100,000.
import { describe, expect, it } from "vitest";
import type { DistributionSpec } from "../distributions/types.js";
import { pearson, spearman } from "../stats/quantile.js";
import type { RiskModel } from "./model.js";
import { rollUpPortfolio } from "./portfolio.js";
import { jointConfidence, simulate as simulateAll } from "./simulate.js";
import type { SimulateOptions } from "./simulate.js";

const N = 100_000;
// Spearman storage off unless a test asks for it (keeps the suite fast).
const simulate = (m: RiskModel, o: SimulateOptions) => simulateAll(m, { spearman: false, ...o });
const SEED = 20261126;
const T = (min: number, mode: number, max: number): DistributionSpec => ({
  dist: "triangular",
  min,
  mode,
  max,
});
const U: DistributionSpec = { dist: "uniform", min: 0, max: 1 };

function near(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected} ± ${tol}`).toBeLessThanOrEqual(tol);
}
function single(d: DistributionSpec, n = N) {
  return simulate(
    { activities: [{ id: "X", duration: d }] },
    { iterations: n, seed: SEED, keepSamples: true },
  );
}
function variance(s: Float64Array): number {
  let m = 0;
  for (const x of s) m += x;
  m /= s.length;
  let v = 0;
  for (const x of s) v += (x - m) ** 2;
  return v / (s.length - 1);
}
function share(s: Float64Array, pred: (x: number) => boolean): number {
  let c = 0;
  for (const x of s) if (pred(x)) c++;
  return c / s.length;
}

describe("A. single distributions", () => {
  it("A0/A1: T(2,3,7) support, mode bucket, mean, variance, quantiles", () => {
    const r = single(T(2, 3, 7));
    const s = r.samples!.finish;
    expect(r.finish.min).toBeGreaterThanOrEqual(2);
    expect(r.finish.max).toBeLessThanOrEqual(7);
    // Mode bucket: the 0.5-wide bucket around 3 is the most populated.
    const buckets = new Array(10).fill(0);
    for (const x of s) buckets[Math.min(9, Math.floor((x - 2) / 0.5))]++;
    expect(buckets.indexOf(Math.max(...buckets))).toBe(2);
    near(r.finish.mean, 4, 0.017);
    near(variance(s), 7 / 6, 0.022);
    near(r.finish.p50, 3.83772, 0.025);
    near(r.finish.p10, 2.70711, 0.017);
    near(r.finish.p80, 5, 0.032);
    near(r.finish.p90, 5.58579, 0.034);
  });
  it("A2: T(0,5,10) quantiles", () => {
    const r = single(T(0, 5, 10));
    near(r.finish.p80, 6.83772, 0.05);
    near(r.finish.p10, 2.23607, 0.053);
    near(r.finish.p90, 7.76393, 0.053);
  });
  it("A3: PERT(0,5,10) mean, exact Beta variance (not the textbook one), quantiles", () => {
    const r = single({ dist: "pert", min: 0, mode: 5, max: 10 });
    const v = variance(r.samples!.finish);
    near(r.finish.mean, 5, 0.03);
    near(v, 3.57143, 0.065);
    expect(Math.abs(v - 2.77778)).toBeGreaterThan(0.5);
    near(r.finish.p10, 2.46636, 0.046);
    near(r.finish.p80, 6.73402, 0.044);
    near(r.finish.p90, 7.53364, 0.046);
  });
  it("A4/A5: PERT(2,3,7) and PERT(10,12,20)", () => {
    const a = single({ dist: "pert", min: 2, mode: 3, max: 7 });
    near(a.finish.mean, 3.5, 0.014);
    near(variance(a.samples!.finish), 0.75, 0.016);
    near(a.finish.p50, 3.38336, 0.019);
    near(a.finish.p80, 4.25129, 0.025);
    const b = single({ dist: "pert", min: 10, mode: 12, max: 20 });
    near(b.finish.mean, 13, 0.027);
    near(variance(b.samples!.finish), 3, 0.063);
    near(b.finish.p80, 14.50259, 0.049);
  });
  it("A6: uniform mean and variance", () => {
    const r = single({ dist: "uniform", min: 0, max: 1 });
    near(r.finish.mean, 0.5, 5 * Math.sqrt(1 / 12 / N));
    near(variance(r.samples!.finish), 1 / 12, 0.002);
  });
  it("A7: lognormal(ln 10, 0.5)", () => {
    const r = single({ dist: "lognormal", mu: Math.log(10), sigma: 0.5 });
    near(r.finish.mean, 11.33148, 0.096);
    near(r.finish.p50, 10, 0.099);
    near(r.finish.p80, 15.23196, 0.172);
  });
  it("A8: a trigen activity equals its converted triangle", () => {
    const a = single({ dist: "trigen", p10: 8, mode: 10, p90: 15 });
    near(
      share(a.samples!.finish, (x) => x <= 8),
      0.1,
      5 * Math.sqrt(0.09 / N),
    );
    near(
      share(a.samples!.finish, (x) => x <= 15),
      0.9,
      5 * Math.sqrt(0.09 / N),
    );
  });
  it("A9: probabilistic branch 0.3 → 10 d, 0.7 → 20 d", () => {
    const r = simulate(
      {
        activities: [
          { id: "S", duration: 0 },
          { id: "A", duration: 10, predecessors: [{ id: "S" }] },
          { id: "B", duration: 20, predecessors: [{ id: "S" }] },
          { id: "E", duration: 0, predecessors: [{ id: "A" }, { id: "B" }] },
        ],
        branches: [
          {
            id: "G",
            branches: [
              { probability: 0.3, activities: ["A"] },
              { probability: 0.7, activities: ["B"] },
            ],
          },
        ],
      },
      { iterations: N, seed: SEED, keepSamples: true },
    );
    near(r.finish.mean, 17, 0.072);
    near(variance(r.samples!.finish), 21, 0.5);
    near(r.branches[0]!.taken[0]!, 0.3, 0.0072);
  });
  it("A10: risk event p = 0.3, impact T(10,20,40) on a 0-duration task: occurrence, not scaling", () => {
    const model: RiskModel = {
      activities: [{ id: "M", duration: 0 }],
      risks: [{ id: "R", probability: 0.3, impact: T(10, 20, 40), activities: ["M"] }],
    };
    const r = simulate(model, { iterations: N, seed: SEED, keepSamples: true });
    const s = r.samples!.finish;
    near(r.finish.mean, 7, 0.18);
    near(variance(s), 126, 2.5);
    near(
      share(s, (x) => x === 0),
      0.7,
      0.0072,
    );
    near(r.risks[0]!.occurrences / N, 0.3, 0.0072);
    // Scaling (Acumen-style) keeps the mean but has no zero-impact iterations.
    const sc = simulate(model, { iterations: N, seed: SEED, keepSamples: true, occurrence: "scaled" });
    near(sc.finish.mean, 7, 0.18);
    expect(share(sc.samples!.finish, (x) => x === 0)).toBe(0);
  });
  it("A11: discrete {5: .2, 10: .5, 20: .3}: mean, sd, P80 is the atom 20", () => {
    const r = single({
      dist: "discrete",
      values: [
        [5, 0.2],
        [10, 0.5],
        [20, 0.3],
      ],
    });
    near(r.finish.mean, 12, 0.088);
    near(r.finish.sd, Math.sqrt(31), 0.1);
    expect(r.finish.p80).toBe(20);
  });
});

const chain = (n: number, d: DistributionSpec): RiskModel => ({
  activities: Array.from({ length: n }, (_, i) => ({
    id: `A${i + 1}`,
    duration: d,
    predecessors: i === 0 ? [] : [{ id: `A${i}` }],
  })),
});

describe("B. serial paths", () => {
  it("B1: 10 × T(8,10,15) in series", () => {
    const r = simulate(chain(10, T(8, 10, 15)), { iterations: N, seed: SEED, keepSamples: true });
    near(r.finish.mean, 110, 0.074);
    near(r.finish.sd, 4.65475, 0.05);
    near(r.finish.p80, 113.916, 0.105);
    near(r.probabilityOfDeterministicFinish, 0.0124, 0.0018);
    expect(r.deterministicFinish).toBe(100);
    for (const a of r.activities) {
      near(a.cruciality!, 1 / Math.sqrt(10), 0.014);
      expect(a.criticality).toBe(1);
    }
  });
  it("B2: two U(0,1) in series", () => {
    const r = simulate(chain(2, U), { iterations: N, seed: SEED, keepSamples: true });
    near(
      share(r.samples!.finish, (x) => x <= 1),
      0.5,
      0.0079,
    );
    near(r.finish.p80, 2 - Math.sqrt(0.4), 0.01);
  });
  it("B3: CV of a sum of n iid activities is c/√n", () => {
    const one = simulate(chain(1, T(8, 10, 15)), { iterations: 20000, seed: SEED });
    const many = simulate(chain(16, T(8, 10, 15)), { iterations: 20000, seed: SEED });
    const c1 = one.finish.sd / one.finish.mean;
    const c16 = many.finish.sd / many.finish.mean;
    near(c16, c1 / 4, 0.002);
  });
  it("B4: multiplicative risk driver shared by three activities", () => {
    const model: RiskModel = {
      ...chain(3, 10),
      risks: [
        {
          id: "D1",
          probability: 0.4,
          impact: T(1, 1.1, 1.3),
          mode: "multiply",
          activities: ["A1", "A2", "A3"],
        },
      ],
    };
    const r = simulate(model, { iterations: N, seed: SEED, keepSamples: true });
    near(r.finish.mean, 31.6, 0.036);
    near(
      share(r.samples!.finish, (x) => x > 30 + 1e-9),
      0.4,
      0.0077,
    );
    near(r.finish.sd, 2.2893, 0.03);
    near(r.finish.p80, 33.805, 0.05);
  });
  it("B5: two drivers multiply", () => {
    const model: RiskModel = {
      ...chain(3, 10),
      risks: [
        {
          id: "D1",
          probability: 0.4,
          impact: T(1, 1.1, 1.3),
          mode: "multiply",
          activities: ["A1", "A2", "A3"],
        },
        {
          id: "D2",
          probability: 0.5,
          impact: T(1, 1.2, 1.5),
          mode: "multiply",
          activities: ["A1", "A2", "A3"],
        },
      ],
    };
    const r = simulate(model, { iterations: N, seed: SEED });
    near(r.finish.mean, 35.28667, 0.08);
    near(r.finish.sd, 5.0492, 0.06);
    near(r.finish.p80, 39.669, 0.1);
  });
});

const parallel = (ds: DistributionSpec[]): RiskModel => ({
  activities: [
    ...ds.map((d, i) => ({ id: `P${i + 1}`, duration: d })),
    { id: "M", duration: 0, predecessors: ds.map((_, i) => ({ id: `P${i + 1}` })) },
  ],
});

describe("C. parallel paths, merge bias, criticality", () => {
  it("C1: two parallel T(8,10,15) → merge milestone", () => {
    const r = simulate(parallel([T(8, 10, 15), T(8, 10, 15)]), {
      iterations: N,
      seed: SEED,
      keepSamples: true,
    });
    near(
      share(r.samples!.finish, (x) => x <= 10),
      0.081633,
      0.0043,
    );
    near(r.finish.mean, 11.8381, 0.021);
    near(r.finish.p50, 11.79824, 0.031);
    near(r.finish.p80, 13.07775, 0.032);
    near(r.finish.sd, 1.32107, 0.02);
    const mp = r.mergePoints.find((m) => m.id === "M")!;
    near(mp.mergeBias, 0.8381, 0.03);
    near(r.activities[0]!.criticality, 0.5, 0.0079);
    near(r.activities[1]!.criticality, 0.5, 0.0079);
    expect(r.activities[2]!.criticality).toBe(1);
  });
  it("C2: five parallel paths each 50 % on time → 3.125 %", () => {
    const r = simulate(parallel(Array.from({ length: 5 }, () => U)), {
      iterations: N,
      seed: SEED,
      keepSamples: true,
    });
    near(
      share(r.samples!.finish, (x) => x <= 0.5),
      0.03125,
      0.0028,
    );
  });
  it("C3/C6: max of two U(0,1): mean, variance, cruciality (Pearson, Spearman), SSI", () => {
    const r = simulate(parallel([U, U]), { iterations: N, seed: SEED, keepSamples: true, spearman: true });
    near(r.finish.mean, 2 / 3, 0.0037);
    near(variance(r.samples!.finish), 1 / 18, 0.001);
    const a = r.activities[0]!;
    near(a.cruciality!, Math.sqrt(3 / 8), 0.01);
    near(a.crucialitySpearman!, 0.6, 0.01);
    near(a.sensitivity!, 0.612372, 0.01);
  });
  it("C4: max of two iid normals = μ + σ/√π", () => {
    const r = simulate(
      parallel([
        { dist: "normal", mean: 100, sd: 10 },
        { dist: "normal", mean: 100, sd: 10 },
      ]),
      {
        iterations: N,
        seed: SEED,
      },
    );
    near(r.finish.mean, 100 + 10 * 0.56419, (5 * 0.825 * 10) / Math.sqrt(N));
  });
  it("C5: T(0,5,10) parallel with fixed 6: CI 0.32 / 0.68", () => {
    const r = simulate(parallel([T(0, 5, 10), 6]), { iterations: N, seed: SEED });
    near(r.activities[0]!.criticality, 0.32, 0.0074);
    near(r.activities[1]!.criticality, 0.68, 0.0074);
  });
  it("C7 / H5: ties are both critical; deterministic model: percentiles = CPM, CI ∈ {0,1}, cruciality null", () => {
    const r = simulate(
      {
        activities: [
          { id: "A", duration: 5 },
          { id: "B", duration: 5 },
          { id: "C", duration: 2 },
          { id: "M", duration: 1, predecessors: [{ id: "A" }, { id: "B" }, { id: "C" }] },
        ],
      },
      { iterations: 2000, seed: SEED },
    );
    expect(r.activities.map((a) => a.criticality)).toEqual([1, 1, 0, 1]);
    expect(r.finish.p10).toBe(6);
    expect(r.finish.p90).toBe(6);
    expect(r.finish.sd).toBe(0);
    expect(r.activities.every((a) => a.cruciality === null && a.sensitivity === null)).toBe(true);
  });
  it("link types SS/FF/SF and lags", () => {
    const r = simulate(
      {
        activities: [
          { id: "A", duration: 10 },
          { id: "B", duration: 4, predecessors: [{ id: "A", type: "SS", lag: 2 }] },
          { id: "C", duration: 3, predecessors: [{ id: "A", type: "FF", lag: 1 }] },
          { id: "D", duration: 5, predecessors: [{ id: "A", type: "SF", lag: 12 }] },
          { id: "E", duration: 1, predecessors: [{ id: "B", lag: -1 }] },
        ],
      },
      { iterations: 10, seed: 1 },
    );
    // C finishes at 11, D finishes at 12; E starts at 5.
    expect(r.finish.max).toBe(12);
    expect(r.activities.find((a) => a.id === "D")!.criticality).toBe(1);
  });
});

describe("D. correlation (Iman–Conover)", () => {
  const two = (rho: number): RiskModel => ({ ...chain(2, U), correlations: [{ a: "A1", b: "A2", rho }] });
  it.each([
    [0, 0.40825],
    [0.5, 0.5],
    [0.8, 0.54772],
    [1, 0.57735],
  ])("D1: two U(0,1) with ρs = %s → sd %s", (rho, sd) => {
    const r = simulate(two(rho), { iterations: N, seed: SEED });
    near(r.finish.sd, sd, 0.006);
    if (rho === 1) near(r.finish.p80, 1.6, 0.01);
  });
  it("D2: B1 chain with pairwise ρ = 0.5 → sd 10.9163 (±3 %, Spearman target)", () => {
    const ids = Array.from({ length: 10 }, (_, i) => `A${i + 1}`);
    const correlations = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ a, b, rho: 0.5 })));
    const r = simulate({ ...chain(10, T(8, 10, 15)), correlations }, { iterations: N, seed: SEED });
    near(r.finish.sd, 10.9163, 0.03 * 10.9163);
  });
  it("D3: achieved rank correlation 0.5 ± 0.012 (on sampled values, parallel activities)", () => {
    const r = simulate(
      {
        ...parallel([T(8, 10, 15), { dist: "lognormal", mu: 1, sigma: 0.5 }]),
        correlations: [{ a: "P1", b: "P2", rho: 0.5 }],
      },
      { iterations: N, seed: SEED, spearman: true, keepSamples: true },
    );
    const d = r.samples!.durations!;
    near(spearman(d["P1"]!, d["P2"]!), 0.5, 0.012);
    expect(r.warnings).toHaveLength(0);
  });
  it("D5: an invalid matrix is repaired with a warning, or rejected on request", () => {
    const m: RiskModel = {
      ...chain(3, U),
      correlations: [
        { a: "A1", b: "A2", rho: 0.9 },
        { a: "A1", b: "A3", rho: 0.9 },
        { a: "A2", b: "A3", rho: -0.9 },
      ],
    };
    const r = simulate(m, { iterations: 2000, seed: SEED });
    expect(r.warnings.map((w) => w.code)).toContain("CORRELATION_REPAIRED");
    expect(() => simulate(m, { iterations: 2000, seed: SEED, invalidCorrelation: "error" })).toThrow(
      /positive semi-definite/,
    );
  });
});

describe("E. cost, JCL, portfolio", () => {
  it("E1: independent cost and finish → JCL at the P80s = 0.64", () => {
    const r = simulate(
      { activities: [{ id: "A", duration: T(8, 10, 15), cost: { fixed: T(80, 100, 150) } }] },
      { iterations: N, seed: SEED },
    );
    near(r.jcl!.probability, 0.64, 0.0076);
  });
  it("E2: cost = rate × duration → JCL at (P50, P50) = 0.5", () => {
    const r = simulate(
      { activities: [{ id: "A", duration: T(8, 10, 15), cost: { ratePerDay: 1000 } }] },
      { iterations: N, seed: SEED, percentile: 0.5 },
    );
    near(r.jcl!.probability, 0.5, 0.0079);
  });
  it("E3: cost = TI + rate × duration", () => {
    const r = simulate(
      { activities: [{ id: "A", duration: T(8, 10, 15), cost: { fixed: T(10, 20, 60), ratePerDay: 5 } }] },
      { iterations: N, seed: SEED },
    );
    const sd = Math.sqrt(
      (100 + 400 + 3600 - 200 - 600 - 1200) / 18 + 25 * ((64 + 100 + 225 - 80 - 120 - 150) / 18),
    );
    near(r.cost!.mean, 30 + 5 * 11, (5 * sd) / Math.sqrt(N));
  });
  it("E4/E5: portfolio P80 from summed samples (416.83), not the sum of P80s (433.67)", () => {
    const project = (id: string) =>
      simulate(
        {
          id,
          activities: [{ id: "A", duration: 0, cost: { fixed: { dist: "normal", mean: 100, sd: 10 } } }],
        },
        { iterations: N, seed: SEED, keepSamples: true },
      );
    const ps = ["P1", "P2", "P3", "P4"].map(project);
    const roll = rollUpPortfolio(ps.map((p, i) => ({ id: `P${i}`, cost: p.samples!.cost })));
    near(roll.cost!.p80, 416.832, 0.45);
    near(roll.sumOfProjectPercentiles!, 433.665, 0.45);
    // Perfect correlation: the same samples four times → P80s add.
    const same = rollUpPortfolio(ps.map((_, i) => ({ id: `P${i}`, cost: ps[0]!.samples!.cost })));
    near(same.cost!.p80, 433.665, 0.9);
    // Projects simulated with one seed but different ids are independent.
    near(pearson(ps[0]!.samples!.cost, ps[1]!.samples!.cost), 0, 0.02);
  });
  it("jointConfidence counts the joint sample", () => {
    expect(jointConfidence([1, 2, 3, 4], [4, 3, 2, 1], 3, 3)).toBe(0.5);
  });
});

describe("risk impact by exclusion with common random numbers", () => {
  it("attributes days to each risk; H4 monotone coupling", () => {
    const model: RiskModel = {
      ...chain(3, T(8, 10, 12)),
      risks: [
        { id: "BIG", probability: 0.5, impact: 10, activities: ["A2"] },
        { id: "SMALL", probability: 0.2, impact: 2, activities: ["A3"] },
      ],
    };
    const r = simulate(model, { iterations: 20000, seed: SEED });
    near(r.risks[0]!.meanImpactDays, 5, 0.2);
    near(r.risks[1]!.meanImpactDays, 0.4, 0.05);
    // Lower probability → occurrences can only drop (occurs iff u < p).
    const lower = simulate(
      { ...model, risks: [{ ...model.risks![0]!, probability: 0.3 }, model.risks![1]!] },
      { iterations: 20000, seed: SEED, keepSamples: true },
    );
    const base = simulate(model, { iterations: 20000, seed: SEED, keepSamples: true });
    const a = base.samples!.finish;
    const b = lower.samples!.finish;
    for (let i = 0; i < a.length; i++) expect(b[i]!).toBeLessThanOrEqual(a[i]! + 1e-9);
    expect(spearman([1, 2], [1, 2])).toBe(1);
  });
});
