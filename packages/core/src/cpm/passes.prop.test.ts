import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCalendar } from "../calendar/compile.js";
import { standardCalendar } from "../calendar/presets.js";
import type { WorkingCalendar } from "../calendar/types.js";
import { toEpochMinute } from "../time/local.js";
import { displayDates } from "./dates.js";
import { ELAPSED_CALENDAR } from "./elapsed-calendar.js";
import { compileNetworkInput } from "./network.js";
import type { LinkKind, NetworkInput } from "./network.js";
import { axisToDate, runPasses } from "./passes.js";

const std = compileCalendar({
  ...standardCalendar("std"),
  exceptions: [
    { name: "h1", from: "2026-01-07", to: "2026-01-07", working: false },
    { name: "h2", from: "2026-01-19", to: "2026-01-20", working: false },
  ],
});
const short = compileCalendar({
  ...standardCalendar("short"),
  weekDays: {
    sunday: { working: false },
    monday: { working: true, times: [{ from: "09:00", to: "13:00" }] },
    tuesday: { working: true, times: [{ from: "09:00", to: "13:00" }] },
    wednesday: { working: true, times: [{ from: "09:00", to: "13:00" }] },
    thursday: { working: true, times: [{ from: "09:00", to: "13:00" }] },
    friday: { working: false },
    saturday: { working: true, times: [{ from: "10:00", to: "14:00" }] },
  },
});
const START = toEpochMinute("2026-01-05T08:00");
const TYPES: LinkKind[] = ["FS", "SS", "FF", "SF"];

/** A clone of a calendar under another identity: forces the passes onto their general (epoch) path. */
function clone(c: WorkingCalendar): WorkingCalendar {
  return {
    id: `${c.id}-clone`,
    isWorking: (t) => c.isWorking(t),
    nextWorkingStart: (t) => c.nextWorkingStart(t),
    previousWorkingEnd: (t) => c.previousWorkingEnd(t),
    addWorkingMinutes: (t, m) => c.addWorkingMinutes(t, m),
    workingMinutesBetween: (a, b) => c.workingMinutesBetween(a, b),
  };
}

const networkArb = (opts: {
  types: readonly LinkKind[];
  calendars: readonly WorkingCalendar[];
  lags: boolean;
  leads?: boolean;
}) =>
  fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc
      .record({
        durations: fc.array(
          fc.integer({ min: 0, max: 12 }).map((h) => h * 60),
          { minLength: n, maxLength: n },
        ),
        cals: fc.array(fc.integer({ min: 0, max: opts.calendars.length - 1 }), {
          minLength: n,
          maxLength: n,
        }),
        links: fc.array(
          fc.record({
            a: fc.integer({ min: 0, max: n - 1 }),
            b: fc.integer({ min: 0, max: n - 1 }),
            type: fc.constantFrom(...opts.types),
            lag: opts.lags
              ? fc.integer({ min: opts.leads === false ? 0 : -4, max: 8 }).map((h) => h * 60)
              : fc.constant(0),
          }),
          { maxLength: 2 * n },
        ),
      })
      .map(({ durations, cals, links }): NetworkInput => ({
        projectStart: START,
        projectCalendar: opts.calendars[0]!,
        tasks: durations.map((d, j) => ({ id: `T${j}`, duration: d, calendar: opts.calendars[cals[j]!]! })),
        links: links
          .filter((l) => l.a !== l.b)
          .map((l) => ({ from: Math.min(l.a, l.b), to: Math.max(l.a, l.b), type: l.type, lag: l.lag })),
      })),
  );

describe("runPasses properties", () => {
  it("satisfies every link (checked through epoch dates) and slack = late − early on the task calendar", () => {
    fc.assert(
      fc.property(
        // Leads across calendars are not invertible (a lead on the lag calendar may jump over a
        // non-working day of the task calendar), so this property uses lags >= 0 with mixed calendars.
        networkArb({ types: TYPES, calendars: [std, short, ELAPSED_CALENDAR], lags: true, leads: false }),
        fc.constantFrom("msp" as const, "p6" as const),
        (input, dialect) => {
          const net = compileNetworkInput(input, { dialect });
          const r = runPasses(net);
          const cal = (j: number) => net.calendars[net.taskCalendar[j]!]!;
          for (let k = 0; k < net.linkCount; k++) {
            const i = net.linkFrom[k]!;
            const j = net.linkTo[k]!;
            const t = net.linkType[k]!;
            const src =
              t & 1
                ? axisToDate(cal(i), net.origin, r.earlyStart[i]!, "start")
                : axisToDate(cal(i), net.origin, r.earlyFinish[i]!, "end");
            const target = net.calendars[net.linkLagCalendar[k]!]!.addWorkingMinutes(src, net.linkLag[k]!);
            const bound = cal(j).workingMinutesBetween(net.origin, target);
            expect(t & 2 ? r.earlyFinish[j]! : r.earlyStart[j]!, `link ${k}`).toBeGreaterThanOrEqual(bound);
            expect(r.linkGap[k]!, `gap of link ${k}`).toBeGreaterThanOrEqual(0);
          }
          const d = displayDates(net, r);
          for (let j = 0; j < net.taskCount; j++) {
            const c = cal(j);
            const ss = c.workingMinutesBetween(d.earlyStart[j]!, d.lateStart[j]!);
            const fs = c.workingMinutesBetween(d.earlyFinish[j]!, d.lateFinish[j]!);
            const expected = dialect === "msp" ? Math.min(ss, fs) : fs;
            expect(r.totalSlack[j], `total slack of ${j}`).toBe(expected);
            expect(r.totalSlack[j]!, `total slack of ${j} >= 0`).toBeGreaterThanOrEqual(0);
            expect(r.freeSlack[j]!, `free slack of ${j} <= total`).toBeLessThanOrEqual(r.totalSlack[j]!);
            expect(r.freeSlack[j]!, `free slack of ${j} >= 0`).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("gives the same answer on the integer fast path and the general calendar path", () => {
    fc.assert(
      fc.property(networkArb({ types: TYPES, calendars: [std], lags: true }), (input) => {
        const fast = runPasses(compileNetworkInput(input));
        const slowInput: NetworkInput = {
          ...input,
          tasks: input.tasks.map((t) => ({ ...t, calendar: clone(std) })),
        };
        const slowNet = compileNetworkInput(slowInput);
        expect(slowNet.linkFast.every((f) => f === 0) || slowNet.linkCount === 0).toBe(true);
        const slow = runPasses(slowNet);
        expect([...slow.earlyStart]).toEqual([...fast.earlyStart]);
        expect([...slow.lateFinish]).toEqual([...fast.lateFinish]);
        expect([...slow.totalSlack]).toEqual([...fast.totalSlack]);
        expect([...slow.freeSlack]).toEqual([...fast.freeSlack]);
      }),
      { numRuns: 100 },
    );
  });

  it("critical tasks form driving chains from the project start to the project finish (FS networks)", () => {
    fc.assert(
      fc.property(networkArb({ types: ["FS"], calendars: [std], lags: false }), (input) => {
        const net = compileNetworkInput(input);
        const r = runPasses(net);
        const n = net.taskCount;
        const finishAxis = Math.max(...r.earlyFinish);
        let reachesFinish = false;
        for (let j = 0; j < n; j++) {
          if (r.critical[j] !== 1) continue;
          // backwards: starts at the project start or has a critical driving predecessor
          let drivenBack = r.earlyStart[j] === 0;
          let drivenFwd = r.earlyFinish[j] === finishAxis;
          for (let k = 0; k < net.linkCount; k++) {
            if (net.linkTo[k] === j && r.linkGap[k] === 0 && r.critical[net.linkFrom[k]!] === 1)
              drivenBack = true;
            if (net.linkFrom[k] === j && r.linkGap[k] === 0 && r.critical[net.linkTo[k]!] === 1)
              drivenFwd = true;
          }
          expect(drivenBack && drivenFwd).toBe(true);
          if (r.earlyFinish[j] === finishAxis) reachesFinish = true;
        }
        expect(reachesFinish).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("runPasses with overridden durations equals a recompile with those durations", () => {
    fc.assert(
      fc.property(
        networkArb({ types: TYPES, calendars: [std], lags: true }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 25, maxLength: 25 }),
        (input, ds) => {
          const durations = input.tasks.map((_, j) => ds[j]!);
          const a = runPasses(compileNetworkInput(input), durations);
          const b = runPasses(
            compileNetworkInput({
              ...input,
              tasks: input.tasks.map((t, j) => ({ ...t, duration: durations[j]! })),
            }),
          );
          expect([...a.earlyFinish]).toEqual([...b.earlyFinish]);
          expect([...a.totalSlack]).toEqual([...b.totalSlack]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("runPasses: the plain-network sweeps equal the general path", () => {
  it("same dates, slack, gaps and flags when one far-away deadline forces the general path", () => {
    fc.assert(
      fc.property(
        networkArb({ types: TYPES, calendars: [std], lags: true }),
        fc.constantFrom("msp" as const, "p6" as const),
        fc.boolean(),
        (input, dialect, override) => {
          const plain = compileNetworkInput(input, { dialect });
          const general = compileNetworkInput(
            {
              ...input,
              tasks: input.tasks.map((t, j) =>
                j === 0 ? { ...t, deadline: toEpochMinute("2090-01-02T17:00") } : t,
              ),
            },
            { dialect },
          );
          expect(plain.hasSpecial).toBe(false);
          expect(general.hasSpecial).toBe(true);
          const durations = override ? Float64Array.from(plain.duration, (d) => d * 2 + 60) : undefined;
          const a = runPasses(plain, durations);
          const b = runPasses(general, durations);
          for (const key of [
            "earlyStart",
            "earlyFinish",
            "lateStart",
            "lateFinish",
            "start",
            "finish",
            "startSlack",
            "finishSlack",
            "totalSlack",
            "freeSlack",
            "linkGap",
            "critical",
          ] as const) {
            expect(Array.from(a[key]), key).toEqual(Array.from(b[key]));
          }
          expect(a.projectFinish).toBe(b.projectFinish);
        },
      ),
      { numRuns: 150 },
    );
  });
});
