import { describe, expect, it } from "vitest";
import { adIndex, krippendorffAlpha, rwg, sampleSd } from "./agreement.js";

describe("rwg and AD (worked by hand)", () => {
  // Five judges rate one item on a 5-point scale: 4, 4, 5, 3, 4.
  // mean = 20/5 = 4; squared deviations 0, 0, 1, 1, 0 → sample variance s² = 2/4 = 0.5.
  // Uniform null: σ²_EU = (A² − 1)/12 = (25 − 1)/12 = 2 → rwg = 1 − 0.5/2 = 0.75.
  // Maximum dissensus null: σ²_MV = (A − 1)²/4 = 16/4 = 4 → rwg = 1 − 0.5/4 = 0.875.
  // AD_M = (|0| + |0| + |1| + |−1| + |0|)/5 = 2/5 = 0.4; the median is 4 too, so AD_Md = 0.4.
  const r = [4, 4, 5, 3, 4];
  it("rwg with the uniform null", () => expect(rwg(r, 5)).toBeCloseTo(0.75, 12));
  it("rwg with the maximum-dissensus null", () => expect(rwg(r, 5, "maxDissensus")).toBeCloseTo(0.875, 12));
  it("AD around the mean and the median", () => {
    expect(adIndex(r)).toBeCloseTo(0.4, 12);
    expect(adIndex(r, "median")).toBeCloseTo(0.4, 12);
  });
  it("SD is the sample SD", () => expect(sampleSd(r)).toBeCloseTo(Math.sqrt(0.5), 12));
  it("AD around the median differs on a skewed item", () => {
    // 1, 1, 1, 5: mean 2 → |−1|·3 + 3 = 6 → 6/4 = 1.5; median 1 → 0+0+0+4 = 4 → 4/4 = 1.
    expect(adIndex([1, 1, 1, 5])).toBeCloseTo(1.5, 12);
    expect(adIndex([1, 1, 1, 5], "median")).toBeCloseTo(1, 12);
  });
  it("truncates rwg at 0 when the spread exceeds the null", () => {
    // 1 and 5: s² = ((1−3)² + (5−3)²)/1 = 8 > 2 → 1 − 4 < 0 → 0.
    expect(rwg([1, 5], 5)).toBe(0);
  });
  it("perfect agreement gives 1; one judge gives undefined", () => {
    expect(rwg([3, 3, 3], 5)).toBe(1);
    expect(rwg([3], 5)).toBeUndefined();
    expect(adIndex([])).toBeUndefined();
  });
  it("rejects a scale with fewer than two options", () => {
    expect(() => rwg([1, 1], 1)).toThrowError(expect.objectContaining({ code: "INVALID_INPUT" }) as Error);
  });
});

describe("Krippendorff's alpha", () => {
  // Small example worked by hand. Two raters, three units:
  //   unit 1: 1, 1    unit 2: 2, 3    unit 3: 3, 3
  // Each unit has m_u = 2 values, so each ordered pair adds 1/(m_u − 1) = 1 to the coincidence matrix:
  //   o11 = 2, o23 = o32 = 1, o33 = 2  →  n1 = 2, n2 = 1, n3 = 3, n = 6.
  // α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
  // Interval, δ² = (c − k)²:
  //   Σ o δ² = o23·1 + o32·1 = 2
  //   Σ n n δ² = 2·(n1n2·1 + n1n3·4 + n2n3·1) = 2·(2 + 24 + 3) = 58
  //   α = 1 − 5·2/58 = 48/58 = 0.827586…
  // Nominal, δ = 1 when c ≠ k: Σ o δ = 2; Σ n n δ = 2·(2 + 6 + 3) = 22; α = 1 − 10/22 = 0.545454…
  // Ordinal, δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²:
  //   δ²12 = (3 − 1.5)² = 2.25, δ²23 = (4 − 2)² = 4, δ²13 = (6 − 2.5)² = 12.25
  //   Σ o δ² = 2·4 = 8; Σ n n δ² = 2·(2·2.25 + 6·12.25 + 3·4) = 2·90 = 180; α = 1 − 40/180 = 0.777…
  const small = [
    [1, 2, 3],
    [1, 3, 3],
  ];
  it("interval", () => expect(krippendorffAlpha(small, "interval")).toBeCloseTo(48 / 58, 12));
  it("nominal", () => expect(krippendorffAlpha(small, "nominal")).toBeCloseTo(12 / 22, 12));
  it("ordinal", () => expect(krippendorffAlpha(small, "ordinal")).toBeCloseTo(1 - 40 / 180, 12));

  // The reliability-data example of Krippendorff (2011), "Computing Krippendorff's alpha-reliability":
  // four observers, twelve units, missing values; published α: nominal .743, ordinal .815,
  // interval .849, ratio .797.
  const n = null;
  const k2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
    [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
  ];
  it("matches the published values of the textbook example", () => {
    expect(krippendorffAlpha(k2011, "nominal")).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(k2011, "ordinal")).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(k2011, "interval")).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(k2011, "ratio")).toBeCloseTo(0.797, 3);
  });
  it("is undefined without pairable values or without variation", () => {
    expect(
      krippendorffAlpha([
        [1, n],
        [n, 2],
      ]),
    ).toBeUndefined();
    expect(
      krippendorffAlpha([
        [2, 2],
        [2, 2],
      ]),
    ).toBeUndefined();
  });
  it("is 1 for perfect agreement", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3],
          [1, 2, 3],
          [1, 2, 3],
        ],
        "ordinal",
      ),
    ).toBeCloseTo(1, 12);
  });
});
