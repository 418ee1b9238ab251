import { describe, expect, it } from "vitest";
import { standardCalendar } from "../calendar/presets.js";
import { isPmokitError } from "../errors.js";
import { parseProject } from "../model/parse.js";
import type { ProjectInput } from "../model/project.js";
import { schedule } from "./schedule.js";
import type { ScheduleOptions } from "./options.js";

const day = (value: number) => ({ value, unit: "days" as const });

function project(
  tasks: ProjectInput["tasks"],
  dependencies: ProjectInput["dependencies"] = [],
  settings: Partial<ProjectInput["settings"]> = {},
) {
  return parseProject({
    id: "p",
    name: "P",
    settings: {
      currency: "EUR",
      defaultCalendarId: "standard",
      startDate: "2014-10-17T08:00:00",
      ...settings,
    },
    calendars: [standardCalendar()],
    tasks,
    dependencies,
  });
}

function run(p: ReturnType<typeof project>, o: ScheduleOptions = {}) {
  const r = schedule(p, o);
  return Object.fromEntries(r.tasks.map((t) => [t.id, t]));
}

describe("schedule: the task-links worked check (standard calendar, 1-day tasks)", () => {
  // The network of MPXJ's task-links test, described in shared/data/mspdi/README.md.
  const pairs: [string, string, "FS" | "SS" | "FF" | "SF", number, "days" | "weeks"][] = [
    ["1", "2", "FS", 0, "days"],
    ["3", "4", "FS", 1, "days"],
    ["5", "6", "FS", 2, "days"],
    ["7", "8", "FS", 1, "weeks"],
    ["9", "10", "FS", 2, "weeks"],
    ["11", "12", "SF", 2, "days"],
    ["13", "14", "SS", 2, "days"],
    ["15", "16", "FF", 2, "days"],
  ];
  const tasks = pairs.flatMap(([a, b]) => [
    { id: a, name: a, duration: day(1) },
    { id: b, name: b, duration: day(1) },
  ]);
  const deps = pairs.map(([from, to, type, v, unit]) => ({ from, to, type, lag: { value: v, unit } }));
  const r = run(project(tasks, deps));

  it("reproduces MS Project's early and late dates", () => {
    expect(r["2"]!.earlyStart).toBe("2014-10-20T08:00:00");
    expect(r["4"]!.earlyStart).toBe("2014-10-21T08:00:00");
    expect(r["8"]!.earlyStart).toBe("2014-10-27T08:00:00");
    expect(r["10"]!.earlyFinish).toBe("2014-11-03T17:00:00");
    expect(r["12"]!.earlyStart).toBe("2014-10-20T08:00:00");
    expect(r["14"]!.earlyStart).toBe("2014-10-21T08:00:00");
    expect(r["16"]!.earlyStart).toBe("2014-10-21T08:00:00");
    expect(r["11"]!.lateStart).toBe("2014-10-31T08:00:00");
    expect(r["13"]!.lateStart).toBe("2014-10-30T08:00:00");
    expect(r["1"]!.lateFinish).toBe("2014-10-31T17:00:00");
  });

  it("reproduces total and free slack", () => {
    const ts = (id: string) => r[id]!.totalSlackMinutes;
    expect([ts("1"), ts("2"), ts("11"), ts("12")]).toEqual([4800, 4800, 4800, 4800]);
    expect([ts("3"), ts("4"), ts("13"), ts("14"), ts("15"), ts("16")]).toEqual([
      4320, 4320, 4320, 4320, 4320, 4320,
    ]);
    expect([ts("5"), ts("6"), ts("7"), ts("8"), ts("9"), ts("10")]).toEqual([3840, 3840, 2400, 2400, 0, 0]);
    expect(r["1"]!.freeSlackMinutes).toBe(0);
    expect(r["2"]!.freeSlackMinutes).toBe(4800);
    expect(r["9"]!.critical && r["10"]!.critical && !r["1"]!.critical).toBe(true);
    expect(r["10"]!.drivingPredecessors).toEqual(["9"]);
  });
});

describe("schedule: constraints, deadlines, ALAP", () => {
  const tasks = [
    { id: "A", name: "A", duration: day(2) },
    { id: "B", name: "B", duration: day(3) },
    { id: "C", name: "C", duration: day(1) },
  ];
  const deps = [
    { from: "A", to: "B" },
    { from: "A", to: "C" },
  ];

  it("SNET pushes, FNLT pulls earlier in MS Project and gives negative slack", () => {
    const p = project(
      [
        ...tasks.slice(0, 2),
        { id: "C", name: "C", duration: day(1), constraint: { type: "SNET", date: "2014-10-27T08:00:00" } },
      ],
      deps,
    );
    const r = run(p);
    expect(r["C"]!.earlyStart).toBe("2014-10-27T08:00:00");
    const p2 = project(
      [
        tasks[0]!,
        { id: "B", name: "B", duration: day(3), constraint: { type: "FNLT", date: "2014-10-21T17:00:00" } },
        tasks[2]!,
      ],
      deps,
    );
    const r2 = run(p2);
    expect(r2["B"]!.earlyFinish).toBe("2014-10-21T17:00:00"); // pulled against logic
    expect(r2["A"]!.totalSlackMinutes).toBe(-2 * 480); // the predecessor carries the conflict
    const r3 = run(p2, { dialect: "p6" });
    expect(r3["B"]!.earlyFinish).toBe("2014-10-23T17:00:00"); // P6: on-or-before affects late dates only
    expect(r3["B"]!.totalSlackMinutes).toBe(-2 * 480);
    expect(r3["A"]!.totalSlackMinutes).toBe(-2 * 480);
  });

  it("a deadline caps the late finish", () => {
    const p = project([tasks[0]!, { ...tasks[1]!, deadline: "2014-10-22T17:00:00" }, tasks[2]!], deps);
    const r = run(p);
    expect(r["B"]!.lateFinish).toBe("2014-10-22T17:00:00");
    expect(r["B"]!.totalSlackMinutes).toBe(-480);
    expect(r["B"]!.earlyFinish).toBe("2014-10-23T17:00:00");
  });

  it("ALAP: MS Project places the task at its late dates, P6 consumes free float", () => {
    const p = project([tasks[0]!, tasks[1]!, { ...tasks[2]!, constraint: { type: "ALAP" } }], deps);
    const r = run(p);
    expect(r["C"]!.start).toBe("2014-10-23T08:00:00");
    expect(r["C"]!.totalSlackMinutes).toBe(0);
    const r6 = run(p, { dialect: "p6" });
    expect(r6["C"]!.earlyStart).toBe("2014-10-23T08:00:00");
  });
});

describe("schedule: structure and errors", () => {
  it("rolls summaries up and applies links on summaries to their leaves", () => {
    const p = project(
      [
        { id: "S", name: "Phase" },
        { id: "A", name: "A", parentId: "S", duration: day(2) },
        { id: "B", name: "B", parentId: "S", duration: day(1) },
        { id: "C", name: "C", duration: day(1) },
      ].map((t) => ({ duration: day(0), ...t })),
      [{ from: "S", to: "C" }],
    );
    const r = run(p);
    expect(r["S"]!.summary).toBe(true);
    expect(r["S"]!.earlyFinish).toBe("2014-10-20T17:00:00");
    expect(r["C"]!.earlyStart).toBe("2014-10-21T08:00:00");
  });

  it("skips inactive tasks", () => {
    const p = project(
      [
        { id: "A", name: "A", duration: day(5), inactive: true },
        { id: "B", name: "B", duration: day(1) },
      ],
      [{ from: "A", to: "B" }],
    );
    const r = run(p);
    expect(r["A"]).toBeUndefined();
    expect(r["B"]!.earlyStart).toBe("2014-10-17T08:00:00");
  });

  it("places an MS Project milestone at the end of its predecessor's working day", () => {
    const p = project(
      [
        { id: "A", name: "A", duration: day(1) },
        { id: "M", name: "M", duration: day(0), milestone: true },
        { id: "B", name: "B", duration: day(1) },
      ],
      [
        { from: "A", to: "M" },
        { from: "M", to: "B" },
      ],
    );
    const r = run(p);
    expect(r["M"]!.earlyStart).toBe("2014-10-17T17:00:00");
    expect(r["B"]!.earlyStart).toBe("2014-10-20T08:00:00");
  });

  it("reports a cycle with the ids of its tasks", () => {
    const base = project(
      ["A", "B", "C"].map((id) => ({ id, name: id, duration: day(1) })),
      [
        { from: "A", to: "B" },
        { from: "B", to: "C" },
      ],
    );
    const lag = day(0);
    const p = {
      ...base,
      dependencies: [...base.dependencies, { from: "C", to: "B", type: "FS" as const, lag }],
    };
    try {
      schedule(p);
      expect.unreachable();
    } catch (e) {
      expect(isPmokitError(e) && e.code).toBe("CYCLE_DETECTED");
      expect(isPmokitError(e) && [...(e.details.ids ?? [])].sort()).toEqual(["B", "C"]);
    }
  });

  it("rejects a link to a missing task", () => {
    const p = project([{ id: "A", name: "A", duration: day(1) }], []);
    const withLink = { ...p, dependencies: [{ from: "A", to: "Z", type: "FS" as const, lag: day(0) }] };
    expect(() => schedule(withLink)).toThrow(/Z/);
  });

  it("uses the actual start of a started task and the data date in P6", () => {
    const p = project(
      [
        {
          id: "A",
          name: "A",
          duration: day(4),
          actualStart: "2014-10-17T08:00:00",
          remainingDuration: day(2),
        },
        { id: "B", name: "B", duration: day(1) },
      ],
      [{ from: "A", to: "B" }],
      { statusDate: "2014-10-22T08:00:00" },
    );
    const msp = run(p);
    expect(msp["A"]!.earlyFinish).toBe("2014-10-22T17:00:00");
    const p6 = run(p, { dialect: "p6" });
    expect(p6["A"]!.earlyStart).toBe("2014-10-22T08:00:00");
    expect(p6["A"]!.earlyFinish).toBe("2014-10-23T17:00:00");
    expect(p6["B"]!.earlyStart).toBe("2014-10-24T08:00:00");
  });

  it("P6: a level-of-effort activity spans its links and never drives; a WBS summary spans its node", () => {
    const p = project(
      [
        { id: "W", name: "Phase" },
        { id: "A", name: "A", parentId: "W", duration: day(5) },
        { id: "B", name: "B", parentId: "W", duration: day(3) },
        {
          id: "L",
          name: "Supervision",
          parentId: "W",
          duration: day(1),
          activityType: "levelOfEffort" as const,
        },
        {
          id: "WS",
          name: "WBS summary",
          parentId: "W",
          duration: day(0),
          activityType: "wbsSummary" as const,
        },
      ].map((t) => ({ duration: day(0), ...t })),
      [
        { from: "A", to: "B" },
        { from: "A", to: "L", type: "SS" as const },
        { from: "L", to: "B", type: "FF" as const },
      ],
    );
    const r = run(p, { dialect: "p6" });
    expect(r["L"]!.earlyStart).toBe(r["A"]!.earlyStart);
    expect(r["L"]!.earlyFinish).toBe(r["B"]!.earlyFinish);
    expect(r["B"]!.earlyStart).toBe("2014-10-24T08:00:00");
    expect(r["WS"]!.earlyStart).toBe(r["A"]!.earlyStart);
    expect(r["WS"]!.earlyFinish).toBe(r["B"]!.earlyFinish);
  });

  it("rejects contradictory primary and secondary constraints", () => {
    const p = project([
      {
        id: "A",
        name: "A",
        duration: day(2),
        constraint: { type: "SNET", date: "2014-10-24T08:00:00" },
        secondaryConstraint: { type: "FNLT", date: "2014-10-21T17:00:00" },
      },
    ]);
    try {
      schedule(p, { dialect: "p6" });
      expect.unreachable();
    } catch (e) {
      expect(isPmokitError(e) && e.code).toBe("IMPOSSIBLE_CONSTRAINT");
      expect(isPmokitError(e) && e.details.ids).toEqual(["A"]);
    }
  });
});
