import { describe, expect, it } from "vitest";
import { isPmokitError } from "@pmokit/core";
import { compileRcpsp } from "./instance.js";
import { solveRcpsp } from "./solve.js";
import { validateRcpspSchedule } from "./validate.js";

const small = {
  durations: [0, 3, 2, 2, 0],
  successors: [[1, 2, 3], [4], [4], [4], []],
  demands: [[0], [2], [1], [1], [0]],
  capacities: [3],
};

describe("solveRcpsp", () => {
  it("solves a small instance to its lower bound and stops early", () => {
    const sol = solveRcpsp(small);
    expect(sol.makespan).toBe(4);
    expect(sol.optimal).toBe(true);
    expect(sol.lowerBound).toBe(4);
    expect(sol.schedules).toBeLessThan(5000);
    expect(validateRcpspSchedule(small, sol.starts).feasible).toBe(true);
  });

  it("uses the whole budget when asked not to stop, and never more", () => {
    const inst = compileRcpsp(small);
    for (const budget of [1, 2, 3, 10, 101]) {
      const sol = solveRcpsp(inst, { maxSchedules: budget, stopAt: 0 });
      expect(sol.schedules).toBeLessThanOrEqual(budget);
      expect(sol.schedules).toBeGreaterThanOrEqual(budget - 3);
      expect(validateRcpspSchedule(small, sol.starts).feasible).toBe(true);
    }
  });

  it("handles time-varying capacities (full double justification)", () => {
    const p = { ...small, capacities: [[1, 1, 3, 3, 2, 3]] };
    const sol = solveRcpsp(p, { maxSchedules: 300, seed: 5, stopAt: 0 });
    const v = validateRcpspSchedule(p, sol.starts);
    expect(v.violations).toEqual([]);
    expect(sol.makespan).toBe(v.makespan);
  });

  it("honours a time limit", () => {
    const sol = solveRcpsp(small, { maxSchedules: 1_000_000, stopAt: 0, timeLimitMs: 30 });
    expect(sol.schedules).toBeLessThan(1_000_000);
    expect(validateRcpspSchedule(small, sol.starts).feasible).toBe(true);
  });

  it("rejects bad search options with the option's name", () => {
    for (const [options, path] of [
      [{ populationSize: 1 }, "populationSize"],
      [{ peakRate: 2 }, "peakRate"],
      [{ mutationRate: -0.1 }, "mutationRate"],
      [{ restartAfter: 1.5 }, "restartAfter"],
    ] as const) {
      try {
        solveRcpsp(small, options);
        expect.unreachable();
      } catch (e) {
        expect(isPmokitError(e) && e.code).toBe("INVALID_INPUT");
        expect(isPmokitError(e) && e.details).toMatchObject({ path });
      }
    }
  });

  it("both search strategies count every generated schedule and reach the bound", () => {
    const inst = compileRcpsp(small);
    for (const strategy of ["bipop", "ga"] as const) {
      let seen = 0;
      const sol = solveRcpsp(inst, {
        strategy,
        maxSchedules: 200,
        stopAt: 0,
        onSchedule: (starts, makespan) => {
          seen++;
          expect(validateRcpspSchedule(small, starts).makespan).toBe(makespan);
        },
      });
      expect(seen).toBe(sol.schedules);
      expect(sol.schedules).toBeLessThanOrEqual(200);
      expect(sol.makespan).toBe(4);
    }
  });

  it("rejects a bad budget", () => {
    try {
      solveRcpsp(small, { maxSchedules: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isPmokitError(e) && e.code).toBe("INVALID_INPUT");
    }
  });
});
