import { isPmokitError } from "@pmokit/core";
import { describe, expect, it } from "vitest";
import {
  compileDistribution,
  distributionMoments,
  distributionQuantile,
  inverseCdf,
  trigenToTriangular,
} from "./distribution.js";

function triCdf(x: number, a: number, c: number, b: number): number {
  return x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
}

describe("distributions", () => {
  it("A8: Trigen P10 = 90, mode 100, P90 = 110 → triangle (81.90983, 118.09017)", () => {
    const t = trigenToTriangular(90, 100, 110);
    expect(t.min).toBeCloseTo(81.90983, 5);
    expect(t.max).toBeCloseTo(118.09017, 5);
  });
  it("A8b: Trigen 8 / 10 / 15 → (5.669984, 18.207986) with F(8) = 0.1, F(15) = 0.9", () => {
    const t = trigenToTriangular(8, 10, 15);
    expect(Math.abs(t.min - 5.669984)).toBeLessThan(1e-5);
    expect(Math.abs(t.max - 18.207986)).toBeLessThan(1e-5);
    expect(triCdf(8, t.min, 10, t.max)).toBeCloseTo(0.1, 9);
    expect(triCdf(15, t.min, 10, t.max)).toBeCloseTo(0.9, 9);
  });
  it("Trigen with the mode at P10 still honours F(P10) = 0.1", () => {
    const t = trigenToTriangular(10, 10, 20);
    expect(triCdf(10, t.min, 10, t.max)).toBeCloseTo(0.1, 9);
    expect(triCdf(20, t.min, 10, t.max)).toBeCloseTo(0.9, 9);
  });
  it("A2: triangular inverse CDF closed form", () => {
    const d = compileDistribution({ dist: "triangular", min: 0, mode: 5, max: 10 });
    expect(inverseCdf(d, 0.8)).toBeCloseTo(10 - Math.sqrt(10), 12);
    expect(inverseCdf(d, 0.1)).toBeCloseTo(2.23607, 5);
    expect(inverseCdf(d, 0.9)).toBeCloseTo(7.76393, 5);
  });
  it("A3: Beta-PERT(0,5,10) variance is the Beta variance 3.5714, not the textbook 2.7778", () => {
    const m = distributionMoments({ dist: "pert", min: 0, mode: 5, max: 10 });
    expect(m.mean).toBeCloseTo(5, 12);
    expect(m.variance).toBeCloseTo(100 / 28, 10);
    expect(Math.abs(m.variance - 100 / 36)).toBeGreaterThan(0.5);
    expect(distributionQuantile({ dist: "pert", min: 0, mode: 5, max: 10 }, 0.8)).toBeCloseTo(6.73402, 3);
    expect(distributionQuantile({ dist: "pert", min: 0, mode: 5, max: 10 }, 0.1)).toBeCloseTo(2.46636, 3);
  });
  it("A4/A5: PERT moments and quantiles", () => {
    expect(distributionMoments({ dist: "pert", min: 2, mode: 3, max: 7 })).toEqual({
      mean: expect.closeTo(3.5, 10),
      variance: expect.closeTo(0.75, 10),
    });
    expect(distributionQuantile({ dist: "pert", min: 2, mode: 3, max: 7 }, 0.5)).toBeCloseTo(3.38336, 3);
    expect(distributionQuantile({ dist: "pert", min: 10, mode: 12, max: 20 }, 0.8)).toBeCloseTo(14.50259, 3);
    expect(distributionMoments({ dist: "pert", min: 10, mode: 12, max: 20 }).variance).toBeCloseTo(3, 10);
  });
  it("A7: lognormal quantiles", () => {
    const s = { dist: "lognormal", mu: Math.log(10), sigma: 0.5 } as const;
    expect(distributionQuantile(s, 0.5)).toBeCloseTo(10, 9);
    expect(distributionQuantile(s, 0.8)).toBeCloseTo(15.23196, 4);
    expect(distributionMoments(s).mean).toBeCloseTo(11.33148, 4);
  });
  it("A11: discrete moments", () => {
    const m = distributionMoments({
      dist: "discrete",
      values: [
        [5, 0.2],
        [10, 0.5],
        [20, 0.3],
      ],
    });
    expect(m.mean).toBeCloseTo(12, 12);
    expect(Math.sqrt(m.variance)).toBeCloseTo(Math.sqrt(31), 12);
  });
  it.each([
    [{ dist: "triangular", min: 5, mode: 3, max: 7 }, "d.min"],
    [{ dist: "triangular", min: 1, mode: 8, max: 7 }, "d.max"],
    [{ dist: "pert", min: 5, mode: 3, max: 7 }, "d.min"],
    [{ dist: "discrete", values: [[1, 1.2]] }, "d.values[0][1]"],
    [{ dist: "discrete", values: [[1, 0.2]] }, "d.values"],
    [{ dist: "normal", mean: 1, sd: -1 }, "d.sd"],
    [{ dist: "trigen", p10: 12, mode: 10, p90: 15 }, "d"],
    [{ dist: "gamma" }, "d.dist"],
  ])("rejects %j with a PmokitError naming %s", (spec, path) => {
    try {
      compileDistribution(spec as never, "d");
      expect.unreachable();
    } catch (e) {
      expect(isPmokitError(e)).toBe(true);
      if (isPmokitError(e)) {
        expect(e.code).toBe("INVALID_INPUT");
        expect(e.details.path).toBe(path);
        expect(e.details.expected).toBeTruthy();
      }
    }
  });
});
