import { readFileSync, readdirSync } from "node:fs";
import { expect, it } from "vitest";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { compileRcpsp } from "./instance.js";
import { parsePsplibSm } from "./psplib.js";
import { priorityValues } from "./rules.js";
import { makespanOf, parallelSgs } from "./sgs.js";
import { solveRcpsp } from "./solve.js";
import { validateRcpspSchedule } from "./validate.js";

function optima(): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of readFileSync(sharedData("psplib", "j30opt.sm"), "utf8").split(/\r?\n/)) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)/.exec(line);
    if (m) out.set(`j30${m[1]}_${m[2]}.sm`, Number(m[3]));
  }
  return out;
}

function load(set: string, file: string) {
  const { problem, mpmTime } = parsePsplibSm(readFileSync(sharedData("psplib", set, file), "utf8"), { file });
  return { problem, mpmTime, inst: compileRcpsp(problem) };
}

describeWithSharedData(["psplib", "j30opt.sm"], "PSPLIB golden checks", () => {
  it("parses every j30 file; CPM equals MPM-Time; single-pass LFT parallel SGS reproduces the reference average", () => {
    const opt = optima();
    const files = readdirSync(sharedData("psplib", "j30")).filter((f) => f.endsWith(".sm"));
    expect(files.length).toBe(480);
    let dev = 0;
    for (const file of files) {
      const { problem, mpmTime, inst } = load("j30", file);
      expect(inst.n).toBe(32);
      expect(inst.cpmLength).toBe(mpmTime);
      const s = parallelSgs(inst, priorityValues(inst, "LFT"));
      const v = validateRcpspSchedule(problem, s);
      expect(v.feasible).toBe(true);
      const o = opt.get(file)!;
      expect(v.makespan).toBeGreaterThanOrEqual(o);
      dev += (v.makespan - o) / o;
    }
    // leveling.md section 3: LFT parallel, ties by the lower activity number: 4.39 % on j30.
    expect((100 * dev) / files.length).toBeCloseTo(4.39, 2);
  });

  it("the solver stays close to the proven optimum on the hardest j30 groups (RS = 0.2) at 5,000 schedules", () => {
    const opt = optima();
    // Instance 1 of all twelve RS = 0.2 groups (groups 1, 5, ..., 45): a fixed, unselected sample.
    const files = Array.from({ length: 12 }, (_, i) => `j30${1 + 4 * i}_1.sm`);
    let dev = 0;
    let atOptimum = 0;
    for (const file of files) {
      const { problem, inst } = load("j30", file);
      const sol = solveRcpsp(inst, { maxSchedules: 5000, seed: 1 });
      const v = validateRcpspSchedule(problem, sol.starts);
      expect(v.feasible).toBe(true);
      expect(v.makespan).toBe(sol.makespan);
      const o = opt.get(file)!;
      expect(sol.makespan, file).toBeGreaterThanOrEqual(o);
      expect(sol.schedules).toBeLessThanOrEqual(5000);
      dev += (sol.makespan - o) / o;
      if (sol.makespan === o) atOptimum++;
    }
    // The full-set benchmark gives about 0.2 % on these groups (docs/benchmarks/rcpsp.md).
    expect((100 * dev) / files.length).toBeLessThan(1);
    expect(atOptimum).toBeGreaterThanOrEqual(8);
  });

  it("j120 schedules are feasible, at least the CPM bound, and far better than single-pass LFT", () => {
    for (const file of ["j1201_1.sm", "j12021_3.sm"]) {
      const { problem, inst } = load("j120", file);
      const lft = makespanOf(inst, parallelSgs(inst, priorityValues(inst, "LFT")));
      const sol = solveRcpsp(inst, { maxSchedules: 2000, seed: 7 });
      const v = validateRcpspSchedule(problem, sol.starts);
      expect(v.feasible).toBe(true);
      expect(v.makespan).toBeGreaterThanOrEqual(inst.cpmLength);
      expect(sol.makespan).toBeLessThan(lft);
      expect(sol.schedules).toBeLessThanOrEqual(2000);
    }
  });
});
