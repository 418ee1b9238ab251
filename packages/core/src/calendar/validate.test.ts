import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCalendar } from "./compile.js";
import { standardCalendar, nightShiftCalendar, twentyFourHourCalendar } from "./presets.js";
import { CalendarSchema } from "./schema.js";
import { validateCalendarInput } from "./validate.js";

/** Runs the zod schema and the hand-written validator on one input and checks they agree. */
function expectSame(input: unknown): boolean {
  const z = CalendarSchema.safeParse(input);
  const h = validateCalendarInput(input);
  if (z.success) {
    expect(h, JSON.stringify(input)).toStrictEqual({ ok: true, value: z.data });
  } else {
    expect(h.ok, JSON.stringify(input)).toBe(false);
    const want = z.error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
    expect(h.ok ? [] : h.issues, JSON.stringify(input)).toStrictEqual(want);
  }
  return z.success;
}

const base = { id: "c", name: "C" };
const day = (times?: unknown) => ({ working: true, times });
const exc = (extra: Record<string, unknown>) => ({
  from: "2026-01-01",
  to: "2026-12-31",
  working: false,
  ...extra,
});
const rec = (recurrence: unknown) => ({ ...base, exceptions: [exc({ recurrence })] });

const VALID: unknown[] = [
  base,
  standardCalendar(),
  standardCalendar("std", "Standard"),
  nightShiftCalendar(),
  twentyFourHourCalendar(),
  { ...base, extra: 1, weekDays: { monday: { working: true, times: undefined } } },
  { ...base, parentId: "std", weekDays: { sunday: null, saturday: undefined, monday: { working: false } } },
  { ...base, weekDays: undefined, workWeeks: undefined, exceptions: undefined, timeZone: "Europe/Paris" },
  { ...base, weekDays: { friday: day([{ from: "00:00", to: "24:00" }]) } },
  {
    ...base,
    workWeeks: [
      {
        name: "Summer",
        from: "2026-07-01",
        to: "2026-08-31",
        weekDays: { friday: day([{ from: "08:00", to: "12:00" }]) },
      },
    ],
  },
  {
    ...base,
    exceptions: [exc({ name: "Shutdown", working: true, times: [{ from: "09:00", to: "10:00" }] })],
  },
  rec({ type: "daily" }),
  rec({ type: "daily", interval: 3, occurrences: 10 }),
  rec({ type: "weekly", daysOfWeek: ["monday", "friday"] }),
  rec({ type: "monthly", interval: 2, day: 31 }),
  rec({ type: "monthly", week: "last", dayOfWeek: "friday" }),
  rec({ type: "yearly", month: 2, day: 29 }),
  rec({ type: "yearly", month: 12, week: "second", dayOfWeek: "tuesday", interval: undefined }),
];

const INVALID: unknown[] = [
  null,
  5,
  "calendar",
  [],
  new Date(0),
  Object.create(null),
  {},
  { id: "", name: 3 },
  { ...base, parentId: "" },
  { ...base, weekDays: [] },
  { ...base, weekDays: { funday: {}, monday: 1 } },
  { ...base, weekDays: { monday: { working: "yes", times: [] } } },
  { ...base, weekDays: { monday: { working: false, times: [{ from: "08:00", to: "09:00" }] } } },
  { ...base, weekDays: { monday: { working: true, times: [] } } },
  { ...base, weekDays: { monday: day([{ from: "9", to: "x", q: 1 }]), funday: 1, otherday: 2 } },
  { ...base, weekDays: { monday: day([{ from: "24:00", to: "24:00" }, { from: "25:00" }]) } },
  { ...base, weekDays: { monday: day([{ from: 8, to: null }]) } },
  {
    ...base,
    weekDays: {
      monday: day([
        { from: "10:00", to: "12:00" },
        { from: "11:00", to: "13:00" },
        { from: "14:00", to: "13:00" },
      ]),
    },
  },
  { ...base, weekDays: { monday: day({}) } },
  { ...base, workWeeks: {} },
  { ...base, workWeeks: [{ from: "2026-02-30", to: "2026-01-01", weekDays: {} }] },
  { ...base, workWeeks: [{ from: "2026-02-01", to: "2026-01-01" }] },
  { ...base, workWeeks: [{ name: 1, from: "2026-03-01", to: "2026-01-01", weekDays: { monday: 5 } }] },
  { ...base, exceptions: [exc({ to: "2025-01-01", working: true, times: [] })] },
  { ...base, exceptions: [exc({ working: false, times: [{ from: "08:00", to: "09:00" }] })] },
  { ...base, exceptions: [exc({ from: "2026-13-01", to: 20260101, working: 0 })] },
  { ...base, exceptions: [1, exc({ x: 1 })] },
  rec({ type: "yearly", month: 2, day: 30 }),
  { ...base, exceptions: [exc({ to: "2025-01-01", recurrence: { type: "yearly", month: 4, day: 31 } })] },
  rec({ type: "monthly", interval: 1.5 }),
  rec({ type: "monthly", day: 3, dayOfWeek: "monday" }),
  rec({ type: "monthly", day: 0 }),
  rec({ type: "monthly", week: "fifth", dayOfWeek: "monday" }),
  rec({ type: "weekly", daysOfWeek: [] }),
  rec({ type: "weekly", daysOfWeek: ["mon"] }),
  rec({ type: "weekly", daysOfWeek: "monday" }),
  rec({ type: "x" }),
  rec({}),
  rec(null),
  rec({ type: "daily", interval: Number.NaN, occurrences: Number.POSITIVE_INFINITY }),
  rec({ type: "daily", interval: 0, occurrences: 1e6 }),
  rec({ type: "daily", interval: 2 ** 60 }),
  rec({ type: "daily", interval: -(2 ** 60) }),
  rec({ type: "daily", interval: "2" }),
  rec({ type: "yearly", month: 13, day: 1 }),
  rec({ type: "yearly", month: 1, week: "first" }),
  { ...base, timeZone: "Mars/Olympus" },
  { ...base, timeZone: 1 },
];

describe("validateCalendarInput agrees with CalendarSchema", () => {
  it("accepts the valid calendars with the same normalised output", () => {
    for (const c of VALID) expect(expectSame(c)).toBe(true);
  });

  it("rejects the invalid calendars with the same issues (code, path, message, order)", () => {
    for (const c of INVALID) expect(expectSame(c)).toBe(false);
  });

  it("gives parseCalendar the same error as before (code INVALID_CALENDAR, first issue's path)", () => {
    const input = { ...base, weekDays: { monday: day([{ from: "10:00", to: "09:00" }]) } };
    const z = CalendarSchema.safeParse(input);
    expect(z.success).toBe(false);
    const first = z.error?.issues[0];
    expect(() => parseCalendar(input)).toThrow(
      expect.objectContaining({
        code: "INVALID_CALENDAR",
        details: expect.objectContaining({
          path: ["calendar", ...(first?.path ?? [])].join("."),
        }),
        message: `Invalid calendar at calendar.weekDays.monday.times.0.to: ${first?.message}`,
      }),
    );
  });

  it("agrees on random, partly broken calendars (property)", () => {
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer({ min: -3, max: 40 }),
      fc.double(),
      fc.string({ maxLength: 3 }),
      fc.boolean(),
      fc.constant([]),
      fc.constant({}),
    );
    const maybe = <T>(a: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 6, arbitrary: a }, { weight: 1, arbitrary: junk });
    const time = maybe(
      fc.oneof(
        fc.constantFrom("00:00", "08:00", "12:00", "13:00", "17:00", "24:00", "23:59", "7:00", "24:01"),
        fc
          .tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(0, 30))
          .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
      ),
    );
    const times = maybe(fc.array(maybe(fc.record({ from: time, to: time })), { maxLength: 3 }));
    const date = maybe(
      fc.constantFrom("2026-01-01", "2026-02-29", "2028-02-29", "2026-06-30", "2027-12-31", "26-1-1"),
    );
    const dayPattern = maybe(
      fc.record({ working: maybe(fc.boolean()), times }, { requiredKeys: ["working"] }),
    );
    const weekDays = maybe(
      fc.record(
        { monday: dayPattern, tuesday: dayPattern, saturday: dayPattern, sunday: dayPattern },
        { requiredKeys: [] },
      ),
    );
    const dayName = maybe(fc.constantFrom("monday", "friday", "sunday", "mon"));
    const recurrence = maybe(
      fc.record(
        {
          type: maybe(fc.constantFrom("daily", "weekly", "monthly", "yearly")),
          interval: maybe(fc.integer({ min: -1, max: 1001 })),
          occurrences: maybe(fc.integer({ min: 0, max: 3 })),
          daysOfWeek: maybe(fc.array(dayName, { maxLength: 2 })),
          day: maybe(fc.integer({ min: 0, max: 32 })),
          month: maybe(fc.integer({ min: 0, max: 13 })),
          week: maybe(fc.constantFrom("first", "last", "fifth")),
          dayOfWeek: dayName,
        },
        { requiredKeys: ["type"] },
      ),
    );
    const exception = maybe(
      fc.record(
        { name: maybe(fc.string()), from: date, to: date, working: maybe(fc.boolean()), times, recurrence },
        { requiredKeys: ["from", "to", "working"] },
      ),
    );
    const workWeek = maybe(
      fc.record(
        { name: maybe(fc.string()), from: date, to: date, weekDays },
        { requiredKeys: ["from", "to", "weekDays"] },
      ),
    );
    const calendar = fc.record(
      {
        id: maybe(fc.constantFrom("c", "")),
        name: maybe(fc.constant("C")),
        parentId: maybe(fc.constantFrom("p", "")),
        weekDays,
        workWeeks: maybe(fc.array(workWeek, { maxLength: 2 })),
        exceptions: maybe(fc.array(exception, { maxLength: 2 })),
        timeZone: maybe(fc.constantFrom("UTC", "Europe/Berlin", "Nowhere/Else")),
        extra: junk,
      },
      { requiredKeys: ["id", "name"] },
    );
    let valid = 0;
    fc.assert(
      fc.property(calendar, (c) => {
        if (expectSame(c)) valid++;
      }),
      { numRuns: 400, seed: 20261126 },
    );
    // The generator must exercise both sides.
    expect(valid).toBeGreaterThan(0);
    expect(valid).toBeLessThan(400);
  });
});
