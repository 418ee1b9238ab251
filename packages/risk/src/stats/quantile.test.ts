import { describe, expect, it } from "vitest";
import { normalQuantile } from "./normal.js";
import { quantileSorted, spearman } from "./quantile.js";

describe("quantiles", () => {
  const data = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it("H6: R-1 inverse CDF gives 8 at p = 0.8; linear (R-7) gives 8.2", () => {
    expect(quantileSorted(data, 0.8)).toBe(8);
    expect(quantileSorted(data, 0.8, "linear")).toBeCloseTo(8.2, 12);
    expect(quantileSorted(data, 0)).toBe(1);
    expect(quantileSorted(data, 1)).toBe(10);
    expect(quantileSorted(data, 0.81)).toBe(9);
  });
  it("normal quantile (AS 241)", () => {
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
  });
  it("Spearman of a monotone transform is 1", () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
  });
});

describe("ranks", () => {
  it("averages ties", async () => {
    const { ranks } = await import("./quantile.js");
    expect(Array.from(ranks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });
});
