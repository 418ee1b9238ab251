// Hand-written calendar validator: what `CalendarSchema.safeParse` does, without zod, so that
// compiling calendars (and therefore `schedule()`) ships no zod. It applies the same defaults and
// reports the same issues (code, path, message, order) as the schema; `validate.test.ts` checks both
// side by side. Keep the two in step when the schema changes.
import {
  DAY_NAMES,
  MONTH_MAX_DAY,
  TIME_RE,
  WEEKS_OF_MONTH,
  isValidDate,
  isValidTimeZone,
  timeToMinutes,
} from "./primitives.js";
import type { Calendar } from "./schema.js";

/** One problem found in a calendar (the fields `CalendarSchema` reports). */
export interface CalendarIssue {
  /** Zod-compatible issue code (`invalid_type`, `too_small`, `custom`, …). */
  readonly code: string;
  /** JSON path below the calendar. */
  readonly path: ReadonlyArray<string | number>;
  /** Human-readable description. */
  readonly message: string;
}

/** Result of {@link validateCalendarInput}. */
export type CalendarValidation =
  | { readonly ok: true; readonly value: Calendar }
  | { readonly ok: false; readonly issues: readonly CalendarIssue[] };

type Path = ReadonlyArray<string | number>;
/** An issue plus whether it stops the checks (refinements) of the enclosing values. */
interface Found extends CalendarIssue {
  readonly abort: boolean;
}
type Out = Found[];
type Rec = Record<string, unknown>;

function aborted(out: Out, from: number): boolean {
  for (let i = from; i < out.length; i++) if (out[i]!.abort) return true;
  return false;
}

function receivedType(v: unknown): string {
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : Number.isFinite(v) ? "number" : String(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") {
    const proto: unknown = Object.getPrototypeOf(v);
    const ctor: unknown = (v as { constructor?: unknown }).constructor;
    if (proto !== Object.prototype && "constructor" in v && ctor) {
      return (ctor as { name: string }).name;
    }
  }
  return typeof v;
}

function typeIssue(out: Out, path: Path, expected: string, v: unknown): void {
  out.push({
    code: "invalid_type",
    path,
    message: `Invalid input: expected ${expected}, received ${receivedType(v)}`,
    abort: true,
  });
}

function check(out: Out, path: Path, code: string, message: string): void {
  out.push({ code, path, message, abort: false });
}

const quoted = (values: readonly string[], sep: string): string => values.map((x) => `"${x}"`).join(sep);

function isObject(v: unknown): v is Rec {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Parses one value; pushes issues to `out`; returns the parsed value. */
type Parse = (v: unknown, path: Path, out: Out) => unknown;

/** How an object key treats `undefined`: required, optional (absent stays absent) or defaulted. */
type Field = readonly [key: string, parse: Parse, kind?: "optional" | { readonly default: () => unknown }];

function object(
  v: unknown,
  path: Path,
  out: Out,
  fields: readonly Field[],
  strict: boolean,
): Rec | undefined {
  if (!isObject(v)) {
    typeIssue(out, path, "object", v);
    return undefined;
  }
  const res: Rec = {};
  for (const [key, parse, kind] of fields) {
    const present = key in v;
    const val = v[key];
    if (kind === "optional") {
      if (!present) continue;
      res[key] = val === undefined ? undefined : parse(val, [...path, key], out);
    } else if (kind !== undefined && val === undefined) {
      res[key] = kind.default();
    } else {
      res[key] = parse(val, [...path, key], out);
    }
  }
  if (strict) {
    const unknown: string[] = [];
    const known = new Set(fields.map((f) => f[0]));
    for (const key in v) if (!known.has(key)) unknown.push(key);
    if (unknown.length > 0) {
      check(
        out,
        path,
        "unrecognized_keys",
        `Unrecognized key${unknown.length > 1 ? "s" : ""}: ${quoted(unknown, ", ")}`,
      );
    }
  }
  return res;
}

/** Runs `refine` (on the parsed value) unless an aborting issue was found since `from`. */
function refine<T>(
  out: Out,
  from: number,
  value: T,
  ok: (value: T) => boolean,
  path: Path,
  message: string,
): void {
  if (!aborted(out, from) && !ok(value)) check(out, path, "custom", message);
}

const string: Parse = (v, path, out) => {
  if (typeof v !== "string") typeIssue(out, path, "string", v);
  return v;
};

/**
 * A minimum-length check. Like the schema's, it also runs after a type error, on any value with a
 * `length` (`[]` as an id gets both "expected string" and "too small").
 */
function minLength(v: unknown, path: Path, out: Out, min: number): void {
  if (v === null || v === undefined) return;
  const length = (v as { length?: unknown }).length;
  if (length === undefined || (length as number) >= min) return;
  const origin = Array.isArray(v) ? "array" : typeof v === "string" ? "string" : "unknown";
  const unit = origin === "array" ? "items" : origin === "string" ? "characters" : undefined;
  check(
    out,
    path,
    "too_small",
    unit === undefined
      ? `Too small: expected ${origin} to be >=${min}`
      : `Too small: expected ${origin} to have >=${min} ${unit}`,
  );
}

const nonEmptyString: Parse = (v, path, out) => {
  if (typeof v !== "string") typeIssue(out, path, "string", v);
  minLength(v, path, out, 1);
  return v;
};

const boolean: Parse = (v, path, out) => {
  if (typeof v !== "boolean") typeIssue(out, path, "boolean", v);
  return v;
};

const timeOfDay: Parse = (v, path, out) => {
  if (typeof v !== "string") typeIssue(out, path, "string", v);
  else if (!TIME_RE.test(v))
    check(out, path, "invalid_format", "expected a time HH:mm between 00:00 and 24:00");
  return v;
};

const isoDate: Parse = (v, path, out) => {
  if (typeof v !== "string") typeIssue(out, path, "string", v);
  else if (!isValidDate(v)) check(out, path, "custom", "expected a valid ISO date YYYY-MM-DD");
  return v;
};

const timeZone: Parse = (v, path, out) => {
  if (typeof v !== "string") typeIssue(out, path, "string", v);
  else if (!isValidTimeZone(v)) check(out, path, "custom", "expected an IANA time zone");
  return v;
};

function oneOf(values: readonly string[]): Parse {
  const message =
    values.length === 1
      ? `Invalid input: expected ${quoted(values, "")}`
      : `Invalid option: expected one of ${quoted(values, "|")}`;
  return (v, path, out) => {
    if (!values.includes(v as string)) out.push({ code: "invalid_value", path, message, abort: true });
    return v;
  };
}

function integer(min: number, max: number): Parse {
  return (v, path, out) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      typeIssue(out, path, "number", v);
      return v;
    }
    if (!Number.isInteger(v)) {
      typeIssue(out, path, "int", v);
      return v;
    }
    if (!Number.isSafeInteger(v)) {
      if (v > 0) check(out, path, "too_big", `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`);
      else check(out, path, "too_small", `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`);
    }
    if (v < min) check(out, path, "too_small", `Too small: expected number to be >=${min}`);
    if (v > max) check(out, path, "too_big", `Too big: expected number to be <=${max}`);
    return v;
  };
}

function array(element: Parse, minItems = 0): Parse {
  return (v, path, out) => {
    if (!Array.isArray(v)) {
      typeIssue(out, path, "array", v);
      if (minItems > 0) minLength(v, path, out, minItems);
      return v;
    }
    const res = v.map((x, i) => element(x, [...path, i], out));
    if (minItems > 0) minLength(res, path, out, minItems);
    return res;
  };
}

const workingTime: Parse = (v, path, out) => {
  const from = out.length;
  const t = object(
    v,
    path,
    out,
    [
      ["from", timeOfDay],
      ["to", timeOfDay],
    ],
    true,
  );
  if (t === undefined) return v;
  refine(
    out,
    from,
    t as { from: string; to: string },
    (x) => x.from !== "24:00" && timeToMinutes(x.from) < timeToMinutes(x.to),
    [...path, "to"],
    "working time 'from' must be before 'to'",
  );
  return t;
};

const times: Parse = (v, path, out) => {
  const from = out.length;
  const res = array(workingTime)(v, path, out);
  if (!Array.isArray(res) || aborted(out, from)) return res;
  const list = res as ReadonlyArray<{ from: string; to: string }>;
  for (let i = 1; i < list.length; i++) {
    if (timeToMinutes(list[i]!.from) < timeToMinutes(list[i - 1]!.to)) {
      check(out, [...path, i, "from"], "custom", "working times must be sorted and must not overlap");
    }
  }
  return res;
};

/** `working` plus optional `times`, and the two refinements shared by days and exceptions. */
function workingRefinements(out: Out, from: number, value: Rec, path: Path, what: "day" | "exception"): void {
  const x = value as { working: boolean; times?: readonly unknown[] };
  refine(
    out,
    from,
    x,
    (d) => d.working || d.times === undefined || d.times.length === 0,
    [...path, "times"],
    `a non-working ${what} must not have working times`,
  );
  refine(
    out,
    from,
    x,
    (d) => !d.working || d.times === undefined || d.times.length > 0,
    [...path, "times"],
    what === "day"
      ? "a working day needs at least one working time (or omit 'times' for the default)"
      : "a working exception needs at least one working time (or omit 'times')",
  );
}

const dayPattern: Parse = (v, path, out) => {
  if (v === undefined || v === null) return v;
  const from = out.length;
  const d = object(
    v,
    path,
    out,
    [
      ["working", boolean],
      ["times", times, "optional"],
    ],
    true,
  );
  if (d === undefined) return v;
  workingRefinements(out, from, d, path, "day");
  return d;
};

const weekDays: Parse = (v, path, out) =>
  object(
    v,
    path,
    out,
    DAY_NAMES.map((n): Field => [n, dayPattern, "optional"]),
    true,
  ) ?? v;

const workWeek: Parse = (v, path, out) => {
  const from = out.length;
  const w = object(
    v,
    path,
    out,
    [
      ["name", string, "optional"],
      ["from", isoDate],
      ["to", isoDate],
      ["weekDays", weekDays],
    ],
    true,
  );
  if (w === undefined) return v;
  refine(
    out,
    from,
    w as { from: string; to: string },
    (x) => x.from <= x.to,
    [...path, "to"],
    "work week 'from' must not be after 'to'",
  );
  return w;
};

const dayName = oneOf(DAY_NAMES);
const weekOfMonth = oneOf(WEEKS_OF_MONTH);
const commonRecurrence = (type: string): Field[] => [
  ["type", oneOf([type])],
  ["interval", integer(1, 1000), { default: () => 1 }],
  ["occurrences", integer(1, 100_000), "optional"],
];
const dayOfMonth = integer(1, 31);
const month = integer(1, 12);

/** The options of `RecurrenceSchema`, in its order. */
const RECURRENCES: ReadonlyArray<{ readonly fields: readonly Field[]; readonly yearlyDay?: true }> = [
  { fields: commonRecurrence("daily") },
  { fields: [...commonRecurrence("weekly"), ["daysOfWeek", array(dayName, 1)]] },
  { fields: [...commonRecurrence("monthly"), ["day", dayOfMonth]] },
  { fields: [...commonRecurrence("monthly"), ["week", weekOfMonth], ["dayOfWeek", dayName]] },
  { fields: [...commonRecurrence("yearly"), ["month", month], ["day", dayOfMonth]], yearlyDay: true },
  {
    fields: [...commonRecurrence("yearly"), ["month", month], ["week", weekOfMonth], ["dayOfWeek", dayName]],
  },
];

const recurrence: Parse = (v, path, out) => {
  const results: Array<{ value: unknown; issues: Out }> = [];
  for (const option of RECURRENCES) {
    const issues: Out = [];
    const r = object(v, path, issues, option.fields, true);
    if (r !== undefined && option.yearlyDay) {
      refine(
        issues,
        0,
        r as { month: number; day: number },
        (x) => x.day <= MONTH_MAX_DAY[x.month - 1]!,
        [...path, "day"],
        "day does not exist in that month",
      );
    }
    if (issues.length === 0) return r;
    results.push({ value: r ?? v, issues });
  }
  // Like the schema: when exactly one option failed without aborting, its issues are reported;
  // otherwise a single "no option matched" issue.
  const open = results.filter((r) => !aborted(r.issues, 0));
  if (open.length === 1) {
    out.push(...open[0]!.issues);
    return open[0]!.value;
  }
  out.push({ code: "invalid_union", path, message: "Invalid input", abort: true });
  return v;
};

const exception: Parse = (v, path, out) => {
  const from = out.length;
  const e = object(
    v,
    path,
    out,
    [
      ["name", string, "optional"],
      ["from", isoDate],
      ["to", isoDate],
      ["working", boolean],
      ["times", times, "optional"],
      ["recurrence", recurrence, "optional"],
    ],
    true,
  );
  if (e === undefined) return v;
  refine(
    out,
    from,
    e as { from: string; to: string },
    (x) => x.from <= x.to,
    [...path, "to"],
    "exception 'from' must not be after 'to'",
  );
  workingRefinements(out, from, e, path, "exception");
  return e;
};

const CALENDAR_FIELDS: readonly Field[] = [
  ["id", nonEmptyString],
  ["name", string],
  ["parentId", nonEmptyString, "optional"],
  ["weekDays", weekDays, { default: () => ({}) }],
  ["workWeeks", array(workWeek), { default: () => [] }],
  ["exceptions", array(exception), { default: () => [] }],
  ["timeZone", timeZone, "optional"],
];

/**
 * Validates and normalises a calendar exactly like `CalendarSchema.safeParse` (same defaults: empty
 * `weekDays`, `workWeeks`, `exceptions`, recurrence `interval` 1; unknown top-level keys dropped;
 * same issues in the same order), without zod.
 *
 * @param input - the calendar as plain data
 * @returns the normalised calendar, or every issue found
 * @example
 * ```ts
 * const r = validateCalendarInput({ id: "c", name: "C", weekDays: { monday: { working: true } } });
 * if (r.ok) r.value.exceptions; // []
 * ```
 * @category Calendars
 * @internal
 */
export function validateCalendarInput(input: unknown): CalendarValidation {
  const out: Out = [];
  const value = object(input, [], out, CALENDAR_FIELDS, false);
  if (out.length === 0) return { ok: true, value: value as Calendar };
  return { ok: false, issues: out.map(({ code, path, message }) => ({ code, path, message })) };
}
