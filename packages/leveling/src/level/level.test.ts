import { parsePortfolio, standardCalendar } from "@pmokit/core";
import { describe, expect, it } from "vitest";
import { mini } from "./__tests__/fixtures.js";
import {
  clearLeveling,
  findOverallocations,
  levelPortfolio,
  levelProject,
  leveledSchedule,
  resourceHistograms,
} from "./level.js";
import { optimizeLeveling } from "./optimize.js";

// Calendar: Mon-Fri 08:00-12:00, 13:00-17:00. 2026-01-05 is a Monday.
const MON = "2026-01-05T08:00:00";
const TUE = "2026-01-06T08:00:00";
const WED = "2026-01-07T08:00:00";
const THU = "2026-01-08T08:00:00";
const FRI = "2026-01-09T08:00:00";

function byId<T extends { id: string }>(list: readonly T[]): Record<string, T> {
  return Object.fromEntries(list.map((t) => [t.id, t]));
}

describe("levelProject: basics", () => {
  it("delays the second task on a busy resource and records and explains the delay", () => {
    const p = mini([
      { id: "A", days: 2, res: "R" },
      { id: "B", days: 1, res: "R" },
    ]);
    const r = levelProject(p);
    const t = byId(r.tasks);
    expect(t["A"]!.start).toBe(MON);
    expect(t["B"]!.start).toBe(WED);
    expect(t["B"]!.finish).toBe("2026-01-07T17:00:00");
    expect(t["B"]!.levelingDelayMinutes).toBe(960);
    expect(t["B"]!.explanation).toMatch(/B delayed 2d because resource R is busy with A/);
    expect(t["B"]!.delayedBy).toEqual({ resourceId: "R", taskIds: ["A"] });
    expect(r.finish).toBe("2026-01-07T17:00:00");
    expect(r.preLevelingFinish).toBe("2026-01-06T17:00:00");
    expect(r.remainingOverallocations).toEqual([]);
    expect(r.project.tasks.find((x) => x.id === "B")?.levelingDelay).toEqual({ value: 960, unit: "minutes" });
    expect(r.project.tasks.find((x) => x.id === "A")?.levelingDelay).toBeUndefined();
  });

  it("never breaks logic: a successor follows its delayed predecessor", () => {
    const p = mini(
      [
        { id: "A", days: 1, res: "R" },
        { id: "B", days: 1, res: "R" },
        { id: "C", days: 1 },
      ],
      [
        ["A", "B"],
        ["B", "C"],
      ],
    );
    const t = byId(levelProject(p).tasks);
    expect(t["C"]!.start).toBe(WED);
    expect(t["C"]!.levelingDelayMinutes).toBe(0);
  });
});

describe("leveling order (KB 197106)", () => {
  it("Standard: the task with more slack is delayed first", () => {
    // A -> C is the critical chain; B has 2 days of slack.
    const p = mini(
      [
        { id: "B", days: 1, res: "R" },
        { id: "A", days: 2, res: "R" },
        { id: "C", days: 1 },
      ],
      [["A", "C"]],
    );
    const t = byId(levelProject(p).tasks);
    expect(t["A"]!.start).toBe(MON);
    expect(t["B"]!.start).toBe(WED);
  });

  it("Standard: the task with the later start is delayed first", () => {
    const p = mini([
      { id: "A", days: 1, res: "R", constraint: { type: "SNET", date: TUE } },
      { id: "B", days: 2, res: "R" },
    ]);
    const t = byId(levelProject(p).tasks);
    expect(t["B"]!.start).toBe(MON);
    expect(t["A"]!.start).toBe(WED);
  });

  it("Standard: equal start and slack, the lower priority is delayed first", () => {
    const p = mini([
      { id: "A", days: 1, res: "R", priority: 300 },
      { id: "B", days: 1, res: "R", priority: 700 },
    ]);
    const t = byId(levelProject(p).tasks);
    expect(t["B"]!.start).toBe(MON);
    expect(t["A"]!.start).toBe(TUE);
  });

  it("Standard: all else equal, the higher ID is delayed first", () => {
    const p = mini([
      { id: "A", days: 1, res: "R" },
      { id: "B", days: 1, res: "R" },
    ]);
    const t = byId(levelProject(p).tasks);
    expect(t["A"]!.start).toBe(MON);
    expect(t["B"]!.start).toBe(TUE);
  });

  it("ID Only ignores slack and priority; Priority-Standard puts priority before slack", () => {
    const tasks = [
      { id: "A", days: 1, res: "R", priority: 100 },
      { id: "B", days: 2, res: "R", priority: 900 },
      { id: "C", days: 3 },
    ];
    const p = mini(tasks, [["A", "C"]]);
    const id = byId(levelProject(p, { order: "id" }).tasks);
    expect(id["A"]!.start).toBe(MON);
    expect(id["B"]!.start).toBe(TUE);
    const std = byId(levelProject(p, { order: "standard" }).tasks);
    expect(std["A"]!.start).toBe(MON); // A has less slack
    const ps = byId(levelProject(p, { order: "priorityStandard" }).tasks);
    expect(ps["B"]!.start).toBe(MON);
    expect(ps["A"]!.start).toBe(WED);
  });
});

describe("tasks that never move", () => {
  it("priority 1000 is never delayed, even when the order would delay it", () => {
    const p = mini([
      { id: "A", days: 1, res: "R" },
      { id: "B", days: 1, res: "R", priority: 1000 },
    ]);
    const t = byId(levelProject(p, { order: "id" }).tasks);
    expect(t["B"]!.start).toBe(MON);
    expect(t["B"]!.levelingDelayMinutes).toBe(0);
    expect(t["A"]!.start).toBe(TUE);
  });

  it("two priority-1000 tasks in conflict are reported, not moved", () => {
    const p = mini([
      { id: "A", days: 1, res: "R", priority: 1000 },
      { id: "B", days: 1, res: "R", priority: 1000 },
    ]);
    const r = levelProject(p);
    expect(r.tasks.map((t) => t.start)).toEqual([MON, MON]);
    expect(r.unresolved.map((u) => [u.taskId, u.resourceId, u.reason])).toContainEqual([
      "B",
      "R",
      "doNotLevel",
    ]);
    expect(r.remainingOverallocations).toHaveLength(1);
    expect(r.remainingOverallocations[0]).toMatchObject({
      resourceId: "R",
      from: "2026-01-05T00:00:00",
      to: "2026-01-06T00:00:00",
      peakUnits: 2,
      maxUnits: 1,
      taskIds: ["A", "B"],
    });
  });

  it("manually scheduled tasks keep their dates unless levelManualTasks is set", () => {
    const p = mini([
      { id: "A", days: 2, res: "R" },
      { id: "M", days: 1, res: "R", manual: [MON, "2026-01-05T17:00:00"] },
    ]);
    const t = byId(levelProject(p).tasks);
    expect(t["M"]!.start).toBe(MON);
    expect(t["A"]!.start).toBe(TUE);
    const t2 = byId(levelProject(p, { levelManualTasks: true }).tasks);
    expect(t2["A"]!.start).toBe(MON);
  });

  it("hard constraints: a Must-Start-On task stays, a Start-No-Later-Than task is not pushed past its date", () => {
    const p = mini([
      { id: "A", days: 2, res: "R" },
      { id: "B", days: 1, res: "R", constraint: { type: "MSO", date: MON } },
    ]);
    const t = byId(levelProject(p).tasks);
    expect(t["B"]!.start).toBe(MON);
    expect(t["A"]!.start).toBe(TUE);
    const q = mini([
      { id: "A", days: 2, res: "R" },
      { id: "B", days: 1, res: "R", constraint: { type: "SNLT", date: TUE } },
    ]);
    const r = levelProject(q, { order: "id" });
    const u = byId(r.tasks);
    expect(u["B"]!.start).toBe(MON);
    expect(r.unresolved).toContainEqual(expect.objectContaining({ taskId: "B", reason: "hardConstraint" }));
  });

  it("started tasks keep their dates", () => {
    const p = mini([
      { id: "A", days: 2, res: "R" },
      { id: "S", days: 1, res: "R", actualStart: MON },
    ]);
    const t = byId(levelProject(p).tasks);
    expect(t["S"]!.start).toBe(MON);
    expect(t["A"]!.start).toBe(TUE);
  });
});

describe("within slack and P6 float options", () => {
  it("level only within available slack never extends the finish and reports what it cannot resolve", () => {
    const p = mini([
      { id: "A", days: 4, res: "R" },
      { id: "B", days: 1, res: "R" },
    ]);
    const free = levelProject(p);
    expect(free.finish).toBe("2026-01-09T17:00:00");
    const r = levelProject(p, { withinSlack: true });
    expect(r.finish).toBe(r.preLevelingFinish);
    expect(r.unresolved).toEqual([
      expect.objectContaining({ taskId: "B", resourceId: "R", reason: "withinSlack" }),
    ]);
    expect(r.remainingOverallocations.length).toBeGreaterThan(0);
  });

  it("within slack delays a task with enough slack; P6 minimum preserved float limits the delay", () => {
    const p = mini([
      { id: "A", days: 2, res: "R" },
      { id: "B", days: 1, res: "R" },
      { id: "X", days: 5 },
    ]);
    const r = levelProject(p, { withinSlack: true });
    expect(byId(r.tasks)["B"]!.start).toBe(WED);
    expect(r.finish).toBe(r.preLevelingFinish);
    // B has 4 days of float; preserving 2.5 days leaves 1.5 days: not enough to wait for A.
    const q = levelProject(p, { withinSlack: true, preserveMinimumFloatMinutes: 1200 });
    expect(byId(q.tasks)["B"]!.start).toBe(MON);
    expect(q.unresolved).toContainEqual(expect.objectContaining({ taskId: "B", reason: "withinSlack" }));
  });

  it("P6 maximum over-allocation percent raises the limit", () => {
    const p = mini([
      { id: "A", days: 1, res: "R" },
      { id: "B", days: 1, res: "R" },
    ]);
    const r = levelProject(p, { maxOverallocationPercent: 100 });
    expect(r.tasks.map((t) => t.start)).toEqual([MON, MON]);
    expect(r.remainingOverallocations).toEqual([]);
  });
});

describe("period basis and varying max units", () => {
  const half = mini(
    [
      { id: "A", days: 0.5, res: "R" },
      { id: "B", days: 0.5, res: "R", constraint: { type: "SNET", date: MON } },
    ],
    [],
  );

  it("day by day: two parallel half days at 100 % are not an overallocation", () => {
    const r = levelProject(half, { periodBasis: "day" });
    expect(r.tasks.map((t) => t.start)).toEqual([MON, MON]);
    expect(findOverallocations(half, { periodBasis: "day" })).toEqual([]);
  });

  it("minute and hour basis detect and level them", () => {
    for (const basis of ["minute", "hour"] as const) {
      expect(findOverallocations(half, { periodBasis: basis }).length).toBeGreaterThan(0);
      const t = byId(levelProject(half, { periodBasis: basis }).tasks);
      expect(t["B"]!.start).toBe("2026-01-05T13:00:00");
    }
  });

  it("week basis hides a day overallocation that month basis also hides", () => {
    const p = mini([
      { id: "A", days: 1, res: "R" },
      { id: "B", days: 1, res: "R" },
    ]);
    expect(findOverallocations(p, { periodBasis: "day" })).toHaveLength(1);
    expect(findOverallocations(p, { periodBasis: "week" })).toEqual([]);
    expect(findOverallocations(p, { periodBasis: "month" })).toEqual([]);
  });

  it("max units varying over time (availability rows)", () => {
    const p = mini(
      [
        { id: "A", days: 2, res: "R" },
        { id: "B", days: 1, res: "R" },
      ],
      [],
      [{ id: "R", maxUnits: 1, availability: [{ from: "2026-01-06", units: 2 }] }],
    );
    const t = byId(levelProject(p).tasks);
    expect(t["B"]!.start).toBe(TUE);
  });

  it("a single assignment above max units cannot be resolved and is reported", () => {
    const p = mini([
      { id: "A", days: 1, res: [["R", 2]] },
      { id: "B", days: 1 },
    ]);
    const r = levelProject(p);
    expect(r.tasks[0]!.start).toBe(MON);
    expect(r.unresolved).toEqual([
      expect.objectContaining({ taskId: "A", resourceId: "R", reason: "aboveMaxUnits" }),
    ]);
    expect(r.remainingOverallocations[0]).toMatchObject({ resourceId: "R", peakUnits: 2, maxUnits: 1 });
  });
});

describe("individual assignments, range, stored delays, clear leveling", () => {
  const p = mini(
    [
      { id: "X", days: 2, res: "R" },
      {
        id: "T",
        days: 1,
        res: [
          ["R", 1],
          ["S", 1],
        ],
      },
    ],
    [],
    [{ id: "R" }, { id: "S" }],
  );

  it("levels individual assignments: the free resource starts, the busy one is delayed", () => {
    const r = levelProject(p, { order: "id" });
    const t = byId(r.tasks)["T"]!;
    expect(t.start).toBe(MON);
    expect(t.levelingDelayMinutes).toBe(0);
    expect(byId(t.assignments)["T-S"]).toMatchObject({ start: MON, levelingDelayMinutes: 0 });
    expect(byId(t.assignments)["T-R"]).toMatchObject({ start: WED, levelingDelayMinutes: 960 });
    expect(t.finish).toBe("2026-01-07T17:00:00");
    expect(r.project.assignments.find((a) => a.id === "T-R")?.levelingDelay).toEqual({
      value: 960,
      unit: "minutes",
    });
    const whole = byId(levelProject(p, { order: "id", levelIndividualAssignments: false }).tasks)["T"]!;
    expect(whole.start).toBe(WED);
    expect(whole.levelingDelayMinutes).toBe(960);
  });

  it("leveling range: only tasks starting inside from/to are delayed", () => {
    const q = mini([
      { id: "A", days: 1, res: "R" },
      { id: "B", days: 1, res: "R" },
      { id: "C", days: 1, res: "R", constraint: { type: "SNET", date: WED } },
      { id: "D", days: 1, res: "R", constraint: { type: "SNET", date: WED } },
    ]);
    const r = levelProject(q, { from: TUE, to: FRI });
    const t = byId(r.tasks);
    expect(t["B"]!.start).toBe(MON);
    expect(t["D"]!.start).toBe(THU);
    expect(r.unresolved).toContainEqual(expect.objectContaining({ taskId: "B", reason: "outsideRange" }));
  });

  it("clear first (default) drops stored delays; clearFirst false keeps them as minimum delays", () => {
    const q = mini([{ id: "A", days: 1, res: "R" }]);
    const stored = {
      ...q,
      tasks: q.tasks.map((t) => ({ ...t, levelingDelay: { value: 1, unit: "days" as const } })),
    };
    expect(levelProject(stored).tasks[0]!.start).toBe(MON);
    const kept = levelProject(stored, { clearFirst: false });
    expect(kept.tasks[0]!.start).toBe(TUE);
    expect(kept.tasks[0]!.levelingDelayMinutes).toBe(480);
    // MS Project stores leveling delay in elapsed days: 1 elapsed day from Monday 08:00 is Tuesday 08:00.
    const elapsed = {
      ...q,
      tasks: q.tasks.map((t) => ({ ...t, levelingDelay: { value: 1, unit: "elapsedDays" as const } })),
    };
    expect(leveledSchedule(elapsed).tasks[0]!.start).toBe(TUE);
  });

  it("clear leveling restores the pre-leveling dates exactly; stored delays replay the leveled dates", () => {
    const r = levelProject(p, { order: "id" });
    const replay = leveledSchedule(r.project);
    expect(replay.tasks.map((t) => [t.id, t.start, t.finish])).toEqual(
      r.tasks.map((t) => [t.id, t.start, t.finish]),
    );
    const cleared = leveledSchedule(clearLeveling(r.project));
    expect(cleared.tasks.map((t) => [t.start, t.finish])).toEqual(
      r.tasks.map((t) => [t.preLevelingStart, t.preLevelingFinish]),
    );
    expect(clearLeveling(r.project).tasks.every((t) => t.levelingDelay === undefined)).toBe(true);
  });

  it("rejects bad options", () => {
    expect(() => levelProject(p, { order: "fast" as never })).toThrow(/order/);
    expect(() => levelProject(p, { maxOverallocationPercent: -1 })).toThrow(/maxOverallocationPercent/);
  });
});

describe("several projects sharing a pool", () => {
  const portfolio = parsePortfolio({
    id: "pf",
    name: "PF",
    currency: "EUR",
    calendars: [standardCalendar("standard")],
    sharedResources: [{ id: "R", name: "Ann" }],
    projects: [
      {
        id: "LOW",
        name: "Low",
        priority: 300,
        settings: { currency: "EUR", defaultCalendarId: "standard", startDate: MON },
        tasks: [{ id: "1", name: "L1", duration: { value: 1, unit: "days" }, priority: 1000 - 1 }],
        assignments: [{ id: "a", taskId: "1", resourceId: "R" }],
      },
      {
        id: "HIGH",
        name: "High",
        priority: 900,
        settings: { currency: "EUR", defaultCalendarId: "standard", startDate: MON },
        tasks: [{ id: "1", name: "H1", duration: { value: 1, unit: "days" }, priority: 100 }],
        assignments: [{ id: "a", taskId: "1", resourceId: "R" }],
      },
    ],
  });

  it("project priority comes before task priority", () => {
    for (const order of ["standard", "priorityStandard"] as const) {
      const r = levelPortfolio(portfolio, { order });
      const t = byId(r.tasks);
      expect(t["HIGH/1"]!.start).toBe(MON);
      expect(t["LOW/1"]!.start).toBe(TUE);
      expect(byId(r.projects.map((x) => ({ ...x, id: x.projectId })))["LOW"]).toMatchObject({
        preLevelingFinish: "2026-01-05T17:00:00",
        finish: "2026-01-06T17:00:00",
        delayMinutes: 1440,
      });
    }
  });
});

describe("histograms and optimize", () => {
  it("resource histograms as plain data before and after leveling", () => {
    const p = mini([
      { id: "A", days: 1, res: "R" },
      { id: "B", days: 1, res: "R" },
    ]);
    const before = resourceHistograms(p, { periodBasis: "day" });
    expect(before).toEqual([
      {
        resourceId: "R",
        periods: [{ start: "2026-01-05T00:00:00", end: "2026-01-06T00:00:00", units: 2, capacity: 1 }],
      },
    ]);
    const after = resourceHistograms(levelProject(p).project, { periodBasis: "day" });
    expect(after[0]!.periods.map((x) => x.units)).toEqual([1, 1]);
  });

  it("optimize is never worse than Standard and keeps capacity", () => {
    const p = mini(
      [
        { id: "A", days: 1, res: "R" },
        { id: "B", days: 3, res: "S" },
        { id: "C", days: 3, res: "R" },
        {
          id: "D",
          days: 1,
          res: [
            ["R", 1],
            ["S", 1],
          ],
        },
        { id: "E", days: 2, res: "S" },
      ],
      [
        ["A", "B"],
        ["C", "E"],
      ],
      [{ id: "R" }, { id: "S" }],
    );
    const std = levelProject(p);
    const opt = optimizeLeveling(p, { maxSchedules: 40, seed: 3 });
    expect(opt.finish <= std.finish).toBe(true);
    expect(opt.optimization.standardFinish).toBe(std.finish);
    expect(opt.optimization.finishGainMinutes).toBeGreaterThanOrEqual(0);
    expect(opt.remainingOverallocations).toEqual([]);
    expect(optimizeLeveling(p, { maxSchedules: 40, seed: 3 }).tasks).toEqual(opt.tasks);
  });
});
