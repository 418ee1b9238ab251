import { describe, expect, it } from "vitest";
import { validateRcpspSchedule } from "./validate.js";

const p = {
  durations: [2, 3, 1],
  successors: [[2], [], []],
  demands: [
    [1, 0],
    [1, 2],
    [0, 1],
  ],
  capacities: [2, [2, 2, 2, 1]],
};

describe("validateRcpspSchedule", () => {
  it("accepts a feasible schedule and reports its makespan", () => {
    const r = validateRcpspSchedule(p, [0, 0, 3]);
    expect(r).toEqual({ feasible: true, makespan: 4, violations: [] });
  });
  it("reports precedence violations", () => {
    const r = validateRcpspSchedule(p, [0, 0, 1]);
    expect(r.feasible).toBe(false);
    expect(r.violations).toContainEqual({ kind: "precedence", from: 0, to: 2 });
  });
  it("reports capacity violations per period, with time-varying capacity", () => {
    // Activity 1 needs 2 units of resource 1 but capacity drops to 1 from period 3.
    const r = validateRcpspSchedule(p, [0, 1, 4]);
    expect(r.feasible).toBe(false);
    expect(r.violations).toContainEqual({ kind: "capacity", resource: 1, period: 3, usage: 2, capacity: 1 });
    const r2 = validateRcpspSchedule({ ...p, capacities: [1, 5] }, [0, 1, 4]);
    expect(r2.violations).toContainEqual({ kind: "capacity", resource: 0, period: 1, usage: 2, capacity: 1 });
  });
  it("rejects negative, fractional and missing starts", () => {
    expect(validateRcpspSchedule(p, [0, -1, 3]).violations[0]).toEqual({
      kind: "start",
      activity: 1,
      start: -1,
    });
    expect(validateRcpspSchedule(p, [0, 0.5, 3]).feasible).toBe(false);
    expect(validateRcpspSchedule(p, [0, 0]).feasible).toBe(false);
  });
});
