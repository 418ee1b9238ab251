import { describe, expect, it } from "vitest";
import { isPmokitError } from "@pmokit/core";
import { compileRcpsp } from "./instance.js";
import { parsePsplibSm } from "./psplib.js";
import { priorityValues, PRIORITY_RULES, totalSuccessors } from "./rules.js";
import {
  isPrecedenceFeasibleList,
  listFromPriorities,
  makespanOf,
  parallelSgs,
  serialSgs,
  serialSgsByPriority,
} from "./sgs.js";
import { createJustifyWorkspace, doubleJustify, justify } from "./justify.js";
import { TimeIndexedProfile } from "./profile.js";
import { validateRcpspSchedule } from "./validate.js";
import { TINY_SM } from "./__tests__/fixtures.js";

const tiny = parsePsplibSm(TINY_SM).problem;

describe("compileRcpsp", () => {
  it("builds CSR arrays, CPM times and a lower bound", () => {
    const inst = compileRcpsp(tiny);
    expect(inst.n).toBe(5);
    expect(Array.from(inst.succStart)).toEqual([0, 3, 4, 5, 6, 6]);
    expect(Array.from(inst.pred.subarray(inst.predStart[4]!, inst.predStart[5]!))).toEqual([1, 2, 3]);
    expect(Array.from(inst.est)).toEqual([0, 0, 0, 0, 3]);
    expect(Array.from(inst.lft)).toEqual([0, 3, 3, 3, 3]);
    expect(inst.cpmLength).toBe(3);
    // Resource work: 3*2 + 2 + 2 = 10 units on capacity 3 -> at least 4 periods.
    expect(inst.lowerBound).toBe(4);
  });

  it("rejects cycles, impossible demands and malformed data", () => {
    const cyc = () =>
      compileRcpsp({ durations: [1, 1], successors: [[1], [0]], demands: [[0], [0]], capacities: [1] });
    expect(cyc).toThrow(/cycle/);
    try {
      cyc();
    } catch (e) {
      expect(isPmokitError(e) && e.code).toBe("CYCLE_DETECTED");
    }
    try {
      compileRcpsp({ durations: [2], successors: [[]], demands: [[5]], capacities: [[9, 9, 3]] });
      expect.unreachable();
    } catch (e) {
      expect(isPmokitError(e) && e.code).toBe("INFEASIBLE");
    }
    try {
      compileRcpsp({ durations: [1.5], successors: [[]], demands: [[0]], capacities: [1] });
      expect.unreachable();
    } catch (e) {
      expect(isPmokitError(e) && e.details.path).toBe("durations[0]");
    }
  });
});

describe("schedule generation schemes", () => {
  const inst = compileRcpsp(tiny);

  it("serial SGS starts each activity at its earliest feasible period in list order", () => {
    const s = serialSgs(inst, [0, 1, 2, 3, 4]);
    // Job 2 (3 units of 2) starts at 0; jobs 3 and 4 (1 unit each): 3 fits at 0, 4 waits.
    expect(Array.from(s)).toEqual([0, 0, 0, 2, 4]);
    expect(validateRcpspSchedule(tiny, s).feasible).toBe(true);
    const t = serialSgs(inst, [0, 2, 3, 1, 4]);
    expect(Array.from(t)).toEqual([0, 2, 0, 0, 5]);
    expect(makespanOf(inst, t)).toBe(5);
  });

  it("parallel SGS uses the priority order at each decision time", () => {
    const s = parallelSgs(inst, priorityValues(inst, "LFT"));
    expect(validateRcpspSchedule(tiny, s).feasible).toBe(true);
    expect(Array.from(s)).toEqual([0, 0, 0, 2, 4]);
    const spt = parallelSgs(inst, priorityValues(inst, "SPT"));
    // SPT starts jobs 3 and 4 (duration 2) first; job 2 then waits until period 2.
    expect(Array.from(spt)).toEqual([0, 2, 0, 0, 5]);
  });

  it("every rule gives a feasible schedule with both schemes", () => {
    for (const rule of PRIORITY_RULES) {
      const p = priorityValues(inst, rule, 7);
      expect(validateRcpspSchedule(tiny, parallelSgs(inst, p)).feasible).toBe(true);
      expect(validateRcpspSchedule(tiny, serialSgsByPriority(inst, p)).feasible).toBe(true);
      expect(isPrecedenceFeasibleList(inst, listFromPriorities(inst, p))).toBe(true);
    }
  });

  it("counts transitive successors", () => {
    expect(Array.from(totalSuccessors(inst))).toEqual([4, 1, 1, 1, 0]);
  });

  it("respects time-varying capacities", () => {
    const p = { durations: [2, 2], successors: [[], []], demands: [[2], [1]], capacities: [[1, 1, 1, 2]] };
    const v = compileRcpsp(p);
    expect(v.constantCapacity).toBe(false);
    const s = serialSgs(v, [0, 1]);
    expect(Array.from(s)).toEqual([3, 0]);
    expect(validateRcpspSchedule(p, s).feasible).toBe(true);
    expect(validateRcpspSchedule(p, parallelSgs(v, [0, 1])).feasible).toBe(true);
  });

  it("justification shifts right then left without lengthening", () => {
    const ws = createJustifyWorkspace(inst);
    const profile = new TimeIndexedProfile(inst);
    const s = serialSgs(inst, [0, 2, 3, 1, 4]);
    const right = s.slice();
    justify(inst, right, "right", profile, ws);
    expect(validateRcpspSchedule(tiny, right).feasible).toBe(true);
    expect(makespanOf(inst, right)).toBe(5);
    const ms = doubleJustify(inst, s, profile, ws);
    expect(ms).toBeLessThanOrEqual(5);
    expect(validateRcpspSchedule(tiny, s).feasible).toBe(true);
  });
});
