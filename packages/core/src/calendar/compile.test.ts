import { describe, expect, it } from "vitest";
import { isPmokitError } from "../errors.js";
import { fromEpochDay, fromEpochMinute, toEpochDay, toEpochMinute } from "../time/local.js";
import { compileCalendar, compileCalendars, parseCalendar, safeParseCalendar } from "./compile.js";
import { addDuration, durationBetween } from "./duration.js";
import { nightShiftCalendar, standardCalendar, twentyFourHourCalendar } from "./presets.js";
import { CalendarSchema } from "./schema.js";
import type { CalendarInput } from "./schema.js";

const m = (s: string): number => toEpochMinute(s);
const f = (t: number): string => fromEpochMinute(t).slice(0, 16);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isPmokitError(e) ? e.code : "not-pmokit";
  }
  return undefined;
}

describe("standard calendar (MS Project conventions)", () => {
  const cal = compileCalendar(standardCalendar());

  it("1 day from Monday 08:00 ends Monday 17:00, not Tuesday 08:00", () => {
    expect(f(cal.addWorkingMinutes(m("2026-11-23T08:00"), 480))).toBe("2026-11-23T17:00");
  });

  it("2 days from Friday 13:00 end Tuesday 12:00 over the weekend", () => {
    expect(f(cal.addWorkingMinutes(m("2026-11-27T13:00"), 960))).toBe("2026-12-01T12:00");
  });

  it("4 hours from 08:00 end at 12:00 (end of the morning), subtracting returns a start", () => {
    expect(f(cal.addWorkingMinutes(m("2026-11-23T08:00"), 240))).toBe("2026-11-23T12:00");
    expect(f(cal.addWorkingMinutes(m("2026-11-23T17:00"), -240))).toBe("2026-11-23T13:00");
    expect(f(cal.addWorkingMinutes(m("2026-11-24T17:00"), -480))).toBe("2026-11-24T08:00");
  });

  it("subtracting across a weekend lands on Friday", () => {
    expect(f(cal.addWorkingMinutes(m("2026-11-30T09:00"), -120))).toBe("2026-11-27T16:00");
  });

  it("start/end snapping", () => {
    expect(f(cal.nextWorkingStart(m("2026-11-28T10:00")))).toBe("2026-11-30T08:00");
    expect(f(cal.nextWorkingStart(m("2026-11-23T12:00")))).toBe("2026-11-23T13:00");
    expect(f(cal.nextWorkingStart(m("2026-11-23T10:00")))).toBe("2026-11-23T10:00");
    expect(f(cal.previousWorkingEnd(m("2026-11-23T12:30")))).toBe("2026-11-23T12:00");
    expect(f(cal.previousWorkingEnd(m("2026-11-23T12:00")))).toBe("2026-11-23T12:00");
    expect(f(cal.previousWorkingEnd(m("2026-11-30T08:00")))).toBe("2026-11-27T17:00");
    expect(f(cal.previousWorkingEnd(m("2026-11-30T08:01")))).toBe("2026-11-30T08:01");
  });

  it("isWorking and workingMinutesBetween", () => {
    expect(cal.isWorking(m("2026-11-23T08:00"))).toBe(true);
    expect(cal.isWorking(m("2026-11-23T12:00"))).toBe(false);
    expect(cal.isWorking(m("2026-11-23T11:59"))).toBe(true);
    expect(cal.isWorking(m("2026-11-28T10:00"))).toBe(false);
    expect(cal.workingMinutesBetween(m("2026-11-23T00:00"), m("2026-11-30T00:00"))).toBe(2400);
    expect(cal.workingMinutesBetween(m("2026-11-30T00:00"), m("2026-11-23T00:00"))).toBe(-2400);
    expect(cal.workingMinutesOnDay(toEpochDay("2026-11-28"))).toBe(0);
    expect(cal.isWorkingDay(toEpochDay("2026-11-27"))).toBe(true);
    expect(
      cal.workingIntervals(m("2026-11-23T10:00"), m("2026-11-23T14:00")).map(([a, b]) => [f(a), f(b)]),
    ).toEqual([
      ["2026-11-23T10:00", "2026-11-23T12:00"],
      ["2026-11-23T13:00", "2026-11-23T14:00"],
    ]);
  });

  it("adding 0 returns t unchanged, even on non-working time", () => {
    const sat = m("2026-11-28T10:00");
    expect(cal.addWorkingMinutes(sat, 0)).toBe(sat);
  });

  it("extends the horizon on demand, far in the past and future", () => {
    const small = compileCalendar(standardCalendar(), { horizon: { from: "2026-01-01", to: "2026-02-01" } });
    expect(f(small.addWorkingMinutes(m("2026-01-30T08:00"), 480 * 5))).toBe("2026-02-05T17:00");
    expect(f(small.addWorkingMinutes(m("2026-01-05T08:00"), -480))).toBe("2026-01-02T08:00");
    expect(small.workingMinutesBetween(m("2026-01-05T00:00"), m("2027-01-04T00:00"))).toBe(
      cal.workingMinutesBetween(m("2026-01-05T00:00"), m("2027-01-04T00:00")),
    );
    expect(f(cal.addWorkingMinutes(m("2150-01-01T00:00"), 1))).toBe("2150-01-01T08:01");
    expect(f(cal.addWorkingMinutes(m("1950-01-02T08:00"), 480))).toBe("1950-01-02T17:00");
  });

  it("throws LIMIT_EXCEEDED beyond the supported range", () => {
    expect(codeOf(() => cal.addWorkingMinutes(m("2600-01-01T00:00"), 60))).toBe("LIMIT_EXCEEDED");
    expect(codeOf(() => cal.isWorking(Number.NaN))).toBe("INVALID_INPUT");
  });
});

describe("exceptions and derived calendars", () => {
  const base: CalendarInput = {
    ...standardCalendar("std"),
    exceptions: [
      { name: "Christmas", from: "2026-12-25", to: "2026-12-25", working: false },
      {
        name: "Saturday inventory (morning)",
        from: "2026-12-05",
        to: "2026-12-05",
        working: true,
        times: [{ from: "09:00", to: "12:00" }],
      },
      {
        name: "Short Friday",
        from: "2026-12-18",
        to: "2026-12-18",
        working: true,
        times: [{ from: "08:00", to: "12:00" }],
      },
    ],
  };
  const alice: CalendarInput = {
    id: "alice",
    name: "Alice",
    parentId: "std",
    weekDays: { friday: { working: false } },
    exceptions: [{ name: "Vacation", from: "2026-12-07", to: "2026-12-11", working: false }],
  };
  const cals = compileCalendars([base, alice]);
  const std = cals.get("std")!;
  const a = cals.get("alice")!;

  it("a holiday is skipped", () => {
    expect(f(std.addWorkingMinutes(m("2026-12-24T08:00"), 960))).toBe("2026-12-28T17:00");
    expect(std.isWorkingDay(toEpochDay("2026-12-25"))).toBe(false);
  });

  it("partial working exceptions: a working Saturday morning and a short Friday", () => {
    expect(f(std.addWorkingMinutes(m("2026-12-04T16:00"), 120))).toBe("2026-12-05T10:00");
    expect(std.workingMinutesOnDay(toEpochDay("2026-12-05"))).toBe(180);
    expect(std.workingTimesOnDay(toEpochDay("2026-12-18"))).toEqual([{ from: "08:00", to: "12:00" }]);
    expect(f(std.addWorkingMinutes(m("2026-12-18T08:00"), 480))).toBe("2026-12-21T12:00");
  });

  it("a derived resource calendar: own Friday off, own vacation, inherited holiday and exceptions", () => {
    expect(a.lineage).toEqual(["alice", "std"]);
    // Monday 2026-11-30 inherits the base times
    expect(a.workingTimesOnDay(toEpochDay("2026-11-30"))).toEqual(
      std.workingTimesOnDay(toEpochDay("2026-11-30")),
    );
    expect(a.isWorkingDay(toEpochDay("2026-12-04"))).toBe(false); // own Friday
    // 1 day from Thursday 12-03 08:00 → Thursday 17:00; 2 days → skip Fri, Sat morning (inherited exception)
    expect(f(a.addWorkingMinutes(m("2026-12-03T08:00"), 480 + 180))).toBe("2026-12-05T12:00");
    // the vacation week is skipped entirely
    expect(f(a.addWorkingMinutes(m("2026-12-05T12:00"), 1))).toBe("2026-12-14T08:01");
    expect(a.isWorkingDay(toEpochDay("2026-12-25"))).toBe(false);
    // the base exception overrides the derived calendar's Friday (exceptions before work weeks)
    expect(a.workingMinutesOnDay(toEpochDay("2026-12-18"))).toBe(240);
  });

  it("a derived exception overrides the base exception", () => {
    const c = compileCalendar(
      {
        id: "x",
        name: "X",
        parentId: "std",
        exceptions: [{ from: "2026-12-25", to: "2026-12-25", working: true }],
      },
      { calendars: [base] },
    );
    expect(c.workingMinutesOnDay(toEpochDay("2026-12-25"))).toBe(480);
  });

  it("work weeks replace the default week for the days they define", () => {
    const c = compileCalendar({
      ...standardCalendar("summer"),
      workWeeks: [
        {
          name: "Summer hours",
          from: "2026-07-01",
          to: "2026-08-31",
          weekDays: { friday: { working: true, times: [{ from: "08:00", to: "12:00" }] } },
        },
      ],
    });
    expect(c.workingMinutesOnDay(toEpochDay("2026-07-03"))).toBe(240); // Friday in summer
    expect(c.workingMinutesOnDay(toEpochDay("2026-07-02"))).toBe(480); // Thursday: default week
    expect(c.workingMinutesOnDay(toEpochDay("2026-09-04"))).toBe(480); // Friday after summer
  });

  it("recurring yearly exception (fixed date and Nth weekday)", () => {
    const c = compileCalendar({
      ...standardCalendar("rec"),
      exceptions: [
        {
          name: "Christmas",
          from: "2026-01-01",
          to: "2035-12-31",
          working: false,
          recurrence: { type: "yearly", month: 12, day: 25 },
        },
        {
          name: "Thanksgiving",
          from: "2026-01-01",
          to: "2035-12-31",
          working: false,
          recurrence: { type: "yearly", month: 11, week: "fourth", dayOfWeek: "thursday" },
        },
      ],
    });
    for (let y = 2026; y <= 2035; y++) {
      const d = toEpochDay(`${y}-12-25`);
      expect(c.workingMinutesOnDay(d)).toBe(0);
    }
    expect(c.isWorkingDay(toEpochDay("2026-11-26"))).toBe(false);
    expect(c.isWorkingDay(toEpochDay("2027-11-25"))).toBe(false);
    expect(c.isWorkingDay(toEpochDay("2036-12-25"))).toBe(true); // after the range: Thursday
    expect(f(c.addWorkingMinutes(m("2026-11-25T17:00"), 1))).toBe("2026-11-27T08:01");
  });

  it("dangling parent → CALENDAR_NOT_FOUND, cycle → INVALID_CALENDAR, duplicate → DUPLICATE_ID", () => {
    expect(codeOf(() => compileCalendars([{ id: "a", name: "A", parentId: "zzz" }]))).toBe(
      "CALENDAR_NOT_FOUND",
    );
    expect(
      codeOf(() =>
        compileCalendars([
          { id: "a", name: "A", parentId: "b" },
          { id: "b", name: "B", parentId: "a" },
        ]),
      ),
    ).toBe("INVALID_CALENDAR");
    expect(codeOf(() => compileCalendars([standardCalendar("s"), standardCalendar("s")]))).toBe(
      "DUPLICATE_ID",
    );
  });

  it("no working time at all → NO_WORKING_TIME (never loops)", () => {
    expect(codeOf(() => compileCalendar({ id: "off", name: "Off" }))).toBe("NO_WORKING_TIME");
    const once = compileCalendar({
      id: "once",
      name: "Once",
      exceptions: [{ from: "2030-01-01", to: "2030-01-01", working: true }],
    });
    expect(f(once.addWorkingMinutes(m("2026-01-01T00:00"), 480))).toBe("2030-01-01T17:00");
    expect(codeOf(() => once.addWorkingMinutes(m("2026-01-01T00:00"), 481))).toBe("NO_WORKING_TIME");
    expect(codeOf(() => once.nextWorkingStart(m("2031-01-01T00:00")))).toBe("NO_WORKING_TIME");
    expect(codeOf(() => once.previousWorkingEnd(m("2029-01-01T00:00")))).toBe("NO_WORKING_TIME");
    expect(codeOf(() => once.addWorkingMinutes(m("2029-01-01T00:00"), -1))).toBe("NO_WORKING_TIME");
  });
});

describe("24-hour and night-shift calendars", () => {
  it("24 hours: one long interval, elapsed = working", () => {
    const c = compileCalendar(twentyFourHourCalendar());
    const t = m("2026-11-28T10:00");
    expect(f(c.addWorkingMinutes(t, 3 * 1440))).toBe("2026-12-01T10:00");
    expect(c.workingMinutesBetween(t, t + 7 * 1440)).toBe(7 * 1440);
    expect(c.workingIntervals(t, t + 3 * 1440)).toEqual([[t, t + 3 * 1440]]);
  });

  it("night shift crosses midnight without a break", () => {
    const c = compileCalendar(nightShiftCalendar());
    // Monday 23:00 + 1 h → Tuesday 00:00 (end of Monday's shift); + 2 h → Tuesday 01:00
    expect(f(c.addWorkingMinutes(m("2026-11-23T23:00"), 60))).toBe("2026-11-24T00:00");
    expect(f(c.addWorkingMinutes(m("2026-11-23T23:00"), 120))).toBe("2026-11-24T01:00");
    // 8 h from Monday 23:00: 1 + 3 + (break 03-04) 4 → Tuesday 08:00
    expect(f(c.addWorkingMinutes(m("2026-11-23T23:00"), 480))).toBe("2026-11-24T08:00");
    expect(c.isWorking(m("2026-11-24T03:30"))).toBe(false);
    expect(c.workingMinutesBetween(m("2026-11-22T00:00"), m("2026-11-29T00:00"))).toBe(2400);
    // Saturday shift ends at 08:00, next work Monday 23:00
    expect(f(c.addWorkingMinutes(m("2026-11-28T07:00"), 120))).toBe("2026-12-01T00:00");
  });
});

describe("durations", () => {
  const cal = compileCalendar(standardCalendar());
  it("working vs elapsed units", () => {
    const fri = m("2026-11-27T13:00");
    expect(f(addDuration(cal, fri, { value: 2, unit: "days" }))).toBe("2026-12-01T12:00");
    expect(f(addDuration(cal, fri, { value: 2, unit: "elapsedDays" }))).toBe("2026-11-29T13:00");
    expect(f(addDuration(cal, fri, { value: 1, unit: "weeks" }))).toBe("2026-12-04T12:00");
    expect(
      f(
        addDuration(
          cal,
          fri,
          { value: 1, unit: "days" },
          { minutesPerDay: 420, minutesPerWeek: 2100, daysPerMonth: 20 },
        ),
      ),
    ).toBe("2026-11-30T11:00");
    expect(durationBetween(cal, fri, m("2026-12-01T12:00"), "days")).toEqual({ value: 2, unit: "days" });
    expect(durationBetween(cal, fri, m("2026-11-29T13:00"), "elapsedDays")).toEqual({
      value: 2,
      unit: "elapsedDays",
    });
    expect(codeOf(() => addDuration(cal, fri, { value: 10, unit: "percent" }))).toBe("INVALID_INPUT");
  });
});

describe("schema", () => {
  it("accepts 24:00 as an end and rejects unsorted / overlapping / inverted times", () => {
    expect(CalendarSchema.safeParse(twentyFourHourCalendar()).success).toBe(true);
    const bad = (times: { from: string; to: string }[]) =>
      safeParseCalendar({ id: "b", name: "B", weekDays: { monday: { working: true, times } } });
    expect(
      bad([
        { from: "13:00", to: "17:00" },
        { from: "08:00", to: "12:00" },
      ]).ok,
    ).toBe(false);
    expect(
      bad([
        { from: "08:00", to: "12:00" },
        { from: "11:00", to: "17:00" },
      ]).ok,
    ).toBe(false);
    expect(bad([{ from: "12:00", to: "08:00" }]).ok).toBe(false);
    expect(bad([{ from: "24:00", to: "24:00" }]).ok).toBe(false);
    expect(bad([{ from: "08:00", to: "24:01" }]).ok).toBe(false);
    expect(
      bad([
        { from: "08:00", to: "12:00" },
        { from: "12:00", to: "24:00" },
      ]).ok,
    ).toBe(true);
  });

  it("rejects invalid exception ranges and reports the path", () => {
    const r = safeParseCalendar({
      id: "b",
      name: "B",
      exceptions: [{ from: "2026-12-26", to: "2026-12-25", working: false }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("INVALID_CALENDAR");
      expect(r.error.details.path).toBe("calendar.exceptions.0.to");
    }
    expect(
      safeParseCalendar({
        id: "b",
        name: "B",
        exceptions: [{ from: "2026-02-30", to: "2026-03-01", working: false }],
      }).ok,
    ).toBe(false);
    expect(
      safeParseCalendar({
        id: "b",
        name: "B",
        exceptions: [
          { from: "2026-02-01", to: "2026-03-01", working: false, times: [{ from: "08:00", to: "09:00" }] },
        ],
      }).ok,
    ).toBe(false);
    expect(safeParseCalendar({ id: "b", name: "B", timeZone: "Europe/Paris" }).ok).toBe(true);
    expect(safeParseCalendar({ id: "b", name: "B", timeZone: "Mars/Olympus" }).ok).toBe(false);
    expect(parseCalendar(standardCalendar()).id).toBe("standard");
  });

  it("round-trips through JSON", () => {
    const c = standardCalendar();
    expect(CalendarSchema.parse(JSON.parse(JSON.stringify(c)))).toEqual(c);
    expect(fromEpochDay(toEpochDay("2026-11-26"))).toBe("2026-11-26");
  });
});
