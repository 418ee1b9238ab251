import { describe, expect, it } from "vitest";
import { earnedSchedule, evmSeries } from "./earned-schedule.js";

describe("earnedSchedule (Lipke), worked by hand", () => {
  it("PV 100/200/300/400, EV 250 at AT 3", () => {
    // C = 2 (PV_2 = 200 ≤ 250 < PV_3 = 300); I = (250 − 200)/(300 − 200) = 0.5; ES = 2.5
    // SV(t) = 2.5 − 3 = −0.5; SPI(t) = 2.5/3 = 0.8333; IEAC(t) = 4 / 0.8333 = 4.8
    // TSPI = (4 − 2.5)/(4 − 3) = 1.5
    const r = earnedSchedule({ pv: [100, 200, 300, 400], ev: 250, at: 3 });
    expect(r.es).toBe(2.5);
    expect(r.c).toBe(2);
    expect(r.svt).toBe(-0.5);
    expect(r.spit).toBeCloseTo(0.833333, 6);
    expect(r.ieact).toBeCloseTo(4.8, 12);
    expect(r.ieactVariants.plan).toBe(4.5); // 3 + (4 − 2.5)
    expect(r.tspi).toBe(1.5);
    expect(r.tspiBasis).toBe("pd");
  });

  it("ahead of schedule: ES > AT", () => {
    // PV 10, 30, 60, 100; EV 45 at AT 2: C = 2, I = 15/30 = 0.5, ES = 2.5, SPI(t) = 1.25
    const r = earnedSchedule({ pv: [10, 30, 60, 100], ev: 45, at: 2 });
    expect(r.es).toBe(2.5);
    expect(r.spit).toBe(1.25);
    expect(r.ieact).toBeCloseTo(3.2, 12); // 4 / 1.25
    expect(r.tspi).toBe(0.75); // (4 − 2.5)/(4 − 2)
  });

  it("plateaus: `end` (Lipke's count) vs `start`", () => {
    // PV 0, 0, 100, 200 and EV 0: end → C = 2 (PV_1 = PV_2 = 0 ≤ 0), ES = 2; start → ES = 0
    expect(earnedSchedule({ pv: [0, 0, 100, 200], ev: 0, at: 1 }).es).toBe(2);
    expect(earnedSchedule({ pv: [0, 0, 100, 200], ev: 0, at: 1 }, { plateau: "start" }).es).toBe(0);
    // PV 50, 100, 100, 200 and EV 100: end → C = 3, I = 0 → ES 3; start → C = 1, I = 50/50 → ES 2
    expect(earnedSchedule({ pv: [50, 100, 100, 200], ev: 100, at: 2 }).es).toBe(3);
    expect(earnedSchedule({ pv: [50, 100, 100, 200], ev: 100, at: 2 }, { plateau: "start" }).es).toBe(2);
    // off the plateau value both rules agree: EV 150 → C = 3, I = 50/100 → 3.5
    expect(earnedSchedule({ pv: [50, 100, 100, 200], ev: 150, at: 2 }).es).toBe(3.5);
    expect(earnedSchedule({ pv: [50, 100, 100, 200], ev: 150, at: 2 }, { plateau: "start" }).es).toBe(3.5);
  });

  it("work before the planned start: EV > 0 while PV = 0", () => {
    // PV 0, 0, 100, 200; EV 10 at AT 1: C = 2, I = 10/100 → ES 2.1, SPI(t) = 2.1
    const r = earnedSchedule({ pv: [0, 0, 100, 200], ev: 10, at: 1 });
    expect(r.es).toBeCloseTo(2.1, 12);
    expect(r.spit).toBeCloseTo(2.1, 12);
  });

  it("completed late: ES capped at PD, SPI(t) keeps AT > PD, TSPI undefined", () => {
    // EV = BAC = 400 at AT 5: ES = 4 (cap), SV(t) = −1, SPI(t) = 0.8, IEAC(t) = 5 + 0 = 5
    const r = earnedSchedule({ pv: [100, 200, 300, 400], ev: 400, at: 5 });
    expect(r.es).toBe(4);
    expect(r.capped).toBe(true);
    expect(r.svt).toBe(-1);
    expect(r.spit).toBe(0.8);
    expect(r.ieact).toBe(5);
    expect(r.tspi).toBeNull();
    expect(r.tspiBasis).toBe("ieact");
  });

  it("late and unfinished past PD: TSPI uses the estimated duration", () => {
    // PV 100..400, EV 350 at AT 5: C = 3, I = 0.5 → ES 3.5; SPI(t) = 0.7; IEAC(t) = 4/0.7 = 5.714
    // TSPI = (4 − 3.5)/(5.714 − 5) = 0.7
    const r = earnedSchedule({ pv: [100, 200, 300, 400], ev: 350, at: 5 });
    expect(r.es).toBe(3.5);
    expect(r.spit).toBeCloseTo(0.7, 12);
    expect(r.ieact).toBeCloseTo(4 / 0.7, 12);
    expect(r.tspi).toBeCloseTo(0.7, 9);
  });

  it("AT = 0: SPI(t) and IEAC(t) undefined", () => {
    const r = earnedSchedule({ pv: [100, 200], ev: 0, at: 0 });
    expect(r.spit).toBeNull();
    expect(r.ieact).toBeNull();
    expect(r.undefinedReasons["spit"]).toBe("AT = 0");
  });

  it("rejects a decreasing curve", () => {
    expect(() => earnedSchedule({ pv: [100, 90], ev: 0, at: 1 })).toThrow(/decreases/);
    expect(() => earnedSchedule({ pv: [], ev: 0, at: 1 })).toThrow(/at least one period/);
  });
});

describe("evmSeries", () => {
  it("takes PV, EV, AC at AT (last period with EV) and adds earned schedule", () => {
    // AT = 2: PV 200, EV 150, AC 170; CPI = 150/170, SPI = 0.75
    // ES: C = 1, I = (150 − 100)/100 = 0.5 → 1.5; SV(t) −0.5; SPI(t) 0.75; IEAC(t) = 4/0.75; TSPI = 2.5/2
    const r = evmSeries({
      bac: 400,
      periods: [
        { date: "2026-01", pv: 100, ev: 80, ac: 90 },
        { date: "2026-02", pv: 200, ev: 150, ac: 170 },
        { date: "2026-03", pv: 300 },
        { date: "2026-04", pv: 400 },
      ],
    });
    expect(r.at).toBe(2);
    expect(r.pd).toBe(4);
    expect(r.pv).toBe("200");
    expect(r.cpi).toBeCloseTo(150 / 170, 12);
    expect(r.spi).toBe(0.75);
    expect(r.es).toBe(1.5);
    expect(r.svt).toBe(-0.5);
    expect(r.spit).toBe(0.75);
    expect(r.ieact).toBeCloseTo(16 / 3, 12);
    expect(r.tspi).toBe(1.25);
    expect(r.timeEstimate).toBeCloseTo(16 / 3, 12); // PD / SPI
    expect(r.sCurve[2]).toEqual({ period: 3, date: "2026-03", pv: "300", ev: null, ac: null });
    expect(r.warnings).toEqual([]);
  });

  it("warns when PV does not end at BAC and carries AC forward", () => {
    const r = evmSeries({
      bac: 500,
      periods: [
        { pv: 100, ev: 50, ac: 60 },
        { pv: 400, ev: 120 },
      ],
    });
    expect(r.ac).toBe("60");
    expect(r.warnings.join("\n")).toMatch(/not at BAC/);
    expect(r.warnings.join("\n")).toMatch(/carried forward/);
  });

  it("errors: no EV, no AC, negative values", () => {
    expect(() => evmSeries({ bac: 100, periods: [{ pv: 100 }] })).toThrow(/no period has an `ev`/);
    expect(() => evmSeries({ bac: 100, periods: [{ pv: 100, ev: 10 }] })).toThrow(/no `ac`/);
    expect(() => evmSeries({ bac: 100, periods: [{ pv: -1, ev: 1, ac: 1 }] })).toThrow(/>= 0/);
  });
});
