import { describe, expect, it } from "vitest";
import { all, answers, tinyModel } from "../internal/__tests__/fixtures.js";
import { assessMaturity } from "../scoring/assess.js";
import { compareUnits, computeTrend } from "./compare.js";
import { toRadarData } from "./radar.js";
import { formatMaturityReport } from "./text.js";

const m = tinyModel({ type: "staged", threshold: 0.75 });
const at = (date: string, v: number) => {
  const r = assessMaturity(m, answers(m, all(m, v)));
  return { ...r, date };
};

describe("trend and unit comparison", () => {
  it("sorts by date and reports deltas", () => {
    const t = computeTrend([at("2026-06-01", 4), at("2026-01-01", 2)]);
    expect(t.points.map((p) => p.date)).toEqual(["2026-01-01", "2026-06-01"]);
    expect(t.steps[0]!.comparable).toBe(true);
    expect(t.steps[0]!.overall.scoreDelta).toBeCloseTo(0.5, 12);
    // 0.5 everywhere is below the 75 % threshold (level 1); 1.0 reaches level 3.
    expect(t.steps[0]!.overall.levelDelta).toBe(2);
    expect(t.steps[0]!.dimensions).toHaveLength(2);
  });
  it("flags results of different model versions", () => {
    const t = computeTrend([at("2026-01-01", 2), { ...at("2026-06-01", 4), modelVersion: "2.0.0" }]);
    expect(t.steps[0]!.comparable).toBe(false);
  });
  it("compares units", () => {
    const c = compareUnits([
      { unit: "IT", result: at("2026-01-01", 2) },
      { unit: "Finance", result: at("2026-01-01", 4) },
    ]);
    expect(c.ranking.map((r) => r.unit)).toEqual(["Finance", "IT"]);
    expect(c.dimensions[0]).toMatchObject({ best: "Finance", worst: "IT", spread: 0.5, levels: [1, 3] });
  });
});

describe("radar and text report", () => {
  it("radar data has one axis per top-level dimension", () => {
    const r = toRadarData(at("2026-01-01", 2));
    expect(r.axes.map((a) => a.id)).toEqual(["A", "B"]);
    expect(r.min).toBe(1);
    expect(r.max).toBe(3);
    expect(r.series.map((s) => s.name)).toEqual(["decimal level", "staged level", "target"]);
    expect(r.series[0]!.values).toEqual([2, 2]);
    expect(r.series[2]!.values).toEqual([2, 2]);
  });
  it("the text report shows level, decimal level, gaps and recommendations", () => {
    const text = formatMaturityReport(at("2026-01-01", 2));
    expect(text).toMatch(/Overall level: 1 Level 1 {3}decimal level: 2\.00/);
    expect(text).toMatch(/Gaps against target/);
    expect(text).toMatch(/recommendations:/);
  });
});
