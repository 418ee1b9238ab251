// OR-Library multidimensional knapsack instances (../shared/data/mknap). Every mknap1 and mknap2
// optimum is reached and proven by the TypeScript LP-based branch and bound (milliseconds to ~1 s
// each); three mknapcb1 instances (n = 100, m = 5; 0.3-3 s each) stay in the suite, the benchmark runs
// all 30 against CBC (`pnpm -C packages/portfolio bench -- --mknap`). Instances with seeded
// relations and forcing are cross-checked against HiGHS.
import { describe, expect, it } from "vitest";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { parseMknap2, readMkcbBest, readMknap, readMknap2, toSelectionProblem } from "../../bench/mknap.js";
import type { SelectionProblem, SelectionRelation } from "./model.js";
import { selectPortfolio, verifySelection } from "./select.js";

describeWithSharedData(["mknap", "mknap1.txt"], "OR-Library mknap1 (shared data)", () => {
  const instances = readMknap(sharedData("mknap", "mknap1.txt"), "mknap1");
  it("has the 7 instances", () => expect(instances).toHaveLength(7));
  for (const inst of instances) {
    it(`${inst.name} (n=${inst.n}, m=${inst.m}) reaches and proves ${inst.opt} (auto = branch and bound)`, async () => {
      const p = toSelectionProblem(inst);
      const r = await selectPortfolio(p);
      expect(r.solver).toBe("bnb");
      expect(r.optimal).toBe(true);
      expect(Math.abs(r.objective - inst.opt)).toBeLessThanOrEqual(1e-6 * inst.opt);
      expect(verifySelection(p, r.selected)).toEqual([]);
    });
  }
});

describeWithSharedData(["mknap", "mknap2.txt"], "OR-Library mknap2 (shared data)", () => {
  const instances = readMknap2(sharedData("mknap", "mknap2.txt"));
  it("parses the 48 instances after the prose header", () => {
    expect(instances).toHaveLength(48);
    expect(instances.map((i) => i.name.replace("mknap2 ", "")).slice(0, 3)).toEqual([
      "SENTO1",
      "SENTO2",
      "WEING1",
    ]);
    for (const i of instances) {
      expect(i.profits).toHaveLength(i.n);
      expect(i.weights).toHaveLength(i.m);
      for (const w of i.weights) expect(w).toHaveLength(i.n);
      expect(i.capacities).toHaveLength(i.m);
      expect(i.opt).toBeGreaterThan(0);
    }
  });
  for (const inst of instances) {
    it(`${inst.name} (n=${inst.n}, m=${inst.m}) reaches and proves ${inst.opt}`, async () => {
      const p = toSelectionProblem(inst);
      const r = await selectPortfolio(p, { solver: "bnb", timeLimit: 20 });
      expect(r.optimal).toBe(true);
      expect(r.objective).toBe(inst.opt);
      expect(verifySelection(p, r.selected)).toEqual([]);
    }, 30_000);
  }
});

describeWithSharedData(["mknap", "mknapcb1.txt"], "OR-Library mknapcb1 subset (shared data)", () => {
  const best = readMkcbBest(sharedData("mknap", "mkcbres.txt"));
  const instances = readMknap(sharedData("mknap", "mknapcb1.txt"), "mknapcb1");
  for (const k of [1, 4, 10]) {
    it(`mknapcb1 #${k} proves the best known value ${best[k]}`, async () => {
      const p = toSelectionProblem(instances[k]!);
      const r = await selectPortfolio(p, { timeLimit: 40 });
      expect(r.solver).toBe("bnb");
      expect(verifySelection(p, r.selected)).toEqual([]);
      expect(r.objective).toBeLessThanOrEqual(best[k]!);
      // proven on this machine within the limit; a slower machine still returns a feasible incumbent
      if (r.optimal) expect(r.objective).toBe(best[k]);
      else expect(r.bound).toBeGreaterThanOrEqual(best[k]!);
    }, 60_000);
  }
});

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A knapsack instance plus seeded requires / excludes / includes / exclusive relations and forcing. */
function withRelations(p: SelectionProblem, seed: number): SelectionProblem {
  const r = rng(seed);
  const ids = p.projects.map((q) => q.id);
  const pick = (): string => ids[Math.floor(r() * ids.length)]!;
  const relations: SelectionRelation[] = [];
  const used = new Set<string>();
  const pair = (): [string, string] | null => {
    const a = pick();
    const b = pick();
    if (a === b || used.has(a) || used.has(b)) return null;
    used.add(a);
    used.add(b);
    return [a, b];
  };
  for (let k = 0; k < 6; k++) {
    const q = pair();
    if (q)
      relations.push({ type: (["requires", "excludes", "includes"] as const)[k % 3]!, a: q[0], b: q[1] });
  }
  const group = ids.filter((id) => !used.has(id)).slice(0, 4);
  group.forEach((id) => used.add(id));
  relations.push({ type: "exclusive", ids: group });
  const free = ids.filter((id) => !used.has(id));
  const forceIn = new Set([free[0], free[5]]);
  const forceOut = new Set([free[1], free[7]]);
  return {
    ...p,
    relations,
    projects: p.projects.map((q) =>
      forceIn.has(q.id) ? { ...q, force: "in" } : forceOut.has(q.id) ? { ...q, force: "out" } : q,
    ),
  };
}

describeWithSharedData(["mknap", "mknap2.txt"], "knapsacks with relations and forcing (shared data)", () => {
  const instances = readMknap2(sharedData("mknap", "mknap2.txt")).filter((i) =>
    /WEISH0[1-6]|PB[12]|HP1/.test(i.name),
  );
  for (const [q, inst] of instances.entries()) {
    it(`${inst.name} + relations + forcing: branch and bound equals HiGHS, both verified`, async () => {
      const p = withRelations(toSelectionProblem(inst), 100 + q);
      const a = await selectPortfolio(p, { solver: "bnb", explain: false, timeLimit: 20 });
      const b = await selectPortfolio(p, { solver: "highs", explain: false, timeLimit: 20 });
      expect(a.optimal).toBe(true);
      expect(b.optimal).toBe(true);
      expect(a.objective).toBe(b.objective);
      expect(verifySelection(p, a.selected)).toEqual([]);
      expect(a.objective).toBeLessThanOrEqual(inst.opt);
    }, 60_000);
  }
});

describe("mknap2 parser", () => {
  it("skips the prose header (and its worked example) and reads each block", () => {
    const text = [
      " This file contains ... EXAMPLE",
      " 2 28 // 2 knapsacks, 28 objects",
      " 141278 // optimum value",
      " +++++",
      " problem TINY.DAT",
      " +++++",
      " 2 3",
      " 10 20 30",
      " 5 6",
      " 1 2 3",
      " 3 2 1",
      "",
      " 50",
    ].join("\n");
    const [inst, ...rest] = parseMknap2(text);
    expect(rest).toHaveLength(0);
    expect(inst).toMatchObject({ name: "mknap2 TINY", n: 3, m: 2, opt: 50, profits: [10, 20, 30] });
    expect(inst!.weights).toEqual([
      [1, 2, 3],
      [3, 2, 1],
    ]);
    expect(inst!.capacities).toEqual([5, 6]);
  });
  it("rejects a block with a wrong number count", () => {
    expect(() => parseMknap2(" problem BAD.DAT\n 1 2\n 1 2\n 3\n")).toThrow(/BAD/);
  });
});
