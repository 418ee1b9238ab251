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

  it("the GA reaches the proven optimum on hard j30 instances (RS = 0.2) at 5,000 schedules", () => {
    const opt = optima();
    for (const file of ["j301_1.sm", "j305_2.sm", "j309_3.sm", "j3013_3.sm", "j3025_1.sm", "j3045_2.sm"]) {
      const { problem, inst } = load("j30", file);
      const sol = solveRcpsp(inst, { maxSchedules: 5000, seed: 1 });
      expect(validateRcpspSchedule(problem, sol.starts).feasible).toBe(true);
      expect(makespanOf(inst, sol.starts)).toBe(sol.makespan);
      expect(sol.makespan, file).toBe(opt.get(file));
    }
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
