// OR-Library multidimensional knapsack instances (../shared/data/mknap): every mknap1 optimum is
// reached and proven; of mknapcb1 (n = 100, m = 5; 10-40 s each with HiGHS WebAssembly on 2 cores)
// the suite checks one instance (#1) to stay under a minute: the benchmark runs all 30.
import { describe, expect, it } from "vitest";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { readMkcbBest, readMknap, toSelectionProblem } from "../../bench/mknap.js";
import { selectPortfolio, verifySelection } from "./select.js";

describeWithSharedData(["mknap", "mknap1.txt"], "OR-Library mknap1 (shared data)", () => {
  const instances = readMknap(sharedData("mknap", "mknap1.txt"), "mknap1");
  it("has the 7 instances", () => expect(instances).toHaveLength(7));
  for (const inst of instances) {
    it(`${inst.name} (n=${inst.n}, m=${inst.m}) reaches and proves ${inst.opt}`, async () => {
      const p = toSelectionProblem(inst);
      const r = await selectPortfolio(p);
      expect(r.optimal).toBe(true);
      expect(Math.abs(r.objective - inst.opt)).toBeLessThanOrEqual(1e-6 * inst.opt);
      expect(verifySelection(p, r.selected)).toEqual([]);
    });
  }
});

describeWithSharedData(["mknap", "mknapcb1.txt"], "OR-Library mknapcb1 subset (shared data)", () => {
  it("mknapcb1 #1 reaches the best known value 24274 (proven, or feasible and <= best at the limit)", async () => {
    const best = readMkcbBest(sharedData("mknap", "mkcbres.txt"));
    const inst = readMknap(sharedData("mknap", "mknapcb1.txt"), "mknapcb1")[1]!;
    expect(best[1]).toBe(24274);
    const p = toSelectionProblem(inst);
    const r = await selectPortfolio(p, { timeLimit: 45 });
    expect(verifySelection(p, r.selected)).toEqual([]);
    if (r.optimal) expect(r.objective).toBe(best[1]);
    else expect(r.objective).toBeLessThanOrEqual(best[1]!);
  }, 60_000);
});

describe("mknap reader", () => {
  it("is exercised only with shared data", () => expect(typeof readMknap).toBe("function"));
});
