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
  /** JSON path below the calendar (a symbol only for a symbol key in `extensions`, as zod reports it). */
  readonly path: ReadonlyArray<PropertyKey>;
  /** Human-readable description. */
  readonly message: string;
}

/** Result of {@link validateCalendarInput}. */
export type CalendarValidation =
  | { readonly ok: true; readonly value: Calendar }
  | { readonly ok: false; readonly issues: readonly CalendarIssue[] };

/**
 * Where a value sits, as a link to its parent's path: built per value without copying arrays, and
 * turned into an array only when an issue is reported.
 */
type Path = { readonly up: Path; readonly key: PropertyKey } | undefined;

function at(path: Path, key: PropertyKey): Path {
  return { up: path, key };
}

function pathArray(path: Path): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (let p = path; p !== undefined; p = p.up) keys.push(p.key);
  return keys.reverse();
}

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
    path: pathArray(path),
    message: `Invalid input: expected ${expected}, received ${receivedType(v)}`,
    abort: true,
  });
}

function check(out: Out, path: Path, code: string, message: string): void {
  out.push({ code, path: pathArray(path), message, abort: false });
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
      res[key] = val === undefined ? undefined : parse(val, at(path, key), out);
    } else if (kind !== undefined && val === undefined) {
      res[key] = kind.default();
    } else {
      res[key] = parse(val, at(path, key), out);
    }
  }
  if (strict) {
    let unknown: string[] | undefined;
    for (const key in v) {
      let known = false;
      for (let i = 0; i < fields.length && !known; i++) known = fields[i]![0] === key;
      if (!known) (unknown ??= []).push(key);
    }
    if (unknown !== undefined) {
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
    if (!values.includes(v as string))
      out.push({ code: "invalid_value", path: pathArray(path), message, abort: true });
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
    const res = v.map((x, i) => element(x, at(path, i), out));
    if (minItems > 0) minLength(res, path, out, minItems);
    return res;
  };
}

const WORKING_TIME_FIELDS: readonly Field[] = [
  ["from", timeOfDay],
  ["to", timeOfDay],
];

const workingTime: Parse = (v, path, out) => {
  const from = out.length;
  const t = object(v, path, out, WORKING_TIME_FIELDS, true);
  if (t === undefined) return v;
  refine(
    out,
    from,
    t as { from: string; to: string },
    (x) => x.from !== "24:00" && timeToMinutes(x.from) < timeToMinutes(x.to),
    at(path, "to"),
    "working time 'from' must be before 'to'",
  );
  return t;
};

const workingTimes = array(workingTime);

const times: Parse = (v, path, out) => {
  const from = out.length;
  const res = workingTimes(v, path, out);
  if (!Array.isArray(res) || aborted(out, from)) return res;
  const list = res as ReadonlyArray<{ from: string; to: string }>;
  for (let i = 1; i < list.length; i++) {
    if (timeToMinutes(list[i]!.from) < timeToMinutes(list[i - 1]!.to)) {
      check(out, at(at(path, i), "from"), "custom", "working times must be sorted and must not overlap");
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
    at(path, "times"),
    `a non-working ${what} must not have working times`,
  );
  refine(
    out,
    from,
    x,
    (d) => !d.working || d.times === undefined || d.times.length > 0,
    at(path, "times"),
    what === "day"
      ? "a working day needs at least one working time (or omit 'times' for the default)"
      : "a working exception needs at least one working time (or omit 'times')",
  );
}

const DAY_PATTERN_FIELDS: readonly Field[] = [
  ["working", boolean],
  ["times", times, "optional"],
];

const dayPattern: Parse = (v, path, out) => {
  if (v === undefined || v === null) return v;
  const from = out.length;
  const d = object(v, path, out, DAY_PATTERN_FIELDS, true);
  if (d === undefined) return v;
  workingRefinements(out, from, d, path, "day");
  return d;
};

const WEEK_DAY_FIELDS: readonly Field[] = DAY_NAMES.map((n): Field => [n, dayPattern, "optional"]);

const weekDays: Parse = (v, path, out) => object(v, path, out, WEEK_DAY_FIELDS, true) ?? v;

const WORK_WEEK_FIELDS: readonly Field[] = [
  ["name", string, "optional"],
  ["from", isoDate],
  ["to", isoDate],
  ["weekDays", weekDays],
];

const workWeek: Parse = (v, path, out) => {
  const from = out.length;
  const w = object(v, path, out, WORK_WEEK_FIELDS, true);
  if (w === undefined) return v;
  refine(
    out,
    from,
    w as { from: string; to: string },
    (x) => x.from <= x.to,
    at(path, "to"),
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
        at(path, "day"),
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
  out.push({ code: "invalid_union", path: pathArray(path), message: "Invalid input", abort: true });
  return v;
};

const EXCEPTION_FIELDS: readonly Field[] = [
  ["name", string, "optional"],
  ["from", isoDate],
  ["to", isoDate],
  ["working", boolean],
  ["times", times, "optional"],
  ["recurrence", recurrence, "optional"],
];

const exception: Parse = (v, path, out) => {
  const from = out.length;
  const e = object(v, path, out, EXCEPTION_FIELDS, true);
  if (e === undefined) return v;
  refine(
    out,
    from,
    e as { from: string; to: string },
    (x) => x.from <= x.to,
    at(path, "to"),
    "exception 'from' must not be after 'to'",
  );
  workingRefinements(out, from, e, path, "exception");
  return e;
};

/**
 * Whether `v` is an object that zod's `z.record` accepts: not an array, and either without a usable
 * constructor or with one whose prototype has its own `isPrototypeOf` (a plain object, also one from
 * `Object.create(null)`). Class instances, dates, maps and boxed primitives are not.
 */
function isPlainObject(v: unknown): v is Rec {
  if (!isObject(v)) return false;
  const ctor: unknown = (v as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== "function") return true;
  const proto: unknown = (ctor as { prototype?: unknown }).prototype;
  if (!isObject(proto)) return false;
  return Object.prototype.hasOwnProperty.call(proto, "isPrototypeOf");
}

/** Marks a value that is not JSON (the result of {@link jsonValue}). */
const NOT_JSON: unique symbol = Symbol("not JSON");

/**
 * The copy of a JSON value as zod's `z.json()` returns it, or {@link NOT_JSON}. Like zod it accepts
 * strings, finite numbers, booleans, `null`, arrays (no holes, extra properties dropped) and plain
 * objects (own enumerable string keys; an own `__proto__` key is dropped, a symbol key is invalid),
 * and it keeps shared and cyclic references shared and cyclic in the copy (`memo` maps each object
 * or array being or already copied to its copy). Any bad value anywhere inside makes the whole value
 * bad: zod then reports one `invalid_union` for the enclosing `extensions` key.
 */
function jsonValue(v: unknown, memo: Map<object, unknown>): unknown {
  switch (typeof v) {
    case "string":
    case "boolean":
      return v;
    case "number":
      return Number.isFinite(v) ? v : NOT_JSON;
    case "object":
      break;
    default:
      return NOT_JSON;
  }
  if (v === null) return null;
  const done = memo.get(v);
  if (done !== undefined) return done;
  if (Array.isArray(v)) {
    const res: unknown[] = new Array<unknown>(v.length);
    memo.set(v, res);
    for (let i = 0; i < v.length; i++) {
      const x = jsonValue(v[i], memo);
      if (x === NOT_JSON) {
        memo.delete(v);
        return NOT_JSON;
      }
      res[i] = x;
    }
    return res;
  }
  if (!isPlainObject(v)) return NOT_JSON;
  const res: Rec = {};
  memo.set(v, res);
  for (const key of Reflect.ownKeys(v)) {
    if (key === "__proto__" || !Object.prototype.propertyIsEnumerable.call(v, key)) continue;
    const x = typeof key === "symbol" ? NOT_JSON : jsonValue(v[key], memo);
    if (x === NOT_JSON) {
      memo.delete(v);
      return NOT_JSON;
    }
    res[key as string] = x;
  }
  return res;
}

/** `ExtensionsSchema`: a record of JSON values (zod's `z.record(z.string(), z.json())`). */
const extensions: Parse = (v, path, out) => {
  if (!isPlainObject(v)) {
    typeIssue(out, path, "record", v);
    return v;
  }
  const res: Rec = {};
  const memo = new Map<object, unknown>();
  for (const key of Reflect.ownKeys(v)) {
    if (key === "__proto__" || !Object.prototype.propertyIsEnumerable.call(v, key)) continue;
    if (typeof key === "symbol") {
      out.push({
        code: "invalid_key",
        path: pathArray(at(path, key)),
        message: "Invalid key in record",
        abort: true,
      });
      continue;
    }
    const raw = v[key];
    const x = jsonValue(raw, memo);
    if (x === NOT_JSON) {
      out.push({
        code: "invalid_union",
        path: pathArray(at(path, key)),
        message: "Invalid input",
        abort: true,
      });
      res[key] = raw;
    } else res[key] = x;
  }
  return res;
};

const CALENDAR_FIELDS: readonly Field[] = [
  ["id", nonEmptyString],
  ["name", string],
  ["parentId", nonEmptyString, "optional"],
  ["weekDays", weekDays, { default: () => ({}) }],
  ["workWeeks", array(workWeek), { default: () => [] }],
  ["exceptions", array(exception), { default: () => [] }],
  ["timeZone", timeZone, "optional"],
  ["extensions", extensions, "optional"],
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
  const fast = fastCalendar(input);
  if (fast !== undefined) return { ok: true, value: fast };
  return validateCalendarGeneral(input);
}

/**
 * The general path of {@link validateCalendarInput}: every value through the field tables, every issue
 * collected. Exported for the test that checks the fast path against it.
 *
 * @internal
 */
export function validateCalendarGeneral(input: unknown): CalendarValidation {
  const out: Out = [];
  const value = object(input, undefined, out, CALENDAR_FIELDS, false);
  if (out.length === 0) return { ok: true, value: value as Calendar };
  return { ok: false, issues: out.map(({ code, path, message }) => ({ code, path, message })) };
}

// Fast path. Nearly every calendar that reaches the validator is valid and plain: a reader or a
// preset built it, and compiling or importing validates it again. `fastCalendar` checks and copies
// such a calendar in one specialised pass, with no paths and no issue bookkeeping. It gives up
// (returns undefined) on anything else: an invalid value, a recurrence, a time zone, an unknown key
// in a strict object, extensions that are not JSON (checked and copied by the general path's own
// function). The general path then gives the answer and its issues. A property test checks that
// whatever the fast path returns equals the general path's value, key order included.

/** Whether every own and inherited enumerable key of `v` is `a` or `b`. */
function keysIn2(v: Rec, a: string, b: string): boolean {
  for (const k in v) if (k !== a && k !== b) return false;
  return true;
}

function isDateString(v: unknown): v is string {
  return typeof v === "string" && isValidDate(v);
}

/** Copy of a valid `times` array, or undefined. */
function fastTimes(v: unknown): Array<{ from: string; to: string }> | undefined {
  if (!Array.isArray(v)) return undefined;
  const res: Array<{ from: string; to: string }> = [];
  let prevTo = -1;
  for (let i = 0; i < v.length; i++) {
    const t: unknown = v[i];
    if (!isObject(t) || !keysIn2(t, "from", "to")) return undefined;
    const from = t["from"];
    const to = t["to"];
    if (typeof from !== "string" || typeof to !== "string" || !TIME_RE.test(from) || !TIME_RE.test(to))
      return undefined;
    const f = timeToMinutes(from);
    const e = timeToMinutes(to);
    if (from === "24:00" || f >= e || f < prevTo) return undefined;
    prevTo = e;
    res.push({ from, to });
  }
  return res;
}

/**
 * Copies `working` and the optional `times` of a day pattern or exception into `res` (in the
 * schema's key order), or returns false when they are invalid.
 */
function fastWorking(v: Rec, res: Rec): boolean {
  const working = v["working"];
  if (typeof working !== "boolean") return false;
  res["working"] = working;
  if ("times" in v) {
    const tv = v["times"];
    if (tv === undefined) res["times"] = undefined;
    else {
      const times = fastTimes(tv);
      if (times === undefined || (working ? times.length === 0 : times.length > 0)) return false;
      res["times"] = times;
    }
  }
  return true;
}

function fastWeekDays(v: unknown): Rec | undefined {
  if (!isObject(v)) return undefined;
  // Any key that is not a day name makes the strict object invalid.
  for (const k in v) if (!(DAY_NAMES as readonly string[]).includes(k)) return undefined;
  const res: Rec = {};
  for (const name of DAY_NAMES) {
    if (!(name in v)) continue;
    const d = v[name];
    if (d === undefined || d === null) {
      res[name] = d;
      continue;
    }
    if (!isObject(d) || !keysIn2(d, "working", "times")) return undefined;
    const day: Rec = {};
    if (!fastWorking(d, day)) return undefined;
    res[name] = day;
  }
  return res;
}

/**
 * Copies the optional `name` (a string) and the dates `from` ≤ `to` of a work week or an exception
 * into `res`, in the schema's key order; false when they are invalid.
 */
function fastNamedRange(v: Rec, res: Rec): boolean {
  if ("name" in v) {
    const name = v["name"];
    if (name !== undefined && typeof name !== "string") return false;
    res["name"] = name;
  }
  const from = v["from"];
  const to = v["to"];
  if (!isDateString(from) || !isDateString(to) || from > to) return false;
  res["from"] = from;
  res["to"] = to;
  return true;
}

function fastWorkWeek(v: unknown): Rec | undefined {
  if (!isObject(v)) return undefined;
  for (const k in v) if (k !== "name" && k !== "from" && k !== "to" && k !== "weekDays") return undefined;
  const res: Rec = {};
  if (!fastNamedRange(v, res)) return undefined;
  const weekDays = fastWeekDays(v["weekDays"]);
  if (weekDays === undefined) return undefined;
  res["weekDays"] = weekDays;
  return res;
}

function fastException(v: unknown): Rec | undefined {
  if (!isObject(v)) return undefined;
  for (const k in v)
    if (k !== "name" && k !== "from" && k !== "to" && k !== "working" && k !== "times" && k !== "recurrence")
      return undefined;
  const res: Rec = {};
  if (!fastNamedRange(v, res)) return undefined;
  if (!fastWorking(v, res)) return undefined;
  if ("recurrence" in v) {
    // Recurrences (a union of six shapes, with a default) are left to the general path.
    if (v["recurrence"] !== undefined) return undefined;
    res["recurrence"] = undefined;
  }
  return res;
}

function fastList(v: unknown, item: (x: unknown) => Rec | undefined): Rec[] | undefined {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return undefined;
  const res: Rec[] = [];
  for (let i = 0; i < v.length; i++) {
    const x = item(v[i]);
    if (x === undefined) return undefined;
    res.push(x);
  }
  return res;
}

/**
 * The validated copy of a valid, plain calendar (exactly the general path's value), or undefined
 * when the general path must decide.
 *
 * @internal
 */
export function fastCalendar(input: unknown): Calendar | undefined {
  if (!isObject(input)) return undefined;
  const id = input["id"];
  const name = input["name"];
  if (typeof id !== "string" || id.length === 0 || typeof name !== "string") return undefined;
  const res: Rec = { id, name };
  if ("parentId" in input) {
    const parentId = input["parentId"];
    if (parentId !== undefined && (typeof parentId !== "string" || parentId.length === 0)) return undefined;
    res["parentId"] = parentId;
  }
  const wd = input["weekDays"];
  const weekDays = wd === undefined ? {} : fastWeekDays(wd);
  if (weekDays === undefined) return undefined;
  res["weekDays"] = weekDays;
  const workWeeks = fastList(input["workWeeks"], fastWorkWeek);
  if (workWeeks === undefined) return undefined;
  res["workWeeks"] = workWeeks;
  const exceptions = fastList(input["exceptions"], fastException);
  if (exceptions === undefined) return undefined;
  res["exceptions"] = exceptions;
  if ("timeZone" in input) {
    // Checking a time zone builds an Intl formatter: the general path does it.
    if (input["timeZone"] !== undefined) return undefined;
    res["timeZone"] = undefined;
  }
  if ("extensions" in input) {
    const ext = input["extensions"];
    if (ext === undefined) res["extensions"] = undefined;
    else {
      // Vendor data is small: the general path's own check and copy, taken when it finds nothing.
      const issues: Out = [];
      const copy = extensions(ext, undefined, issues);
      if (issues.length > 0) return undefined;
      res["extensions"] = copy;
    }
  }
  return res as Calendar;
}
