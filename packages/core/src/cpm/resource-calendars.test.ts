import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCalendar, compileCalendars } from "../calendar/compile.js";
import { standardCalendar } from "../calendar/presets.js";
import { parseProject } from "../model/parse.js";
import type { ProjectInput } from "../model/project.js";
import { fromEpochMinute, toEpochMinute } from "../time/local.js";
import { combineCalendars } from "./combined-calendar.js";
import { displayDates } from "./dates.js";
import { compileNetworkInput } from "./network.js";
import type { LinkKind } from "./network.js";
import type { WorkingCalendar } from "../calendar/types.js";
import { runPasses } from "./passes.js";
import { compileNetwork, schedule } from "./schedule.js";
import type { ScheduleOptions } from "./options.js";

const day = (value: number) => ({ value, unit: "days" as const });
const off = { working: false } as const;

// Calendars: std (Mon-Fri 8-12, 13-17); 4d (std without Friday); tuefri (std without Monday);
// vacation (std with 2026-01-07..08 off); night (Mon-Fri 18:00-22:00, no overlap with std).
const CALENDARS: ProjectInput["calendars"] = [
  standardCalendar("std"),
  { id: "4d", name: "Four days", parentId: "std", weekDays: { friday: off } },
  { id: "tuefri", name: "Tue-Fri", parentId: "std", weekDays: { monday: off } },
  {
    id: "vacation",
    name: "Vacation",
    parentId: "std",
    exceptions: [{ name: "Away", from: "2026-01-07", to: "2026-01-08", working: false }],
  },
  {
    id: "night",
    name: "Night",
    parentId: "std",
    weekDays: Object.fromEntries(
      ["monday", "tuesday", "wednesday", "thursday", "friday"].map((d) => [
        d,
        { working: true, times: [{ from: "18:00", to: "22:00" }] },
      ]),
    ),
  },
];

function project(
  tasks: ProjectInput["tasks"],
  resources: ProjectInput["resources"],
  assignments: ProjectInput["assignments"],
  dependencies: ProjectInput["dependencies"] = [],
  startDate = "2026-01-08T08:00:00",
) {
  return parseProject({
    id: "p",
    name: "P",
    settings: { currency: "EUR", defaultCalendarId: "std", startDate },
    calendars: CALENDARS,
    tasks,
    resources,
    assignments,
    dependencies,
  });
}

function run(p: ReturnType<typeof project>, o: ScheduleOptions = {}) {
  const r = schedule(p, o);
  return { r, t: Object.fromEntries(r.tasks.map((x) => [x.id, x])) };
}

describe("resource calendars: one assignment", () => {
  it("a resource on a four-day week: a 3-day task from Thursday works Thu, Mon, Tue", () => {
    const { t } = run(
      project(
        [{ id: "A", name: "A", duration: day(3) }],
        [{ id: "R", name: "R", calendarId: "4d" }],
        [{ id: "a", taskId: "A", resourceId: "R" }],
      ),
    );
    expect(t["A"]!.earlyStart).toBe("2026-01-08T08:00:00");
    expect(t["A"]!.earlyFinish).toBe("2026-01-13T17:00:00");
  });

  it("a resource vacation inside the task pushes its finish", () => {
    const { t } = run(
      project(
        [{ id: "A", name: "A", duration: day(3) }],
        [{ id: "R", name: "R", calendarId: "vacation" }],
        [{ id: "a", taskId: "A", resourceId: "R" }],
        [],
        "2026-01-05T08:00:00",
      ),
    );
    // Mon 5, Tue 6, (Wed 7, Thu 8 away), Fri 9
    expect(t["A"]!.earlyFinish).toBe("2026-01-09T17:00:00");
  });

  it("material and cost resources do not drive the task", () => {
    const { t } = run(
      project(
        [{ id: "A", name: "A", duration: day(3) }],
        [{ id: "M", name: "Concrete", type: "material", calendarId: "4d" }],
        [{ id: "a", taskId: "A", resourceId: "M" }],
      ),
    );
    // Thu 8, Fri 9, Mon 12 on the project calendar
    expect(t["A"]!.earlyFinish).toBe("2026-01-12T17:00:00");
  });

  it("a task calendar with a resource calendar: their common working time, unless ignored", () => {
    const tasks = (ignore: boolean): ProjectInput["tasks"] => [
      { id: "A", name: "A", duration: day(2), calendarId: "4d", ignoreResourceCalendar: ignore },
    ];
    const res = [{ id: "R", name: "R", calendarId: "tuefri" }];
    const asg = [{ id: "a", taskId: "A", resourceId: "R" }];
    // Mon-Thu ∩ Tue-Fri = Tue-Thu: from Mon 5 → Tue 6, Wed 7
    const both = run(project(tasks(false), res, asg, [], "2026-01-05T08:00:00")).t;
    expect(both["A"]!.earlyStart).toBe("2026-01-06T08:00:00");
    expect(both["A"]!.earlyFinish).toBe("2026-01-07T17:00:00");
    const only = run(project(tasks(true), res, asg, [], "2026-01-05T08:00:00")).t;
    expect(only["A"]!.earlyFinish).toBe("2026-01-06T17:00:00");
  });

  it("no common working time: a warning, and the task calendar is used", () => {
    const { r, t } = run(
      project(
        [{ id: "A", name: "A", duration: day(1), calendarId: "std" }],
        [{ id: "R", name: "R", calendarId: "night" }],
        [{ id: "a", taskId: "A", resourceId: "R" }],
      ),
    );
    expect(r.warnings.map((w) => w.code)).toContain("NO_COMMON_WORKING_TIME");
    expect(r.warnings.find((w) => w.code === "NO_COMMON_WORKING_TIME")!.ids).toEqual(["A", "R"]);
    expect(t["A"]!.earlyFinish).toBe("2026-01-08T17:00:00");
  });

  it("P6: a resource-dependent activity uses the resource calendar, a task-dependent one does not", () => {
    const p = (activityType: "resourceDependent" | "task") =>
      project(
        [{ id: "A", name: "A", duration: day(3), activityType }],
        [{ id: "R", name: "R", calendarId: "4d" }],
        [{ id: "a", taskId: "A", resourceId: "R" }],
      );
    expect(run(p("resourceDependent"), { dialect: "p6" }).t["A"]!.earlyFinish).toBe("2026-01-13T17:00:00");
    expect(run(p("task"), { dialect: "p6" }).t["A"]!.earlyFinish).toBe("2026-01-12T17:00:00");
  });
});

describe("resource calendars: several resources on different calendars", () => {
  // R1 on std works 2 days (16 h at 100 %); R2 on the four-day week works 12 h at 50 % = 24 h = 3 days.
  const tasks: ProjectInput["tasks"] = [
    { id: "A", name: "A", duration: day(4) },
    { id: "B", name: "B", duration: day(1) },
    { id: "C", name: "C", duration: day(8) },
  ];
  const resources = [
    { id: "R1", name: "R1", calendarId: "std" },
    { id: "R2", name: "R2", calendarId: "4d" },
  ];
  const assignments = [
    { id: "a1", taskId: "A", resourceId: "R1", units: 1, work: 960 },
    { id: "a2", taskId: "A", resourceId: "R2", units: 0.5, work: 720 },
  ];
  const deps = [{ from: "A", to: "B" }];
  const p = project(tasks, resources, assignments, deps);

  it("each assignment runs on its own calendar; the task finishes with the last one", () => {
    const { t, r } = run(p);
    // R1: Thu 8, Fri 9 → Fri 17:00; R2 (Mon-Thu): Thu 8, Mon 12, Tue 13 → Tue 17:00
    expect(t["A"]!.earlyStart).toBe("2026-01-08T08:00:00");
    expect(t["A"]!.earlyFinish).toBe("2026-01-13T17:00:00");
    expect(t["B"]!.earlyStart).toBe("2026-01-14T08:00:00");
    expect(t["B"]!.earlyFinish).toBe("2026-01-14T17:00:00");
    // C (8 days from Thu 8 on std) finishes Mon 19 17:00 and sets the project finish.
    expect(r.projectFinish).toBe("2026-01-19T17:00:00");
    // B's late finish is the project finish, so A must finish by Fri 16 17:00. Latest starts: R1
    // (2 days on std) Thu 15 08:00; R2 (3 days on Mon-Thu, last working minute Thu 15 17:00)
    // Tue 13 08:00. The task's late start is the earlier one.
    expect(t["B"]!.lateFinish).toBe("2026-01-19T17:00:00");
    expect(t["A"]!.lateFinish).toBe("2026-01-16T17:00:00");
    expect(t["A"]!.lateStart).toBe("2026-01-13T08:00:00");
    // Slack on the union calendar (here Mon-Fri): Thu 8 → Tue 13 and Tue 13 → Fri 16: 3 days each.
    expect(t["A"]!.startSlackMinutes).toBe(3 * 480);
    expect(t["A"]!.finishSlackMinutes).toBe(3 * 480);
    expect(t["A"]!.totalSlackMinutes).toBe(3 * 480);
    expect(t["A"]!.critical).toBe(false);
    expect(t["C"]!.critical).toBe(true);
  });

  it("runPasses duration overrides scale every assignment", () => {
    const c = compileNetwork(p);
    const net = c.network;
    const a = c.network.ids.indexOf("A");
    const d = Float64Array.from(net.duration);
    d[a] = d[a]! * 2; // R1 4 days → Wed 14; R2 6 days on Mon-Thu → Thu 8, Mon-Thu 12-15, Mon 19
    const pass = runPasses(net, d);
    const dd = displayDates(net, pass);
    expect(fromEpochMinute(dd.earlyFinish[a]!)).toBe("2026-01-19T17:00:00");
  });

  it("tasks with the same resources share one combined calendar", () => {
    const two = project(
      [...tasks, { id: "D", name: "D", duration: day(2) }],
      resources,
      [
        ...assignments,
        { id: "d1", taskId: "D", resourceId: "R2", units: 1, work: 480 },
        { id: "d2", taskId: "D", resourceId: "R1", units: 1, work: 480 },
      ],
      [...deps, { from: "A", to: "D" }],
    );
    const net = compileNetwork(two).network;
    const a = net.ids.indexOf("A");
    const d = net.ids.indexOf("D");
    expect(net.taskCalendar[a]).toBe(net.taskCalendar[d]);
    const link = Array.from(net.linkTo).indexOf(d);
    expect(net.linkFast[link]).toBe(1);
    expect(net.assignmentOffsets[net.taskCount]).toBe(4);
  });

  it("rejects an assignment without a calendar or with a negative duration", () => {
    const c = compileCalendar(standardCalendar("s"));
    const input = (asg: unknown) => ({
      tasks: [{ id: "A", calendar: c, duration: 480, assignments: [asg] as never }],
      links: [],
      projectStart: toEpochMinute("2026-01-05T08:00"),
      projectCalendar: c,
    });
    expect(() => compileNetworkInput(input({ duration: 60 }))).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", details: expect.objectContaining({ ids: ["A"] }) }),
    );
    expect(() => compileNetworkInput(input({ calendar: c, duration: -1 }))).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
  });

  it("a delayed assignment starts later on its calendar", () => {
    const delayed = project(
      tasks,
      resources,
      [assignments[0]!, { ...assignments[1]!, delay: { value: 1, unit: "days" as const } }],
      deps,
    );
    // R2 starts after 1 day on Mon-Thu (Thu 8), so it works Mon 12, Tue 13, Wed 14
    expect(run(delayed).t["A"]!.earlyFinish).toBe("2026-01-14T17:00:00");
  });
});

describe("combineCalendars", () => {
  const cals = compileCalendars(CALENDARS);
  const std = cals.get("std")!;
  const four = cals.get("4d")!;
  const tuefri = cals.get("tuefri")!;
  const night = cals.get("night")!;
  const at = (s: string) => toEpochMinute(s);

  it("intersection: working time common to all parts", () => {
    const c = combineCalendars("intersection", [four, tuefri]);
    expect(c.isWorking(at("2026-01-05T09:00"))).toBe(false); // Monday
    expect(c.isWorking(at("2026-01-06T09:00"))).toBe(true);
    expect(c.isWorking(at("2026-01-09T09:00"))).toBe(false); // Friday
    expect(c.workingMinutesBetween(at("2026-01-05T00:00"), at("2026-01-12T00:00"))).toBe(3 * 480);
    expect(fromEpochMinute(c.addWorkingMinutes(at("2026-01-08T08:00"), 960))).toBe("2026-01-13T17:00:00");
    expect(fromEpochMinute(c.addWorkingMinutes(at("2026-01-13T17:00"), -960))).toBe("2026-01-08T08:00:00");
    expect(fromEpochMinute(c.nextWorkingStart(at("2026-01-09T08:00")))).toBe("2026-01-13T08:00:00");
    expect(fromEpochMinute(c.previousWorkingEnd(at("2026-01-13T08:00")))).toBe("2026-01-08T17:00:00");
    expect(c.id).toBe("4d&tuefri");
  });

  it("union: any part working", () => {
    const u = combineCalendars("union", [std, night], "std+night");
    expect(u.workingMinutesBetween(at("2026-01-05T00:00"), at("2026-01-06T00:00"))).toBe(720);
    expect(fromEpochMinute(u.addWorkingMinutes(at("2026-01-05T16:00"), 120))).toBe("2026-01-05T19:00:00");
    expect(u.id).toBe("std+night");
  });

  it("no common working time: hasWorkingTime is false", () => {
    const none = combineCalendars("intersection", [std, night]);
    expect(none.hasWorkingTime(at("2026-01-01T00:00"), at("2027-01-01T00:00"))).toBe(false);
    expect(none.isWorking(at("2026-01-05T09:00"))).toBe(false);
  });

  it("rejects an empty list of calendars", () => {
    expect(() => combineCalendars("union", [])).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });

  it("property: equals the quarter-hour sampled combination of plain (interface-only) calendars", () => {
    const plain = (c: typeof std): WorkingCalendar => ({
      id: c.id,
      isWorking: (t) => c.isWorking(t),
      nextWorkingStart: (t) => c.nextWorkingStart(t),
      previousWorkingEnd: (t) => c.previousWorkingEnd(t),
      addWorkingMinutes: (t, m) => c.addWorkingMinutes(t, m),
      workingMinutesBetween: (a, b) => c.workingMinutesBetween(a, b),
    });
    const base = at("2026-01-05T00:00");
    fc.assert(
      fc.property(
        fc.constantFrom("intersection" as const, "union" as const),
        fc.subarray([std, four, tuefri, night], { minLength: 2 }),
        fc.integer({ min: 0, max: 14 * 96 }),
        fc.integer({ min: 1, max: 2 * 96 }),
        (mode, parts, q0, qs) => {
          const c = combineCalendars(mode, parts.map(plain));
          // Every calendar here changes state on quarter hours, so sampling every 15 minutes is exact.
          const a = base + q0 * 15;
          const b = a + qs * 15;
          let expected = 0;
          for (let t = a; t < b; t += 15) {
            const w =
              mode === "union" ? parts.some((p) => p.isWorking(t)) : parts.every((p) => p.isWorking(t));
            if (w) expected += 15;
          }
          expect(c.workingMinutesBetween(a, b)).toBe(expected);
          if (expected > 0) {
            const s = c.nextWorkingStart(a);
            expect(c.isWorking(s)).toBe(true);
            const e = c.addWorkingMinutes(s, expected);
            expect(c.workingMinutesBetween(s, e)).toBe(expected);
            expect(c.addWorkingMinutes(e, -expected)).toBe(s);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("property: assignment-driven dates fall in working time of the effective calendars", () => {
  const cals = compileCalendars(CALENDARS);
  const pool = ["std", "4d", "tuefri", "vacation", "night"].map((id) => cals.get(id)!);
  const START = toEpochMinute("2026-01-05T08:00");
  it("start in working time of some assignment calendar, finish at the end of working time of one", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cals: fc.subarray([0, 1, 2, 3, 4], { minLength: 1, maxLength: 3 }),
            durs: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 3, maxLength: 3 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom<LinkKind>("FS", "SS", "FF", "SF")), {
          maxLength: 20,
        }),
        (specs, rawLinks) => {
          const tasks = specs.map((s, j) => {
            const parts = s.cals.map((i) => pool[i]!);
            const union = parts.length === 1 ? parts[0]! : combineCalendars("union", parts);
            return {
              id: `T${j}`,
              calendar: union,
              duration: s.durs[0]!,
              assignments: parts.map((c, k) => ({ calendar: c, duration: s.durs[k]! })),
            };
          });
          const links = rawLinks
            .map(([a, b, type]) => ({ from: a % tasks.length, to: b % tasks.length, type }))
            .filter((l) => l.from < l.to);
          // P6 date forms: every date is a calendar position (MS Project's rule that a finish driven by
          // an FF link keeps the link's exact instant is tested elsewhere).
          const net = compileNetworkInput(
            { tasks, links, projectStart: START, projectCalendar: pool[0]! },
            { milestones: "p6" },
          );
          const pass = runPasses(net);
          const dd = displayDates(net, pass);
          for (let j = 0; j < tasks.length; j++) {
            const parts = specs[j]!.cals.map((i) => pool[i]!);
            const es = dd.earlyStart[j]!;
            const ef = dd.earlyFinish[j]!;
            expect(parts.some((c) => c.isWorking(es))).toBe(true);
            expect(parts.some((c) => c.isWorking(ef - 1))).toBe(true);
            expect(ef).toBeGreaterThan(es);
            // The finish is the latest assignment finish: each assignment fits between start and finish.
            for (let k = 0; k < parts.length; k++) {
              const c = parts[k]!;
              expect(c.workingMinutesBetween(es, ef)).toBeGreaterThanOrEqual(specs[j]!.durs[k]!);
            }
            expect(pass.totalSlack[j]!).toBeGreaterThanOrEqual(0);
            expect(pass.lateFinish[j]! - pass.lateStart[j]!).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("single-calendar tasks keep the integer fast path (no assignments compiled)", () => {
    const c = compileCalendar(standardCalendar("s"));
    const net = compileNetworkInput({
      tasks: [{ id: "A", calendar: c, duration: 480 }],
      links: [],
      projectStart: START,
      projectCalendar: c,
    });
    expect(net.assignmentOffsets[1]).toBe(0);
    expect(net.hasSpecial).toBe(false);
  });
});

describe("finish-to-finish into a task whose assignments have different calendars", () => {
  // A (3,841 min on a calendar with Jan 7–8 off) finishes Monday 2026-01-19 08:01. B follows it
  // finish-to-finish; B's day assignment (1 min) could end then, but its night assignment (481 min,
  // 18:00–22:00) cannot: its last chance before is Friday 22:00, which on B's own calendar (day ∪
  // night) is a minute before A's finish. B must therefore finish at the night assignment's next
  // end after it, Monday 18:01, starting Thursday 18:00. Before, B finished on Friday 22:00 and A
  // got a total slack of -1 minute.
  const cals = compileCalendars(CALENDARS);
  const [std, vacation, night] = ["std", "vacation", "night"].map((id) => cals.get(id)!);
  const START = toEpochMinute("2026-01-05T08:00");

  it("B finishes at or after A, and no task has negative slack", () => {
    const tasks = [
      {
        id: "A",
        calendar: vacation!,
        duration: 3841,
        assignments: [{ calendar: vacation!, duration: 3841 }],
      },
      {
        id: "B",
        calendar: combineCalendars("union", [std!, night!]),
        duration: 1,
        assignments: [
          { calendar: std!, duration: 1 },
          { calendar: night!, duration: 481 },
        ],
      },
      { id: "C", calendar: std!, duration: 1, assignments: [{ calendar: std!, duration: 1 }] },
    ];
    const net = compileNetworkInput(
      {
        tasks,
        links: [
          { from: 0, to: 1, type: "FF" },
          { from: 1, to: 2, type: "FS" },
        ],
        projectStart: START,
        projectCalendar: std!,
      },
      { milestones: "p6" },
    );
    const pass = runPasses(net);
    const dd = displayDates(net, pass);
    const at = (x: number): string => fromEpochMinute(x).slice(0, 16);
    expect(at(dd.earlyFinish[0]!)).toBe("2026-01-19T08:01");
    expect(at(dd.earlyStart[1]!)).toBe("2026-01-15T18:00");
    expect(at(dd.earlyFinish[1]!)).toBe("2026-01-19T18:01");
    expect(dd.earlyFinish[1]!).toBeGreaterThanOrEqual(dd.earlyFinish[0]!);
    expect(at(dd.earlyStart[2]!)).toBe("2026-01-20T08:00");
    for (let j = 0; j < 3; j++) expect(pass.totalSlack[j]!).toBeGreaterThanOrEqual(0);
    // C is critical; A and B may slip until B's day ∪ night calendar stops working on Monday.
    expect(pass.totalSlack[2]).toBe(0);
  });
});
