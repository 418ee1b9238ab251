import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toEpochMinute } from "../time/local.js";
import { compileCalendars } from "./compile.js";
import { nightShiftCalendar, standardCalendar } from "./presets.js";
import type { CalendarInput } from "./schema.js";
import type { WorkingCalendar } from "./types.js";

const base: CalendarInput = {
  ...standardCalendar("std"),
  exceptions: [
    {
      name: "Christmas",
      from: "2020-01-01",
      to: "2040-12-31",
      working: false,
      recurrence: { type: "yearly", month: 12, day: 25 },
    },
    { name: "Plant shutdown", from: "2027-08-02", to: "2027-08-13", working: false },
    {
      name: "Half day",
      from: "2027-12-24",
      to: "2027-12-24",
      working: true,
      times: [{ from: "08:00", to: "12:00" }],
    },
  ],
  workWeeks: [
    {
      name: "Summer",
      from: "2026-07-01",
      to: "2026-08-31",
      weekDays: { friday: { working: true, times: [{ from: "07:30", to: "11:45" }] } },
    },
  ],
};
const res: CalendarInput = {
  id: "res",
  name: "Resource",
  parentId: "std",
  weekDays: { saturday: { working: true, times: [{ from: "10:00", to: "14:00" }] } },
  exceptions: [{ name: "Vacation", from: "2027-03-01", to: "2027-03-19", working: false }],
};
const cals = compileCalendars([base, res, nightShiftCalendar("night")]);
const all: Array<[string, WorkingCalendar]> = [...cals.entries()];

const T0 = toEpochMinute("2025-01-01T00:00");
const T1 = toEpochMinute("2029-01-01T00:00");
const instant = fc.integer({ min: T0, max: T1 });
const minutes = fc.integer({ min: 1, max: 480 * 300 });
const params = { numRuns: 300, seed: 42 };

describe.each(all)("calendar %s properties", (_id, cal) => {
  it("workingMinutesBetween(t, add(t, n)) === n", () => {
    fc.assert(
      fc.property(
        instant,
        minutes,
        (t, n) => cal.workingMinutesBetween(t, cal.addWorkingMinutes(t, n)) === n,
      ),
      params,
    );
  });

  it("subtracting after adding returns the next working start (t itself on working time)", () => {
    fc.assert(
      fc.property(instant, minutes, (t, n) => {
        const back = cal.addWorkingMinutes(cal.addWorkingMinutes(t, n), -n);
        return back === cal.nextWorkingStart(t) && (!cal.isWorking(t) || back === t);
      }),
      params,
    );
  });

  it("adding after subtracting returns the previous working end", () => {
    fc.assert(
      fc.property(
        instant,
        minutes,
        (t, n) => cal.addWorkingMinutes(cal.addWorkingMinutes(t, -n), n) === cal.previousWorkingEnd(t),
      ),
      params,
    );
  });

  it("results land on working time: a positive add ends a working minute, a negative add starts one", () => {
    fc.assert(
      fc.property(instant, minutes, (t, n) => {
        const e = cal.addWorkingMinutes(t, n);
        const s = cal.addWorkingMinutes(t, -n);
        return (
          cal.isWorking(e - 1) &&
          cal.isWorking(s) &&
          cal.previousWorkingEnd(e) === e &&
          cal.nextWorkingStart(s) === s
        );
      }),
      params,
    );
  });

  it("add is monotone in t and in minutes", () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (t1, t2, a, b) => {
        const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [na, nb] = a <= b ? [a, b] : [b, a];
        return (
          cal.addWorkingMinutes(lo, na) <= cal.addWorkingMinutes(hi, na) &&
          cal.addWorkingMinutes(lo, na) <= cal.addWorkingMinutes(lo, nb) &&
          cal.addWorkingMinutes(hi, -na) >= cal.addWorkingMinutes(hi, -nb)
        );
      }),
      params,
    );
  });

  it("additivity: add(add(t, a), b) === add(t, a + b) for a, b > 0", () => {
    fc.assert(
      fc.property(
        instant,
        minutes,
        minutes,
        (t, a, b) =>
          cal.addWorkingMinutes(cal.addWorkingMinutes(t, a), b) === cal.addWorkingMinutes(t, a + b),
      ),
      params,
    );
  });

  it("workingMinutesBetween is antisymmetric and additive; isWorking agrees with it", () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const ab = cal.workingMinutesBetween(a, b);
        return (
          ab === -cal.workingMinutesBetween(b, a) &&
          ab + cal.workingMinutesBetween(b, c) === cal.workingMinutesBetween(a, c) &&
          cal.isWorking(a) === (cal.workingMinutesBetween(a, a + 1) === 1)
        );
      }),
      params,
    );
  });
});

describe("derived calendar", () => {
  it("agrees with its base on every day the derived calendar does not override", () => {
    const std = cals.get("std")!;
    const r = cals.get("res")!;
    fc.assert(
      fc.property(fc.integer({ min: Math.floor(T0 / 1440), max: Math.floor(T1 / 1440) }), (d) => {
        const dow = (((d + 4) % 7) + 7) % 7;
        const inVacation = d >= toEpochMinute("2027-03-01") / 1440 && d <= toEpochMinute("2027-03-19") / 1440;
        if (dow === 6 || inVacation) return true;
        expect(r.workingTimesOnDay(d)).toEqual(std.workingTimesOnDay(d));
        return r.workingMinutesOnDay(d) === std.workingMinutesOnDay(d);
      }),
      params,
    );
  });
});
