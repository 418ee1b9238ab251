import { describe, expect, it, vi } from "vitest";
import { isPmokitError } from "@pmokit/core";
import * as highs from "./highs.js";
import { defaultBnbNodeBudget, selectPortfolio } from "./select.js";
import type { SelectionProblem } from "./model.js";

vi.mock("./highs.js", async (importOriginal) => {
  const mod = await importOriginal<typeof highs>();
  return { ...mod, solveWithHighs: vi.fn(mod.solveWithHighs) };
});

const highsCalls = (): number => vi.mocked(highs.solveWithHighs).mock.calls.length;

/** Seeded multi-dimensional knapsack with correlated values (hard enough to need many nodes). */
function knapsack(n: number, m: number, seed: number): SelectionProblem {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const costs = Array.from({ length: m }, () => Array.from({ length: n }, () => 1 + Math.floor(rnd() * 100)));
  const projects = Array.from({ length: n }, (_, j) => ({
    id: `p${j}`,
    value: costs.reduce((a, row) => a + row[j]!, 0) / m + Math.floor(rnd() * 20),
    costs: Object.fromEntries(costs.map((row, i) => [`c${i}`, row[j]!])),
  }));
  const limits = Object.fromEntries(
    costs.map((row, i) => [`c${i}`, Math.floor(row.reduce((a, b) => a + b, 0) / 2)]),
  );
  return { projects, limits };
}

describe("solver auto: branch and bound first, HiGHS when its node budget runs out", () => {
  it("proves a small model with the TypeScript branch and bound without calling HiGHS", async () => {
    const p = knapsack(12, 2, 7);
    const before = highsCalls();
    const r = await selectPortfolio(p);
    expect(highsCalls()).toBe(before);
    expect(r.solver).toBe("bnb");
    expect(r.optimal).toBe(true);
    expect(r.escalatedFrom).toBeUndefined();
    const exact = await selectPortfolio(p, { solver: "highs" });
    expect(r.objective).toBe(exact.objective);
  });

  it("escalates to HiGHS when the node budget is exhausted and proves the same optimum", async () => {
    const p = knapsack(20, 3, 11);
    const bnb = await selectPortfolio(p, { solver: "bnb" });
    expect(bnb.optimal).toBe(true);
    expect(bnb.nodes).toBeGreaterThan(5);
    const before = highsCalls();
    const r = await selectPortfolio(p, { bnbNodeBudget: 5 });
    expect(highsCalls()).toBe(before + 1);
    expect(r.solver).toBe("highs");
    expect(r.optimal).toBe(true);
    expect(r.objective).toBe(bnb.objective);
    expect(r.escalatedFrom?.nodes).toBe(6);
    expect(r.nodes).toBeGreaterThanOrEqual(6);
    // HiGHS starts from the branch-and-bound incumbent when there is one.
    const start = vi.mocked(highs.solveWithHighs).mock.calls.at(-1)?.[1]?.incumbent;
    expect(r.escalatedFrom?.objective).not.toBeNull();
    expect(start?.length).toBe(20);
  });

  it("is deterministic: same budget, same solver, nodes and selection", async () => {
    const p = knapsack(20, 3, 11);
    const a = await selectPortfolio(p, { bnbNodeBudget: 20 });
    const b = await selectPortfolio(p, { bnbNodeBudget: 20 });
    expect(b.selected).toEqual(a.selected);
    expect(b.solver).toBe(a.solver);
    expect(b.escalatedFrom?.nodes).toBe(a.escalatedFrom?.nodes);
    expect(b.escalatedFrom?.objective).toBe(a.escalatedFrom?.objective);
  });

  it("keeps explicit solvers as they were: bnb never calls HiGHS", async () => {
    const p = knapsack(20, 3, 11);
    const before = highsCalls();
    const r = await selectPortfolio(p, { solver: "bnb", bnbNodeBudget: 0 });
    expect(highsCalls()).toBe(before);
    expect(r.solver).toBe("bnb");
    expect(r.escalatedFrom).toBeUndefined();
  });

  it("derives the default budget from the model size and rejects a bad budget", async () => {
    expect(defaultBnbNodeBudget(5, 100)).toBe(Math.floor(5e8 / (5 * 105)));
    expect(defaultBnbNodeBudget(195, 991)).toBeLessThan(defaultBnbNodeBudget(190, 192));
    expect(defaultBnbNodeBudget(600, 5000)).toBe(1000);
    const err = await selectPortfolio(knapsack(3, 1, 1), { bnbNodeBudget: -1 }).catch((e: unknown) => e);
    expect(isPmokitError(err)).toBe(true);
    expect(err).toMatchObject({ code: "INVALID_INPUT", details: { path: "options.bnbNodeBudget" } });
  });
});
