import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../internal/rng.js";
import { compileRcpsp } from "./instance.js";
import { createJustifyWorkspace, justify } from "./justify.js";
import { TimeIndexedProfile } from "./profile.js";
import { PRIORITY_RULES, priorityValues } from "./rules.js";
import { isPrecedenceFeasibleList, listFromPriorities, makespanOf, parallelSgs, serialSgs } from "./sgs.js";
import { solveRcpsp } from "./solve.js";
import { validateRcpspSchedule } from "./validate.js";
import { arbProblem } from "./__tests__/fixtures.js";

const runs = { numRuns: 150 };

describe("RCPSP engine properties", () => {
  it("serial SGS of any precedence-feasible list is feasible and never below the CPM length", () => {
    fc.assert(
      fc.property(arbProblem, fc.integer(), (p, seed) => {
        const inst = compileRcpsp(p);
        const list = listFromPriorities(inst, priorityValues(inst, "random", seed));
        expect(isPrecedenceFeasibleList(inst, list)).toBe(true);
        const s = serialSgs(inst, list);
        const v = validateRcpspSchedule(p, s);
        expect(v.violations).toEqual([]);
        expect(v.makespan).toBeGreaterThanOrEqual(inst.cpmLength);
      }),
      runs,
    );
  });

  it("parallel SGS is feasible for every priority rule", () => {
    fc.assert(
      fc.property(arbProblem, fc.constantFrom(...PRIORITY_RULES), (p, rule) => {
        const inst = compileRcpsp(p);
        expect(validateRcpspSchedule(p, parallelSgs(inst, priorityValues(inst, rule, 3))).violations).toEqual(
          [],
        );
      }),
      runs,
    );
  });

  it("justification passes keep schedules feasible and never increase the makespan", () => {
    fc.assert(
      fc.property(arbProblem, fc.integer(), (p, seed) => {
        const inst = compileRcpsp(p);
        const profile = new TimeIndexedProfile(inst);
        const ws = createJustifyWorkspace(inst);
        const s = serialSgs(inst, listFromPriorities(inst, priorityValues(inst, "random", seed)));
        const before = makespanOf(inst, s);
        justify(inst, s, "right", profile, ws);
        expect(validateRcpspSchedule(p, s).violations).toEqual([]);
        expect(makespanOf(inst, s)).toBeLessThanOrEqual(before);
        const after = justify(inst, s, "left", profile, ws);
        expect(validateRcpspSchedule(p, s).violations).toEqual([]);
        expect(after).toBe(makespanOf(inst, s));
        expect(after).toBeLessThanOrEqual(before);
      }),
      runs,
    );
  });

  it("the solver returns feasible schedules, respects the budget and is deterministic per seed", () => {
    fc.assert(
      fc.property(
        arbProblem,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom("bipop" as const, "ga" as const),
        fc.constantFrom(0, 0.5, 1),
        (p, budget, seed, strategy, peakRate) => {
          const inst = compileRcpsp(p);
          // The independent validator checks every schedule the search generates.
          let generated = 0;
          const onSchedule = (starts: Int32Array, makespan: number): void => {
            generated++;
            const w = validateRcpspSchedule(p, starts);
            expect(w.violations).toEqual([]);
            expect(w.makespan).toBe(makespan);
          };
          const a = solveRcpsp(inst, { maxSchedules: budget, seed, strategy, peakRate, onSchedule });
          expect(generated).toBe(a.schedules);
          const v = validateRcpspSchedule(p, a.starts);
          expect(v.violations).toEqual([]);
          expect(v.makespan).toBe(a.makespan);
          expect(a.makespan).toBeGreaterThanOrEqual(inst.lowerBound);
          expect(a.schedules).toBeLessThanOrEqual(budget);
          // Never worse than the single-pass LFT schedule it starts from.
          expect(a.makespan).toBeLessThanOrEqual(
            makespanOf(inst, parallelSgs(inst, priorityValues(inst, "LFT"))),
          );
          const b = solveRcpsp(compileRcpsp(p), { maxSchedules: budget, seed, strategy, peakRate });
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("the PRNG is deterministic and uniform enough", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.02);
    expect(new Rng(1).nextU32()).not.toBe(new Rng(2).nextU32());
  });
});
