import { describe, expect, it } from "vitest";
import { isPmokitError } from "@pmokit/core";
import type { PmokitError } from "@pmokit/core";
import { numberToDecimal, parseAmount } from "./amount.js";
import { computeEfficientFrontier } from "./frontier.js";
import type { SelectionProblem } from "./model.js";
import { selectPortfolio, verifySelection } from "./select.js";

async function rejects(p: Promise<unknown>): Promise<PmokitError> {
  try {
    await p;
  } catch (e) {
    if (isPmokitError(e)) return e;
    throw e;
  }
  throw new Error("expected a PmokitError");
}

describe("money amounts in selection problems", () => {
  it("treats decimal strings exactly (0.1 + 0.2 fits a limit of 0.3)", async () => {
    const p: SelectionProblem = {
      projects: [
        { id: "A", value: 5, costs: { budget: "0.1" } },
        { id: "B", value: 5, costs: { budget: "0.2" } },
      ],
      limits: { budget: "0.3" },
    };
    for (const solver of ["bnb", "highs"] as const) {
      const r = await selectPortfolio(p, { solver });
      expect(r.selected).toEqual(["A", "B"]);
      expect(r.totals["budget"]).toEqual({ used: "0.3", limit: "0.3", remaining: "0.0", exact: true });
      expect(r.usage["budget"]).toBe(0.3);
    }
    expect(verifySelection(p, ["A", "B"])).toEqual([]);
  });

  it("accepts core Money values, reports totals in the currency with the inputs' decimals", async () => {
    const eur = (amount: string) => ({ amount, currency: "EUR" });
    const p: SelectionProblem = {
      projects: [
        { id: "A", value: 10, costs: { capex: eur("1250.50"), fte: 2 } },
        { id: "B", value: 7, costs: { capex: eur("800.25"), fte: 1 } },
        { id: "C", value: 6, costs: { capex: eur("799.75"), fte: 1 } },
      ],
      limits: { capex: eur("2050.75"), fte: 3 },
    };
    const r = await selectPortfolio(p);
    expect(r.selected).toEqual(["A", "B"]);
    expect(r.totals["capex"]).toEqual({
      used: "2050.75",
      limit: "2050.75",
      remaining: "0.00",
      currency: "EUR",
      exact: true,
    });
    expect(r.totals["fte"]).toMatchObject({ used: "3", limit: "3", remaining: "0" });
    expect(r.limits["capex"]).toBe(2050.75);
    // one cent less: A + B no longer fits
    const tight = await selectPortfolio({ ...p, limits: { capex: eur("2050.74"), fte: 3 } });
    expect(tight.selected).not.toEqual(["A", "B"]);
    expect(verifySelection({ ...p, limits: { capex: eur("2050.74"), fte: 3 } }, ["A", "B"])).toEqual([
      "limit capex: 2050.75 > 2050.74",
    ]);
  });

  it("mixes numbers and decimal strings in one limit, converting numbers exactly", async () => {
    const p: SelectionProblem = {
      projects: [
        { id: "A", value: 3, costs: { b: 0.1 } },
        { id: "B", value: 3, costs: { b: "0.2" } },
        { id: "C", value: 1, costs: { b: 1e-7 } },
      ],
      limits: { b: 0.3 },
    };
    const r = await selectPortfolio(p);
    expect(r.selected).toEqual(["A", "B"]);
    expect(r.totals["b"]!.used).toBe("0.3000000");
  });

  it("rejects malformed amounts and mixed currencies with the JSON path", async () => {
    const bad = await rejects(
      selectPortfolio({ projects: [{ id: "A", value: 1, costs: { b: "1,5" } }], limits: { b: 2 } }),
    );
    expect(bad.code).toBe("INVALID_INPUT");
    expect(bad.details["path"]).toBe("projects[0].costs.b");
    const neg = await rejects(
      selectPortfolio({ projects: [{ id: "A", value: 1, costs: { b: "-1" } }], limits: { b: 2 } }),
    );
    expect(neg.details["path"]).toBe("projects[0].costs.b");
    const cur = await rejects(
      selectPortfolio({
        projects: [{ id: "A", value: 1, costs: { b: { amount: "1", currency: "USD" } } }],
        limits: { b: { amount: "2", currency: "EUR" } },
      }),
    );
    expect(cur.code).toBe("CURRENCY_MISMATCH");
    expect(cur.details["path"]).toBe("projects[0].costs.b");
    const code = await rejects(
      selectPortfolio({
        projects: [{ id: "A", value: 1, costs: { b: { amount: "1", currency: "usd" } } }],
        limits: { b: 2 },
      }),
    );
    expect(code.details["path"]).toBe("projects[0].costs.b.currency");
    const digits = await rejects(
      selectPortfolio({
        projects: [{ id: "A", value: 1, costs: { b: "0.0000000000001" } }],
        limits: { b: 2 },
      }),
    );
    expect(digits.details["path"]).toBe("projects[0].costs.b");
  });

  it("keeps floating-point sums for plain numbers with too many digits (flagged as inexact)", async () => {
    const r = await selectPortfolio({
      projects: [{ id: "A", value: 1, costs: { b: 0.1 + 0.2 } }],
      limits: { b: 1 },
    });
    expect(r.selected).toEqual(["A"]);
    expect(r.totals["b"]!.exact).toBe(false);
  });

  it("sweeps decimal-string budgets on the frontier exactly", async () => {
    const p: SelectionProblem = {
      projects: [
        { id: "A", value: 5, costs: { budget: "1.10" } },
        { id: "B", value: 4, costs: { budget: "2.20" } },
      ],
      limits: { budget: "0" },
    };
    const f = await computeEfficientFrontier(p, { constraint: "budget", budgets: ["1.09", "1.10", "3.3"] });
    expect(f.map((q) => q.objective)).toEqual([0, 5, 9]);
    expect(f.map((q) => q.costAmount)).toEqual(["0.00", "1.10", "3.30"]);
  });

  it("converts numbers to their shortest decimal, exponent forms included", () => {
    expect(numberToDecimal(0.1)).toBe("0.1");
    expect(numberToDecimal(1e-7)).toBe("0.0000001");
    expect(numberToDecimal(1.5e-8)).toBe("0.000000015");
    expect(numberToDecimal(1e21)).toBe("1000000000000000000000");
    expect(parseAmount("12.50", "x")).toEqual({ int: 1250n, digits: 2 });
  });
});
