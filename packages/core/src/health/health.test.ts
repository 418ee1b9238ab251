import { describe, expect, it } from "vitest";
import {
  appendStatusSnapshot,
  assessHealth,
  combineRag,
  createStatusSnapshot,
  rollupHealth,
} from "./health.js";

describe("health", () => {
  it("rates each rule and combines with the worst rule by default", () => {
    // SPI 0.92 → amber (0.90 ≤ x < 0.95); CPI 1.01 → green; exposure 2 % → green; audit 85 → green
    const h = assessHealth({ spi: 0.92, cpi: 1.01, riskExposureRatio: 0.02, auditScore: 85 });
    expect(h.rules.map((r) => r.rag)).toEqual(["amber", "green", "green", "green"]);
    expect(h.rag).toBe("amber");
    // weighted: (0.5 + 1 + 1 + 1) / 4 = 0.875 ≥ 0.8 → green
    const w = assessHealth(
      { spi: 0.92, cpi: 1.01, riskExposureRatio: 0.02, auditScore: 85 },
      { combination: "weighted" },
    );
    expect(w.score).toBe(0.875);
    expect(w.rag).toBe("green");
  });

  it("boundaries are inclusive and missing metrics are ignored unless configured", () => {
    expect(assessHealth({ spi: 0.95 }).rules[0]!.rag).toBe("green");
    expect(assessHealth({ spi: 0.9 }).rules[0]!.rag).toBe("amber");
    expect(assessHealth({ spi: 0.8999 }).rag).toBe("red");
    // risk exposure: ≤ 10 % of BAC green, ≤ 20 % amber; audit score: ≥ 75 green, ≥ 50 amber
    expect(assessHealth({ riskExposureRatio: 0.1 }).rag).toBe("green");
    expect(assessHealth({ riskExposureRatio: 0.2 }).rag).toBe("amber");
    expect(assessHealth({ riskExposureRatio: 0.2001 }).rag).toBe("red");
    expect(assessHealth({ auditScore: 75 }).rag).toBe("green");
    expect(assessHealth({ auditScore: 74.9 }).rag).toBe("amber");
    expect(assessHealth({ auditScore: 50 }).rag).toBe("amber");
    expect(assessHealth({ auditScore: 49.9 }).rag).toBe("red");
    expect(assessHealth({}).rag).toBe("green");
    const strict = assessHealth(
      {},
      {
        rules: [
          { id: "s", metric: "spi", direction: "higherIsBetter", green: 1, amber: 0.9, whenMissing: "red" },
        ],
      },
    );
    expect(strict.rag).toBe("red");
  });

  it("schedule reads SPI(t), falling back to SPI when earned schedule is undefined", () => {
    // a late project near completion: SPI 0.99 looks fine, SPI(t) 0.93 does not (Lipke)
    const late = assessHealth({ spi: 0.99, spit: 0.93 }).rules[0]!;
    expect([late.metric, late.value, late.rag]).toEqual(["spit", 0.93, "amber"]);
    const noEs = assessHealth({ spi: 0.99, spit: null }).rules[0]!;
    expect([noEs.metric, noEs.value, noEs.rag]).toEqual(["spi", 0.99, "green"]);
    expect(noEs.reason).toMatch(/spit undefined/);
    const none = assessHealth({}).rules[0]!;
    expect([none.value, none.rag, none.reason]).toEqual([null, null, "spit and spi undefined"]);
  });

  it("rolls up programs with the worst or the weighted rule", () => {
    const members = [
      { id: "a", rag: "green" as const, weight: 900 },
      { id: "b", rag: "red" as const, weight: 100 },
    ];
    expect(rollupHealth("p", members).rag).toBe("red");
    // weighted: 0.9 × 1 + 0.1 × 0 = 0.9 → green
    expect(rollupHealth("p", members, "weighted")).toMatchObject({ rag: "green", score: 0.9 });
    expect(combineRag([{ rag: "amber" }, { rag: "red" }], "weighted").rag).toBe("red"); // 0.25
  });

  it("status snapshots are immutable and never overwritten", () => {
    const metrics = { spi: 0.9 };
    const s = createStatusSnapshot({
      projectId: "p",
      period: "2026-11",
      statusDate: "2026-11-20",
      rag: "amber",
      metrics,
    });
    metrics.spi = 1;
    expect(s.metrics["spi"]).toBe(0.9);
    expect(Object.isFrozen(s.metrics)).toBe(true);
    expect(() => {
      (s as { rag: string }).rag = "green";
    }).toThrow();
    const h1 = appendStatusSnapshot([], s);
    const s0 = createStatusSnapshot({
      projectId: "p",
      period: "2026-10",
      statusDate: "2026-10-23",
      rag: "green",
      metrics: {},
    });
    const h2 = appendStatusSnapshot(h1, s0);
    expect(h1.length).toBe(1);
    expect(h2.map((x) => x.period)).toEqual(["2026-10", "2026-11"]);
    expect(() => appendStatusSnapshot(h2, s)).toThrow(/already has a status snapshot/);
  });
});
