import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeEfficientFrontier } from "./frontier.js";
import { selectPortfolio, verifySelection } from "./select.js";
import type { SelectionProblem, SelectionRelation } from "./model.js";

const problemArb = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc
    .record({
      values: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }),
      costs: fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n, maxLength: n }), {
        minLength: 1,
        maxLength: 3,
      }),
      limits: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 3, maxLength: 3 }),
      force: fc.array(fc.constantFrom(undefined, undefined, undefined, "in" as const, "out" as const), {
        minLength: n,
        maxLength: n,
      }),
      rel: fc.array(
        fc.record({
          t: fc.constantFrom("requires" as const, "excludes" as const, "includes" as const),
          a: fc.nat(n - 1),
          b: fc.nat(n - 1),
        }),
        { maxLength: 4 },
      ),
    })
    .map(({ values, costs, limits, force, rel }): SelectionProblem => ({
      projects: values.map((v, j) => ({
        id: `p${j}`,
        value: v,
        costs: Object.fromEntries(costs.map((row, i) => [`c${i}`, row[j]!])),
        ...(force[j] ? { force: force[j] } : {}),
      })),
      limits: Object.fromEntries(costs.map((_, i) => [`c${i}`, limits[i]!])),
      relations: rel
        .filter((r) => r.a !== r.b)
        .map((r): SelectionRelation => ({ type: r.t, a: `p${r.a}`, b: `p${r.b}` })),
    })),
);

function bruteForce(p: SelectionProblem): number | null {
  const n = p.projects.length;
  let best: number | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const sel = p.projects.filter((_, j) => mask & (1 << j)).map((q) => q.id);
    if (verifySelection(p, sel).length > 0) continue;
    const v = p.projects.reduce((s, q, j) => s + (mask & (1 << j) ? q.value : 0), 0);
    if (best === null || v > best) best = v;
  }
  return best;
}

describe("selection properties", () => {
  it("branch and bound equals brute force; selections never violate a limit or relation", async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, async (p) => {
        const expected = bruteForce(p);
        let got: number | null = null;
        try {
          const r = await selectPortfolio(p, { solver: "bnb", explain: false });
          expect(r.optimal).toBe(true);
          expect(verifySelection(p, r.selected)).toEqual([]);
          got = r.objective;
        } catch (e) {
          expect((e as { code?: string }).code).toBe("INFEASIBLE");
        }
        expect(got).toBe(expected);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it("HiGHS agrees with branch and bound", async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, async (p) => {
        const a = await selectPortfolio(p, { solver: "bnb", explain: false }).then(
          (r) => r.objective,
          () => null,
        );
        const b = await selectPortfolio(p, { solver: "highs", explain: false }).then(
          (r) => {
            expect(verifySelection(p, r.selected)).toEqual([]);
            return r.objective;
          },
          () => null,
        );
        expect(b).toBe(a);
      }),
      { numRuns: 40, seed: 3 },
    );
  });

  it("auto with any node budget (escalating to HiGHS) equals brute force", async () => {
    await fc.assert(
      fc.asyncProperty(problemArb, fc.integer({ min: 0, max: 8 }), async (p, budget) => {
        const expected = bruteForce(p);
        const got = await selectPortfolio(p, { bnbNodeBudget: budget, explain: false }).then(
          (r) => {
            expect(r.optimal).toBe(true);
            expect(verifySelection(p, r.selected)).toEqual([]);
            if (r.escalatedFrom) expect(r.solver).toBe("highs");
            return r.objective;
          },
          (e: unknown) => {
            expect((e as { code?: string }).code).toBe("INFEASIBLE");
            return null;
          },
        );
        expect(got).toBe(expected);
      }),
      { numRuns: 40, seed: 5 },
    );
  });

  it("the efficient frontier is monotone and each point equals a fresh solve at that budget", async () => {
    await fc.assert(
      fc.asyncProperty(
        problemArb,
        fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 6 }),
        async (p, budgets) => {
          const f = await computeEfficientFrontier(p, { constraint: "c0", budgets, solver: "bnb" });
          let prev = -Infinity;
          for (const pt of f) {
            if (!pt.feasible) continue;
            expect(pt.objective).toBeGreaterThanOrEqual(prev);
            prev = pt.objective;
            const q = { ...p, limits: { ...p.limits, c0: pt.budget } };
            expect(verifySelection(q, pt.selected)).toEqual([]);
            const fresh = await selectPortfolio(q, { solver: "bnb", explain: false });
            expect(pt.objective).toBe(fresh.objective);
          }
        },
      ),
      { numRuns: 50, seed: 11 },
    );
  });
});
