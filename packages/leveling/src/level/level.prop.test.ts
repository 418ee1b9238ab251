import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MiniTask } from "./__tests__/fixtures.js";
import { mini } from "./__tests__/fixtures.js";
import { clearLeveling, levelProject, leveledSchedule } from "./level.js";
import type { LevelingOptions } from "./types.js";

/** Random small projects: forward FS links, 1-2 resources with 0.5 / 1 units, max units 1. */
const arbProject = fc
  .record({
    n: fc.integer({ min: 2, max: 8 }),
    seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 40, maxLength: 40 }),
  })
  .map(({ n, seed }) => {
    let i = 0;
    const next = (k: number): number => seed[i++ % seed.length]! % k;
    const tasks: MiniTask[] = [];
    for (let t = 0; t < n; t++) {
      const res: [string, number][] = [];
      const pick = next(4);
      if (pick !== 3) res.push([pick === 2 ? "S" : "R", next(2) === 0 ? 1 : 0.5]);
      if (pick === 2 && next(2) === 0) res.push(["R", 0.5]);
      tasks.push({
        id: `T${t}`,
        days: 0.5 * (1 + next(5)),
        res,
        ...(next(7) === 0 ? { priority: 800 } : {}),
      });
    }
    const links: [string, string][] = [];
    for (let b = 1; b < n; b++) if (next(3) === 0) links.push([`T${next(b)}`, `T${b}`]);
    return mini(tasks, links, [{ id: "R" }, { id: "S" }]);
  });

const arbOptions = fc.record({
  order: fc.constantFrom("id", "standard", "priorityStandard"),
  periodBasis: fc.constantFrom("minute", "hour", "day"),
  levelIndividualAssignments: fc.boolean(),
}) as fc.Arbitrary<LevelingOptions>;

describe("leveling properties", () => {
  it("never over capacity after leveling when nothing is reported unresolved", () => {
    fc.assert(
      fc.property(arbProject, arbOptions, (p, o) => {
        const r = levelProject(p, o);
        expect(r.unresolved).toEqual([]);
        expect(r.remainingOverallocations).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("never breaks logic: every FS successor starts after its predecessor finishes", () => {
    fc.assert(
      fc.property(arbProject, arbOptions, (p, o) => {
        const r = levelProject(p, o);
        const t = new Map(r.tasks.map((x) => [x.id, x]));
        for (const d of p.dependencies) expect(t.get(d.to)!.start >= t.get(d.from)!.finish).toBe(true);
        for (const x of r.tasks) expect(x.start >= x.preLevelingStart).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("clear leveling is an exact inverse; stored delays replay the leveled dates", () => {
    fc.assert(
      fc.property(arbProject, arbOptions, (p, o) => {
        const r = levelProject(p, o);
        const replay = leveledSchedule(r.project);
        expect(replay.tasks.map((t) => [t.start, t.finish])).toEqual(r.tasks.map((t) => [t.start, t.finish]));
        const cleared = leveledSchedule(clearLeveling(r.project));
        expect(cleared.tasks.map((t) => [t.start, t.finish])).toEqual(
          r.tasks.map((t) => [t.preLevelingStart, t.preLevelingFinish]),
        );
      }),
      { numRuns: 40 },
    );
  });
});
