import { parseProject, standardCalendar } from "@pmokit/core";
import { describe, expect, it } from "vitest";
import { mini } from "./__tests__/fixtures.js";
import { clearLeveling, levelProject, leveledSchedule } from "./level.js";
import { optimizeLeveling } from "./optimize.js";

// Calendar: Mon-Fri 08:00-12:00, 13:00-17:00. 2026-01-05 is a Monday.
const MON = "2026-01-05T08:00:00";
const WED = "2026-01-07T08:00:00";

function byId<T extends { id: string }>(list: readonly T[]): Record<string, T> {
  return Object.fromEntries(list.map((t) => [t.id, t]));
}

describe("splits (leveling can create splits in remaining work)", () => {
  // B (5 d on R) would run Mon 5 - Fri 9; X (1 d on R, priority 1000, starts Wed 7) never moves.
  const p = mini([
    { id: "B", days: 5, res: "R" },
    { id: "X", days: 1, res: "R", priority: 1000, constraint: { type: "SNET", date: WED } },
  ]);

  it("splits a 5-day task around a priority-1000 task on day 3 instead of delaying it", () => {
    const r = levelProject(p, { allowSplits: true });
    const t = byId(r.tasks);
    // 16 h Mon-Tue, Wed is X's, 24 h Thu, Fri and the next Monday.
    expect(t["B"]!.start).toBe(MON);
    expect(t["B"]!.finish).toBe("2026-01-12T17:00:00");
    expect(t["B"]!.levelingDelayMinutes).toBe(0);
    const parts = [
      { start: MON, finish: "2026-01-06T17:00:00" },
      { start: "2026-01-08T08:00:00", finish: "2026-01-12T17:00:00" },
    ];
    expect(t["B"]!.parts).toEqual(parts);
    expect(t["B"]!.assignments[0]!.parts).toEqual(parts);
    expect(t["B"]!.explanation).toMatch(
      /B split into 2 parts because resource R is busy with X on 2026-01-07/,
    );
    expect(t["X"]!.start).toBe(WED);
    expect(r.remainingOverallocations).toEqual([]);
    expect(r.unresolved).toEqual([]);
    // The split is stored on the assignment (working minutes from its start) and replays exactly.
    expect(r.project.assignments.find((a) => a.id === "B-R")?.extensions).toEqual({
      "pmokit:levelingParts": [
        { offsetMinutes: 0, workMinutes: 960 },
        { offsetMinutes: 1440, workMinutes: 1440 },
      ],
    });
    const replay = leveledSchedule(r.project);
    expect(replay.tasks.map((x) => [x.id, x.start, x.finish, x.parts])).toEqual(
      r.tasks.map((x) => [x.id, x.start, x.finish, x.parts]),
    );
    expect(replay.remainingOverallocations).toEqual([]);
  });

  it("with splits off (the default) the whole task is delayed past the conflict", () => {
    const t = byId(levelProject(p).tasks);
    expect(t["B"]!.start).toBe("2026-01-08T08:00:00");
    expect(t["B"]!.finish).toBe("2026-01-14T17:00:00");
    expect(t["B"]!.levelingDelayMinutes).toBe(3 * 480);
    expect(t["B"]!.parts).toBeUndefined();
  });

  it("clear leveling removes the stored parts and restores the pre-leveling dates exactly", () => {
    const r = levelProject(p, { allowSplits: true });
    const cleared = clearLeveling(r.project);
    expect(cleared).toEqual(clearLeveling(p));
    expect(cleared.assignments.every((a) => a.extensions === undefined)).toBe(true);
    const again = leveledSchedule(cleared);
    expect(again.tasks.map((x) => [x.start, x.finish, x.parts])).toEqual(
      r.tasks.map((x) => [x.preLevelingStart, x.preLevelingFinish, undefined]),
    );
  });

  it("a task can refuse splits (pmokit:levelingCanSplit false, MSPDI LevelingCanSplit 0)", () => {
    for (const ext of [{ "pmokit:levelingCanSplit": 0 }, { mspdi: { LevelingCanSplit: "0" } }]) {
      const q = {
        ...p,
        tasks: p.tasks.map((t) => (t.id === "B" ? { ...t, extensions: ext } : t)),
      };
      const b = byId(levelProject(q, { allowSplits: true }).tasks)["B"]!;
      expect(b.start).toBe("2026-01-08T08:00:00");
      expect(b.parts).toBeUndefined();
    }
  });

  it("fills what a period has left: day by day a half-day conflict leaves the other half", () => {
    // X: 4 h on Monday morning (priority 1000); B: 1 d. Day by day, Monday has 4 h left for B;
    // hour by hour, only the afternoon is free.
    const q = mini([
      { id: "B", days: 1, res: "R" },
      { id: "X", days: 0.5, res: "R", priority: 1000 },
    ]);
    const day = byId(levelProject(q, { allowSplits: true }).tasks)["B"]!;
    expect(day.parts).toEqual([
      { start: MON, finish: "2026-01-05T12:00:00" },
      { start: "2026-01-06T08:00:00", finish: "2026-01-06T12:00:00" },
    ]);
    const hour = byId(levelProject(q, { allowSplits: true, periodBasis: "hour" }).tasks)["B"]!;
    expect([hour.start, hour.finish, hour.parts]).toEqual([
      "2026-01-05T13:00:00",
      "2026-01-06T12:00:00",
      undefined,
    ]);
    expect(hour.levelingDelayMinutes).toBe(240);
  });

  it("splits only within slack when asked, else the conflict is reported", () => {
    // C (1 d) follows B: B's late finish is C's late start.
    const q = mini(
      [
        { id: "B", days: 5, res: "R" },
        { id: "X", days: 1, res: "R", priority: 1000, constraint: { type: "SNET", date: WED } },
        { id: "L", days: 8, res: "S" },
      ],
      [],
      [{ id: "R" }, { id: "S" }],
    );
    // L makes the project 8 days long: B has 3 days of slack, the split costs one.
    const r = levelProject(q, { allowSplits: true, withinSlack: true });
    expect(byId(r.tasks)["B"]!.parts).toHaveLength(2);
    expect(r.finish).toBe("2026-01-14T17:00:00");
    const tight = mini([
      { id: "B", days: 5, res: "R" },
      { id: "X", days: 1, res: "R", priority: 1000, constraint: { type: "SNET", date: WED } },
    ]);
    const t = levelProject(tight, { allowSplits: true, withinSlack: true });
    expect(t.unresolved).toContainEqual(expect.objectContaining({ taskId: "B", reason: "withinSlack" }));
  });

  it("optimize mode honours splits and is never worse than Standard with splits", () => {
    const q = mini(
      [
        { id: "A", days: 3, res: "R" },
        { id: "B", days: 2, res: "R" },
        { id: "C", days: 4, res: "S" },
        {
          id: "D",
          days: 2,
          res: [
            ["R", 1],
            ["S", 0.5],
          ],
        },
      ],
      [["A", "C"]],
      [{ id: "R" }, { id: "S" }],
    );
    const std = levelProject(q, { allowSplits: true });
    const opt = optimizeLeveling(q, { allowSplits: true, maxSchedules: 30 });
    expect(opt.finish <= std.finish).toBe(true);
    expect(opt.remainingOverallocations).toEqual([]);
  });
});

describe("resource calendars stretch leveled assignments", () => {
  const calendars = [
    standardCalendar("std"),
    {
      id: "away",
      name: "Away Tuesday",
      parentId: "std",
      exceptions: [{ name: "Away", from: "2026-01-06", to: "2026-01-06", working: false }],
    },
  ];
  const project = parseProject({
    id: "p",
    name: "P",
    settings: { currency: "EUR", defaultCalendarId: "std", startDate: MON },
    calendars,
    tasks: [{ id: "T", name: "T", duration: { value: 2, unit: "days" } }],
    resources: [
      { id: "R", name: "R", calendarId: "std" },
      { id: "V", name: "V", calendarId: "away" },
    ],
    assignments: [
      { id: "t-r", taskId: "T", resourceId: "R" },
      { id: "t-v", taskId: "T", resourceId: "V" },
    ],
  });

  it("a vacation inside the task lengthens the assignment of the absent resource", () => {
    const r = levelProject(project);
    const t = r.tasks[0]!;
    const a = byId(t.assignments);
    expect([a["t-r"]!.start, a["t-r"]!.finish]).toEqual([MON, "2026-01-06T17:00:00"]);
    // V is away on Tuesday: its 2 days of work run Monday and Wednesday.
    expect([a["t-v"]!.start, a["t-v"]!.finish]).toEqual([MON, "2026-01-07T17:00:00"]);
    expect(t.finish).toBe("2026-01-07T17:00:00");
    expect(r.remainingOverallocations).toEqual([]);
    expect(leveledSchedule(r.project).tasks[0]!.finish).toBe(t.finish);
  });

  it("a delay onto the resource's day off lengthens the leveled task", () => {
    const q = parseProject({
      id: "q",
      name: "Q",
      settings: { currency: "EUR", defaultCalendarId: "std", startDate: MON },
      calendars,
      tasks: [
        { id: "A", name: "A", duration: { value: 1, unit: "days" } },
        { id: "T", name: "T", duration: { value: 2, unit: "days" } },
      ],
      resources: [{ id: "V", name: "V", calendarId: "away" }],
      assignments: [
        { id: "a-v", taskId: "A", resourceId: "V" },
        { id: "t-v", taskId: "T", resourceId: "V" },
      ],
    });
    // ID order: A keeps Monday; T waits for V, who is away on Tuesday: Wednesday and Thursday.
    const t = byId(levelProject(q, { order: "id" }).tasks);
    expect([t["T"]!.start, t["T"]!.finish]).toEqual(["2026-01-07T08:00:00", "2026-01-08T17:00:00"]);
    expect(t["T"]!.explanation).toMatch(/busy with A/);
  });

  it("ignoreResourceCalendar keeps the task's calendar", () => {
    const q = { ...project, tasks: project.tasks.map((t) => ({ ...t, ignoreResourceCalendar: true })) };
    expect(levelProject(q).tasks[0]!.finish).toBe("2026-01-06T17:00:00");
  });
});

describe("splits in the remaining work of started tasks", () => {
  // A (4 d on R) started Monday 5 and is 50% complete: 2 days of actual work (Mon-Tue), 2 days
  // remaining from its resume point Wed 7 08:00 (the status date). X (1 d on R, priority 1000)
  // is on Thu 8, inside A's remaining work.
  const STATUS = WED;
  const THU = "2026-01-08T08:00:00";
  const base = mini(
    [
      { id: "A", days: 4, res: "R", actualStart: MON },
      { id: "X", days: 1, res: "R", priority: 1000, constraint: { type: "SNET", date: THU } },
    ],
    [],
    [{ id: "R" }],
    {
      settings: {
        currency: "EUR",
        defaultCalendarId: "standard",
        startDate: MON,
        statusDate: STATUS,
      },
    },
  );
  const p = { ...base, tasks: base.tasks.map((t) => (t.id === "A" ? { ...t, percentComplete: 50 } : t)) };

  it("splits the remaining work around the priority-1000 task; the actual work stays", () => {
    const r = levelProject(p, { allowSplits: true });
    const t = byId(r.tasks);
    // Actual Mon-Tue + remaining Wed run on as one part to Wed 17:00; Thu is X's; the last day is Fri 9.
    const parts = [
      { start: MON, finish: "2026-01-07T17:00:00" },
      { start: "2026-01-09T08:00:00", finish: "2026-01-09T17:00:00" },
    ];
    expect(t["A"]!.start).toBe(MON);
    expect(t["A"]!.preLevelingFinish).toBe("2026-01-08T17:00:00");
    expect(t["A"]!.finish).toBe("2026-01-09T17:00:00");
    expect(t["A"]!.levelingDelayMinutes).toBe(0);
    expect(t["A"]!.parts).toEqual(parts);
    expect(t["A"]!.assignments[0]!.parts).toEqual(parts);
    expect(t["A"]!.explanation).toMatch(
      /A split into 2 parts because resource R is busy with X on 2026-01-08/,
    );
    expect(t["X"]!.start).toBe(THU);
    expect(r.unresolved).toEqual([]);
    expect(r.remainingOverallocations).toEqual([]);
    // Stored like any split: 3 working days from offset 0, then 1 day after the skipped Thursday.
    expect(r.project.assignments.find((a) => a.id === "A-R")?.extensions).toEqual({
      "pmokit:levelingParts": [
        { offsetMinutes: 0, workMinutes: 3 * 480 },
        { offsetMinutes: 4 * 480, workMinutes: 480 },
      ],
    });
    const replay = leveledSchedule(r.project);
    expect(replay.tasks.map((x) => [x.id, x.start, x.finish, x.parts])).toEqual(
      r.tasks.map((x) => [x.id, x.start, x.finish, x.parts]),
    );
    const cleared = clearLeveling(r.project);
    expect(cleared).toEqual(clearLeveling(p));
    expect(leveledSchedule(cleared).tasks.map((x) => [x.start, x.finish, x.parts])).toEqual(
      r.tasks.map((x) => [x.preLevelingStart, x.preLevelingFinish, undefined]),
    );
  });

  it("with splits off the started task keeps its dates and the conflict is reported", () => {
    const r = levelProject(p);
    const a = byId(r.tasks)["A"]!;
    expect([a.start, a.finish, a.parts]).toEqual([MON, "2026-01-08T17:00:00", undefined]);
    expect(r.unresolved.some((u) => u.taskId === "A" && u.reason === "started")).toBe(true);
    expect(r.remainingOverallocations.length).toBeGreaterThan(0);
  });

  it("a started task that refuses splits keeps its dates even with splits allowed", () => {
    const q = {
      ...p,
      tasks: p.tasks.map((t) => (t.id === "A" ? { ...t, extensions: { "pmokit:levelingCanSplit": 0 } } : t)),
    };
    const r = levelProject(q, { allowSplits: true });
    const a = byId(r.tasks)["A"]!;
    expect([a.start, a.finish, a.parts]).toEqual([MON, "2026-01-08T17:00:00", undefined]);
    expect(r.unresolved.some((u) => u.taskId === "A" && u.reason === "started")).toBe(true);
  });

  it("within slack, a critical started task keeps its dates and the conflict is reported", () => {
    const r = levelProject(p, { allowSplits: true, withinSlack: true });
    const a = byId(r.tasks)["A"]!;
    expect([a.start, a.finish, a.parts]).toEqual([MON, "2026-01-08T17:00:00", undefined]);
    // A cannot move within its (zero) slack; X, which never moves, then overlaps it as well.
    expect(r.unresolved.map((u) => [u.taskId, u.reason])).toEqual([
      ["A", "withinSlack"],
      ["X", "doNotLevel"],
    ]);
  });

  it("a conflict inside the actual work is reported, never moved", () => {
    const q = {
      ...p,
      tasks: p.tasks.map((t) =>
        t.id === "X" ? { ...t, constraint: { type: "SNET" as const, date: "2026-01-06T08:00:00" } } : t,
      ),
    };
    const r = levelProject(q, { allowSplits: true });
    const a = byId(r.tasks)["A"]!;
    expect(a.start).toBe(MON);
    expect(a.finish).toBe("2026-01-08T17:00:00");
    expect(r.unresolved.some((u) => u.taskId === "A" && u.reason === "started")).toBe(true);
  });
});
