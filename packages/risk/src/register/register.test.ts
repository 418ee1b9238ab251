import { isPmokitError } from "@pmokit/core";
import { describe, expect, it } from "vitest";
import { evaluateDecisionTree } from "./decision-tree.js";
import { expectedMonetaryValue, mitigationReturn, registerExposure, rollUpExposure } from "./emv.js";
import { addRisk, createRegister, registerHealth, reviewRisk } from "./register.js";
import type { RiskRecord } from "./types.js";

const threat: RiskRecord = {
  id: "R1",
  title: "Permit delayed",
  polarity: "threat",
  status: "open",
  statement: { cause: "new regulation", event: "permit delayed", effect: "site start slips" },
  probability: 0.3,
  impacts: { cost: { amount: "150000" }, schedule: { days: 20 } },
};

describe("EMV and decisions (F1–F3)", () => {
  it("F1: PMBOK decision tree → build 36, upgrade 46, choose upgrade", () => {
    const chance = (hi: number, lo: number) => ({
      type: "chance" as const,
      outcomes: [
        { label: "strong", probability: 0.6, node: { type: "terminal" as const, value: hi } },
        { label: "weak", probability: 0.4, node: { type: "terminal" as const, value: lo } },
      ],
    });
    const r = evaluateDecisionTree({
      type: "decision",
      options: [
        { label: "build", cost: 120, node: chance(200, 90) },
        { label: "upgrade", cost: 50, node: chance(120, 60) },
      ],
    });
    expect(r.options).toEqual([
      { label: "build", emv: 36 },
      { label: "upgrade", emv: 46 },
    ]);
    expect(r.choice).toBe("upgrade");
    expect(r.emv).toBe(46);
  });
  it("F2: threat EMV is negative, opportunity positive", () => {
    expect(expectedMonetaryValue(threat)).toBe("-45000");
    expect(expectedMonetaryValue({ ...threat, polarity: "opportunity" })).toBe("45000");
  });
  it("F3: mitigation return 28k (removes the risk) and 18k (partial)", () => {
    const r: RiskRecord = { ...threat, probability: 0.4, impacts: { cost: { amount: "100000" } } };
    expect(
      mitigationReturn({ ...r, responses: [{ type: "mitigate", cost: "12000", residualProbability: 0 }] })
        .return,
    ).toBe("28000");
    expect(
      mitigationReturn({ ...r, responses: [{ type: "mitigate", cost: "12000", residualProbability: 0.1 }] })
        .return,
    ).toBe("18000");
  });
  it("exposure reports threats, opportunities and net separately and rolls up", () => {
    let reg = createRegister("P1", "USD");
    reg = addRisk(reg, threat, { at: "2026-01-05" });
    reg = addRisk(
      reg,
      {
        ...threat,
        id: "O1",
        polarity: "opportunity",
        probability: 0.5,
        impacts: { cost: { amount: "20000" } },
      },
      { at: "2026-01-05" },
    );
    expect(registerExposure(reg)).toEqual({
      threats: "-45000",
      opportunities: "10000",
      net: "-35000",
      count: 2,
    });
    const roll = rollUpExposure([reg, { ...createRegister("P2", "USD"), risks: [{ ...threat, id: "X" }] }]);
    expect(roll.portfolio.threats).toBe("-90000");
    expect(roll.projects.map((p) => p.id)).toEqual(["P1", "P2"]);
  });
});

describe("register history", () => {
  it("returns new registers; reviews are append-only", () => {
    const r0 = createRegister("P1");
    const r1 = addRisk(r0, threat, { at: "2026-01-05", by: "pm" });
    const r2 = reviewRisk(r1, "R1", {
      at: "2026-02-01",
      by: "pm",
      changes: { probability: 0.2 },
      note: "permit filed",
    });
    expect(r0.risks).toHaveLength(0);
    expect(r1.risks[0]!.probability).toBe(0.3);
    expect(r2.risks[0]!.probability).toBe(0.2);
    expect(r2.reviews).toHaveLength(2);
    expect(r2.reviews[0]).toEqual(r1.reviews[0]);
    expect(r2.reviews[1]!.changes).toEqual([{ field: "probability", from: 0.3, to: 0.2 }]);
    expect(Object.isFrozen(r2.reviews)).toBe(true);
    expect(() => reviewRisk(r2, "R1", { at: "2026-01-10" })).toThrow(/append-only/);
    expect(registerHealth(r2, "2026-04-01", 30)).toEqual({
      stale: ["R1"],
      unowned: ["R1"],
      noResponse: ["R1"],
    });
  });
  it("rejects bad probabilities and duplicate ids with PmokitErrors", () => {
    const reg = addRisk(createRegister("P"), threat, { at: "2026-01-01" });
    try {
      addRisk(reg, { ...threat, id: "R2", probability: { min: 0.2, max: 1.4 } }, { at: "2026-01-01" });
      expect.unreachable();
    } catch (e) {
      expect(isPmokitError(e) && e.details.path).toBe("risks[1].probability.max");
    }
    expect(() => addRisk(reg, threat, { at: "2026-01-01" })).toThrow(/duplicate/);
  });
});
