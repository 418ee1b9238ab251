import { describe, expect, it } from "vitest";
import { isPmokitError } from "@pmokit/core";
import type { PmokitError } from "@pmokit/core";
import { explainInfeasibility, selectPortfolio, verifySelection } from "./select.js";
import { computeEfficientFrontier, strategicAlignment } from "./frontier.js";
import { compareScenarios, createScenario, whatIf } from "./scenario.js";
import type { SelectionProblem } from "./model.js";

async function rejects(p: Promise<unknown>): Promise<PmokitError> {
  try {
    await p;
  } catch (e) {
    if (isPmokitError(e)) return e;
    throw e;
  }
  throw new Error("expected a PmokitError");
}

const base: SelectionProblem = {
  projects: [
    { id: "A", value: 10, costs: { budget: 6, dev: 2 } },
    { id: "B", value: 7, costs: { budget: 4, dev: 1 } },
    { id: "C", value: 6, costs: { budget: 4, dev: 3 } },
    { id: "D", value: 4, costs: { budget: 1, dev: 1 } },
  ],
  limits: { budget: 9, dev: 4 },
};

describe("selectPortfolio", () => {
  for (const solver of ["bnb", "highs", "auto"] as const) {
    it(`finds and proves the optimum (${solver})`, async () => {
      const r = await selectPortfolio(base, { solver });
      expect(r.selected).toEqual(["A", "D"]);
      expect(r.objective).toBe(14);
      expect(r.optimal).toBe(true);
      expect(r.gap).toBe(0);
      expect(r.usage).toEqual({ budget: 7, dev: 3 });
      expect(verifySelection(base, r.selected)).toEqual([]);
    });
  }

  it("honours force in/out, requires, excludes, includes and exclusive groups", async () => {
    const p: SelectionProblem = {
      ...base,
      projects: base.projects.map((q) =>
        q.id === "C" ? { ...q, force: "in" as const } : q.id === "D" ? { ...q, force: "out" as const } : q,
      ),
    };
    const r = await selectPortfolio(p);
    expect(r.selected).toEqual(["B", "C"]);
    expect(r.decisions).toEqual({ A: "unselected", B: "selected", C: "forced-in", D: "forced-out" });
    const req = await selectPortfolio({
      ...base,
      limits: { budget: 100, dev: 100 },
      relations: [
        { type: "requires", a: "A", b: "D" },
        { type: "excludes", a: "D", b: "B" },
      ],
    });
    expect(req.selected).toEqual(["A", "C", "D"]);
    const inc = await selectPortfolio({ ...base, relations: [{ type: "includes", a: "A", b: "C" }] });
    // A and C together exceed dev 4, so neither: B + D
    expect(inc.selected).toEqual(["B", "D"]);
    const ex = await selectPortfolio({
      ...base,
      limits: { budget: 100, dev: 100 },
      relations: [{ type: "exclusive", ids: ["A", "B", "C"] }],
    });
    expect(ex.selected).toEqual(["A", "D"]);
  });

  it("shifts starts within the allowed window when capacity allows", async () => {
    const p: SelectionProblem = {
      projects: [
        { id: "X", value: 5, demand: { dev: [2, 2] }, start: 0 },
        { id: "Y", value: 4, demand: { dev: [2, 2] }, start: 0, shift: { earliest: 0, latest: 2 } },
      ],
      capacities: { dev: [3, 3, 3, 3] },
    };
    const r = await selectPortfolio(p, { solver: "bnb" });
    expect(r.selected).toEqual(["X", "Y"]);
    expect(r.starts).toEqual({ X: 0, Y: 2 });
    expect(r.shifted).toEqual([{ id: "Y", from: 0, to: 2 }]);
    expect(r.capacityUsage["dev"]).toEqual([2, 2, 2, 2]);
    const h = await selectPortfolio(p, { solver: "highs" });
    expect(h.objective).toBe(9);
    expect(verifySelection(p, h.selected, h.starts)).toEqual([]);
    // assignments are summed into demand
    const a = await selectPortfolio({
      projects: [{ id: "Z", value: 1, assignments: [{ resource: "dev", from: 0, to: 2, units: 4 }] }],
      capacities: { dev: [3, 3] },
    });
    expect(a.selected).toEqual([]);
  });

  it("explains an infeasible forced set (exit-1 class error naming projects and limits)", async () => {
    const p: SelectionProblem = {
      projects: [
        { id: "A", value: 1, costs: { budget: 6 }, force: "in" },
        { id: "B", value: 1, costs: { budget: 6 }, force: "in" },
        { id: "C", value: 1, costs: { budget: 1 }, force: "in" },
      ],
      limits: { budget: 10 },
    };
    const e = await rejects(selectPortfolio(p));
    expect(e.code).toBe("INFEASIBLE");
    expect(e.kind).toBe("domain");
    expect(e.details.ids).toEqual(["A", "B"]);
    expect(String(e.details["constraints"])).toContain("budget");
    expect(e.message).toContain("A, B");
    const rel = await explainInfeasibility({
      projects: [
        { id: "A", value: 1, force: "in" },
        { id: "B", value: 1, force: "out" },
      ],
      relations: [{ type: "requires", a: "A", b: "B" }],
    });
    expect(rel?.projects).toEqual(["A"]);
    expect(rel?.constraints.join()).toContain("A requires B");
    const cyc = await rejects(
      selectPortfolio({
        projects: [
          { id: "A", value: 1, force: "in" },
          { id: "B", value: 1 },
        ],
        relations: [
          { type: "requires", a: "A", b: "B" },
          { type: "excludes", a: "A", b: "B" },
        ],
      }),
    );
    expect(cyc.code).toBe("INFEASIBLE");
  });

  it("rejects bad input with path and expectation", async () => {
    const neg = await rejects(
      selectPortfolio({ projects: [{ id: "A", value: 1, costs: { budget: -1 } }], limits: { budget: 1 } }),
    );
    expect(neg).toMatchObject({ code: "INVALID_INPUT", details: { path: "projects[0].costs.budget" } });
    const unk = await rejects(
      selectPortfolio({
        projects: [{ id: "A", value: 1 }],
        relations: [{ type: "requires", a: "A", b: "Q" }],
      }),
    );
    expect(unk).toMatchObject({ code: "DANGLING_REFERENCE", details: { path: "relations[0].b" } });
    const dup = await rejects(
      selectPortfolio({
        projects: [
          { id: "A", value: 1 },
          { id: "A", value: 2 },
        ],
      }),
    );
    expect(dup.code).toBe("DUPLICATE_ID");
    const cap = await rejects(
      selectPortfolio({ projects: [{ id: "A", value: 1, demand: { qa: [1] } }], capacities: { dev: [1] } }),
    );
    expect(cap).toMatchObject({ code: "DANGLING_REFERENCE", details: { path: "projects[0].demand.qa" } });
  });

  it("uses a feasible warm start and ignores an infeasible or unknown one", async () => {
    const exact = await selectPortfolio(base);
    for (const solver of ["bnb", "highs"] as const)
      for (const selected of [["B", "D"], ["A", "B", "C"], ["Z"], exact.selected]) {
        const r = await selectPortfolio(base, { solver, warmStart: { selected } });
        expect(r.optimal).toBe(true);
        expect(r.objective).toBe(exact.objective);
        expect(verifySelection(base, r.selected)).toEqual([]);
      }
  });

  it("returns a feasible, non-proven selection with the gap when the time limit stops the search", async () => {
    // 100 items, 5 tight correlated rows (mknapcb-like): thousands of nodes, far beyond 1 ms
    let seed = 7;
    const rnd = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 4294967296;
    };
    const projects = Array.from({ length: 100 }, (_, j) => {
      const costs: Record<string, number> = {};
      let sum = 0;
      for (let i = 0; i < 5; i++) sum += costs[`c${i}`] = 1 + Math.floor(rnd() * 1000);
      return { id: `p${j}`, value: Math.round(sum / 5 + rnd() * 500), costs };
    });
    const limits = Object.fromEntries(
      [0, 1, 2, 3, 4].map((i) => [
        `c${i}`,
        Math.round(projects.reduce((s, q) => s + q.costs[`c${i}`]!, 0) / 4),
      ]),
    );
    const p: SelectionProblem = { projects, limits };
    const r = await selectPortfolio(p, { solver: "bnb", timeLimit: 0.001 });
    expect(verifySelection(p, r.selected)).toEqual([]);
    expect(r.optimal).toBe(false);
    expect(r.gap).toBeGreaterThan(0);
    expect(r.bound).toBeGreaterThan(r.objective);
    expect(r.warnings.join()).toContain("time limit");
  });
});

describe("frontier, alignment and scenarios", () => {
  it("computes the efficient frontier over budgets", async () => {
    const f = await computeEfficientFrontier(base, { constraint: "budget", budgets: [0, 1, 5, 9, 20] });
    expect(f.map((p) => p.objective)).toEqual([0, 4, 11, 14, 21]);
    expect(f[4]!.selected).toEqual(["A", "B", "D"]);
    const forced = await computeEfficientFrontier(
      { ...base, projects: base.projects.map((q) => (q.id === "A" ? { ...q, force: "in" as const } : q)) },
      { constraint: "budget", budgets: [2, 9] },
    );
    expect(forced[0]!.feasible).toBe(false);
    expect(forced[1]!.feasible).toBe(true);
    const grid = await computeEfficientFrontier(base, { constraint: "budget", steps: 5 });
    expect(grid).toHaveLength(5);
    expect(grid.at(-1)!.budget).toBe(15);
  });

  it("reports strategic alignment", () => {
    const a = strategicAlignment(
      {
        projects: [
          { id: "A", value: 1, costs: { b: 10 }, drivers: { growth: 3, risk: 1 } },
          { id: "B", value: 1, costs: { b: 4 }, drivers: { risk: 2 } },
        ],
      },
      ["A"],
      "b",
    );
    expect(a).toEqual([
      { driver: "growth", served: 3, total: 3, share: 1, spend: 7.5 },
      { driver: "risk", served: 1, total: 3, share: 1 / 3, spend: 2.5 },
    ]);
  });

  it("compares scenarios and runs what-ifs", async () => {
    const s1 = await createScenario("plan", base);
    const s2 = await createScenario("more budget", { ...base, limits: { budget: 20, dev: 10 } });
    const c = compareScenarios([s1, s2]);
    expect(c.metrics.map((m) => m.objective)).toEqual([14, 27]);
    expect(c.projects.find((p) => p.id === "A")!.count).toBe(2);
    const w = await whatIf(base, { type: "terminate", id: "A" });
    expect(w.freed).toEqual({ budget: 6, dev: 2 });
    expect(w.removed).toContain("A");
    expect(w.scenario.selected).not.toContain("A");
    expect(w.scenario.selected).toEqual(["B", "C"]);
    expect(w.valueDelta).toBe(-1);
    const acc = await whatIf(
      { projects: [{ id: "X", value: 2, start: 2, demand: { dev: [1] } }], capacities: { dev: [1, 1, 1] } },
      { type: "accelerate", id: "X", periods: 2 },
    );
    expect(acc.scenario.starts).toEqual({ X: 0 });
    const lim = await whatIf(base, { type: "limit", name: "budget", value: 20 });
    expect(lim.usageDelta["budget"]).toBeGreaterThan(0);
    await expect(whatIf(base, { type: "terminate", id: "nope" })).rejects.toMatchObject({
      code: "DANGLING_REFERENCE",
    });
  });
});
