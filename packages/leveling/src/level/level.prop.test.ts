import { standardCalendar } from "@pmokit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MiniTask } from "./__tests__/fixtures.js";
import { mini } from "./__tests__/fixtures.js";
import { clearLeveling, levelProject, leveledSchedule } from "./level.js";
import type { LevelingOptions, LevelingResult } from "./types.js";

/** Random small projects: forward FS links, 1-2 resources with 0.5 / 1 units, max units 1. */
const arbProjectWith = (prefix: fc.Arbitrary<MiniTask[]>) =>
  fc
    .record({
      n: fc.integer({ min: 2, max: 8 }),
      seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 40, maxLength: 40 }),
      away: fc.boolean(),
      prefix,
    })
    .map(({ n, seed, away, prefix }) => {
      let i = 0;
      const next = (k: number): number => seed[i++ % seed.length]! % k;
      const tasks: MiniTask[] = [...prefix];
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
      // With `away`, S works on its own calendar (off on Wednesday 2026-01-07, and so is R on "std2"):
      // tasks using both run each assignment on its resource's calendar.
      if (!away) return mini(tasks, links, [{ id: "R" }, { id: "S" }]);
      return mini(
        tasks,
        links,
        [
          { id: "R", calendarId: "standard" },
          { id: "S", calendarId: "away" },
        ],
        {
          calendars: [
            standardCalendar("standard"),
            {
              id: "away",
              name: "Away",
              parentId: "standard",
              exceptions: [{ name: "off", from: "2026-01-07", to: "2026-01-07", working: false }],
            },
          ],
        },
      );
    });
const arbProject = arbProjectWith(fc.constant([]));

const arbOptions = fc.record({
  order: fc.constantFrom("id", "standard", "priorityStandard"),
  periodBasis: fc.constantFrom("minute", "hour", "day"),
  levelIndividualAssignments: fc.boolean(),
  allowSplits: fc.boolean(),
}) as fc.Arbitrary<LevelingOptions>;

/**
 * Independent capacity check on the result's own dates (no engine code): every assignment's
 * working hours (its parts, or start..finish) on the standard calendar (S off on 2026-01-07 when
 * `away`), summed per resource and per hour (minute / hour basis) or per day (day basis); max units 1.
 */
function overCapacity(
  r: LevelingResult,
  units: ReadonlyMap<string, number>,
  basis: string,
  away: boolean,
): string[] {
  const min = (x: string): number => Date.parse(`${x}Z`) / 60000;
  const load = new Map<string, number>();
  for (const t of r.tasks)
    for (const a of t.assignments) {
      const u = units.get(a.id) ?? 0;
      for (const part of a.parts ?? [{ start: a.start, finish: a.finish }])
        for (let h = min(part.start); h < min(part.finish); h += 60) {
          const d = new Date(h * 60000);
          const dow = d.getUTCDay();
          const hour = d.getUTCHours();
          const day = d.toISOString().slice(0, 10);
          if (dow === 0 || dow === 6 || hour < 8 || hour >= 17 || hour === 12) continue;
          if (away && a.resourceId === "S" && day === "2026-01-07") continue;
          const key = `${a.resourceId}|${basis === "day" ? day : String(h)}`;
          load.set(key, (load.get(key) ?? 0) + u * 60);
        }
    }
  const cap = basis === "day" ? 480 : 60;
  return [...load].filter(([, v]) => v > cap + 1e-6).map(([k]) => k);
}
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
        expect(replay.tasks.map((t) => [t.start, t.finish, t.parts])).toEqual(
          r.tasks.map((t) => [t.start, t.finish, t.parts]),
        );
        expect(replay.remainingOverallocations).toEqual(r.remainingOverallocations);
        expect(clearLeveling(r.project)).toEqual(clearLeveling(p));
        const cleared = leveledSchedule(clearLeveling(r.project));
        expect(cleared.tasks.map((t) => [t.start, t.finish])).toEqual(
          r.tasks.map((t) => [t.preLevelingStart, t.preLevelingFinish]),
        );
      }),
      { numRuns: 40 },
    );
  });

  it("split parts are ordered, disjoint, inside the task and hold the assignment's whole work", () => {
    fc.assert(
      fc.property(arbProject, arbOptions, (p, o) => {
        const r = levelProject(p, { ...o, allowSplits: true });
        const units = new Map(p.assignments.map((a) => [a.id, a.units]));
        const away = p.resources.some((x) => x.calendarId === "away");
        expect(overCapacity(r, units, o.periodBasis ?? "day", away)).toEqual([]);
        // The checker does see overallocations: the unleveled schedule of the same project.
        const unleveled = leveledSchedule(p, o);
        if (unleveled.remainingOverallocations.length > 0 && o.periodBasis === "day")
          expect(overCapacity(unleveled, units, "day", away)).not.toEqual([]);
        expect(r.unresolved).toEqual([]);
        expect(r.remainingOverallocations).toEqual([]);
        for (const t of r.tasks) {
          for (const a of t.assignments) {
            if (a.parts === undefined) continue;
            expect(a.parts.length).toBeGreaterThan(1);
            expect(a.parts[0]!.start).toBe(a.start);
            expect(a.parts[a.parts.length - 1]!.finish).toBe(a.finish);
            for (let i = 0; i < a.parts.length; i++) {
              expect(a.parts[i]!.start < a.parts[i]!.finish).toBe(true);
              if (i > 0) expect(a.parts[i - 1]!.finish < a.parts[i]!.start).toBe(true);
            }
            expect(a.start >= t.start && a.finish <= t.finish).toBe(true);
            // The work is unchanged: the stored parts add up to the task's working minutes (8 h days).
            const stored = r.project.assignments.find((x) => x.id === a.id)!.extensions?.[
              "pmokit:levelingParts"
            ] as { workMinutes: number }[];
            const days = p.tasks.find((x) => x.id === t.id)!.duration.value;
            expect(stored.reduce((s, x) => s + x.workMinutes, 0)).toBe(days * 480);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("leveling properties with a started task (splits in remaining work)", () => {
  // A (4 d on R) started on Monday 5; X (priority 1000 on R) starts 1-4 days later, after A's
  // actual work (A is at most as complete as the days before X allow), so only A's remaining work
  // can meet it. The other tasks are random, as above.
  const arbStarted = fc
    .record({
      dd: fc.integer({ min: 1, max: 4 }),
      half: fc.boolean(),
      tenths: fc.integer({ min: 1, max: 10 }),
    })
    .chain(({ dd, half, tenths }) => {
      const pc = 10 * Math.max(1, Math.min(tenths, Math.floor(dd * 2.5)));
      const prefix: MiniTask[] = [
        { id: "A", days: 4, res: "R", actualStart: "2026-01-05T08:00:00" },
        {
          id: "X",
          days: half ? 0.5 : 1,
          res: "R",
          priority: 1000,
          constraint: { type: "SNET", date: `2026-01-0${5 + dd}T08:00:00` },
        },
      ];
      return arbProjectWith(fc.constant(prefix)).map((p) => ({
        ...p,
        tasks: p.tasks.map((t) => (t.id === "A" ? { ...t, percentComplete: pc } : t)),
      }));
    });

  it("keeps the actual work, never over capacity, keeps logic, and clears exactly", () => {
    fc.assert(
      fc.property(arbStarted, arbOptions, (p, o) => {
        const r = levelProject(p, { ...o, allowSplits: true });
        const units = new Map(p.assignments.map((a) => [a.id, a.units]));
        const away = p.resources.some((x) => x.calendarId === "away");
        expect(r.unresolved).toEqual([]);
        expect(r.remainingOverallocations).toEqual([]);
        expect(overCapacity(r, units, o.periodBasis ?? "day", away)).toEqual([]);
        const t = new Map(r.tasks.map((x) => [x.id, x]));
        const a = t.get("A")!;
        expect(a.start).toBe(a.preLevelingStart);
        expect(a.finish >= a.preLevelingFinish).toBe(true);
        for (const d of p.dependencies) expect(t.get(d.to)!.start >= t.get(d.from)!.finish).toBe(true);
        const replay = leveledSchedule(r.project);
        expect(replay.tasks.map((x) => [x.start, x.finish, x.parts])).toEqual(
          r.tasks.map((x) => [x.start, x.finish, x.parts]),
        );
        expect(clearLeveling(r.project)).toEqual(clearLeveling(p));
        expect(leveledSchedule(clearLeveling(r.project)).tasks.map((x) => [x.start, x.finish])).toEqual(
          r.tasks.map((x) => [x.preLevelingStart, x.preLevelingFinish]),
        );
        // With splits off the same started task keeps its dates.
        const off = levelProject(p, { ...o, allowSplits: false }).tasks.find((x) => x.id === "A")!;
        expect([off.start, off.finish, off.parts]).toEqual([
          a.preLevelingStart,
          a.preLevelingFinish,
          undefined,
        ]);
      }),
      { numRuns: 60 },
    );
  });
});
