// Properties of the DCMA assessment against independent recomputations: the invalid-dates check, which
// compares forecasts with the status date on the calendar's working-time axis, agrees with a plain
// date comparison of the scheduled dates; and sharing a compiled network and pass result never changes
// the answer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { standardCalendar } from "../calendar/presets.js";
import { compileNetwork, schedule } from "../cpm/schedule.js";
import { runPasses } from "../cpm/passes.js";
import { parseProject } from "../model/parse.js";
import type { ProjectInput } from "../model/project.js";
import { toEpochMinute } from "../time/local.js";
import { auditProject } from "./audit.js";
import { dcmaAssessment } from "./dcma.js";

const START = Date.UTC(2026, 0, 5, 8, 0); // Mon 5 Jan 2026 08:00
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

const arbProject = fc
  .record({
    durations: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 7 }),
    started: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }),
    // status date: 0-30 days after the start, at any quarter hour
    statusQuarterHours: fc.integer({ min: 0, max: 30 * 96 }),
    dialect: fc.constantFrom("msp" as const, "p6" as const),
  })
  .map(({ durations, started, statusQuarterHours, dialect }) => {
    const status = START + statusQuarterHours * 15 * 60_000;
    let day = 0;
    const tasks: NonNullable<ProjectInput["tasks"]>[number][] = durations.map((d, i) => {
      // task i is (0) not started, (1) started on its planned day, or (2) started a day late,
      // only when that start is not after the status date
      const s = START + (day + (started[i] === 2 ? 1 : 0)) * 86_400_000;
      day += d + 2;
      const progressed = started[i]! > 0 && s <= status && new Date(s).getUTCDay() % 6 !== 0;
      return {
        id: `T${i}`,
        name: `T${i}`,
        duration: { value: d, unit: "days" },
        ...(progressed ? { actualStart: iso(s), percentComplete: 30 } : {}),
      };
    });
    const project: ProjectInput = {
      id: "P",
      name: "P",
      settings: { currency: "EUR", defaultCalendarId: "standard", startDate: iso(START) },
      calendars: [standardCalendar()],
      tasks,
      dependencies: tasks.slice(1).map((t, i) => ({ from: `T${i}`, to: t.id })),
    };
    return { project, statusDate: iso(status), dialect };
  });

describe("DCMA assessment properties", () => {
  it("invalid dates equal a date comparison of the engine's scheduled dates", () => {
    fc.assert(
      fc.property(arbProject, ({ project, statusDate, dialect }) => {
        const p = parseProject(project);
        const status = toEpochMinute(statusDate);
        const s = schedule(p, { statusDate, dialect });
        const expected = s.tasks
          .filter((t) => {
            const task = p.tasks.find((x) => x.id === t.id)!;
            if (task.actualFinish !== undefined || task.percentComplete >= 100) return false;
            const as = task.actualStart === undefined ? undefined : toEpochMinute(task.actualStart);
            if (as !== undefined && as > status) return true;
            if (as === undefined && toEpochMinute(t.start) < status) return true;
            return toEpochMinute(t.finish) < status;
          })
          .map((t) => t.id);
        const got = dcmaAssessment(p, { statusDate, scheduleOptions: { dialect } }).checks.find(
          (c) => c.id === "invalidDates",
        )!.items;
        expect(got).toEqual(expected);
      }),
      { numRuns: 30, seed: 20261126 },
    );
  });

  it("a shared compiled network and pass result give the same report", () => {
    fc.assert(
      fc.property(arbProject, ({ project, statusDate, dialect }) => {
        const p = parseProject({ ...project, settings: { ...project.settings!, statusDate } });
        const options = { scheduleOptions: { dialect } };
        const compiled = compileNetwork(p, { dialect });
        const pass = runPasses(compiled.network);
        expect(auditProject(p, { ...options, compiled, pass })).toEqual(auditProject(p, options));
      }),
      { numRuns: 20, seed: 20261127 },
    );
  });
});
