import { describe, expect, it } from "vitest";
import { evmIndicators } from "./indicators.js";

describe("evmIndicators (PMBOK formulas, worked by hand)", () => {
  it("case A: BAC 1000, PV 500, EV 400, AC 500", () => {
    // CV = 400 − 500 = −100; SV = 400 − 500 = −100; CPI = 400/500 = 0.8; SPI = 400/500 = 0.8
    // EAC cpi = 1000/0.8 = 1250; atypical = 500 + (1000 − 400) = 1100
    // cpiSpi = 500 + 600/(0.8 × 0.8) = 500 + 937.5 = 1437.5
    // composite = 500 + 600/(0.8·0.8 + 0.2·0.8) = 500 + 600/0.8 = 1250
    // ETC = 1250 − 500 = 750; VAC = 1000 − 1250 = −250
    // TCPI(BAC) = 600/(1000 − 500) = 1.2; TCPI(EAC) = 600/(1250 − 500) = 0.8
    // CV% = −100/400 = −25 %; SV% = −100/500 = −20 %
    const r = evmIndicators({ bac: 1000, pv: 500, ev: 400, ac: 500 });
    expect(r.cv).toBe("-100");
    expect(r.sv).toBe("-100");
    expect(r.cpi).toBe(0.8);
    expect(r.spi).toBe(0.8);
    expect(r.eac).toEqual({ cpi: "1250", atypical: "1100", cpiSpi: "1437.5", composite: "1250" });
    expect(r.etc).toBe("750");
    expect(r.vac).toBe("-250");
    expect(r.tcpi.bac).toBe(1.2);
    expect(r.tcpi.eac).toBe(0.8);
    expect(r.cvPercent).toBe(-25);
    expect(r.svPercent).toBe(-20);
    expect(r.percentComplete).toBe(40);
    expect(r.percentSpent).toBe(50);
  });

  it("case B: BAC 100,000, PV 50,000, EV 40,000, AC 45,000", () => {
    // CPI = 40/45 = 0.8888…; SPI = 40/50 = 0.8
    // EAC cpi = 100,000 / (40/45) = 112,500; atypical = 45,000 + 60,000 = 105,000
    // cpiSpi = 45,000 + 60,000 / (0.8888… × 0.8 = 0.7111…) = 45,000 + 84,375 = 129,375
    // ETC = 67,500; VAC = −12,500; TCPI(BAC) = 60,000/55,000 = 1.0909…; TCPI(EAC) = 60,000/67,500 = 0.8888…
    const r = evmIndicators({ bac: "100000", pv: "50000", ev: "40000", ac: "45000" });
    expect(r.cpi).toBeCloseTo(0.888889, 6);
    expect(r.spi).toBe(0.8);
    expect(Number(r.eac.cpi)).toBeCloseTo(112500, 9);
    expect(r.eac.atypical).toBe("105000");
    expect(Number(r.eac.cpiSpi)).toBeCloseTo(129375, 9);
    expect(Number(r.etc)).toBeCloseTo(67500, 9);
    expect(Number(r.vac)).toBeCloseTo(-12500, 9);
    expect(r.tcpi.bac).toBeCloseTo(1.090909, 6);
    expect(r.tcpi.eac).toBeCloseTo(0.888889, 6);
    // identity: TCPI to the typical EAC equals CPI
    expect(r.tcpi.eac).toBeCloseTo(r.cpi!, 12);
  });

  it("exact decimals: 0.1 + 0.2 style amounts stay exact", () => {
    const r = evmIndicators({ bac: "0.3", pv: "0.2", ev: "0.1", ac: "0.2" });
    expect(r.cv).toBe("-0.1");
    expect(r.eac.atypical).toBe("0.4"); // 0.2 + 0.3 − 0.1
  });

  it("zero denominators are null with a reason, never Infinity or NaN", () => {
    const r = evmIndicators({ bac: 1000, pv: 0, ev: 0, ac: 0 });
    expect(r.cpi).toBeNull();
    expect(r.spi).toBeNull();
    expect(r.cvPercent).toBeNull();
    expect(r.svPercent).toBeNull();
    expect(r.eac.cpi).toBeNull();
    expect(r.eac.cpiSpi).toBeNull();
    expect(r.eac.atypical).toBe("1000");
    expect(r.etc).toBeNull();
    expect(r.vac).toBeNull();
    expect(r.tcpi.bac).toBe(1); // 1000 / 1000
    expect(r.tcpi.eac).toBeNull();
    expect(Object.keys(r.undefinedReasons)).toEqual(
      expect.arrayContaining(["cpi", "spi", "eac.cpi", "eac.cpiSpi", "etc", "tcpi.eac"]),
    );
    // EV = 0 with AC > 0: CPI = 0, typical EAC undefined
    const z = evmIndicators({ bac: 1000, pv: 100, ev: 0, ac: 50 });
    expect(z.cpi).toBe(0);
    expect(z.eac.cpi).toBeNull();
  });

  it("work before the baseline start: EV > 0 with PV = 0 gives SPI undefined, CPI defined", () => {
    const r = evmIndicators({ bac: 1000, pv: 0, ev: 100, ac: 80 });
    expect(r.spi).toBeNull();
    expect(r.cpi).toBe(1.25);
    expect(r.sv).toBe("100");
  });

  it("budget exhausted (AC ≥ BAC): TCPI to BAC undefined", () => {
    const r = evmIndicators({ bac: 1000, pv: 900, ev: 800, ac: 1000 });
    expect(r.tcpi.bac).toBeNull();
    expect(r.undefinedReasons["tcpi.bac"]).toMatch(/budget exhausted/);
    // CPI = 0.8, EAC = 1250, TCPI(EAC) = 200 / 250 = 0.8
    expect(r.tcpi.eac).toBe(0.8);
  });

  it("completed project: EV = BAC: ETC 0, VAC = BAC − AC", () => {
    // BAC 1000, EV 1000, AC 1100: CPI = 10/11; EAC = 1000 × 1.1 = 1100; ETC = 0; VAC = −100
    const r = evmIndicators({ bac: 1000, pv: 1000, ev: 1000, ac: 1100 });
    expect(Number(r.eac.cpi)).toBeCloseTo(1100, 9);
    expect(Number(r.etc)).toBeCloseTo(0, 9);
    expect(Number(r.vac)).toBeCloseTo(-100, 9);
    expect(r.eac.atypical).toBe("1100");
    expect(r.eac.cpiSpi).toBe("1100"); // AC + 0 / (CPI × 1)
    expect(r.tcpi.bac).toBeNull();
  });

  it("eacMethod, bottom-up ETC and the simple time estimate", () => {
    const r = evmIndicators(
      { bac: 1000, pv: 500, ev: 400, ac: 500 },
      { eacMethod: "atypical", bottomUpEtc: 700, plannedDuration: 10 },
    );
    expect(r.eacMethod).toBe("atypical");
    expect(r.etc).toBe("600"); // 1100 − 500
    expect(r.vac).toBe("-100");
    expect(r.tcpi.eac).toBe(1); // 600 / 600
    expect(r.eac.bottomUp).toBe("1200");
    expect(r.timeEstimate).toBe(12.5); // 10 / 0.8
    expect(() => evmIndicators({ bac: 1, pv: 1, ev: 1, ac: 1 }, { eacMethod: "bottomUp" })).toThrow(
      /bottom-up/,
    );
  });

  it("rejects negative and malformed values naming the field", () => {
    expect(() => evmIndicators({ bac: 1000, pv: 10, ev: 10, ac: -5 })).toThrow(/ac: expected a value >= 0/);
    expect(() => evmIndicators({ bac: "x", pv: 10, ev: 10, ac: 5 })).toThrow(/bac/);
  });
});
