import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCalendar } from "./compile.js";
import { standardCalendar, nightShiftCalendar, twentyFourHourCalendar } from "./presets.js";
import { CalendarSchema } from "./schema.js";
import { fastCalendar, validateCalendarGeneral, validateCalendarInput } from "./validate.js";

/** A label for a test input (inputs may hold bigints and cycles, which JSON.stringify rejects). */
function show(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? `${x}n` : x));
  } catch {
    return String(v);
  }
}

/** Runs the zod schema and the hand-written validator on one input and checks they agree. */
function expectSame(input: unknown): boolean {
  const z = CalendarSchema.safeParse(input);
  const h = validateCalendarInput(input);
  if (z.success) {
    expect(h, show(input)).toStrictEqual({ ok: true, value: z.data });
  } else {
    expect(h.ok, show(input)).toBe(false);
    const want = z.error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
    expect(h.ok ? [] : h.issues, show(input)).toStrictEqual(want);
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
const ext = (extensions: unknown) => ({ ...base, extensions });
class Box {
  v = 1;
}
const cyclic: Record<string, unknown> = { a: 1 };
cyclic["self"] = cyclic;
const badCycle: Record<string, unknown> = { bad: Number.NaN };
badCycle["self"] = badCycle;
const shared = { s: "x" };
/** An array with a hole at index 1. */
const holey: number[] = [1];
holey[2] = 2;

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
  ext(undefined),
  ext({}),
  ext({ p6: { clndr_type: "CA_Base", year_hr_cnt: "2000" }, mspdi: { GUID: "9f1c" } }),
  ext({ n: -0, deep: [[{ a: [null, true, 1.5, "s"] }]], e: [] }),
  { ...base, timeZone: "UTC", extensions: { z: 1, a: 2, 10: 3 } },
  ext(Object.assign(Object.create(null) as object, { a: 1 })),
  ext(JSON.parse('{"__proto__": {"x": 1}, "b": {"__proto__": 2, "c": 3}}')),
  ext(Object.defineProperty({ a: 1 }, "hidden", { value: () => 1, enumerable: false })),
  ext({ a: Object.assign([1, 2], { extra: () => 1 }) }),
  ext({ a: { constructor: "not a function" } }),
  ext({ a: cyclic }),
  ext({ a: shared, b: [shared] }),
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
  ext(null),
  ext([]),
  ext("p6"),
  ext(new Date(0)),
  ext(new Box()),
  ext(() => 1),
  ext({ f: () => 1 }),
  ext({ a: [1, undefined], b: 1, c: undefined }),
  ext({ a: Number.NaN, b: [Number.POSITIVE_INFINITY], c: Number.NEGATIVE_INFINITY }),
  ext({ s: Symbol("s"), n: 1n }),
  ext({ box: new Box(), date: new Date(0), map: new Map(), str: new String("s") }),
  ext({ a: { b: [1, { c: () => 1 }] }, ok: "kept" }),
  ext({ a: holey }),
  ext({ a: { [Symbol("k")]: 1 } }),
  ext({ [Symbol("q")]: 1, b: Number.NaN, [Symbol("r")]: 2 }),
  ext({ a: { constructor: function Ctor() {} } }),
  ext({ a: badCycle, b: badCycle }),
  { ...base, id: "", timeZone: "Mars/Olympus", extensions: { a: undefined } },
];

/** Random calendars, valid and partly broken, for the property tests. */
function calendarArbitrary(): fc.Arbitrary<Record<string, unknown>> {
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
  // Extension values: JSON mostly, sometimes with a non-JSON value somewhere inside.
  const notJson = fc.oneof(
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, undefined, 1n),
    fc.constant(null).map(() => () => 1),
    fc.constant(null).map(() => new Date(0)),
    fc.constant(null).map(() => new Box()),
  );
  const { extensionValue } = fc.letrec((tie) => ({
    extensionValue: fc.oneof(
      {
        weight: 8,
        arbitrary: fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null)),
      },
      { weight: 1, arbitrary: notJson },
      { weight: 2, arbitrary: fc.array(tie("extensionValue"), { maxLength: 3 }) },
      {
        weight: 2,
        arbitrary: fc.dictionary(fc.constantFrom("a", "b", "1"), tie("extensionValue"), { maxKeys: 3 }),
      },
    ),
  }));
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
  const dayPattern = maybe(fc.record({ working: maybe(fc.boolean()), times }, { requiredKeys: ["working"] }));
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
  return fc.record(
    {
      id: maybe(fc.constantFrom("c", "")),
      name: maybe(fc.constant("C")),
      parentId: maybe(fc.constantFrom("p", "")),
      weekDays,
      workWeeks: maybe(fc.array(workWeek, { maxLength: 2 })),
      exceptions: maybe(fc.array(exception, { maxLength: 2 })),
      timeZone: maybe(fc.constantFrom("UTC", "Europe/Berlin", "Nowhere/Else")),
      extensions: maybe(
        fc.dictionary(fc.constantFrom("p6", "mspdi", "x", "10"), extensionValue, { maxKeys: 3 }),
      ),
      extra: junk,
    },
    { requiredKeys: ["id", "name"] },
  );
}

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
    const calendar = calendarArbitrary();
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

/** Valid calendars (plain, as readers and presets build them), with optional keys present or absent. */
function validCalendarArbitrary(): fc.Arbitrary<Record<string, unknown>> {
  const hhmm = (m: number): string =>
    `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const times = fc
    .uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 6 })
    .map((xs) => {
      const s = [...xs].sort((a, b) => a - b);
      const out: { from: string; to: string }[] = [];
      for (let i = 0; i + 1 < s.length; i += 2) out.push({ from: hhmm(s[i]!), to: hhmm(s[i + 1]!) });
      return out;
    });
  const working = fc.oneof(
    fc.record({ working: fc.constant(true), times }),
    fc.record({ working: fc.constant(true), times: fc.constant(undefined) }, { requiredKeys: ["working"] }),
    fc.record(
      { working: fc.constant(false), times: fc.constantFrom(undefined, []) },
      { requiredKeys: ["working"] },
    ),
  );
  const day = fc.oneof({ weight: 4, arbitrary: working }, fc.constant(null), fc.constant(undefined));
  const weekDays = fc.record(
    Object.fromEntries(
      ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].map((d) => [d, day]),
    ),
    { requiredKeys: [] },
  );
  const iso = (n: number): string =>
    new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const range = fc
    .tuple(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 40 }))
    .map(([a, d]) => ({ from: iso(a), to: iso(a + d) }));
  const name = fc.option(fc.string({ maxLength: 4 }), { nil: undefined });
  const exception = fc
    .tuple(range, working, fc.record({ name }, { requiredKeys: [] }))
    .map(([r, w, n]) => ({ ...n, ...r, ...w }));
  const workWeek = fc
    .tuple(range, weekDays, fc.record({ name }, { requiredKeys: [] }))
    .map(([r, wd, n]) => ({ ...n, ...r, weekDays: wd }));
  return fc.record(
    {
      id: fc.constantFrom("c", "std"),
      name: fc.string({ maxLength: 4 }),
      parentId: fc.constantFrom("p", undefined),
      weekDays: fc.option(weekDays, { nil: undefined }),
      workWeeks: fc.option(fc.array(workWeek, { maxLength: 2 }), { nil: undefined }),
      exceptions: fc.option(fc.array(exception, { maxLength: 4 }), { nil: undefined }),
      timeZone: fc.constant(undefined),
      extensions: fc.oneof(
        fc.constant(undefined),
        fc.dictionary(fc.constantFrom("p6", "mspdi", "x"), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
      ),
      extra: fc.integer(),
    },
    { requiredKeys: ["id", "name"] },
  );
}

/** Keys of every object in `v`, depth first: equal lists mean equal key order everywhere. */
function keyOrder(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) keyOrder(x, out);
  else if (typeof v === "object" && v !== null)
    for (const k of Object.keys(v)) {
      out.push(k);
      keyOrder((v as Record<string, unknown>)[k], out);
    }
  return out;
}

/** Whether a calendar has what the fast path leaves to the general one: a recurrence or a time zone. */
function needsGeneralPath(c: {
  timeZone?: string | undefined;
  exceptions: ReadonlyArray<{ recurrence?: unknown }>;
}): boolean {
  return c.timeZone !== undefined || c.exceptions.some((x) => x.recurrence !== undefined);
}

describe("the validator's fast path", () => {
  it("returns exactly the general path's value (key order included) whenever it answers (property)", () => {
    let fast = 0;
    let generalOk = 0;
    fc.assert(
      fc.property(fc.oneof(calendarArbitrary(), validCalendarArbitrary()), (c) => {
        const f = fastCalendar(c);
        const g = validateCalendarGeneral(c);
        if (g.ok && !needsGeneralPath(g.value)) {
          generalOk++;
          // Every valid calendar without a recurrence or a time zone takes the fast path.
          expect(f, show(c)).toBeDefined();
        }
        if (f === undefined) return;
        fast++;
        expect(g.ok, show(c)).toBe(true);
        if (!g.ok) return;
        expect(f).toStrictEqual(g.value);
        expect(keyOrder(f)).toEqual(keyOrder(g.value));
      }),
      { numRuns: 3000, seed: 20261127 },
    );
    // The valid half of the generator gives many valid calendars.
    expect(generalOk).toBeGreaterThan(300);
    expect(fast).toBe(generalOk);
    for (const c of VALID) {
      const g = validateCalendarGeneral(c);
      if (g.ok && !needsGeneralPath(g.value)) expect(fastCalendar(c)).toStrictEqual(g.value);
    }
  });

  it("answers for the presets and returns copies, not the input", () => {
    for (const c of [standardCalendar(), nightShiftCalendar(), twentyFourHourCalendar()]) {
      const f = fastCalendar(c);
      expect(f).toStrictEqual(
        validateCalendarGeneral(c).ok && (validateCalendarGeneral(c) as { value: unknown }).value,
      );
      expect(f).not.toBe(c);
    }
  });
});

describe("calendar extensions", () => {
  it("are validated and deep-copied by the fast path", () => {
    const input = { ...base, extensions: { p6: { clndr_type: "CA_Base" }, list: [{ a: 1 }] } };
    const f = fastCalendar(input);
    expect(f?.extensions).toStrictEqual(input.extensions);
    expect(f?.extensions).not.toBe(input.extensions);
    expect(f?.extensions?.["p6"]).not.toBe(input.extensions.p6);
    expect(Object.keys(f ?? {})).toEqual(["id", "name", "weekDays", "workWeeks", "exceptions", "extensions"]);
  });

  it("keep shared and cyclic values shared and cyclic in the copy, as zod does", () => {
    const f = fastCalendar(ext({ a: shared, b: [shared] }));
    expect(f?.extensions?.["a"]).toBe((f?.extensions?.["b"] as unknown[])[0]);
    expect(f?.extensions?.["a"]).not.toBe(shared);
    const g = validateCalendarGeneral(ext({ a: cyclic }));
    expect(g.ok).toBe(true);
    const a = g.ok ? (g.value.extensions?.["a"] as Record<string, unknown>) : undefined;
    expect(a?.["self"]).toBe(a);
    expect(a).not.toBe(cyclic);
  });

  it("report one invalid_union per extension key holding a non-JSON value anywhere inside", () => {
    const r = validateCalendarInput(ext({ ok: 1, bad: { deep: [1, Number.NaN] }, fn: () => 1 }));
    expect(r.ok ? [] : r.issues).toStrictEqual([
      { code: "invalid_union", path: ["extensions", "bad"], message: "Invalid input" },
      { code: "invalid_union", path: ["extensions", "fn"], message: "Invalid input" },
    ]);
  });
});
